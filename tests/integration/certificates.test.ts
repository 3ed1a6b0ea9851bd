/**
 * 学历证书编号 through the services (issue 16), against the real encrypted database: numbers for a
 * grade's 毕业 and 结业 students gapless in ID-number order and sharing one sequence, the preview
 * equal to what is written, a voided number never handed out again, 结业 → 毕业 换发 keeping the
 * number and printing the issue date, 证明书 once, 暂缓发证 by the manager only, the blank-form
 * ledger, the clerk's and others' permissions and every change in the audit log.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { MANAGER, COUNSELOR, makeApp, type TestApp } from '../support/harness';
import { seedOutcomes } from '../support/graduation-seed';
import { makeId } from '../support/roster-fixtures';

const A = 'admin-client';
const CLERK = { username: 'sun', displayName: '孙老师', role: 'clerk', password: 'Clerk12345xy', client: 'clerk-client' } as const;
let app: TestApp;
let majorId = 0;
const sid: Record<string, number> = {};

// 学号 order 甲乙丙丁戊己; ID-number order (birth dates) 丙 甲 己 乙 戊 (丁 is 延长学习年限).
const PEOPLE: [string, string, '毕业' | '结业' | '延长学习年限'][] = [
  ['甲', '20050302', '毕业'],
  ['乙', '20050910', '结业'],
  ['丙', '20041120', '毕业'],
  ['丁', '20050101', '延长学习年限'],
  ['戊', '20051201', '毕业'],
  ['己', '20050515', '结业'],
];

beforeEach(async () => {
  app = makeApp();
  await app.setup();
  await app.addStaff();
  await app.addUser(CLERK, CLERK.client);
  majorId = (await app.call(A, 'org.createMajor', { code: '510201', name: '计算机应用技术', level: '专科', lengthYears: '3', studyForm: '普通全日制' })).id;
  const classId = (await app.call(A, 'org.createClass', { name: '计算机应用2301班', majorId, cohortYear: 2023 })).id;
  for (const [i, [name, birth]] of PEOPLE.entries()) {
    const s = await app.call(A, 'students.create', { studentNo: `20235102010${i + 1}`, name, gender: '1', birthDate: `${birth.slice(0, 4)}-${birth.slice(4, 6)}-${birth.slice(6)}`, idNumber: makeId('110105', birth, '011'), enrolmentDate: '2023-09-01', classId, guardians: [] });
    sid[name] = s.id;
  }
  seedOutcomes(app.core.folder.db(), PEOPLE.map(([name, , outcome]) => ({ studentId: sid[name]!, cohortYear: 2023, outcome })));
});
afterEach(() => app.remove());

const list = async () => (await app.call(CLERK.client, 'certificates.list', { cohortYear: 2023 })).rows;
const live = async (name: string) => (await list()).find((r) => r.name === name && r.status === 'issued')!;

describe('certificates.assign', () => {
  it('numbers 毕业 and 结业 students in one gapless sequence in ID-number order, exactly as previewed', async () => {
    const plan = await app.call(CLERK.client, 'certificates.planNumbers', { cohortYear: 2023 });
    expect(plan.orderLabel).toBe('按身份证号');
    expect(plan.planned.map((p) => [p.name, p.kind, p.certificateNo])).toEqual([
      ['丙', '毕业', '123451202606000001'],
      ['甲', '毕业', '123451202606000002'],
      ['己', '结业', '123451202606000003'],
      ['乙', '结业', '123451202606000004'],
      ['戊', '毕业', '123451202606000005'],
    ]);
    expect(plan.groups).toEqual([{ majorName: '计算机应用技术', year: 2026, level: '06', levelName: '专科（含高职）', count: 5, first: '123451202606000001', last: '123451202606000005' }]);
    expect(plan.notEligible).toEqual([{ studentId: sid['丁'], name: '丁', reason: '审核结论为“延长学习年限”，不发学历证书' }]);
    expect(await list().then((rows) => rows.filter((r) => r.certificateNo))).toEqual([]); // a preview writes nothing

    const done = await app.call(CLERK.client, 'certificates.assign', { cohortYear: 2023 });
    expect(done.planned).toEqual(plan.planned);
    const rows = await list();
    expect(rows.filter((r) => r.status === 'issued').map((r) => [r.name, r.certificateNo, r.graduationDate])).toEqual([
      ['甲', '123451202606000002', '2026-06-30'], ['乙', '123451202606000004', '2026-06-30'], ['丙', '123451202606000001', '2026-06-30'],
      ['戊', '123451202606000005', '2026-06-30'], ['己', '123451202606000003', '2026-06-30'],
    ]);
    // Numbered students keep theirs; a second run numbers nobody.
    expect(await app.call(CLERK.client, 'certificates.assign', { cohortYear: 2023 })).toMatchObject({ planned: [], alreadyNumbered: 5 });

    const audit = await app.call(A, 'audit.list', { action: 'certificates.assign', page: 0, pageSize: 10 } as never);
    expect(JSON.stringify(audit)).toContain('分配学历证书编号（2023 级，按身份证号）：计算机应用技术 5 人 123451202606000001–123451202606000005');
  });

  it('orders by 学号 when asked, and a voided number is never handed out again', async () => {
    await app.call(CLERK.client, 'certificates.assign', { cohortYear: 2023, order: 'studentNo' });
    expect((await live('甲')).certificateNo).toBe('123451202606000001');
    expect((await live('戊')).certificateNo).toBe('123451202606000004');
    expect((await live('己')).certificateNo).toBe('123451202606000005');
    // 戊's certificate went to the wrong person: voided, 戊 numbered again after the highest ever issued.
    await app.call(CLERK.client, 'certificates.void', { id: (await live('戊')).certificateId!, reason: '证书信息有误' });
    seedOutcomes(app.core.folder.db(), [{ studentId: sid['丁']!, cohortYear: 2023, outcome: '毕业' }]);
    const again = await app.call(CLERK.client, 'certificates.assign', { cohortYear: 2023, order: 'studentNo' });
    expect(again.planned.map((p) => [p.name, p.certificateNo])).toEqual([['丁', '123451202606000006'], ['戊', '123451202606000007']]);
    const rows = (await list()).filter((r) => r.name === '戊');
    expect(rows.map((r) => [r.certificateNo, r.status, r.voidReason])).toEqual([['123451202606000007', 'issued', null], ['123451202606000004', 'voided', '证书信息有误']]);
    expect((await app.fails(CLERK.client, 'certificates.void', { id: rows[1]!.certificateId, reason: '再次' })).message).toContain('已作废');
  });

  it('refuses clearly without a 学校代码, and for a grade with classes outside the caller’s scope', async () => {
    app.core.folder.db().$client.prepare("UPDATE settings SET value = '\"\"' WHERE key = 'schoolCode'").run();
    expect((await app.fails(CLERK.client, 'certificates.assign', { cohortYear: 2023 })).message).toContain('尚未设置学校代码');
    app.core.folder.db().$client.prepare("UPDATE settings SET value = '\"12345\"' WHERE key = 'schoolCode'").run();

    const other = await app.call(A, 'org.createClass', { name: '计算机应用2302班', majorId, cohortYear: 2023 });
    const s = await app.call(A, 'students.create', { studentNo: '2023510202001', name: '庚', gender: '2', birthDate: '2004-01-01', idNumber: makeId('110105', '20040101', '022'), enrolmentDate: '2023-09-01', classId: other.id, guardians: [] });
    const users = await app.call(A, 'users.list', {});
    const clerkId = users.find((u) => u.username === CLERK.username)!.id;
    const [mine] = (await app.call(A, 'org.tree', {})).classes.filter((c) => c.name === '计算机应用2301班');
    await app.call(A, 'scopes.set', { userId: clerkId, classIds: [mine!.id], cohortYears: [] });
    const refused = await app.fails(CLERK.client, 'certificates.assign', { cohortYear: 2023 });
    expect(refused).toMatchObject({ code: 'FORBIDDEN', message: expect.stringContaining('证书编号须整个年级连续编排') });
    expect((await list()).map((r) => r.studentId)).not.toContain(s.id);
    expect(await list()).toHaveLength(6);
  });
});

describe('换发, 证明书, 暂缓发证', () => {
  it('re-issues a 结业 certificate as 毕业 only once the outcome is 毕业: same number, 毕业日期 = issue date', async () => {
    await app.call(CLERK.client, 'certificates.assign', { cohortYear: 2023 });
    const yi = await live('乙');
    expect(yi).toMatchObject({ kind: '结业', canReissue: false });
    const refused = await app.fails(CLERK.client, 'certificates.reissueAsGraduate', { id: yi.certificateId });
    expect(refused).toMatchObject({ code: 'VALIDATION', message: expect.stringContaining('目前的毕业审核结论是“结业”') });

    seedOutcomes(app.core.folder.db(), [{ studentId: sid['乙']!, cohortYear: 2023, outcome: '毕业' }]);
    app.advance(Date.parse('2027-01-15T02:00:00Z') - Date.parse('2026-09-01T08:00:00Z'));
    await app.call(CLERK.client, 'auth.unlock', { password: CLERK.password });
    expect((await live('乙')).canReissue).toBe(true);
    await app.call(CLERK.client, 'certificates.reissueAsGraduate', { id: yi.certificateId! });
    expect(await live('乙')).toMatchObject({ kind: '毕业', certificateNo: yi.certificateNo, graduationDate: '2027-01-15', issueDate: '2027-01-15', canReissue: false });
    expect((await app.fails(CLERK.client, 'certificates.reissueAsGraduate', { id: yi.certificateId })).message).toContain('已是毕业证书');
  });

  it('issues a 证明书 once, linked to the certificate', async () => {
    await app.call(CLERK.client, 'certificates.assign', { cohortYear: 2023 });
    const jia = await live('甲');
    await app.call(CLERK.client, 'certificates.issueProof', { id: jia.certificateId!, reason: '原证书遗失，已登报声明作废' });
    expect((await live('甲')).proof).toMatchObject({ reason: '原证书遗失，已登报声明作废', issuedBy: 'sun' });
    expect(await app.fails(CLERK.client, 'certificates.issueProof', { id: jia.certificateId, reason: '又遗失' })).toMatchObject({ code: 'VALIDATION', message: '该证书已出具过证明书，证明书只出具一次' });
  });

  it('暂缓发证 is the manager’s (or admin’s) decision with a reason; the clerk sees it but may not set it', async () => {
    expect((await app.fails(CLERK.client, 'certificates.hold', { studentId: sid['甲'], reason: '欠费' })).code).toBe('FORBIDDEN');
    expect((await app.fails(COUNSELOR.client, 'certificates.list', { cohortYear: 2023 })).code).toBe('FORBIDDEN');
    await app.call(MANAGER.client, 'certificates.hold', { studentId: sid['甲']!, reason: '学校要求暂缓' });
    expect((await list()).find((r) => r.name === '甲')!.hold).toMatchObject({ reason: '学校要求暂缓', setBy: 'qian' });
    // Not a graduation rule: 甲 is still numbered.
    await app.call(CLERK.client, 'certificates.assign', { cohortYear: 2023 });
    expect((await live('甲')).certificateNo).toBe('123451202606000002');
    expect((await app.fails(MANAGER.client, 'certificates.releaseHold', { studentId: sid['乙'], reason: '无' })).message).toBe('该学生没有暂缓发证，无需解除');
    await app.call(MANAGER.client, 'certificates.releaseHold', { studentId: sid['甲']!, reason: '已办妥' });
    expect((await live('甲')).hold).toBeNull();
    expect((await app.fails(MANAGER.client, 'certificates.assign', { cohortYear: 2023 })).code).toBe('FORBIDDEN');
  });
});

describe('blank-form ledger', () => {
  it('registers ranges, refuses an overlap, spoils a sheet with a reason, and only the clerk or admin keeps it', async () => {
    expect(await app.call(CLERK.client, 'certificateForms.register', { from: 'No.0012001', to: 'No.0012010' })).toEqual({ sheets: 10, firstSerial: 'No.0012001', lastSerial: 'No.0012010' });
    const overlap = await app.fails(CLERK.client, 'certificateForms.register', { from: 'No.0012010', to: 'No.0012020' });
    expect(overlap).toMatchObject({ code: 'VALIDATION', message: expect.stringContaining('与已登记的空白证书重叠（1 张，如 No.0012010）') });
    await app.call(CLERK.client, 'certificateForms.spoil', { serial: 'No.0012003', reason: '运输中污损' });
    const ledger = await app.call(CLERK.client, 'certificateForms.list', {});
    expect([ledger.total, ledger.unused, ledger.spoiled]).toEqual([10, 9, 1]);
    expect(ledger.rows[2]).toMatchObject({ serial: 'No.0012003', status: 'spoiled', spoiledReason: '运输中污损', spoiledBy: 'sun' });
    expect((await app.fails(MANAGER.client, 'certificateForms.register', { from: 'A1', to: 'A2' })).code).toBe('FORBIDDEN');
    expect((await app.fails(COUNSELOR.client, 'certificateForms.list', {})).code).toBe('FORBIDDEN');
  });
});
