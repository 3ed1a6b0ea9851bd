/**
 * Training plans and grades (issue 15, second piece) against the real encrypted database: plan
 * versions that never change once saved, the grid of one course and class saved whole or not at
 * all, who may read and enter, and a GPA from stored grades equal to one worked by hand.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { CallInput } from '../../shared/ipc/contract';
import { drizzle } from 'drizzle-orm/better-sqlite3';
import type { Db } from '../../db/client';
import { classGrades, studentGrades } from '../../db/queries/grades';
import * as schema from '../../db/schema';
import { COUNSELOR, MANAGER, makeApp, type TestApp } from '../support/harness';
import { makeId } from '../support/roster-fixtures';

let app: TestApp;
const A = 'admin-client';
const CLERK = { username: 'sun', displayName: '孙老师', role: 'clerk', password: 'Clerk12345xy', client: 'clerk-client' } as const;
const VIEWER = { username: 'li', displayName: '李老师', role: 'viewer', password: 'Viewer12345xy', client: 'viewer-client' } as const;
let majorId: number;
let classId: number;
const ids: Record<string, number> = {};

type CourseIn = CallInput<'plans.save'>['courses'][number];
const course = (code: string, name: string, credits: string, over: Partial<CourseIn> = {}): CourseIn => ({
  code, name, nameEn: '', credits, hours: Number(credits) * 16, nature: '必修', module: '专业核心', assessment: '考试', term: 1, scale: '百分制', countsTowardGpa: true, ...over,
});
const COURSES: CourseIn[] = [
  course('MATH101', '高等数学', '4', { module: '公共基础', nameEn: 'Advanced Mathematics' }),
  course('PHYS101', '大学物理', '3'),
  course('ENG101', '大学英语', '2', { scale: '五级制', assessment: '考查' }),
  course('PE101', '体育', '1', { scale: '两级制', module: '公共基础' }),
  course('POL101', '思想道德与法治', '3', { module: '公共基础' }),
  course('CS101', '程序设计基础', '3', { term: 2 }),
];

async function savePlan(courses = COURSES, supersedesId?: number) {
  return app.call(CLERK.client, 'plans.save', { majorId, cohortYear: 2026, name: '计算机应用技术专业2026级人才培养方案', ...(supersedesId ? { supersedesId } : {}), courses });
}
const courseId = (plan: { courses: { id: number; code: string }[] }, code: string) => plan.courses.find((c) => c.code === code)!.id;
const grid = (plan: { courses: { id: number; code: string }[] }, code: string) => app.call(CLERK.client, 'grades.forCourse', { courseId: courseId(plan, code), classId });
const trail = async () => (await app.call(A, 'audit.list', { page: 0, pageSize: 100, action: 'grades.save' })).rows;

beforeEach(async () => {
  app = makeApp();
  await app.setup();
  await app.addStaff();
  await app.addUser(CLERK, CLERK.client);
  await app.addUser(VIEWER, VIEWER.client);
  majorId = (await app.call(A, 'org.createMajor', { code: '510201', name: '计算机应用技术', level: '专科', lengthYears: '3', studyForm: '普通全日制' })).id;
  classId = (await app.call(A, 'org.createClass', { name: '计算机2601班', majorId, cohortYear: 2026 })).id;
  let seq = 11;
  for (const [i, name] of ['张三', '李四', '王五'].entries()) {
    const s = await app.call(A, 'students.create', { studentNo: `202651020100${i + 1}`, name, gender: '1', birthDate: '2007-05-01', idNumber: makeId('110105', '20070501', String((seq += 2)).padStart(3, '0')), enrolmentDate: '2026-09-01', classId, guardians: [] });
    ids[name] = s.id;
  }
});
afterEach(() => app?.remove());

describe('training plans', () => {
  it('saves versions; the old version stays exactly as it was', async () => {
    const v1 = await savePlan();
    expect(v1).toMatchObject({ version: 1, supersedesId: null, supersededById: null, courseCount: 6, totalCredits: '16', majorName: '计算机应用技术' });
    expect(v1.courses[0]).toMatchObject({ code: 'MATH101', name: '高等数学', nameEn: 'Advanced Mathematics', credits: '4', hours: 64, term: 1, scale: '百分制' });
    const before = await app.call(A, 'plans.get', { id: v1.id });

    // v2 corrects 高等数学 to 4.5 credits and adds a course; codes typed loosely are stored in one form.
    const v2 = await savePlan([{ ...COURSES[0]!, credits: '4.5' }, ...COURSES.slice(1), course(' ｄｂ201 ', '数据库应用', '2.5', { term: 3, nature: '限选', countsTowardGpa: false })], v1.id);
    expect(v2).toMatchObject({ version: 2, supersedesId: v1.id, supersededById: null, courseCount: 7, totalCredits: '19' });
    expect(v2.courses.at(-1)).toMatchObject({ code: 'DB201', credits: '2.5', countsTowardGpa: false });
    expect(await app.call(A, 'plans.get', { id: v1.id })).toEqual({ ...before, supersededById: v2.id });
    expect((await app.call(COUNSELOR.client, 'plans.list', {})).map((p) => p.id)).toEqual([v2.id]);
    expect((await app.call(COUNSELOR.client, 'plans.list', { currentOnly: false })).map((p) => [p.version, p.supersededById])).toEqual([[2, null], [1, v2.id]]);
    expect((await app.call(VIEWER.client, 'plans.forClass', { classId }))?.id).toBe(v2.id);

    // Saving over v1 again (a stale window), or a second "first version", is refused; the database refuses edits.
    expect((await app.fails(CLERK.client, 'plans.save', { majorId, cohortYear: 2026, name: 'x', supersedesId: v1.id, courses: COURSES })).code).toBe('CONFLICT');
    const again = await app.fails(CLERK.client, 'plans.save', { majorId, cohortYear: 2026, name: 'x', courses: COURSES });
    expect(again).toMatchObject({ code: 'CONFLICT', message: expect.stringContaining('已有人才培养方案（第 2 版）') });
    expect(() => app.core.folder.db().$client.prepare('UPDATE plan_courses SET credit_tenths = 10 WHERE plan_id = ?').run(v1.id)).toThrow(/not edited/);
    // Saved unchanged: no new version.
    expect((await savePlan(v2.courses.map(({ id: _i, planId: _p, ...c }) => c), v2.id)).id).toBe(v2.id);
    expect((await app.call(A, 'plans.list', { currentOnly: false })).length).toBe(2);

    const entries = (await app.call(A, 'audit.list', { page: 0, pageSize: 10, action: 'plans.save' })).rows;
    expect(entries.map((e) => e.summary)).toEqual([
      '保存人才培养方案“计算机应用技术专业2026级人才培养方案”（计算机应用技术 2026 级）第 2 版，取代第 1 版：7 门课程，共 19 学分',
      '保存人才培养方案“计算机应用技术专业2026级人才培养方案”（计算机应用技术 2026 级）第 1 版：6 门课程，共 16 学分',
    ]);
    const changed = entries[0]!.changes.find((c) => c.field === 'courses')!;
    expect(changed.before).toEqual([expect.stringMatching(/^MATH101 高等数学（Advanced Mathematics） 4 学分/)]);
    expect(changed.after).toEqual([expect.stringMatching(/^MATH101 .* 4\.5 学分/), expect.stringMatching(/^DB201 数据库应用 2\.5 学分 .* 不计绩点$/)]);
  });

  it('refuses a plan with a repeated course code, naming both rows', async () => {
    const e = await app.fails(CLERK.client, 'plans.save', { majorId, cohortYear: 2026, name: '方案', courses: [...COURSES, course('math101', '高数（重复）', '2')] });
    expect(e).toMatchObject({ code: 'VALIDATION', field: 'courses.6.code', message: '第 7 行：课程代码 MATH101 与第 1 行重复（共 1 处），方案未保存' });
    const bad = await app.fails(CLERK.client, 'plans.save', { majorId, cohortYear: 2026, name: '方案', courses: [course('X1', '某课', '2.25')] });
    expect(bad.message).toBe('学分应为数字，最多一位小数（如 2 或 1.5）');
    expect(await app.call(A, 'plans.list', {})).toEqual([]);
  });
});

describe('grades', () => {
  it('saves a class grid whole, or refuses it with the row named and writes nothing', async () => {
    const plan = await savePlan();
    const MATH = courseId(plan, 'MATH101');
    const save = (entries: CallInput<'grades.save'>['entries']) => app.raw(CLERK.client, 'grades.save', { courseId: MATH, classId, term: '2026-2027-1', entries });

    const refused = await save([
      { studentId: ids['张三']!, attempt: '正考', score: '85' },
      { studentId: ids['李四']!, attempt: '正考', score: '缺考' },
      { studentId: ids['王五']!, attempt: '正考', score: '105' },
    ]);
    expect(refused.ok).toBe(false);
    if (refused.ok) return;
    expect(refused.error).toMatchObject({ code: 'VALIDATION', field: 'entries.2.score' });
    expect(refused.error.issues).toEqual([{ row: 3, field: 'entries.2.score', message: '第 3 行 王五（2026510201003）正考：成绩应在 0–100 之间（读到 105）' }]);
    expect(refused.error.message).toBe('有 1 处成绩无法保存，本次未保存任何成绩。第 3 行 王五（2026510201003）正考：成绩应在 0–100 之间（读到 105）');
    expect((await grid(plan, 'MATH101')).rows.flatMap((r) => r.attempts)).toEqual([]);
    expect(await trail()).toEqual([]);

    const first = await save([
      { studentId: ids['张三']!, attempt: '正考', score: '85' },
      { studentId: ids['李四']!, attempt: '正考', score: '', absent: true },
      { studentId: ids['王五']!, attempt: '正考', score: '９５.５' },
    ]);
    expect(first.ok && first.value).toMatchObject({ added: 3, updated: 0, removed: 0, unchanged: 0 });
    const g = await app.call(COUNSELOR.client, 'grades.forCourse', { courseId: MATH, classId });
    expect(g).toMatchObject({ className: '计算机2601班', defaultTerm: '2026-2027-1', course: { code: 'MATH101', credits: '4' } });
    expect(g.rows.map((r) => [r.name, r.statusLabel, r.attempts.map((a) => [a.attemptNo, a.kind, a.score, a.absent, a.term, a.enteredBy])])).toEqual([
      ['张三', '在籍在校', [[1, '正考', '85', false, '2026-2027-1', 'sun']]],
      ['李四', '在籍在校', [[1, '正考', null, true, '2026-2027-1', 'sun']]],
      ['王五', '在籍在校', [[1, '正考', '95.5', false, '2026-2027-1', 'sun']]],
    ]);

    // Saved again as it is: nothing written. Then 李四's 补考 (a new attempt) and a correction of 张三.
    expect(await save([{ studentId: ids['张三']!, attempt: '正考', score: '85' }])).toMatchObject({ ok: true, value: { unchanged: 1, added: 0 } });
    expect((await trail()).length).toBe(1);
    const second = await app.call(CLERK.client, 'grades.save', {
      courseId: MATH, classId, term: '2026-2027-2',
      entries: [{ studentId: ids['张三']!, attempt: '正考', score: '88' }, { studentId: ids['李四']!, attempt: '补考', score: '61' }],
    });
    expect(second).toMatchObject({ added: 1, updated: 1 });
    const lisi = second.grid.rows.find((r) => r.name === '李四')!.attempts;
    expect(lisi.map((a) => [a.attemptNo, a.kind, a.score, a.term])).toEqual([[1, '正考', null, '2026-2027-1'], [2, '补考', '61', '2026-2027-2']]);
    // The 正考 kept its term when corrected in a later one.
    expect(second.grid.rows[0]!.attempts[0]).toMatchObject({ score: '88', term: '2026-2027-1' });

    // A second 正考 for the same student in one save, and a student of another class, are refused.
    const dup = await app.fails(CLERK.client, 'grades.save', { courseId: MATH, classId, term: '2026-2027-1', entries: [{ studentId: ids['王五']!, attempt: '正考', score: '70' }, { studentId: ids['王五']!, attempt: '正考', score: '71' }] });
    expect(dup.issues).toEqual([{ row: 2, field: 'entries.1.attempt', message: '第 2 行 王五（2026510201003）正考：与第 1 行是同一条考试记录' }]);
    const wrongScale = await app.fails(CLERK.client, 'grades.save', { courseId: MATH, classId, term: '2026-2027-1', entries: [{ studentId: ids['王五']!, attempt: '正考', score: '优秀' }] });
    expect(wrongScale.issues?.[0]?.message).toBe('第 1 行 王五（2026510201003）正考：该课程为百分制，应填写 0–100 的分数（读到“优秀”）');
    const noSuch = await app.fails(CLERK.client, 'grades.save', { courseId: MATH, classId, term: '2026-2027-1', entries: [{ studentId: ids['王五']!, attempt: '补考', attemptNo: 9, score: '70' }] });
    expect(noSuch.issues).toEqual([{ row: 1, field: 'entries.0.attemptNo', message: '第 1 行 王五（2026510201003）补考：没有第 9 次考试记录' }]);

    // The trail: one entry per save, with a part per grade, in the student's history too.
    const saves = await trail();
    expect(saves.map((e) => [e.summary, e.childCount])).toEqual([
      ['录入成绩：计算机2601班 MATH101 高等数学，新增 1 条、修改 1 条', 2],
      ['录入成绩：计算机2601班 MATH101 高等数学，新增 3 条', 3],
    ]);
    const history = await app.call(A, 'students.history', { id: ids['张三']! });
    expect(history.map((h) => h.summary)).toContain('张三（2026510201001）MATH101 高等数学 正考（第 1 次，2026-2027-1）：85 → 88');
    expect((await app.call(A, 'audit.verify', {})).ok).toBe(true);

    // Removing the 补考 taken out again.
    const removed = await app.call(CLERK.client, 'grades.save', { courseId: MATH, classId, term: '2026-2027-2', entries: [{ studentId: ids['李四']!, attempt: '补考', remove: true }] });
    expect(removed).toMatchObject({ removed: 1 });
    expect(removed.grid.rows[1]!.attempts.map((a) => a.kind)).toEqual(['正考']);
  });

  it('lets the clerk enter, counselors and managers read, and no one else', async () => {
    const plan = await savePlan();
    const input = { courseId: courseId(plan, 'MATH101'), classId, term: '2026-2027-1', entries: [{ studentId: ids['张三']!, attempt: '正考' as const, score: '80' }] };
    for (const client of [COUNSELOR.client, MANAGER.client, VIEWER.client]) expect((await app.fails(client, 'grades.save', input)).code).toBe('FORBIDDEN');
    expect((await app.fails(COUNSELOR.client, 'plans.save', { majorId, cohortYear: 2027, name: '方案', courses: COURSES })).code).toBe('FORBIDDEN');
    expect((await app.fails(VIEWER.client, 'grades.forCourse', { courseId: input.courseId, classId })).message).toBe('当前角色（只读）没有“查看成绩与绩点”的权限。');
    expect((await app.fails(VIEWER.client, 'grades.gpa', { studentId: ids['张三']! })).code).toBe('FORBIDDEN');
    expect((await app.fails(CLERK.client, 'grades.saveMethod', { gradePoints: 'linear5', denominator: 'earned', fixedPassFor: [], fiveLevelScores: { 优秀: 95, 良好: 85, 中等: 75, 及格: 65, 不及格: 45 } })).code).toBe('FORBIDDEN');
    await app.call(CLERK.client, 'grades.save', input);
    expect((await app.call(MANAGER.client, 'grades.gpa', { studentId: ids['张三']! })).gpaText).toBe('3.00');
    expect((await app.call(COUNSELOR.client, 'grades.forCourse', { courseId: input.courseId, classId })).rows[0]!.attempts).toHaveLength(1);
  });

  it('computes the GPA from stored grades as worked by hand, by the school’s method', async () => {
    const plan = await savePlan();
    const enter = (code: string, term: string, entries: CallInput<'grades.save'>['entries']) =>
      app.call(CLERK.client, 'grades.save', { courseId: courseId(plan, code), classId, term, entries });
    const z = ids['张三']!;
    await enter('MATH101', '2026-2027-1', [{ studentId: z, attempt: '正考', score: '87' }]);
    await enter('PHYS101', '2026-2027-1', [{ studentId: z, attempt: '正考', score: '50' }]);
    await enter('PHYS101', '2026-2027-2', [{ studentId: z, attempt: '补考', score: '72' }]);
    await enter('ENG101', '2026-2027-1', [{ studentId: z, attempt: '正考', score: '良好' }]);
    await enter('PE101', '2026-2027-1', [{ studentId: z, attempt: '正考', score: '合格' }]);
    await enter('POL101', '2026-2027-1', [{ studentId: z, attempt: '免修', score: '' }]);
    await enter('CS101', '2026-2027-2', [{ studentId: z, attempt: '正考', score: '', void: true }]);
    await enter('CS101', '2027-2028-2', [{ studentId: z, attempt: '重修', score: '76' }]);

    // By hand, default method: MATH 4 × (87−50)/10 = 14.8; PHYS 补考 pass → 1.0 × 3 = 3; ENG 良好 → 85 → 3.5 × 2 = 7;
    // CS 作弊 then 重修 pass → 1.0 × 3 = 3; PE (两级制) and POL (免修) earned but left out.
    // GPA = (14.8 + 3 + 7 + 3) / (4 + 3 + 2 + 3) = 27.8 / 12 = 2.31666…; earned 4+3+2+1+3+3 = 16.
    const gpa = await app.call(COUNSELOR.client, 'grades.gpa', { studentId: z });
    expect(gpa).toMatchObject({ gpaText: '2.32', creditsEarned: '16', creditsCounted: '12', creditPoints: '27.8' });
    expect(gpa.gpa).toBe('2.316666666666666666666666666666666666667');
    expect(gpa.courses.map((c) => [c.code, c.attempt, c.attemptNo, c.score, c.gradePoint, c.counted, c.reason ?? ''])).toEqual([
      ['ENG101', '正考', 1, '良好', '3.5', true, ''],
      ['MATH101', '正考', 1, '87', '3.7', true, ''],
      ['PE101', '正考', 1, '合格', null, false, '两级制课程不计入绩点'],
      ['PHYS101', '补考', 2, '72', '1', true, ''],
      ['POL101', '免修', 1, null, null, false, '免修，不计入绩点'],
      ['CS101', '重修', 2, '76', '1', true, ''],
    ]);

    // The school counts 补考/重修 at their real score: PHYS 2.2 × 3 = 6.6, CS 2.6 × 3 = 7.8 → 36.2 / 12 = 3.01666…
    const method = (await app.call(A, 'grades.method', {})).method;
    expect((await app.call(A, 'grades.saveMethod', { ...method, fixedPassFor: [] })).isDefault).toBe(false);
    expect(await app.call(COUNSELOR.client, 'grades.gpa', { studentId: z })).toMatchObject({ gpaText: '3.02', creditPoints: '36.2' });
    // Kept in the settings table without disturbing the settings call.
    expect((await app.call(A, 'settings.get', {})).schoolCode).toBe('12345');
    expect((await app.call(A, 'audit.list', { page: 0, pageSize: 5, action: 'grades.saveMethod' })).rows[0]!.summary).toMatch(/^修改绩点计算方法：五分制.*补考、重修按实际成绩计绩点/);
    await app.call(A, 'grades.saveMethod', method);

    // A corrected plan version applies: 高等数学 4.5 credits → (16.65 + 3 + 7 + 3) / 12.5 = 2.372.
    await savePlan([{ ...COURSES[0]!, credits: '4.5' }, ...COURSES.slice(1)], plan.id);
    expect(await app.call(COUNSELOR.client, 'grades.gpa', { studentId: z })).toMatchObject({ gpa: '2.372', gpaText: '2.37', creditsCounted: '12.5' });
    // The grades stay with their course code: the new version's grid shows them.
    const v2 = (await app.call(A, 'plans.forClass', { classId }))!;
    expect((await grid(v2, 'MATH101')).rows[0]!.attempts.map((a) => a.score)).toEqual(['87']);
  });

  it('reads a class’s grades and a student’s through their indexes', () => {
    expect(queryPlan((db) => classGrades(db, 'MATH101', classId))).toMatch(/SEARCH g(rades)? USING INDEX grades_course \(course_code=\? AND student_id=\?\)/);
    expect(queryPlan((db) => studentGrades(db, ids['张三']!))).toMatch(/SEARCH g(rades)? USING INDEX grades_attempt \(student_id=\?\)/);
  });
});

/** EXPLAIN QUERY PLAN of the statements a query function runs, as the app runs them. */
function queryPlan(run: (db: Db) => unknown): string {
  const raw = app.core.folder.db().$client;
  const seen: { sql: string; params: unknown[] }[] = [];
  run(drizzle(raw, { schema, logger: { logQuery: (sql, params) => seen.push({ sql, params }) } }) as Db);
  return seen.flatMap(({ sql, params }) => (raw.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(...params) as { detail: string }[]).map((r) => r.detail)).join(' | ');
}
