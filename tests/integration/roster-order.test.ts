/**
 * The roster sorted by 班级, 年级 or 专业 reads pages by walking classes in order when many students
 * match (db/queries/roster.ts). Whatever the path, every page must be exactly the slice of the one
 * documented order: class key ascending/descending, then id; students without a class first when
 * ascending, last when descending.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeApp, type TestApp } from '../support/harness';

const A = 'admin-client';
let app: TestApp;

interface Row { id: number; namePinyin: string; gender: string; status: string; classId: number | null; className: string | null; cohortYear: number | null; majorName: string | null; majorId: number | null }
let rows: Row[];

beforeAll(async () => {
  app = makeApp();
  await app.setup(A);
  await app.call(A, 'setup.loadDemo', { students: 2000 });
  // Some students without a class (e.g. registered before classes were set up).
  app.core.folder.raw().prepare('UPDATE students SET class_id = NULL WHERE id % 97 = 0').run();
  rows = app.core.folder.raw().prepare(
    `SELECT s.id, s.name_pinyin AS namePinyin, s.gender, s.status, s.class_id AS classId, c.name AS className, c.cohort_year AS cohortYear, m.name AS majorName, m.id AS majorId
       FROM students s LEFT JOIN classes c ON c.id = s.class_id LEFT JOIN majors m ON m.id = c.major_id`,
  ).all() as Row[];
});
afterAll(() => app.remove());

type Key = (string | number | null)[];
const KEYS: Record<'className' | 'cohortYear' | 'majorName' | 'name' | 'gender' | 'status', (r: Row) => Key> = {
  name: (r) => [r.namePinyin, r.id],
  gender: (r) => [r.gender, r.id],
  status: (r) => [r.status, r.id],
  className: (r) => [r.className, r.id],
  cohortYear: (r) => [r.cohortYear, r.className, r.id],
  majorName: (r) => [r.majorName, r.majorId, r.className, r.id],
};
/** SQLite order: NULL first, numbers by value, text by code point (CJK here is all in the BMP). */
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

describe('roster sorted by class, cohort or major', () => {
  const filters: [string, (r: Row) => boolean, Record<string, unknown>][] = [
    ['no filter', () => true, {}],
    ['女', (r) => r.gender === '2', { gender: '2' }],
    ['在籍在校', (r) => r.status === 'enrolled', { status: 'enrolled' }],
  ];
  // A cohort or major holds a large share of the students: sorted by a student's own column, the
  // page is read by walking that column's index (see rosterPage).
  for (const field of ['name', 'gender', 'status'] as const) {
    it(`${field} within one cohort or major: every page is the slice of one order`, async () => {
      const cohort = rows.find((r) => r.cohortYear !== null)!.cohortYear!;
      const major = rows.find((r) => r.majorId !== null)!.majorId!;
      const cases: [(r: Row) => boolean, Record<string, unknown>][] = [[(r) => r.cohortYear === cohort, { cohortYear: cohort }], [(r) => r.majorId === major, { majorId: major }]];
      for (const [keep, filter] of cases) {
        for (const dir of ['asc', 'desc'] as const) {
          const expected = rows.filter(keep).sort((a, b) => compare(KEYS[field](a), KEYS[field](b)) * (dir === 'asc' ? 1 : -1)).map((r) => r.id);
          for (const page of [0, 2, Math.floor((expected.length - 1) / 50)]) {
            const got = await app.call(A, 'students.list', { page, pageSize: 50, filter, sort: { field, dir } });
            expect(got.total).toBe(expected.length);
            expect(got.rows.map((r) => r.id)).toEqual(expected.slice(page * 50, (page + 1) * 50));
          }
        }
      }
    });
  }

  for (const field of ['className', 'cohortYear', 'majorName'] as const) {
    for (const dir of ['asc', 'desc'] as const) {
      it(`${field} ${dir}: every page is the slice of one order, students without a class at the ${dir === 'asc' ? 'start' : 'end'}`, async () => {
        const cohort = rows.find((r) => r.cohortYear !== null)!.cohortYear!;
        const all: [string, (r: Row) => boolean, Record<string, unknown>][] = [...filters, ['one cohort', (r) => r.cohortYear === cohort, { cohortYear: cohort }]];
        for (const [, keep, filter] of all) {
          const expected = rows.filter(keep).sort((a, b) => compare(KEYS[field](a), KEYS[field](b)) * (dir === 'asc' ? 1 : -1)).map((r) => r.id);
          const pageSize = 50;
          const lastPage = Math.floor((expected.length - 1) / pageSize);
          for (const page of [0, 1, Math.floor(lastPage / 2), lastPage]) {
            const got = await app.call(A, 'students.list', { page, pageSize, filter, sort: { field, dir } });
            expect(got.total).toBe(expected.length);
            expect(got.rows.map((r) => r.id)).toEqual(expected.slice(page * pageSize, (page + 1) * pageSize));
          }
        }
      });
    }
  }
});
