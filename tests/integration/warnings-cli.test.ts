/**
 * `warnings run --term … [--json]` (issue 15 "CLI"): the same call as the app, so the same tiers,
 * reasons, permission and refusals (exit 2 with a stable code).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN, makeApp } from '../support/harness';
import { makeId } from '../support/roster-fixtures';
import { runCli } from '../support/cli';

const dir = mkdtempSync(join(tmpdir(), 'xueji-cli-warnings-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const VIEWER = { username: 'li', displayName: '李老师', role: 'viewer', password: 'Viewer12345xy' } as const;

const cli = (args: string[], password = ADMIN.password) => runCli(dir, args, password);

beforeAll(async () => {
  const app = makeApp(dir);
  const A = 'admin-client';
  await app.setup();
  await app.addUser(VIEWER, 'viewer-client');
  const majorId = (await app.call(A, 'org.createMajor', { code: '510201', name: '计算机应用技术', level: '专科', lengthYears: '3', studyForm: '普通全日制' })).id;
  const classId = (await app.call(A, 'org.createClass', { name: '计算机2601班', majorId, cohortYear: 2026 })).id;
  const students = [];
  for (const [i, name] of ['张三', '李四'].entries()) {
    students.push(await app.call(A, 'students.create', { studentNo: `202651020100${i + 1}`, name, gender: '1', birthDate: '2007-03-15', idNumber: makeId('110105', '20070315', `1${2 * i + 1}1`), enrolmentDate: '2026-09-01', classId, guardians: [] }));
  }
  const c = (code: string, name: string) => ({ code, name, credits: '3', hours: 48, nature: '必修' as const, module: '专业核心', assessment: '考试' as const, term: 1, scale: '百分制' as const });
  const plan = await app.call(A, 'plans.save', { majorId, cohortYear: 2026, name: '2026级方案', courses: [c('MATH101', '高等数学'), c('PHYS101', '大学物理'), c('ENG101', '大学英语')] });
  for (const code of ['MATH101', 'PHYS101', 'ENG101']) {
    await app.call(A, 'grades.save', { courseId: plan.courses.find((x) => x.code === code)!.id, classId, term: '2026-2027-1', entries: [{ studentId: students[0]!.id, attempt: '正考', score: '30' }, { studentId: students[1]!.id, attempt: '正考', score: '90' }] });
  }
  app.close();
}, 60_000);

describe('warnings run from the command line', () => {
  it('runs the term and lists each warned student with the reason; refuses a bad term and a role that may not run', () => {
    const r = cli(['warnings', 'run', '--term', '2026-2027-1', '--json']);
    expect(r.code, r.err).toBe(0);
    const out = JSON.parse(r.out);
    expect(out.run).toMatchObject({ term: '2026-2027-1', evaluated: 2, warned: 1, comparedWithTerm: null, changes: { new: 1 } });
    // The shipped three-tier preset: 3 failed required courses.
    expect(out.students).toHaveLength(1);
    expect(out.students[0]).toMatchObject({ studentNo: '2026510201001', name: '张三', change: 'new' });
    expect(out.students[0].reasons.join('；')).toContain('3 门');

    const text = cli(['warnings', 'run', '--term', '2026-2027-1']);
    expect(text.code, text.err).toBe(0);
    expect(text.out).toContain('预警 1 人');
    expect(text.out).toContain('张三');

    const bad = cli(['warnings', 'run', '--term', '2026秋', '--json']);
    expect(bad.code).toBe(2);
    expect(JSON.parse(bad.out).error).toMatchObject({ code: 'VALIDATION' });
    const viewer = cli(['warnings', 'run', '--term', '2026-2027-1', '--json', '--user', 'li'], VIEWER.password);
    expect(viewer.code).toBe(2);
    expect(JSON.parse(viewer.out).error).toMatchObject({ code: 'FORBIDDEN' });
  }, 240_000);
});
