/**
 * 学业预警 run against the real encrypted database (issue 15): stored grades, 旷课 hours and 处分
 * records read in bulk, the school's rule set applied, every reason in Chinese, students on 休学
 * left out, the comparison with last term, nothing written into the 处分 records.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { CallInput } from '../../shared/ipc/contract';
import { PRESET_FOUR_TIER } from '../../shared/domain/warnings';
import { COUNSELOR, MANAGER, makeApp, type TestApp } from '../support/harness';
import { makeId } from '../support/roster-fixtures';

let app: TestApp;
const A = 'admin-client';
const C = COUNSELOR.client;
const CLERK = { username: 'sun', displayName: '孙老师', role: 'clerk', password: 'Clerk12345xy', client: 'clerk-client' } as const;
let classId: number;
const ids: Record<string, number> = {};
let plan: { courses: { id: number; code: string }[] };

type CourseIn = CallInput<'plans.save'>['courses'][number];
const course = (code: string, name: string, credits: string, over: Partial<CourseIn> = {}): CourseIn => ({
  code, name, nameEn: '', credits, hours: 48, nature: '必修', module: '专业核心', assessment: '考试', term: 1, scale: '百分制', countsTowardGpa: true, ...over,
});

async function scores(code: string, term: string, entries: [string, string, CallInput<'grades.save'>['entries'][number]['attempt']?][]) {
  const courseId = plan.courses.find((c) => c.code === code)!.id;
  await app.call(CLERK.client, 'grades.save', { courseId, classId, term, entries: entries.map(([name, score, attempt]) => ({ studentId: ids[name]!, attempt: attempt ?? '正考', score })) });
}

beforeEach(async () => {
  app = makeApp();
  await app.setup();
  await app.addStaff();
  await app.addUser(CLERK, CLERK.client);
  const majorId = (await app.call(A, 'org.createMajor', { code: '510201', name: '计算机应用技术', level: '专科', lengthYears: '3', studyForm: '普通全日制' })).id;
  classId = (await app.call(A, 'org.createClass', { name: '计算机2601班', majorId, cohortYear: 2026 })).id;
  let seq = 11;
  for (const [i, name] of ['张三', '李四', '王五', '赵六'].entries()) {
    const s = await app.call(A, 'students.create', { studentNo: `202651020100${i + 1}`, name, gender: '1', birthDate: '2007-05-01', idNumber: makeId('110105', '20070501', String((seq += 2)).padStart(3, '0')), enrolmentDate: '2026-09-01', classId, guardians: [] });
    ids[name] = s.id;
  }
  plan = await app.call(CLERK.client, 'plans.save', {
    majorId, cohortYear: 2026, name: '2026级方案',
    courses: [course('MATH101', '高等数学', '4'), course('PHYS101', '大学物理', '3'), course('ENG101', '大学英语', '2'), course('ART101', '艺术鉴赏', '2', { nature: '任选' })],
  });
});
afterEach(() => app?.remove());

describe('学业预警 run', () => {
  it('finds each student\'s tier with every reason, leaves 休学 out, and compares with last term', async () => {
    await app.call(A, 'warnings.saveRuleSet', { ...PRESET_FOUR_TIER, effectiveFrom: '2026-01-01' });
    const T1 = '2026-2027-1';
    // 张三 fails three required courses after 补考 (橙: 3 门); 李四 passes by 补考 but has 15 hours of 旷课 (黄: 13–20);
    // 王五 passes everything but has a 记过 in force (黄); 赵六 fails two but is on 休学.
    await scores('MATH101', T1, [['张三', '40'], ['李四', '50'], ['王五', '90'], ['赵六', '30']]);
    await scores('MATH101', T1, [['张三', '45', '补考'], ['李四', '65', '补考']]);
    await scores('PHYS101', T1, [['张三', '20'], ['李四', '75'], ['王五', '88'], ['赵六', '10']]);
    await scores('ENG101', T1, [['张三', '58'], ['李四', '80'], ['王五', '60']]);
    await scores('ART101', T1, [['张三', '30']]);
    await app.call(C, 'warnings.setAbsence', { studentId: ids['李四']!, term: T1, hours: 15 });
    await app.call(A, 'students.addRecord', { studentId: ids['王五']!, kind: 'punishment', title: '记过处分', level: null, date: '2026-10-10', docNo: '学〔2026〕5号', term: T1, notes: null });
    app.core.folder.db().$client.prepare("UPDATE students SET status = 'suspended' WHERE id = ?").run(ids['赵六']);
    const recordsBefore = app.core.folder.db().$client.prepare('SELECT count(*) AS n FROM student_records').get();

    // A manager reads results but does not run; the counselor runs.
    expect((await app.fails(MANAGER.client, 'warnings.run', { term: T1 })).code).toBe('FORBIDDEN');
    const run = await app.call(C, 'warnings.run', { term: T1 });
    expect(run).toMatchObject({ term: T1, evaluated: 3, excluded: 1, warned: 3, comparedWithTerm: null, changes: { new: 3 } });

    const { rows, run: head } = await app.call(MANAGER.client, 'warnings.results', { term: T1 });
    expect(head).toMatchObject({ runByName: '赵辅导员', ruleSetName: PRESET_FOUR_TIER.name });
    expect(rows.map((r) => [r.name, r.tier, r.change])).toEqual([['张三', '橙色预警', 'new'], ['李四', '黄色预警', 'new'], ['王五', '黄色预警', 'new']]);
    // The reasons a counselor reads out: for each measure, the highest tier it reached. 任选 艺术鉴赏 is
    // not a required course, so 张三 has 3 failed required courses, not 4.
    expect(rows.map((r) => r.reasons.map((x) => x.text))).toEqual([
      ['补考后累计不及格必修课 3 门（达到橙色预警的 3 门）'],
      ['本学期旷课 15 学时（达到黄色预警的 13 学时）'],
      ['记过处分未解除（达到黄色预警的记过）'],
    ]);
    // A warning is not a 处分: the records are untouched.
    expect(app.core.folder.db().$client.prepare('SELECT count(*) AS n FROM student_records').get()).toEqual(recordsBefore);

    // Next term: 张三 passes MATH101 by 重修 (down to 黄: 2 门), 李四's 旷课 is not counted in T2 (cleared),
    // 王五's 记过 is still in force (same).
    const T2 = '2026-2027-2';
    await scores('MATH101', T2, [['张三', '70', '重修']]);
    const again = await app.call(C, 'warnings.run', { term: T2 });
    expect(again).toMatchObject({ comparedWithTerm: T1, changes: { lowered: 1, cleared: 1, same: 1, new: 0 } });
    const now = (await app.call(C, 'warnings.results', { term: T2 })).rows;
    expect(now.map((r) => [r.name, r.previousTier, r.tier, r.change])).toEqual([
      ['王五', '黄色预警', '黄色预警', 'same'],
      ['张三', '橙色预警', '黄色预警', 'lowered'],
      ['李四', '黄色预警', null, 'cleared'],
    ]);
    const audit = (await app.call(A, 'audit.list', { page: 0, pageSize: 10, action: 'warnings.run' })).rows;
    expect(audit.map((e) => e.summary)[0]).toContain('预警 2 人（新增 0，升级 0，降级 1，解除 1）');
  });

  it('refuses a rule set the school wrote wrong, and keeps its versions by effective date', async () => {
    const bad = { ...PRESET_FOUR_TIER, effectiveFrom: '2026-02-01', tiers: [PRESET_FOUR_TIER.tiers[0]!, { ...PRESET_FOUR_TIER.tiers[1]!, label: '蓝色预警' }] };
    expect((await app.fails(A, 'warnings.saveRuleSet', bad)).code).toBe('VALIDATION');
    expect((await app.fails(C, 'warnings.saveRuleSet', PRESET_FOUR_TIER)).code).toBe('FORBIDDEN');
    const before = await app.call(C, 'warnings.settings', {});
    expect(before.versions.map((v) => v.name)).toEqual([before.presets[0]!.name]);
    const saved = await app.call(A, 'warnings.saveRuleSet', { ...PRESET_FOUR_TIER, effectiveFrom: '2026-03-01' });
    expect(saved.versions.map((v) => v.effectiveFrom)).toEqual(['2026-03-01']);
    expect(saved.inForce).toBe('2026-03-01');
  });

  it('a counselor scoped to other classes neither evaluates nor sees these students', async () => {
    await scores('MATH101', '2026-2027-1', [['张三', '10']]);
    await scores('PHYS101', '2026-2027-1', [['张三', '10']]);
    const users = await app.call(A, 'users.list', {});
    const majorId = (await app.call(A, 'org.tree', {})).majors[0]!.id;
    const other = await app.call(A, 'org.createClass', { name: '计算机2602班', majorId, cohortYear: 2026 });
    await app.call(A, 'scopes.set', { userId: users.find((u) => u.username === COUNSELOR.username)!.id, classIds: [other.id], cohortYears: [] });
    expect(await app.call(C, 'warnings.run', { term: '2026-2027-1' })).toMatchObject({ evaluated: 0, warned: 0 });
    const whole = await app.call(A, 'warnings.run', { term: '2026-2027-1' });
    expect(whole.warned).toBe(1);
    expect((await app.call(C, 'warnings.results', { runId: whole.runId })).rows).toEqual([]);
    expect((await app.call(A, 'warnings.results', { runId: whole.runId })).rows.map((r) => r.name)).toEqual(['张三']);
  });
});
