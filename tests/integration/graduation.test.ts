/**
 * 毕业资格审核 (issue 16) against the real encrypted database: a cohort audited as a job (毕业 and
 * 延长学习年限 with the line naming the course and why), a student who changed major (each course
 * under its segment's plan), one back from 休学 into the next cohort, 毕业要求 saved per plan (problems
 * in Chinese), overrides (a reason, the right role, audited with before/after), 数据范围, and the
 * export read back with exceljs. Class and status history rows the status-change engine would have
 * written are put in with SQL (the engine has its own tests).
 */
import ExcelJS from 'exceljs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { CallInput } from '../../shared/ipc/contract';
import { COUNSELOR, MANAGER, makeApp, type TestApp } from '../support/harness';
import { numberedId } from '../support/roster-fixtures';

const A = 'admin-client';
const CLERK = { username: 'sun', displayName: '孙老师', role: 'clerk', password: 'Clerk12345xy', client: 'clerk-client' } as const;

let app: TestApp;
let major = { sw: 0, nw: 0 };
let cls = { sw22: 0, sw23: 0, sw23b: 0, nw23: 0 };
const ids: Record<string, number> = {};
const plans: Record<string, { id: number; courses: { id: number; code: string }[] }> = {};

type CourseIn = CallInput<'plans.save'>['courses'][number];
const course = (code: string, name: string, credits: string, module: string, over: Partial<CourseIn> = {}): CourseIn => ({
  code, name, nameEn: '', credits, hours: 32, nature: '必修', module, assessment: '考试', term: 1, scale: '百分制', countsTowardGpa: true, ...over,
});

const sql = (q: string, ...args: unknown[]) => app.core.folder.db().$client.prepare(q).run(...args);
let seq = 0;
async function student(name: string, classId: number, enrolmentDate: string) {
  const s = await app.call(A, 'students.create', { studentNo: `20235102${String(++seq).padStart(5, '0')}`, name, gender: seq % 2 === 1 ? '1' : '2', birthDate: '2006-02-01', idNumber: numberedId(seq), enrolmentDate, classId, guardians: [] });
  ids[name] = s.id;
  // The record was typed in on "today" (2026-09-01): its class history starts at 入学.
  sql('UPDATE class_history SET from_date = ? WHERE student_id = ?', enrolmentDate, s.id);
  sql('DELETE FROM status_history WHERE student_id = ?', s.id);
  return s.id;
}
const fitness = (studentId: number, score: number) => sql("INSERT INTO fitness_scores (student_id, school_year, score, entered_by, entered_at) VALUES (?, 2025, ?, 'test', '2026-06-01')", studentId, score);
async function grade(plan: string, code: string, classId: number, term: string, entries: CallInput<'grades.save'>['entries']) {
  const courseId = plans[plan]!.courses.find((c) => c.code === code)!.id;
  await app.call(CLERK.client, 'grades.save', { courseId, classId, term, entries });
}

beforeEach(async () => {
  app = makeApp();
  seq = 0;
  await app.setup();
  await app.addStaff();
  await app.addUser(CLERK, CLERK.client);
  const sw = (await app.call(A, 'org.createMajor', { code: '510201', name: '软件技术', level: '专科', lengthYears: '3', studyForm: '普通全日制' })).id;
  const nw = (await app.call(A, 'org.createMajor', { code: '510202', name: '计算机网络技术', level: '专科', lengthYears: '3', studyForm: '普通全日制' })).id;
  major = { sw, nw };
  const mk = async (name: string, majorId: number, cohortYear: number) => (await app.call(A, 'org.createClass', { name, majorId, cohortYear })).id;
  cls = { sw22: await mk('软件2201班', sw, 2022), sw23: await mk('软件2301班', sw, 2023), sw23b: await mk('软件2302班', sw, 2023), nw23: await mk('网络2301班', nw, 2023) };
  const save = async (key: string, majorId: number, cohortYear: number, name: string, courses: CourseIn[]) => {
    const p = await app.call(CLERK.client, 'plans.save', { majorId, cohortYear, name, courses });
    plans[key] = { id: p.id, courses: p.courses };
  };
  await save('sw22', major.sw, 2022, '软件技术2022级', [course('MATH101', '高等数学', '3', '公共基础'), course('OLD101', '计算机导论', '2', '专业基础')]);
  await save('sw23', major.sw, 2023, '软件技术2023级', [
    course('MATH101', '高等数学', '4', '公共基础'), course('SW101', '程序设计', '3', '专业核心'), course('DB201', '数据库原理', '4', '专业核心'),
    course('EL101', '音乐欣赏', '2', '公共选修', { nature: '任选' }),
  ]);
  await save('nw23', major.nw, 2023, '网络技术2023级', [course('MATH101', '高等数学', '5', '专业基础'), course('NW201', '网络工程', '3', '专业核心')]);
});
afterEach(() => app?.remove());

