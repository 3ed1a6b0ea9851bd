/**
 * 年级, 专业 and 班级 filters take several values (issue 12 #8): the roster lists the students of any
 * of them, in the one documented order whichever read path the query takes (the class walk for
 * 班级/年级 sorts, the sort-index walk for a large share, the plain sort otherwise); 全选, export
 * and saved views take the same filter, and views saved with one number still work.
 */
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeApp, type TestApp } from '../support/harness';

const A = 'admin-client';
let app: TestApp;

interface Row { id: number; studentNo: string | null; namePinyin: string; classId: number | null; className: string | null; cohortYear: number | null; majorId: number | null }
let rows: Row[];

beforeAll(async () => {
  app = makeApp();
  await app.setup(A);
  await app.call(A, 'setup.loadDemo', { students: 2000 });
  app.core.folder.raw().prepare('UPDATE students SET class_id = NULL WHERE id % 97 = 0').run();
  rows = app.core.folder.raw().prepare(
    `SELECT s.id, s.student_no AS studentNo, s.name_pinyin AS namePinyin, s.class_id AS classId, c.name AS className, c.cohort_year AS cohortYear, c.major_id AS majorId
       FROM students s LEFT JOIN classes c ON c.id = s.class_id`,
  ).all() as Row[];
});
afterAll(() => app.remove());

type Key = (string | number | null)[];
const KEYS = {
  studentNo: (r: Row): Key => [r.studentNo, r.id],
  name: (r: Row): Key => [r.namePinyin, r.id],
  className: (r: Row): Key => [r.className, r.id],
  cohortYear: (r: Row): Key => [r.cohortYear, r.className, r.id],
};
function compare(a: Key, b: Key): number {
  for (let i = 0; i < a.length; i++) {
    const x = a[i]!, y = b[i]!;
    if (x === y) continue;
    if (x === null) return -1;
    if (y === null) return 1;
    return x < y ? -1 : 1;
  }
  return 0;
}
const distinct = <T>(xs: T[]) => [...new Set(xs)];

async function expectPages(filter: Record<string, unknown>, keep: (r: Row) => boolean) {
  for (const field of ['studentNo', 'name', 'className', 'cohortYear'] as const) {
    for (const dir of ['asc', 'desc'] as const) {
      const expected = rows.filter(keep).sort((a, b) => compare(KEYS[field](a), KEYS[field](b)) * (dir === 'asc' ? 1 : -1)).map((r) => r.id);
      const lastPage = Math.floor((expected.length - 1) / 50);
      for (const page of [0, 1, lastPage]) {
        const got = await app.call(A, 'students.list', { page, pageSize: 50, filter, sort: { field, dir } });
        expect(got.total, `${JSON.stringify(filter)} ${field} ${dir}`).toBe(expected.length);
        expect(got.rows.map((r) => r.id), `${JSON.stringify(filter)} ${field} ${dir} page ${page}`).toEqual(expected.slice(page * 50, (page + 1) * 50));
      }
    }
  }
}

describe('roster filters with several values', () => {
  it('two classes: the students of both and no others, in order on every path', async () => {
    const classes = distinct(rows.map((r) => r.classId).filter((c): c is number => c !== null)).slice(0, 2);
    expect(classes).toHaveLength(2);
    await expectPages({ classId: classes }, (r) => r.classId !== null && classes.includes(r.classId));
  });

  it('two grades (a large share: the index walks): the students of both, in order on every path', async () => {
    const cohorts = distinct(rows.map((r) => r.cohortYear).filter((c): c is number => c !== null)).sort();
    expect(cohorts.length).toBeGreaterThanOrEqual(2);
    const two = cohorts.slice(0, 2);
    await expectPages({ cohortYear: two }, (r) => r.cohortYear !== null && two.includes(r.cohortYear));
  });

  it('several classes within two grades, and two majors: the conditions combine', async () => {
    const cohorts = distinct(rows.map((r) => r.cohortYear).filter((c): c is number => c !== null)).sort().slice(0, 2);
    const classes = distinct(rows.filter((r) => r.cohortYear === cohorts[0]).map((r) => r.classId!)).slice(0, 3);
    const majors = distinct(rows.map((r) => r.majorId).filter((m): m is number => m !== null)).slice(0, 2);
    await expectPages({ cohortYear: cohorts, classId: classes }, (r) => classes.includes(r.classId!));
    await expectPages({ majorId: majors }, (r) => r.majorId !== null && majors.includes(r.majorId));
    // An empty list filters nothing out (nothing is chosen).
    expect((await app.call(A, 'students.list', { page: 0, pageSize: 1, filter: { classId: [] } })).total).toBe(rows.length);
  });

  it('全选, export and saved views take the same several values; a view saved with one class still works', async () => {
    const classes = distinct(rows.map((r) => r.classId).filter((c): c is number => c !== null)).slice(0, 2);
    const expected = rows.filter((r) => r.classId !== null && classes.includes(r.classId)).map((r) => r.id).sort((a, b) => a - b);
    const ids = await app.call(A, 'students.ids', { filter: { classId: classes } });
    expect(ids.total).toBe(expected.length);
    expect([...ids.ids].sort((a, b) => a - b)).toEqual(expected);

    const out = await app.call(A, 'students.export', { filter: { classId: classes }, columns: ['studentNo', 'name'], jobId: 'export-multi-1' });
    expect(out.rows).toBe(expected.length);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(app.output(A, 'export-multi-1') as unknown as ArrayBuffer);
    expect(wb.worksheets[0]!.rowCount).toBe(expected.length + 1);

    const saved = await app.call(A, 'views.save', { name: '两个班', definition: { filter: { classId: classes }, columns: ['studentNo', 'name'] } });
    expect(saved.definition.filter.classId).toEqual(classes);
    // A view stored before filters took several values holds one number.
    app.core.folder.raw().prepare('UPDATE saved_views SET definition = ? WHERE id = ?').run(JSON.stringify({ filter: { classId: classes[0], cohortYear: rows.find((r) => r.classId === classes[0])!.cohortYear }, columns: ['studentNo'] }), saved.id);
    const views = await app.call(A, 'views.list', {});
    const old = views.find((v) => v.id === saved.id)!;
    expect(old.definition.filter.classId).toBe(classes[0]);
    const listed = await app.call(A, 'students.list', { page: 0, pageSize: 50, filter: old.definition.filter });
    expect(listed.total).toBe(rows.filter((r) => r.classId === classes[0]).length);
  });
});
