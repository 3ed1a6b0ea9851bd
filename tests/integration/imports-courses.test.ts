/**
 * The course import (issue 15 "Training plans and courses"): the 教务处's 教学进程表 becomes a plan's
 * next version, as plans.save would write it — the first version of a major and 年级, then versions
 * that supersede it, the old ones untouched — with every bad cell named and the plan written whole.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeApp, type TestApp } from '../support/harness';
import { courseList, PLAN_LINES, type CourseLine } from '../support/grade-fixtures';

let app: TestApp;
const A = 'admin-client';
const CLERK = { username: 'sun', displayName: '孙老师', role: 'clerk', password: 'Clerk12345xy', client: 'clerk-client' } as const;
const K = CLERK.client;
let majorId: number;

beforeEach(async () => {
  app = makeApp();
  await app.setup();
  await app.addUser(CLERK, K);
  majorId = (await app.call(A, 'org.createMajor', { code: '510201', name: '计算机应用技术', level: '专科', lengthYears: '3', studyForm: '普通全日制' })).id;
});
afterEach(() => app?.remove());

async function prepared(bytes: Buffer, fileName = '教学进程表.xlsx') {
  const opened = await app.call(K, 'imports.open', { ...app.upload(K, fileName, bytes), spec: 'courses' });
  const sheet = opened.sheets[0]!.name;
  const inspected = await app.call(K, 'imports.inspect', { uploadId: opened.uploadId, sheet });
  return { inspected, options: { uploadId: opened.uploadId, sheet, mapping: inspected.mapping } };
}

describe('course import', () => {
  it('a course list becomes the first version, then the next one; the words of the 教务处 become the plan’s values', async () => {
    const { inspected, options } = await prepared(await courseList(PLAN_LINES));
    const byHeader = Object.fromEntries(Object.entries(inspected.mapping).map(([i, f]) => [inspected.headers[Number(i)], f]));
    expect(byHeader).toEqual({
      课程代码: 'code', 课程名称: 'name', 英文名称: 'nameEn', 学分: 'credits', 总学时: 'hours', 课程性质: 'nature', 课程模块: 'module', 考核方式: 'assessment',
      开课学期: 'term', 记分方式: 'scale', 是否计入绩点: 'countsTowardGpa',
    });
    // 理论学时 is a part of the hours, not the course's hours.
    expect(inspected.unmapped.map((u) => u.header)).toEqual(['序号', '理论学时']);

    // The file names no plan: it is asked for.
    expect(await app.fails(K, 'imports.preview', options)).toMatchObject({ code: 'VALIDATION', message: expect.stringContaining('请指定要导入到哪个培养方案') });
    const plan = { majorId, cohortYear: 2026 };
    const preview = await app.call(K, 'imports.preview', { ...options, plan });
    expect(preview).toMatchObject({ spec: 'courses', rows: 4, valid: 4, invalid: 0, toAdd: 4, toUpdate: 0, issues: [] });
    expect(preview.courses).toEqual({
      plan: { majorId, majorName: '计算机应用技术', cohortYear: 2026, name: '计算机应用技术专业2026级人才培养方案', version: 1, supersedes: null },
      courses: 4, totalCredits: '10.5', unchanged: 0, removed: [],
    });
    const done = await app.call(K, 'imports.commit', { ...options, plan });
    expect(done).toMatchObject({ spec: 'courses', rows: 4, imported: 4, updated: 0, skipped: 0, errors: [], courses: { version: 1 } });
    const v1 = await app.call(K, 'plans.get', { id: done.courses!.planId! });
    expect(v1.courses.map(({ id: _i, planId: _p, ...c }) => c)).toEqual([
      { code: 'MATH101', name: '高等数学', nameEn: 'Advanced Mathematics', credits: '4', hours: 64, nature: '必修', module: '公共基础', assessment: '考试', term: 1, scale: '百分制', countsTowardGpa: true },
      { code: 'ENG101', name: '大学英语', nameEn: '', credits: '2', hours: 32, nature: '必修', module: '公共基础', assessment: '考查', term: 1, scale: '五级制', countsTowardGpa: true },
      { code: 'PE101', name: '体育', nameEn: '', credits: '1', hours: 32, nature: '必修', module: '公共基础', assessment: '考查', term: 1, scale: '两级制', countsTowardGpa: false },
      { code: 'CS101', name: '程序设计基础', nameEn: '', credits: '3.5', hours: 56, nature: '限选', module: '专业核心', assessment: '考试', term: 2, scale: '百分制', countsTowardGpa: true },
    ]);

    // The next list, saying its own 专业 and 年级: 高等数学 corrected, CS101 left out, DB201 added.
    const next: CourseLine[] = [
      { ...PLAN_LINES[0]!, credits: 4.5 }, PLAN_LINES[1]!, PLAN_LINES[2]!,
      { code: 'db201', name: '数据库应用', credits: '2.5', hours: 40, nature: '任意选修', module: '专业拓展', assessment: '考查', term: 3, counts: '否' },
    ].map((l) => ({ ...l, major: '510201 计算机应用技术', cohort: '2026级' }));
    const second = await prepared(await courseList(next, true), '进程表（修订）.xlsx');
    const p2 = await app.call(K, 'imports.preview', second.options);
    expect(p2).toMatchObject({ valid: 4, toAdd: 1, toUpdate: 1 });
    expect(p2.courses).toMatchObject({ plan: { version: 2, supersedes: { id: v1.id, version: 1 } }, unchanged: 2, removed: [{ code: 'CS101', name: '程序设计基础' }] });
    const d2 = await app.call(K, 'imports.commit', second.options);
    expect(d2).toMatchObject({ imported: 1, updated: 1, courses: { version: 2 } });
    const v2 = await app.call(K, 'plans.get', { id: d2.courses!.planId! });
    expect(v2).toMatchObject({ version: 2, supersedesId: v1.id, totalCredits: '10' });
    expect(v2.courses.map((c) => c.code)).toEqual(['MATH101', 'ENG101', 'PE101', 'DB201']);
    expect(await app.call(K, 'plans.get', { id: v1.id })).toEqual({ ...v1, supersededById: v2.id });

    // The same list again: nothing new, no version that says nothing.
    const same = await prepared(await courseList(next, true));
    expect(await app.call(K, 'imports.commit', same.options)).toMatchObject({ batchId: null, imported: 0, updated: 0, courses: { planId: v2.id, version: 2 } });
    expect((await app.call(K, 'plans.list', { currentOnly: false })).length).toBe(2);

    // Each import is a batch in 导入记录, which says why it cannot be undone; the trail has the save as its part.
    const batches = await app.call(K, 'imports.batches', {});
    expect(batches.map((b) => [b.spec, b.fileName, b.imported, b.updated, b.undoable])).toEqual([['courses', '进程表（修订）.xlsx', 1, 1, false], ['courses', '教学进程表.xlsx', 4, 0, false]]);
    expect(batches[0]!.undoBlockedReason).toContain('培养方案的版本保存后不能撤销');
    expect((await app.fails(K, 'imports.undo', { id: batches[0]!.id })).code).toBe('CONFLICT');
    const [entry] = (await app.call(A, 'audit.list', { page: 0, pageSize: 1, action: 'plans.import' })).rows;
    expect(entry!.summary).toBe('导入培养方案课程《进程表（修订）.xlsx》（工作表“教学进程表”）：计算机应用技术 2026 级第 2 版，新增 1 门、修改 1 门、去掉 1 门课程');
    const [part] = (await app.call(A, 'audit.list', { page: 0, pageSize: 5, parentId: entry!.id })).rows;
    expect(part).toMatchObject({ action: 'plans.save', summary: expect.stringContaining('第 2 版，取代第 1 版：4 门课程，共 10 学分') });
  });

  it('names every bad cell; a plan is written whole or not at all', async () => {
    const bad: CourseLine[] = [
      PLAN_LINES[0]!,
      { ...PLAN_LINES[1]!, credits: '2.55' },
      { ...PLAN_LINES[2]!, nature: '选修' },
      { ...PLAN_LINES[3]!, term: 11 },
      { ...PLAN_LINES[0]!, name: '高等数学（二）' },
      { code: 'ART101', name: '美术鉴赏', credits: 1, hours: '16学时', nature: '任选', module: '公共基础', assessment: '考试', term: 2, scale: '等级', counts: '也许' },
      { code: 'CS201', name: '网页设计', credits: 2, hours: '32学时', nature: '公选', module: '专业拓展', assessment: '考查', term: 3 },
    ].map((l) => ({ ...l, major: '计算机应用技术', cohort: 2026 }));
    bad[3] = { ...bad[3]!, major: '电子信息工程技术' };
    const { options } = await prepared(await courseList(bad, true));
    const preview = await app.call(K, 'imports.preview', options);
    expect(preview).toMatchObject({ rows: 7, valid: 1, invalid: 6 });
    expect(preview.issues.map(({ row, column, field, code }) => ({ row, column, field, code }))).toEqual([
      { row: 3, column: '课程代码', field: 'code', code: 'DUPLICATE_IN_FILE' },
      { row: 4, column: '学分', field: 'credits', code: 'NUMBER_FORMAT' },
      { row: 5, column: '课程性质', field: 'nature', code: 'VALUE_UNKNOWN' },
      { row: 6, column: '开课学期', field: 'term', code: 'NUMBER_FORMAT' },
      { row: 6, column: '专业', field: 'majorName', code: 'UNKNOWN_MAJOR' },
      { row: 7, column: '课程代码', field: 'code', code: 'DUPLICATE_IN_FILE' },
      { row: 8, column: '记分方式', field: 'scale', code: 'VALUE_UNKNOWN' },
      { row: 8, column: '是否计入绩点', field: 'countsTowardGpa', code: 'VALUE_UNKNOWN' },
    ]);
    const message = (row: number, field: string) => preview.issues.find((i) => i.row === row && i.field === field)!.message;
    expect(message(3, 'code')).toBe('第 3 行“课程代码”：课程代码 MATH101 与第 7 行重复');
    expect(message(4, 'credits')).toBe('第 4 行“学分”：学分应为数字，最多一位小数（如 2 或 1.5）');
    expect(message(5, 'nature')).toBe('第 5 行“课程性质”：无法识别“选修”，应为必修、限选或任选（“选修”请写明限选或任选）');
    expect(message(6, 'term')).toBe('第 6 行“开课学期”：开课学期应为 1–10');

    const refused = await app.call(K, 'imports.commit', options);
    expect(refused).toMatchObject({ batchId: null, imported: 0, skipped: 7 });
    expect(refused.errors.map((e) => [e.row, e.code])).toContainEqual([4, 'NUMBER_FORMAT']);
    expect(await app.fails(K, 'imports.commit', { ...options, skipInvalid: true })).toMatchObject({ code: 'VALIDATION', message: expect.stringContaining('培养方案的课程须整份导入') });
    expect(await app.call(K, 'plans.list', {})).toEqual([]);

    // A plan named in the call that has a newer version since: refused, not written over.
    const v1 = (await app.call(K, 'imports.commit', { ...(await prepared(await courseList(PLAN_LINES))).options, plan: { majorId, cohortYear: 2026 } })).courses!.planId!;
    const v2 = (await app.call(K, 'imports.commit', { ...(await prepared(await courseList(PLAN_LINES.slice(1)))).options, plan: { planId: v1 } })).courses!.planId!;
    expect(v2).not.toBe(v1);
    const stale = await prepared(await courseList(PLAN_LINES));
    expect(await app.fails(K, 'imports.preview', { ...stale.options, plan: { planId: v1 } })).toMatchObject({ code: 'CONFLICT', message: expect.stringContaining('已有更新的版本（第 2 版）') });
  });
});