async function seedSoftware() {
  const z = await student('张三', cls.sw23, '2023-09-01');
  const l = await student('李四', cls.sw23, '2023-09-01');
  await grade('sw23', 'MATH101', cls.sw23, '2023-2024-1', [{ studentId: z, attempt: '正考', score: '80' }, { studentId: l, attempt: '正考', score: '75' }]);
  await grade('sw23', 'SW101', cls.sw23, '2023-2024-1', [{ studentId: z, attempt: '正考', score: '90' }, { studentId: l, attempt: '正考', score: '66' }]);
  await grade('sw23', 'DB201', cls.sw23, '2023-2024-2', [{ studentId: z, attempt: '正考', score: '70' }, { studentId: l, attempt: '正考', score: '40' }]);
  await grade('sw23', 'DB201', cls.sw23, '2024-2025-1', [{ studentId: l, attempt: '补考', score: '45' }]);
  fitness(z, 80);
  fitness(l, 76);
}

const audit = (client: string, input: Omit<CallInput<'graduation.audit'>, 'jobId'>) => app.call(client, 'graduation.audit', { ...input, jobId: `audit-${Math.random()}` });

describe('毕业资格审核', () => {
  it('audits a cohort as a job: 毕业, and 延长学习年限 with the line naming the missing course and why; audited as one entry and one per student', async () => {
    await seedSoftware();
    const r = await audit(CLERK.client, { cohortYear: 2023, majorId: major.sw });
    expect(r).toEqual({ audited: 2, graduated: 1, completed: 0, extended: 1 });
    const res = await app.call(CLERK.client, 'graduation.results', { cohortYear: 2023 });
    const byName = Object.fromEntries(res.rows.map((x) => [x.name, x]));
    expect(byName['张三']).toMatchObject({ outcome: '毕业', deficiencies: [], override: null });
    expect(byName['李四']!.outcome).toBe('延长学习年限');
    // No saved 毕业要求: derived from the plan (必修 by code, module and total minimums).
    expect(byName['李四']!.deficiencies).toEqual([
      '总学分 还差 4 学分：未通过 数据库原理（4 学分，补考 45 分）',
      '专业核心 还差 4 学分：未通过 数据库原理（4 学分，补考 45 分）',
      '必修课程 未完成 1 门：未通过 数据库原理（4 学分，补考 45 分）',
    ]);
    expect((await app.call(CLERK.client, 'graduation.results', { cohortYear: 2023, outcome: '毕业' })).rows.map((x) => x.name)).toEqual(['张三']);

    const detail = await app.call(CLERK.client, 'graduation.detail', { studentId: ids['李四']! });
    const req = detail.checks.find((c) => c.kind === 'requiredCourses')!;
    expect(req).toMatchObject({ passed: false, leftOut: [{ code: 'DB201', name: '数据库原理', credits: '4', why: '补考 45 分' }] });
    expect(req.counted.map((c) => c.code)).toEqual(['MATH101', 'SW101']);
    expect(detail.rulesSource).toContain('未设置毕业要求');

    const log = await app.call(A, 'audit.list', { action: 'graduation.audit', page: 0, pageSize: 50 });
    const parent = log.rows.find((x) => x.action === 'graduation.audit' && x.summary.startsWith('毕业资格审核：2023 级 软件技术专业 2 人'));
    expect(parent, JSON.stringify(log.rows.map((x) => x.summary))).toBeTruthy();
  });

  it('without a 体质健康 score the fitness check fails with its line (national rule)', async () => {
    const w = await student('王五', cls.sw23, '2023-09-01');
    for (const code of ['MATH101', 'SW101', 'DB201']) await grade('sw23', code, cls.sw23, '2023-2024-1', [{ studentId: w, attempt: '正考', score: '88' }]);
    await audit(CLERK.client, { cohortYear: 2023 });
    const [row] = (await app.call(CLERK.client, 'graduation.results', { cohortYear: 2023 })).rows;
    expect(row!.deficiencies).toEqual(['体质健康测试 没有成绩（须不低于 50 分）']);
    // Two 学年 recorded: the graduate's score is 毕业当年 50% + the other years' mean 50%.
    sql("INSERT INTO fitness_scores (student_id, school_year, score, entered_by, entered_at) VALUES (?, 2024, 55, 'test', '2025-06-01')", w);
    sql("INSERT INTO fitness_scores (student_id, school_year, score, entered_by, entered_at) VALUES (?, 2025, 40, 'test', '2026-06-01')", w);
    await audit(CLERK.client, { cohortYear: 2023 });
    const [low] = (await app.call(CLERK.client, 'graduation.results', { cohortYear: 2023 })).rows;
    expect(low!.deficiencies).toEqual(['体质健康测试 47.5 分，低于 50 分']);
    sql('UPDATE fitness_scores SET score = 46 WHERE student_id = ? AND school_year = 2025', w);
    await audit(CLERK.client, { cohortYear: 2023 });
    const [enough] = (await app.call(CLERK.client, 'graduation.results', { cohortYear: 2023 })).rows;
    expect(enough!.deficiencies).toEqual([]);
  });

  it('a student who changed major: each course counts under its segment’s plan, a code in the final plan under the final plan', async () => {
    const w = await student('王五', cls.sw23, '2023-09-01');
    await grade('sw23', 'MATH101', cls.sw23, '2023-2024-1', [{ studentId: w, attempt: '正考', score: '80' }]);
    await grade('sw23', 'SW101', cls.sw23, '2023-2024-1', [{ studentId: w, attempt: '正考', score: '85' }]);
    // 转专业 into 网络2301班 from 2024-09-01 (what the approved order writes).
    sql('UPDATE students SET class_id = ? WHERE id = ?', cls.nw23, w);
    sql("INSERT INTO class_history (student_id, class_id, class_name, from_date, created_by) VALUES (?, ?, '网络2301班', '2024-09-01', 'test')", w, cls.nw23);
    await grade('nw23', 'NW201', cls.nw23, '2024-2025-1', [{ studentId: w, attempt: '正考', score: '77' }]);
    fitness(w, 70);
    await audit(CLERK.client, { cohortYear: 2023, majorId: major.nw });
    const d = await app.call(CLERK.client, 'graduation.detail', { studentId: w });
    expect(d.planName).toBe('网络技术2023级');
    const total = d.checks.find((c) => c.kind === 'totalCredits')!;
    // MATH101 under the final plan (5 学分), SW101 only in the old plan (3 学分, counts toward the total), NW201.
    expect(total.counted.map((c) => [c.code, c.credits])).toEqual([['MATH101', '5'], ['SW101', '3'], ['NW201', '3']]);
    expect(total.actual).toBe('11');
    const mod = d.checks.find((c) => c.kind === 'moduleCredits' && c.label === '专业基础')!;
    expect(mod).toMatchObject({ passed: true, actual: '5' });
    expect(d.row.outcome).toBe('毕业');
  });

  it('a student back from 休学 into the next cohort: the earlier courses count under the old cohort’s plan unless the final plan lists them', async () => {
    const s = await student('赵六', cls.sw22, '2022-09-01');
    await grade('sw22', 'MATH101', cls.sw22, '2022-2023-1', [{ studentId: s, attempt: '正考', score: '70' }]);
    await grade('sw22', 'OLD101', cls.sw22, '2022-2023-1', [{ studentId: s, attempt: '正考', score: '90' }]);
    sql("INSERT INTO status_history (student_id, from_status, to_status, effective, created_by, created_at) VALUES (?, 'enrolled', 'suspended', '2023-09-01', 'test', '2023-09-01'), (?, 'suspended', 'enrolled', '2024-09-01', 'test', '2024-09-01')", s, s);
    sql('UPDATE students SET class_id = ? WHERE id = ?', cls.sw23, s);
    sql("INSERT INTO class_history (student_id, class_id, class_name, from_date, created_by) VALUES (?, ?, '软件2301班', '2024-09-01', 'test')", s, cls.sw23);
    await grade('sw23', 'SW101', cls.sw23, '2024-2025-1', [{ studentId: s, attempt: '正考', score: '80' }]);
    await grade('sw23', 'DB201', cls.sw23, '2024-2025-1', [{ studentId: s, attempt: '正考', score: '80' }]);
    fitness(s, 60);
    expect((await audit(CLERK.client, { cohortYear: 2023 })).audited).toBe(1);
    const d = await app.call(CLERK.client, 'graduation.detail', { studentId: s });
    const total = d.checks.find((c) => c.kind === 'totalCredits')!;
    expect(total.counted.map((c) => [c.code, c.credits])).toEqual([['MATH101', '4'], ['OLD101', '2'], ['DB201', '4'], ['SW101', '3']]);
    // 4 years since 入学 (休学 included: 最长学习年限 counts it), within 3 + 2.
    expect(d.checks.find((c) => c.kind === 'withinMaxYears')).toMatchObject({ passed: true, required: '5', actual: '4' });
    expect(d.row.outcome).toBe('毕业');
  });

  it('毕业要求 saved per plan: problems in Chinese; a saved rule set is the one audited', async () => {
    await seedSoftware();
    const bad = await app.fails(CLERK.client, 'graduation.saveRules', { planId: plans['sw23']!.id, rules: [{ kind: 'requiredCourses', courses: [{ code: 'XX1', name: '不存在' }] }] });
    expect(bad.message).toContain('课程 不存在（XX1）不在该培养方案中');
    const v = await app.call(CLERK.client, 'graduation.saveRules', { planId: plans['sw23']!.id, rules: [{ kind: 'totalCredits', min: '7' }, { kind: 'fitness', min: 80 }] });
    expect([v.version, v.lines]).toEqual([1, ['总学分不少于 7', '体质健康测试不低于 80 分']]);
    await audit(CLERK.client, { cohortYear: 2023 });
    const rows = (await app.call(CLERK.client, 'graduation.results', { cohortYear: 2023 })).rows;
    expect(rows.map((r) => [r.name, r.outcome, r.deficiencies])).toEqual([
      ['张三', '毕业', []],
      ['李四', '延长学习年限', ['体质健康测试 76 分，低于 80 分']],
    ]);
    expect((await app.call(CLERK.client, 'graduation.detail', { studentId: ids['李四']! })).rulesSource).toBe('毕业要求（第 1 版）');
  });

  it('overrides: the manager may, with a reason; the clerk who ran the audit may not; audited with before and after; a re-run keeps it', async () => {
    await seedSoftware();
    await audit(CLERK.client, { cohortYear: 2023 });
    const l = ids['李四']!;
    expect((await app.fails(CLERK.client, 'graduation.override', { studentId: l, outcome: '毕业', reason: '已补交' })).code).toBe('FORBIDDEN');
    expect((await app.fails(MANAGER.client, 'graduation.override', { studentId: l, outcome: '毕业', reason: '  ' })).code).toBe('VALIDATION');
    const row = await app.call(MANAGER.client, 'graduation.override', { studentId: l, outcome: '结业', reason: '本人申请结业离校' });
    expect(row).toMatchObject({ outcome: '结业', ruleOutcome: '延长学习年限', override: { outcome: '结业', reason: '本人申请结业离校', by: MANAGER.username } });
    const log = await app.call(A, 'audit.list', { action: 'graduation.override', page: 0, pageSize: 10 });
    expect(log.rows[0]!.summary).toBe('调整毕业审核结论：李四（2023510200002） 延长学习年限 → 结业，原因：本人申请结业离校');
    await audit(CLERK.client, { cohortYear: 2023 });
    const again = (await app.call(CLERK.client, 'graduation.results', { cohortYear: 2023 })).rows.find((r) => r.studentId === l)!;
    expect([again.outcome, again.ruleOutcome, again.override?.reason]).toEqual(['结业', '延长学习年限', '本人申请结业离校']);
  });

  it('permissions: the counselor reads results but may not run the audit; 数据范围 limits the run, the results and the detail', async () => {
    await seedSoftware();
    const other = await student('钱七', cls.sw23b, '2023-09-01');
    expect((await app.fails(COUNSELOR.client, 'graduation.audit', { cohortYear: 2023 })).code).toBe('FORBIDDEN');
    const clerk = (await app.call(A, 'users.list', {})).find((u) => u.username === CLERK.username)!;
    await app.call(A, 'scopes.set', { userId: clerk.id, classIds: [cls.sw23], cohortYears: [] });
    expect((await audit(CLERK.client, { cohortYear: 2023 })).audited).toBe(2);
    expect((await app.fails(CLERK.client, 'graduation.audit', { cohortYear: 2023, classId: cls.sw23b })).code).toBe('FORBIDDEN');
    await audit(A, { cohortYear: 2023 });
    expect((await app.call(CLERK.client, 'graduation.results', { cohortYear: 2023 })).rows.map((r) => r.name)).toEqual(['张三', '李四']);
    expect((await app.call(A, 'graduation.results', { cohortYear: 2023 })).rows).toHaveLength(3);
    expect((await app.fails(CLERK.client, 'graduation.detail', { studentId: other })).code).toBe('NOT_FOUND');
  });

  it('lists the students who left apart, each with 肄业证书 or 学习证明 and why, in the caller’s 数据范围; not audited', async () => {
    await seedSoftware();
    const left = (name: string, classId: number, status: string, day: string) =>
      student(name, classId, '2023-09-01').then((id) => {
        sql('UPDATE students SET status = ? WHERE id = ?', status, id);
        sql("INSERT INTO status_history (student_id, from_status, to_status, effective, created_by, created_at) VALUES (?, 'enrolled', ?, ?, 'test', ?)", id, status, day, day);
        return id;
      });
    await left('周五', cls.sw23, 'withdrawn', '2024-12-10');
    const wu = await left('吴六', cls.sw23, 'withdrawn', '2024-06-30');
    await left('郑八', cls.sw23b, 'expelled', '2025-03-01');
    await student('冯九', cls.sw23, '2023-09-01').then((id) => sql("UPDATE students SET status = 'withdrawn' WHERE id = ?", id));
    const rows = (await app.call(CLERK.client, 'graduation.leavers', { cohortYear: 2023 })).rows;
    expect(rows.map((r) => [r.name, r.statusName, r.title, r.reason])).toEqual([
      ['周五', '退学', '肄业证书', '入学 2023-09-01，退学 2024-12-10，学满一学年以上'],
      ['吴六', '退学', '学习证明', '入学 2023-09-01，退学 2024-06-30，未满一学年'],
      ['郑八', '开除学籍', '学习证明', '入学 2023-09-01，开除学籍 2025-03-01，开除学籍者只发学习证明（41号令第五十八条）'],
      ['冯九', '退学', null, '学籍异动中没有记录退学日期，无法计算在校学习时间：请先在学籍异动中补录'],
    ]);
    expect(rows.find((r) => r.studentId === wu)).toMatchObject({ document: 'studyRecord', status: 'withdrawn' });
    // The audit takes only those still studying.
    expect((await audit(CLERK.client, { cohortYear: 2023 })).audited).toBe(2);
    // 数据范围: a clerk limited to 软件2301班 does not see 郑八.
    const clerk = (await app.call(A, 'users.list', {})).find((u) => u.username === CLERK.username)!;
    await app.call(A, 'scopes.set', { userId: clerk.id, classIds: [cls.sw23], cohortYears: [] });
    expect((await app.call(CLERK.client, 'graduation.leavers', { cohortYear: 2023 })).rows.map((r) => r.name)).toEqual(['周五', '吴六', '冯九']);
    expect((await app.fails(CLERK.client, 'graduation.leavers', { cohortYear: 2023, classId: cls.sw23b })).code).toBe('FORBIDDEN');
    expect((await app.call(MANAGER.client, 'graduation.leavers', { cohortYear: 2023, classId: cls.sw23b })).rows.map((r) => r.name)).toEqual(['郑八']);
  });

  it('exports 审核结果 and 未通过课程 with blank signature columns', async () => {
    await seedSoftware();
    await audit(CLERK.client, { cohortYear: 2023 });
    const r = await app.call(CLERK.client, 'graduation.export', { cohortYear: 2023, jobId: 'exp-1' });
    expect(r).toMatchObject({ fileName: '毕业资格审核_2023级.xlsx', rows: 2, failedCourses: 1 });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(app.output(CLERK.client, 'exp-1') as unknown as ArrayBuffer);
    const res = wb.getWorksheet('审核结果')!;
    const values = (n: number, ws = res) => (ws.getRow(n).values as unknown[]).slice(1);
    expect(values(2)).toEqual(['学号', '姓名', '班级', '结论', '未满足项', '审核人签字', '学生签字', '日期']);
    expect(values(3)).toEqual(['2023510200001', '张三', '软件2301班', '毕业']);
    expect(values(4).slice(0, 4)).toEqual(['2023510200002', '李四', '软件2301班', '延长学习年限']);
    expect(String(values(4)[4])).toContain('必修课程 未完成 1 门：未通过 数据库原理（4 学分，补考 45 分）');
    const failed = wb.getWorksheet('未通过课程')!;
    expect(values(1, failed)).toEqual(['学号', '姓名', '课程代码', '课程名称', '学分', '成绩', '原因', '学生签字']);
    expect(values(2, failed)).toEqual(['2023510200002', '李四', 'DB201', '数据库原理', '4', '补考 45 分', '总学分未满足']);
  });
});
