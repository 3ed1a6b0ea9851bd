/**
 * `graduation audit --cohort … [--major …] [--json]` (issue 16 "CLI"): the same call as the page, so
 * the same outcomes and lines, permission and refusals (exit 2 with a stable code).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN, makeApp } from '../support/harness';
import { makeId } from '../support/roster-fixtures';
import { runCli } from '../support/cli';

const dir = mkdtempSync(join(tmpdir(), 'xueji-cli-graduation-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const VIEWER = { username: 'li', displayName: '李老师', role: 'viewer', password: 'Viewer12345xy' } as const;
const cli = (args: string[], password = ADMIN.password) => runCli(dir, args, password);
const ids: string[] = [];

beforeAll(async () => {
  const app = makeApp(dir);
  const A = 'admin-client';
  await app.setup();
  await app.addUser(VIEWER, 'viewer-client');
  const majorId = (await app.call(A, 'org.createMajor', { code: '510201', name: '计算机应用技术', level: '专科', lengthYears: '3', studyForm: '普通全日制' })).id;
  const classId = (await app.call(A, 'org.createClass', { name: '计算机2301班', majorId, cohortYear: 2023 })).id;
  const students = [];
  for (const [i, name] of ['张三', '李四'].entries()) {
    const idNumber = makeId('110105', '20050315', `1${2 * i + 1}1`);
    ids.push(idNumber);
    students.push(await app.call(A, 'students.create', { studentNo: `202351020100${i + 1}`, name, gender: '1', birthDate: '2005-03-15', idNumber, enrolmentDate: '2023-09-01', classId, guardians: [] }));
  }
  const c = (code: string, name: string) => ({ code, name, credits: '3', hours: 48, nature: '必修' as const, module: '专业核心', assessment: '考试' as const, term: 1, scale: '百分制' as const });
  const plan = await app.call(A, 'plans.save', { majorId, cohortYear: 2023, name: '2023级方案', courses: [c('MATH101', '高等数学'), c('DB201', '数据库原理')] });
  await app.call(A, 'grades.save', { courseId: plan.courses[0]!.id, classId, term: '2023-2024-1', entries: [{ studentId: students[0]!.id, attempt: '正考', score: '80' }, { studentId: students[1]!.id, attempt: '正考', score: '80' }] });
  await app.call(A, 'grades.save', { courseId: plan.courses[1]!.id, classId, term: '2023-2024-1', entries: [{ studentId: students[0]!.id, attempt: '正考', score: '70' }, { studentId: students[1]!.id, attempt: '正考', score: '', absent: true }] });
  for (const s of students) app.core.folder.db().$client.prepare("INSERT INTO fitness_scores (student_id, school_year, score, entered_by, entered_at) VALUES (?, 2025, 72, 'test', '2026-06-01')").run(s.id);
  app.close();
}, 60_000);

describe('graduation audit from the command line', () => {
  it('audits the cohort and prints each student’s outcome and lines; refuses a bad cohort, an unknown major and a role that may not run', () => {
    const r = cli(['graduation', 'audit', '--cohort', '2023', '--major', '计算机应用技术', '--json']);
    expect(r.code, r.err).toBe(0);
    expect(JSON.parse(r.out)).toEqual([
      { studentNo: '2023510201001', idNumber: ids[0], outcome: '毕业', deficiencies: [] },
      {
        studentNo: '2023510201002', idNumber: ids[1], outcome: '延长学习年限',
        deficiencies: ['总学分 还差 3 学分：未通过 数据库原理（3 学分，正考 缺考）', '专业核心 还差 3 学分：未通过 数据库原理（3 学分，正考 缺考）', '必修课程 未完成 1 门：未通过 数据库原理（3 学分，正考 缺考）'],
      },
    ]);
    const text = cli(['graduation', 'audit', '--cohort', '2023', '--major', '510201']);
    expect(text.code, text.err).toBe(0);
    expect(text.out).toContain('2 人，毕业 1，结业 0，延长学习年限 1');
    expect(text.out).toContain('李四');

    const bad = cli(['graduation', 'audit', '--cohort', '23', '--json']);
    expect([bad.code, JSON.parse(bad.out).error.code]).toEqual([2, 'VALIDATION']);
    const unknown = cli(['graduation', 'audit', '--cohort', '2023', '--major', '无此专业', '--json']);
    expect([unknown.code, JSON.parse(unknown.out).error.code]).toEqual([2, 'NOT_FOUND']);
    const viewer = cli(['graduation', 'audit', '--cohort', '2023', '--json', '--user', 'li'], VIEWER.password);
    expect([viewer.code, JSON.parse(viewer.out).error.code]).toEqual([2, 'FORBIDDEN']);
  }, 240_000);
});
