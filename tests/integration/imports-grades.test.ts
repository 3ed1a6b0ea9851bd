/**
 * The grade import (issue 15 "Grades") through the import pipeline, against the real encrypted
 * database: 教务系统 exports read as they are (成绩 as numbers and words, 考试性质 variants, students by
 * 学号 or 身份证号), every bad cell named by row and column with a stable code while nothing is
 * written, the problem workbook, and a batch that can be undone only while its grades are as they
 * were imported.
 */
import ExcelJS from 'exceljs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { CallInput } from '../../shared/ipc/contract';
import { COUNSELOR, makeApp, type TestApp } from '../support/harness';
import { gradeExport, type GradeLine } from '../support/grade-fixtures';
import { makeId } from '../support/roster-fixtures';

let app: TestApp;
const A = 'admin-client';
const CLERK = { username: 'sun', displayName: '孙老师', role: 'clerk', password: 'Clerk12345xy', client: 'clerk-client' } as const;
const K = CLERK.client;
let classId: number;
let planId: number;
const students: Record<string, { id: number; studentNo: string; idNumber: string }> = {};

type CourseIn = CallInput<'plans.save'>['courses'][number];
const course = (code: string, name: string, credits: string, over: Partial<CourseIn> = {}): CourseIn => ({
  code, name, nameEn: '', credits, hours: 32, nature: '必修', module: '公共基础', assessment: '考试', term: 1, scale: '百分制', countsTowardGpa: true, ...over,
});

beforeEach(async () => {
  app = makeApp();
  await app.setup();
  await app.addStaff();
  await app.addUser(CLERK, K);
  const majorId = (await app.call(A, 'org.createMajor', { code: '510201', name: '计算机应用技术', level: '专科', lengthYears: '3', studyForm: '普通全日制' })).id;
  classId = (await app.call(A, 'org.createClass', { name: '计算机2601班', majorId, cohortYear: 2026 })).id;
  for (const [i, name] of ['张三', '李四', '王五'].entries()) {
    const idNumber = makeId('110105', '20070501', String(11 + 2 * i).padStart(3, '0'));
    const s = await app.call(A, 'students.create', { studentNo: `202651020100${i + 1}`, name, gender: '1', birthDate: '2007-05-01', idNumber, enrolmentDate: '2026-09-01', classId, guardians: [] });
    students[name] = { id: s.id, studentNo: s.studentNo!, idNumber };
  }
  planId = (
    await app.call(K, 'plans.save', {
      majorId, cohortYear: 2026, name: '计算机应用技术专业2026级人才培养方案',
      courses: [course('MATH101', '高等数学', '4'), course('ENG101', '大学英语', '2', { scale: '五级制' }), course('PE101', '体育', '1', { scale: '两级制' }), course('CS101', '程序设计基础', '3', { term: 2 })],
    })
  ).id;
});
afterEach(() => app?.remove());

async function prepared(bytes: Buffer, client: string = K, fileName = '成绩.xlsx') {
  const opened = await app.call(client, 'imports.open', { ...app.upload(client, fileName, bytes), spec: 'grades' });
  const sheet = opened.sheets[0]!.name;
  const inspected = await app.call(client, 'imports.inspect', { uploadId: opened.uploadId, sheet });
  return { opened, inspected, options: { uploadId: opened.uploadId, sheet, mapping: inspected.mapping } };
}

/** Every grade row, as stored. */
const stored = () =>
  app.core.folder
    .raw()
    .prepare(
      `SELECT s.name, g.course_code AS code, g.attempt_no AS no, g.kind, g.score, g.absent, g.void, g.term, g.batch_id AS batch
         FROM grades g JOIN students s ON s.id = g.student_id ORDER BY s.student_no, g.course_code, g.attempt_no`,
    )
    .all() as { name: string; code: string; no: number; kind: string; score: string | null; absent: number; void: number; term: string; batch: number | null }[];

const no = (name: string) => students[name]!.studentNo;

