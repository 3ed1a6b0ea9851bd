import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { COUNSELOR, MANAGER, makeApp, type TestApp } from '../support/harness';
import { MAJOR, numberedStudents, workbook } from '../support/roster-fixtures';

let app: TestApp;
const C = COUNSELOR.client;
const M = MANAGER.client;

const CLASS_1 = '计算机应用技术2601';
const CLASS_2 = '计算机应用技术2602';

beforeEach(async () => {
  app = makeApp();
  await app.setup();
  await app.addStaff();
  const major = await app.call(C, 'org.createMajor', { ...MAJOR });
  await app.call(C, 'org.createClass', { name: CLASS_2, majorId: major.id, cohortYear: 2026 });
  await app.call(C, 'org.createClass', { name: CLASS_1, majorId: major.id, cohortYear: 2026 });
});
afterEach(() => app?.remove());

/** A 新生录取名单 as admissions offices send it: 考生号 and 身份证号, no 学号. */
function admissionsRoster(rows: { examNo: string; name: string; id: string; className: string }[]) {
  const headers = ['考生号', '姓名', '身份证号', '班级'];
  return workbook([{ name: '录取名单', rows: [headers, ...rows.map((r) => [r.examNo, r.name, r.id, r.className])] }]);
}

const NAMES = ['张三', '李四', '王五', '赵六'];
function admitted() {
  return numberedStudents(4, 'x', '生').map((s, i) => ({ examNo: `2644010100${i}`, name: NAMES[i]!, id: s.id, className: i === 3 ? CLASS_2 : CLASS_1 }));
}

async function importRoster(bytes: Buffer, extra: { assignStudentNo?: boolean } = {}) {
  const opened = await app.call(C, 'imports.open', app.upload(C, '录取名单.xlsx', bytes));
  const sheet = opened.sheets[0]!.name;
  const inspected = await app.call(C, 'imports.inspect', { uploadId: opened.uploadId, sheet });
  expect(inspected.missingRequired).toEqual([]);
  const options = { uploadId: opened.uploadId, sheet, mapping: inspected.mapping };
  const preview = await app.call(C, 'imports.preview', options);
  return { preview, commit: await app.call(C, 'imports.commit', { ...options, ...extra }) };
}

const roster = async (filter = {}) => (await app.call(C, 'students.list', { page: 0, pageSize: 100, filter, sort: { field: 'name', dir: 'asc' } })).rows;

describe('rosters without 学号 (新生录取名单)', () => {
  it('imports them; the students show as 待编学号 and can be filtered', async () => {
    const { preview, commit } = await importRoster(await admissionsRoster(admitted()));
    expect(preview).toMatchObject({ rows: 4, valid: 4, invalid: 0, toAdd: 4 });
    expect(commit).toMatchObject({ imported: 4, roster: { studentNumbers: null } });
    const pending = await roster({ studentNoState: 'pending' });
    expect(pending.map((r) => r.name).sort()).toEqual([...NAMES].sort());
    expect(pending.every((r) => r.studentNo === null)).toBe(true);
    expect(await roster({ studentNoState: 'assigned' })).toEqual([]);
  });

  it('numbers the new students by the saved rule in the same import, and the batch can still be undone', async () => {
    await app.call(C, 'studentNumbers.saveRule', { parts: [{ kind: 'year', digits: 2 }, { kind: 'classNo', digits: 2 }, { kind: 'sequence', digits: 3 }], order: 'classPinyin' });
    const { commit } = await importRoster(await admissionsRoster(admitted()), { assignStudentNo: true });
    expect(commit.roster?.studentNumbers).toEqual({ assigned: 4, skipped: [] });
    // 班号 by class name (2601 → 01), then pinyin: 李四 lisi, 王五 wangwu, 张三 zhangsan; 赵六 in 2602.
    expect(Object.fromEntries((await roster()).map((r) => [r.name, r.studentNo]))).toEqual({ 李四: '2601001', 王五: '2601002', 张三: '2601003', 赵六: '2602001' });
    const [batch] = await app.call(C, 'imports.batches', {});
    expect(batch).toMatchObject({ undoable: true });
    expect(await app.call(C, 'imports.undo', { id: batch!.id })).toMatchObject({ removed: 4 });
    expect(await roster()).toEqual([]);
  });

  it('assigns 学号 to a cohort later: preview first, then one transaction that never changes an existing 学号', async () => {
    await importRoster(await admissionsRoster(admitted()));
    const [first] = await roster();
    // One student already has a 学号 typed by hand: it stays, and the sequence continues after it.
    const profile = await app.call(C, 'students.get', { id: first!.id });
    await app.call(C, 'students.update', { id: first!.id, version: profile.version, patch: { studentNo: '20265102010101' } });

    const preview = await app.call(C, 'studentNumbers.assign', { cohortYear: 2026, dryRun: true });
    expect(preview).toMatchObject({ pending: 3, dryRun: true, skipped: [] });
    expect(await roster({ studentNoState: 'pending' })).toHaveLength(3);

    const done = await app.call(C, 'studentNumbers.assign', { cohortYear: 2026 });
    expect(done.assigned).toEqual(preview.assigned);
    const nos = Object.fromEntries((await roster()).map((r) => [r.name, r.studentNo]));
    expect(nos[first!.name]).toBe('20265102010101');
    expect(new Set(Object.values(nos)).size).toBe(4);
    expect(Object.values(nos).sort()).toEqual(['20265102010101', '20265102010102', '20265102010103', '20265102010201']);
    // Running it again finds nobody left to number.
    expect(await app.call(C, 'studentNumbers.assign', { cohortYear: 2026 })).toMatchObject({ pending: 0, assigned: [] });
    // Each numbering is in the student's history.
    const history = await app.call(C, 'students.history', { id: done.assigned[0]!.id });
    expect(history.some((h) => h.action === 'studentNumbers.assign')).toBe(true);
  });

  it('creates a student by hand without a 学号, and refuses a rule it cannot use', async () => {
    const [s] = numberedStudents(1, 'x', '孙');
    const created = await app.call(C, 'students.create', { name: '孙七', gender: s!.id.charCodeAt(16) % 2 ? '1' : '2', birthDate: `${s!.id.slice(6, 10)}-${s!.id.slice(10, 12)}-${s!.id.slice(12, 14)}`, idNumber: s!.id });
    expect(created.studentNo).toBeNull();
    const bad = await app.fails(C, 'studentNumbers.saveRule', { parts: [{ kind: 'year', digits: 4 }], order: 'idNumber' });
    expect(bad.message).toContain('序号');
    // The manager reads the rule but may not number students.
    expect((await app.call(M, 'studentNumbers.rule', {})).parts.length).toBeGreaterThan(0);
    expect((await app.fails(M, 'studentNumbers.assign', {})).code).toBe('FORBIDDEN');
  });

  it('never lets a student form or an import update change 学籍状态', async () => {
    const { commit } = await importRoster(await admissionsRoster(admitted().slice(0, 1)));
    expect(commit.imported).toBe(1);
    const [row] = await roster();
    const p = await app.call(C, 'students.get', { id: row!.id });
    const after = await app.call(C, 'students.update', { id: p.id, version: p.version, patch: { status: 'withdrawn', notes: '备注' } as never });
    expect(after.status).toBe('enrolled');
    expect(after.notes).toBe('备注');
  });
});
