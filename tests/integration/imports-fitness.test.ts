/**
 * The 体质健康测试成绩 import (issue 16) through the import pipeline, against the real encrypted
 * database: a platform export with its test items beside 总分 (not taken for it), a bad 总分 and an
 * unknown 学号 named by row and column while nothing is written, the problem workbook, the valid rows
 * written with --skip-invalid's twin skipInvalid, a score replacing the one recorded for that 学年,
 * the graduation audit's fitness check passing with the score shown, and undo putting back what was
 * there — the later batch first.
 */
import ExcelJS from 'exceljs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { COUNSELOR, makeApp, type TestApp } from '../support/harness';
import { numberedId, workbook } from '../support/roster-fixtures';

const A = 'admin-client';
const CLERK = { username: 'sun', displayName: '孙老师', role: 'clerk', password: 'Clerk12345xy', client: 'clerk-client' } as const;
const K = CLERK.client;

let app: TestApp;
let majorId = 0;
const ids: Record<string, number> = {};
const nos: Record<string, string> = {};

const sql = (q: string, ...args: unknown[]) => app.core.folder.db().$client.prepare(q).run(...args);
const stored = () =>
  app.core.folder
    .raw()
    .prepare('SELECT s.name, f.school_year AS year, f.score, f.entered_by AS by, f.batch_id AS batch, f.replaced FROM fitness_scores f JOIN students s ON s.id = f.student_id ORDER BY s.student_no, f.school_year')
    .all() as { name: string; year: number; score: number; by: string; batch: number | null; replaced: string | null }[];

const HEADERS = ['序号', '学号', '姓名', '测试学年', '肺活量得分', '50米跑', '总分', '等级'];
/** The platform's export: a title row, the header, one row per student with the test items beside 总分. */
const sheet = (rows: [string, string, string, ExcelJS.CellValue][]) =>
  workbook([{
    name: '体测成绩',
    rows: [['2025-2026学年 国家学生体质健康标准测试成绩'], HEADERS, ...rows.map(([no, name, year, score], i) => [i + 1, no, name, year, 78, 7.9, score, '及格'])],
  }]);

beforeEach(async () => {
  app = makeApp();
  await app.setup();
  await app.addStaff();
  await app.addUser(CLERK, K);
  majorId = (await app.call(A, 'org.createMajor', { code: '510201', name: '软件技术', level: '专科', lengthYears: '3', studyForm: '普通全日制' })).id;
  const classId = (await app.call(A, 'org.createClass', { name: '软件2301班', majorId, cohortYear: 2023 })).id;
  const plan = await app.call(K, 'plans.save', {
    majorId, cohortYear: 2023, name: '软件技术2023级',
    courses: [{ code: 'MATH101', name: '高等数学', nameEn: '', credits: '4', hours: 64, nature: '必修', module: '公共基础', assessment: '考试', term: 1, scale: '百分制', countsTowardGpa: true }],
  });
  for (const [i, name] of ['张三', '李四', '王五'].entries()) {
    const s = await app.call(A, 'students.create', { studentNo: `202351020100${i + 1}`, name, gender: i % 2 === 0 ? '1' : '2', birthDate: '2006-02-01', idNumber: numberedId(i + 1), enrolmentDate: '2023-09-01', classId, guardians: [] });
    ids[name] = s.id;
    nos[name] = s.studentNo!;
    // As the graduation tests: the class history starts at 入学 (the record was typed in "today").
    sql('UPDATE class_history SET from_date = ? WHERE student_id = ?', '2023-09-01', s.id);
    sql('DELETE FROM status_history WHERE student_id = ?', s.id);
  }
  await app.call(K, 'grades.save', {
    courseId: plan.courses[0]!.id, classId, term: '2023-2024-1',
    entries: Object.values(ids).map((studentId) => ({ studentId, attempt: '正考' as const, score: '80' })),
  });
  // 李四 was tested before: 40 in 2025-2026, entered by someone else.
  sql("INSERT INTO fitness_scores (student_id, school_year, score, entered_by, entered_at) VALUES (?, 2025, 40, 'zhou', '2026-06-01T00:00:00.000Z')", ids['李四']);
});
afterEach(() => app?.remove());

async function prepared(bytes: Buffer, fileName = '体测成绩.xlsx') {
  const opened = await app.call(K, 'imports.open', { ...app.upload(K, fileName, bytes), spec: 'fitness' });
  const sheetName = opened.sheets[0]!.name;
  const inspected = await app.call(K, 'imports.inspect', { uploadId: opened.uploadId, sheet: sheetName });
  return { inspected, options: { uploadId: opened.uploadId, sheet: sheetName, mapping: inspected.mapping } };
}

/** The audit's fitness check of one student, after auditing the cohort. */
async function fitnessCheck(name: string) {
  await app.call(K, 'graduation.audit', { cohortYear: 2023, majorId, jobId: `audit-${Math.random()}` });
  const detail = await app.call(K, 'graduation.detail', { studentId: ids[name]! });
  const row = (await app.call(K, 'graduation.results', { cohortYear: 2023 })).rows.find((r) => r.name === name)!;
  return { check: detail.checks.find((c) => c.kind === 'fitness')!, outcome: row.outcome, deficiencies: row.deficiencies };
}