describe('grade import', () => {
  it('reads an export as it is: text and numeric 成绩, 考试性质 variants, 学号 or 身份证号, terms written two ways', async () => {
    const lines: GradeLine[] = [
      { studentNo: no('张三'), name: '张三', code: 'MATH101', courseName: '高等数学', term: '2026-2027-1', kind: '正常考试', score: 85 },
      { studentNo: no('李四'), name: '李 四', code: 'math101', courseName: '高等数学', term: '2026-2027学年第一学期', kind: '正考', score: '72.5' },
      { studentNo: no('王五'), code: 'MATH101', term: '2026-2027-1', kind: '正考', score: '缺考' },
      { studentNo: no('王五'), code: 'MATH101', term: '2026-2027-2', kind: '补考', score: '６５' },
      { idNumber: students['张三']!.idNumber, code: 'ENG101', courseName: '大学英语', kind: '正考', score: '优秀' },
      { studentNo: no('李四'), code: 'ENG101', kind: '正考', score: '作弊' },
      { studentNo: no('王五'), code: 'ENG101', kind: '正考', score: '免修' },
      { studentNo: no('张三'), code: 'PE101', courseName: '体育（一）', kind: '正考', score: '合格' },
      { studentNo: no('李四'), code: 'PE101', kind: '缓考', score: '不合格' },
    ];
    const { inspected, options } = await prepared(await gradeExport(lines));
    expect(inspected.headerRow).toBe(2);
    const byHeader = Object.fromEntries(Object.entries(inspected.mapping).map(([i, f]) => [inspected.headers[Number(i)], f]));
    expect(byHeader).toEqual({ 学号: 'studentNo', 身份证号: 'idNumber', 姓名: 'name', 课程号: 'courseCode', 课程名称: 'courseName', 学年学期: 'term', 考试性质: 'kind', 总评成绩: 'score' });
    // 平时成绩 is a part of the grade, 学分 a figure beside it: neither is taken for 成绩.
    expect(inspected.unmapped.map((u) => u.header)).toEqual(['序号', '平时成绩', '学分']);
    expect(inspected.missingRequired).toEqual([]);
    expect(inspected.fields.map((f) => f.key)).toContain('courseCode');

    const preview = await app.call(K, 'imports.preview', options);
    expect(preview).toMatchObject({ spec: 'grades', rows: 9, valid: 9, invalid: 0, toAdd: 9, toUpdate: 0 });
    expect(preview.grades).toMatchObject({ students: 3, courses: 3, terms: ['2026-2027-1', '2026-2027-2'], alreadyRecorded: 0 });
    expect(preview.grades!.byKind).toEqual([{ kind: '正考', count: 6 }, { kind: '补考', count: 1 }, { kind: '缓考', count: 1 }, { kind: '免修', count: 1 }]);
    // Only notes: the 课程名称 differs from the plan's, a grade outside the course's scale is kept as written.
    expect(preview.issues.map((i) => [i.row, i.column, i.code, i.severity])).toEqual([[10, '课程名称', 'COURSE_NAME_MISMATCH', 'warning']]);
    expect(preview.roster).toBeUndefined();

    const done = await app.call(K, 'imports.commit', options);
    expect(done).toMatchObject({ spec: 'grades', rows: 9, imported: 9, updated: 0, skipped: 0, grades: { students: 3, courses: 3 }, errors: [] });
    expect(done.batchId).toBeGreaterThan(0);
    const rows = stored();
    expect(rows.map(({ batch, ...r }) => r)).toEqual([
      { name: '张三', code: 'ENG101', no: 1, kind: '正考', score: '优秀', absent: 0, void: 0, term: '2026-2027-1' },
      { name: '张三', code: 'MATH101', no: 1, kind: '正考', score: '85', absent: 0, void: 0, term: '2026-2027-1' },
      { name: '张三', code: 'PE101', no: 1, kind: '正考', score: '合格', absent: 0, void: 0, term: '2026-2027-1' },
      { name: '李四', code: 'ENG101', no: 1, kind: '正考', score: null, absent: 0, void: 1, term: '2026-2027-1' },
      { name: '李四', code: 'MATH101', no: 1, kind: '正考', score: '72.5', absent: 0, void: 0, term: '2026-2027-1' },
      { name: '李四', code: 'PE101', no: 1, kind: '缓考', score: '不合格', absent: 0, void: 0, term: '2026-2027-1' },
      { name: '王五', code: 'ENG101', no: 1, kind: '免修', score: null, absent: 0, void: 0, term: '2026-2027-1' },
      { name: '王五', code: 'MATH101', no: 1, kind: '正考', score: null, absent: 1, void: 0, term: '2026-2027-1' },
      { name: '王五', code: 'MATH101', no: 2, kind: '补考', score: '65', absent: 0, void: 0, term: '2026-2027-2' },
    ]);
    expect(new Set(rows.map((r) => r.batch))).toEqual(new Set([done.batchId]));
    // The grid and the GPA read them as grades entered by hand: 王五's 补考 pass counts 1.0.
    const gpa = await app.call(K, 'grades.gpa', { studentId: students['王五']!.id });
    expect(gpa.courses.find((c) => c.code === 'MATH101')).toMatchObject({ attempt: '补考', score: '65', gradePoint: '1', attemptNo: 2 });

    // One audit entry for the import, one part per student listing their grades.
    const [entry] = (await app.call(A, 'audit.list', { page: 0, pageSize: 5, action: 'grades.import' })).rows;
    expect(entry).toMatchObject({ entity: 'import', childCount: 3 });
    expect(entry!.summary).toBe('导入成绩《成绩.xlsx》（工作表“成绩”）：共 9 行，导入 9 条成绩（3 名学生、3 门课程），跳过 0 行');
    const parts = (await app.call(A, 'audit.list', { page: 0, pageSize: 5, parentId: entry!.id })).rows;
    const wang = parts.find((p) => p.summary.includes('王五'))!;
    expect(wang.changes).toEqual([{ field: 'grades', before: null, after: ['ENG101 大学英语 免修（第 1 次，2026-2027-1）：免修', 'MATH101 高等数学 正考（第 1 次，2026-2027-1）：缺考', 'MATH101 高等数学 补考（第 2 次，2026-2027-2）：65'] }]);

    // The same file again: already recorded, nothing to write, said on each row.
    const again = await prepared(await gradeExport(lines));
    const second = await app.call(K, 'imports.preview', again.options);
    expect(second).toMatchObject({ valid: 9, invalid: 0, toAdd: 0, grades: { alreadyRecorded: 9 } });
    expect(second.issues.every((i) => i.code === 'ALREADY_RECORDED' || i.code === 'COURSE_NAME_MISMATCH')).toBe(true);
    expect((await app.call(K, 'imports.commit', again.options))).toMatchObject({ batchId: null, imported: 0, skipped: 9, errors: [] });
    expect(stored()).toHaveLength(9);
  });

  it('a score of 105 and every other bad cell are named by row, column, field and code; nothing is written until they are fixed or skipped', async () => {
    const lines: GradeLine[] = [
      { studentNo: no('张三'), name: '张三', code: 'MATH101', kind: '正考', score: 105 },
      { studentNo: no('李四'), name: '李四', code: 'XYZ999', kind: '正考', score: 70 },
      { studentNo: '2026999999999', name: '赵六', code: 'MATH101', kind: '正考', score: 70 },
      { studentNo: no('王五'), name: '王五', code: 'MATH101', kind: '正考', score: 61 },
      { studentNo: no('王五'), name: '王五', code: 'MATH101', term: '2026-2027-1', kind: '正考', score: 62 },
      { studentNo: no('李四'), name: '李四', code: 'ENG101', kind: '期末考', score: '良好' },
      { studentNo: no('李四'), name: '王五', code: 'PE101', kind: '正考', score: '合格' },
      { studentNo: no('张三'), name: '张三', code: 'ENG101', term: '2026', kind: '正考', score: '优' },
      { idNumber: students['李四']!.idNumber, studentNo: no('张三'), code: 'PE101', kind: '正考', score: '合格' },
      { studentNo: no('张三'), name: '张三', code: 'CS101', kind: '正考', score: 90 },
    ];
    const { options } = await prepared(await gradeExport(lines));
    const preview = await app.call(K, 'imports.preview', options);
    expect(preview).toMatchObject({ rows: 10, valid: 1, invalid: 9, toAdd: 1 });
    const errors = preview.issues.filter((i) => i.severity === 'error').map(({ row, column, field, code }) => ({ row, column, field, code }));
    expect(errors).toEqual([
      { row: 3, column: '总评成绩', field: 'score', code: 'SCORE_OUT_OF_RANGE' },
      { row: 4, column: '课程号', field: 'courseCode', code: 'UNKNOWN_COURSE' },
      { row: 5, column: '学号', field: 'studentNo', code: 'UNKNOWN_STUDENT' },
      { row: 6, column: '考试性质', field: 'kind', code: 'DUPLICATE_IN_FILE' },
      { row: 7, column: '考试性质', field: 'kind', code: 'DUPLICATE_IN_FILE' },
      { row: 8, column: '考试性质', field: 'kind', code: 'ATTEMPT_KIND_UNKNOWN' },
      { row: 9, column: '姓名', field: 'name', code: 'NAME_MISMATCH' },
      { row: 10, column: '学年学期', field: 'term', code: 'TERM_FORMAT' },
      { row: 10, column: '总评成绩', field: 'score', code: 'GRADE_FORMAT' },
      { row: 11, column: '身份证号', field: 'idNumber', code: 'STUDENT_MISMATCH' },
    ]);
    const message = (row: number, field: string) => preview.issues.find((i) => i.row === row && i.field === field)!.message;
    expect(message(3, 'score')).toBe('第 3 行“总评成绩”：成绩应在 0–100 之间（读到 105）');
    expect(message(4, 'courseCode')).toBe('第 4 行“课程号”：课程代码 XYZ999 不在计算机2601班适用的培养方案（计算机应用技术 2026 级第 1 版）中');
    expect(message(6, 'kind')).toContain('与第 7 行是同一次考试：王五（学号 2026510201003）的 MATH101 高等数学只能有一条正考');
    expect(message(9, 'name')).toBe(`第 9 行“姓名”：学号 ${no('李四')} 在系统中是 李四，与文件中的“王五”不一致`);
    expect(preview.issues.find((i) => i.row === 3)!.name).toBe('张三');

    // Refused whole: nothing written, every error back with its cell.
    const refused = await app.call(K, 'imports.commit', options);
    expect(refused).toMatchObject({ spec: 'grades', batchId: null, rows: 10, imported: 0, skipped: 10 });
    expect(refused.errors).toHaveLength(10);
    expect(refused.errors[0]).toMatchObject({ row: 3, column: '总评成绩', field: 'score', code: 'SCORE_OUT_OF_RANGE' });
    expect(stored()).toEqual([]);
    expect(await app.call(K, 'imports.batches', {})).toEqual([]);

    // The problem workbook: the bad rows as they were, the 105 filled red, the reasons in 问题说明.
    const report = await app.call(K, 'imports.errorReport', { ...options, jobId: 'grade-report' });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(app.output(K, report.jobId) as unknown as ArrayBuffer);
    const ws = wb.worksheets[0]!;
    expect(ws.rowCount).toBe(10);
    const scoreCol = 10;
    expect(ws.getRow(2).getCell(scoreCol).value).toBe(105);
    expect((ws.getRow(2).getCell(scoreCol).fill as ExcelJS.FillPattern).fgColor?.argb).toBe('FFFFC7CE');
    expect(String(ws.getRow(2).getCell(12).value)).toContain('成绩应在 0–100 之间');

    // With skipInvalid only the valid row is written.
    const partial = await app.call(K, 'imports.commit', { ...options, skipInvalid: true });
    expect(partial).toMatchObject({ imported: 1, skipped: 9 });
    expect(stored().map((r) => [r.name, r.code, r.score, r.term])).toEqual([['张三', 'CS101', '90', '2026-2027-2']]);
  });

  it('a second 正考 against the records is refused; the counselor may look but not import; the roster import stays the roster’s', async () => {
    await app.call(K, 'grades.save', { courseId: (await app.call(K, 'plans.get', { id: planId })).courses[0]!.id, classId, term: '2026-2027-1', entries: [{ studentId: students['张三']!.id, attempt: '正考', score: '80' }] });
    const { options } = await prepared(await gradeExport([{ studentNo: no('张三'), code: 'MATH101', kind: '正考', score: 85 }]));
    const preview = await app.call(K, 'imports.preview', options);
    expect(preview.issues.map((i) => [i.row, i.column, i.code])).toEqual([[3, '考试性质', 'ATTEMPT_EXISTS']]);
    expect(preview.issues[0]!.message).toContain('系统中已有张三（学号 2026510201001）的 MATH101 高等数学的正考（第 1 次，2026-2027-1）80，文件中为 正考（2026-2027-1）85');

    // 录入成绩 is the clerk's (and the admin's): a counselor reads grades but cannot import them.
    const refused = await app.fails(COUNSELOR.client, 'imports.open', { ...app.upload(COUNSELOR.client, '成绩.xlsx', await gradeExport([])), spec: 'grades' });
    expect(refused).toMatchObject({ code: 'FORBIDDEN', message: '当前角色（学籍管理员）没有“录入成绩”的权限。' });
    expect((await app.fails(K, 'imports.open', { ...app.upload(K, '名单.xlsx', await gradeExport([])), spec: 'roster' })).code).toBe('FORBIDDEN');
    expect((await app.fails(K, 'imports.template', { spec: 'roster' })).code).toBe('FORBIDDEN');
    const template = await app.call(K, 'imports.template', { spec: 'grades', jobId: 'grade-template' });
    expect(template.fileName).toBe('成绩导入模板.xlsx');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(app.output(K, template.jobId) as unknown as ArrayBuffer);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['成绩', '填写说明']);
    expect(wb.worksheets[0]!.getRow(1).values).toEqual([undefined, '学号', '身份证号', '姓名', '课程代码', '课程名称', '学年学期', '考试性质', '成绩']);
  });

  it('undo removes exactly the batch’s grades, and refuses cleanly once one of them changed or a later attempt was recorded', async () => {
    const plan = await app.call(K, 'plans.get', { id: planId });
    const cs101 = plan.courses.find((c) => c.code === 'CS101')!.id;
    const math = plan.courses.find((c) => c.code === 'MATH101')!.id;
    // A grade entered by hand before the import: it is not the batch's.
    await app.call(K, 'grades.save', { courseId: cs101, classId, term: '2026-2027-2', entries: [{ studentId: students['张三']!.id, attempt: '正考', score: '91' }] });
    const first = await app.call(K, 'imports.commit', (await prepared(await gradeExport(['张三', '李四', '王五'].map((n, i) => ({ studentNo: no(n), code: 'MATH101', kind: '正考', score: 70 + i }))))).options);
    const second = await app.call(K, 'imports.commit', (await prepared(await gradeExport([{ studentNo: no('张三'), code: 'ENG101', kind: '正考', score: '良好' }, { studentNo: no('李四'), code: 'ENG101', kind: '正考', score: '中等' }]))).options);
    expect(stored()).toHaveLength(6);

    // A later 补考 by hand on the first batch's course: undoing would leave it without its 正考.
    await app.call(K, 'grades.save', { courseId: math, classId, term: '2026-2027-2', entries: [{ studentId: students['王五']!.id, attempt: '补考', score: '60' }] });
    let batches = await app.call(K, 'imports.batches', {});
    expect(batches.map((b) => [b.id, b.spec, b.imported, b.undoable])).toEqual([[second.batchId, 'grades', 2, true], [first.batchId, 'grades', 3, false]]);
    expect(batches[1]!.undoBlockedReason).toBe('学生 王五（学号 2026510201003）的 MATH101 高等数学 补考（第 2 次）在导入后录入，撤销会使它失去之前的考试记录，不能撤销此批次');
    const blocked = await app.fails(K, 'imports.undo', { id: first.batchId! });
    expect(blocked).toMatchObject({ code: 'CONFLICT', message: batches[1]!.undoBlockedReason });

    // The second batch: undone exactly — its two grades go, the hand-entered and the first batch's stay.
    expect(await app.call(K, 'imports.undo', { id: second.batchId! })).toEqual({ removed: 2, restored: 0 });
    expect(stored().map((r) => [r.name, r.code, r.kind, r.score])).toEqual([
      ['张三', 'CS101', '正考', '91'], ['张三', 'MATH101', '正考', '70'], ['李四', 'MATH101', '正考', '71'], ['王五', 'MATH101', '正考', '72'], ['王五', 'MATH101', '补考', '60'],
    ]);
    expect(await app.fails(K, 'imports.undo', { id: second.batchId! })).toMatchObject({ code: 'CONFLICT', message: expect.stringContaining('已于') });
    const undoEntry = (await app.call(A, 'audit.list', { page: 0, pageSize: 1, action: 'imports.undo' })).rows[0]!;
    expect(undoEntry).toMatchObject({ summary: `撤销导入成绩批次 #${second.batchId}《成绩.xlsx》：删除该批次导入的 2 条成绩`, childCount: 2 });

    // A grade of the first batch changed by hand: refused with the grade named, nothing removed.
    await app.call(K, 'grades.save', { courseId: math, classId, term: '2026-2027-2', entries: [{ studentId: students['王五']!.id, attempt: '补考', remove: true }] });
    expect((await app.call(K, 'imports.batches', {})).find((b) => b.id === first.batchId)!.undoable).toBe(true);
    app.advance(60_000);
    await app.call(K, 'grades.save', { courseId: math, classId, term: '2026-2027-1', entries: [{ studentId: students['李四']!.id, attempt: '正考', score: '75' }] });
    batches = await app.call(K, 'imports.batches', {});
    expect(batches.find((b) => b.id === first.batchId)!.undoBlockedReason).toBe('学生 李四（学号 2026510201002）的 MATH101 高等数学 正考（第 1 次）成绩在导入后已被修改，不能撤销此批次');
    expect((await app.fails(K, 'imports.undo', { id: first.batchId! })).code).toBe('CONFLICT');
    expect(stored()).toHaveLength(4);

    // A counselor sees grade batches (they read grades) but may not undo them.
    const seen = await app.call(COUNSELOR.client, 'imports.batches', {});
    expect(seen.find((b) => b.id === second.batchId)).toMatchObject({ spec: 'grades', undoable: false });
    expect((await app.fails(COUNSELOR.client, 'imports.undo', { id: first.batchId! })).code).toBe('FORBIDDEN');
  });
});
