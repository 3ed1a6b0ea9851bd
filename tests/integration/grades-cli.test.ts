/**
 * `grades gpa --student 学号|身份证号 [--json]` (issue 15 "CLI"): the same call as the app, so the
 * same numbers, permission and refusals (exit 2 with a stable code).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN, makeApp } from '../support/harness';
import { makeId } from '../support/roster-fixtures';
import { runCli } from '../support/cli';

const dir = mkdtempSync(join(tmpdir(), 'xueji-cli-grades-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const ZHANG_ID = makeId('110105', '20070315', '123');
const VIEWER = { username: 'li', displayName: '李老师', role: 'viewer', password: 'Viewer12345xy' } as const;

const cli = (args: string[], password = ADMIN.password) => runCli(dir, args, password);

beforeAll(async () => {
  const app = makeApp(dir);
  const A = 'admin-client';
  await app.setup();
  await app.addUser(VIEWER, 'viewer-client');
  const majorId = (await app.call(A, 'org.createMajor', { code: '510201', name: '计算机应用技术', level: '专科', lengthYears: '3', studyForm: '普通全日制' })).id;
  const classId = (await app.call(A, 'org.createClass', { name: '计算机2601班', majorId, cohortYear: 2026 })).id;
  const s = await app.call(A, 'students.create', { studentNo: '2026510201001', name: '张三', gender: '1', birthDate: '2007-03-15', idNumber: ZHANG_ID, enrolmentDate: '2026-09-01', classId, guardians: [] });
  const c = (code: string, name: string, credits: string) => ({ code, name, credits, hours: 48, nature: '必修' as const, module: '专业核心', assessment: '考试' as const, term: 1, scale: '百分制' as const });
  const plan = await app.call(A, 'plans.save', { majorId, cohortYear: 2026, name: '2026级方案', courses: [c('MATH101', '高等数学', '4'), c('PHYS101', '大学物理', '3')] });
  const enter = (code: string, term: string, attempt: '正考' | '补考', score: string) =>
    app.call(A, 'grades.save', { courseId: plan.courses.find((x) => x.code === code)!.id, classId, term, entries: [{ studentId: s.id, attempt, score }] });
  await enter('MATH101', '2026-2027-1', '正考', '85');
  await enter('PHYS101', '2026-2027-1', '正考', '40');
  await enter('PHYS101', '2026-2027-2', '补考', '90');
  app.close();
}, 60_000);

describe('grades gpa from the command line', () => {
  it('prints the GPA by 学号 or 身份证号, as JSON or a table; refuses with a stable code', () => {
    // By hand: MATH 4 × 3.5 = 14, PHYS 补考 pass → 1.0 × 3 = 3; 17 / 7 = 2.428571…
    const r = cli(['grades', 'gpa', '--student', '2026510201001', '--json']);
    expect(r.code, r.err).toBe(0);
    const out = JSON.parse(r.out);
    expect(out).toMatchObject({ student: { studentNo: '2026510201001', name: '张三' }, gpaText: '2.43', creditsEarned: '7', creditsCounted: '7' });
    expect(out.gpa).toMatch(/^2\.4285714285714285714/);
    expect(out.courses.map((x: { code: string; attempt: string; score: string; gradePoint: string }) => [x.code, x.attempt, x.score, x.gradePoint])).toEqual([
      ['MATH101', '正考', '85', '3.5'],
      ['PHYS101', '补考', '90', '1'],
    ]);

    const text = cli(['grades', 'gpa', '--student', ZHANG_ID]);
    expect(text.code, text.err).toBe(0);
    expect(text.out).toContain('张三（2026510201001）平均学分绩点 2.43');
    expect(text.out).toMatch(/PHYS101\s+大学物理\s+3\s+补考（2026-2027-2）\s+90\s+1/);

    const missing = cli(['grades', 'gpa', '--student', '2099000000', '--json']);
    expect(missing.code).toBe(2);
    expect(JSON.parse(missing.out).error.code).toBe('NOT_FOUND');
    const forbidden = cli(['grades', 'gpa', '--student', '2026510201001', '--json', '--user', VIEWER.username], VIEWER.password);
    expect(forbidden.code).toBe(2);
    expect(JSON.parse(forbidden.out).error).toMatchObject({ code: 'FORBIDDEN', message: '当前角色（只读）没有“查看成绩与绩点”的权限。' });
  }, 120_000);
});