describe('体质健康测试成绩 import', () => {
  it('names a bad 总分 and an unknown 学号 by row and column, writes the valid rows, replaces a 学年’s score; the audit then passes with the score shown; undo restores', async () => {
    const before = await fitnessCheck('张三');
    expect(before.check).toMatchObject({ passed: false, actual: null });
    expect(before.deficiencies).toContain('体质健康测试 没有成绩（须不低于 50 分）');

    const { inspected, options } = await prepared(await sheet([
      [nos['张三']!, '张三', '2025-2026', 85.5],
      ['2023510201099', '赵六', '2025-2026', 70],
      [nos['李四']!, '李四', '2025-2026学年', '７２'],
      [nos['王五']!, '王五', '2025-2026', 105],
      [nos['王五']!, '王五', '2024-2025', 66.25],
    ]));
    expect(inspected.headerRow).toBe(2);
    const byHeader = Object.fromEntries(Object.entries(inspected.mapping).map(([i, f]) => [inspected.headers[Number(i)], f]));
    expect(byHeader).toEqual({ 学号: 'studentNo', 姓名: 'name', 测试学年: 'schoolYear', 总分: 'score' });
    // The test items and the 等级 are not the 总分.
    expect(inspected.unmapped.map((u) => u.header)).toEqual(['序号', '肺活量得分', '50米跑', '等级']);

    const preview = await app.call(K, 'imports.preview', options);
    expect(preview).toMatchObject({ spec: 'fitness', rows: 5, valid: 2, invalid: 3, toAdd: 1, toUpdate: 1 });
    expect(preview.fitness).toEqual({ students: 2, schoolYears: ['2025-2026'], replaces: 1, alreadyRecorded: 0 });
    expect(preview.issues.map((i) => [i.row, i.column, i.field, i.code, i.severity, i.message])).toEqual([
      [4, '学号', 'studentNo', 'UNKNOWN_STUDENT', 'error', '第 4 行“学号”：系统中没有学号为 2023510201099 的学生'],
      [5, '总分', 'score', 'SCORE_REPLACES', 'warning', '第 5 行“总分”：系统中已有李四（学号 2023510201002）的 2025-2026 学年总分 40（zhou 录入），导入后改为 72；撤销本次导入可恢复'],
      [6, '总分', 'score', 'SCORE_OUT_OF_RANGE', 'error', '第 6 行“总分”：总分应在 0–100 之间（读到 105）'],
      [7, '总分', 'score', 'NUMBER_FORMAT', 'error', '第 7 行“总分”：总分最多保留一位小数（读到 66.25）'],
    ]);
    expect(preview.issues.find((i) => i.row === 6)!.name).toBe('王五');

    // Refused whole while a row is invalid: nothing written, no batch.
    const refused = await app.call(K, 'imports.commit', options);
    expect(refused).toMatchObject({ spec: 'fitness', batchId: null, imported: 0, skipped: 5 });
    expect(refused.errors.map((e) => [e.row, e.column, e.code])).toEqual([[4, '学号', 'UNKNOWN_STUDENT'], [6, '总分', 'SCORE_OUT_OF_RANGE'], [7, '总分', 'NUMBER_FORMAT']]);
    expect(stored().map((r) => [r.name, r.score])).toEqual([['李四', 40]]);

    // The problem workbook: the bad rows as they were, the 105 filled red, the reason beside it.
    const report = await app.call(K, 'imports.errorReport', { ...options, jobId: 'fitness-report' });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(app.output(K, report.jobId) as unknown as ArrayBuffer);
    const ws = wb.worksheets[0]!;
    const rowOf105 = [...Array(ws.rowCount).keys()].map((i) => ws.getRow(i + 1)).find((r) => r.getCell(7).value === 105)!;
    expect((rowOf105.getCell(7).fill as ExcelJS.FillPattern).fgColor?.argb).toBe('FFFFC7CE');
    expect(rowOf105.values!.toString()).toContain('总分应在 0–100 之间');

    const done = await app.call(K, 'imports.commit', { ...options, skipInvalid: true });
    expect(done).toMatchObject({ spec: 'fitness', rows: 5, imported: 1, updated: 1, skipped: 3, fitness: { students: 2, replaced: 1 } });
    const first = done.batchId!;
    expect(stored().map(({ replaced, ...r }) => r)).toEqual([
      { name: '张三', year: 2025, score: 85.5, by: 'sun', batch: first },
      { name: '李四', year: 2025, score: 72, by: 'sun', batch: first },
    ]);
    expect(JSON.parse(stored()[1]!.replaced!)).toEqual({ score: 40, enteredBy: 'zhou', enteredAt: '2026-06-01T00:00:00.000Z', batchId: null, replaced: null });

    // The audit reads it: the fitness check passes with the score shown.
    const after = await fitnessCheck('张三');
    expect(after.check).toMatchObject({ passed: true, actual: '85.5', required: '50' });
    expect(after.outcome).toBe('毕业');
    expect((await fitnessCheck('李四')).check).toMatchObject({ passed: true, actual: '72' });

    // Audited: one entry for the batch, one part per student with before and after.
    const [entry] = (await app.call(A, 'audit.list', { page: 0, pageSize: 5, action: 'fitness.import' })).rows;
    expect(entry).toMatchObject({ entity: 'import', entityId: String(first), childCount: 2 });

    // A later import replaces 张三's score again; the first batch then waits for it.
    const again = await prepared(await sheet([[nos['张三']!, '张三', '2025-2026', 90], [nos['李四']!, '李四', '2025-2026', 72]]), '补测.xlsx');
    const p2 = await app.call(K, 'imports.preview', again.options);
    expect(p2).toMatchObject({ valid: 2, invalid: 0, toAdd: 0, toUpdate: 1, fitness: { replaces: 1, alreadyRecorded: 1 } });
    expect(p2.issues.map((i) => [i.row, i.code])).toEqual([[3, 'SCORE_REPLACES'], [4, 'ALREADY_RECORDED']]);
    const second = (await app.call(K, 'imports.commit', again.options)).batchId!;
    expect((await fitnessCheck('张三')).check.actual).toBe('90');

    const batches = await app.call(K, 'imports.batches', {});
    expect(batches.find((b) => b.id === first)).toMatchObject({ spec: 'fitness', undoable: false, undoBlockedReason: `学生 张三（学号 ${nos['张三']}）的 2025-2026 学年体质健康测试成绩已被之后的导入批次 #${second} 替换，请先撤销批次 #${second}` });
    expect((await app.fails(K, 'imports.undo', { id: first })).code).toBe('CONFLICT');
    // The counselor may not import or undo scores.
    expect((await app.fails(COUNSELOR.client, 'imports.undo', { id: second })).code).toBe('FORBIDDEN');
    expect((await app.fails(COUNSELOR.client, 'imports.template', { spec: 'fitness' })).code).toBe('FORBIDDEN');

    expect(await app.call(K, 'imports.undo', { id: second })).toEqual({ removed: 0, restored: 1 });
    expect(stored().map((r) => [r.name, r.score, r.batch])).toEqual([['张三', 85.5, first], ['李四', 72, first]]);
    expect(await app.call(K, 'imports.undo', { id: first })).toEqual({ removed: 1, restored: 1 });
    // 张三 has no score again; 李四's 40 is back as 周 entered it.
    expect(stored().map(({ replaced, ...r }) => r)).toEqual([{ name: '李四', year: 2025, score: 40, by: 'zhou', batch: null }]);
    expect(stored()[0]!.replaced).toBeNull();
    expect((await fitnessCheck('张三')).check).toMatchObject({ passed: false, actual: null });
    expect((await fitnessCheck('李四')).deficiencies).toContain('体质健康测试 40 分，低于 50 分');
    const undoEntry = (await app.call(A, 'audit.list', { page: 0, pageSize: 1, action: 'imports.undo' })).rows[0]!;
    expect(undoEntry.summary).toBe(`撤销导入体质健康测试成绩批次 #${first}《体测成绩.xlsx》：删除该批次新增的 1 条成绩，恢复被替换的 1 条`);
  }, 60_000);

  it('two rows for one student and 学年 are both refused; a 学年 not yet begun or unreadable is named; students found by 身份证号', async () => {
    const bytes = await workbook([{
      name: 'Sheet1',
      rows: [
        ['身份证号', '学年', '学年总分'],
        [numberedId(1), '2025-2026', 60],
        [numberedId(1), '2025—2026', 61],
        [numberedId(2), '2030-2031', 70],
        [numberedId(3), '去年', 70],
        [numberedId(3), '2024', 49.5],
      ],
    }]);
    const { inspected, options } = await prepared(bytes);
    expect(inspected.missingRequired).toEqual([]);
    const preview = await app.call(K, 'imports.preview', options);
    expect(preview.issues.map((i) => [i.row, i.column, i.code])).toEqual([
      [2, '学年', 'DUPLICATE_IN_FILE'], [3, '学年', 'DUPLICATE_IN_FILE'], [4, '学年', 'SCHOOL_YEAR_FORMAT'], [5, '学年', 'SCHOOL_YEAR_FORMAT'],
    ]);
    expect(preview.issues[0]!.message).toContain('与第 3 行重复');
    expect(preview.issues[2]!.message).toBe('第 4 行“学年”：测试学年 2030-2031 还没有开始');
    const done = await app.call(K, 'imports.commit', { ...options, skipInvalid: true });
    expect(done).toMatchObject({ imported: 1, skipped: 4 });
    expect(stored().map((r) => [r.name, r.year, r.score])).toEqual([['李四', 2025, 40], ['王五', 2024, 49.5]]);
  });
});
