import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { toDrizzle } from '../../db/client';
import { fileKeyChange, KeyChangeOpenError, openKeyChange, withdrawKeyChange } from '../../db/queries/keyChanges';
import { toErrorData } from '../../electron/main/core/errors';
import { localDay } from '../../electron/main/core/local-day';
import { COUNSELOR, MANAGER, makeApp, type TestApp } from '../support/harness';
import { makeId } from '../support/roster-fixtures';

let app: TestApp;
const C = COUNSELOR.client;
const M = MANAGER.client;

beforeEach(async () => {
  app = makeApp();
  await app.setup();
  await app.addStaff();
});
afterEach(() => app?.remove());

async function registeredStudent() {
  const major = await app.call(C, 'org.createMajor', { code: '510201', name: '计算机应用技术', level: '专科', lengthYears: '3', studyForm: '普通全日制' });
  const cls = await app.call(C, 'org.createClass', { name: '计算机应用2501班', majorId: major.id, cohortYear: 2025 });
  const s = await app.call(C, 'students.create', {
    studentNo: '2025510201001', name: '林二', gender: '1', birthDate: '2006-05-12', idNumber: makeId('110105', '20060512', '003'), enrolmentDate: '2025-09-01', classId: cls.id, guardians: [],
  });
  await app.call(C, 'students.register', { ids: [s.id] });
  return s;
}

describe('key-field change requests: one open per student', () => {
  it('refuses a second request while one is pending or returned, and takes one again once it is withdrawn', async () => {
    const s = await registeredStudent();
    const first = await app.call(C, 'keyChanges.request', { studentId: s.id, changes: { name: '林贰' }, reason: '户籍更名' });
    const second = await app.fails(C, 'keyChanges.request', { studentId: s.id, changes: { name: '林弍' }, reason: '再次更名' });
    expect(second).toMatchObject({ code: 'CONFLICT', message: `该学生已有一份待审批的变更申请（第 ${first.id} 号），请等待审批后再提交。` });
    await app.call(M, 'keyChanges.decide', { id: first.id, stepIndex: 0, approve: false, opinion: '缺少材料' });
    // Returned, it is still the student's open request: amend it or withdraw it.
    const third = await app.fails(C, 'keyChanges.request', { studentId: s.id, changes: { name: '林弍' }, reason: '再次更名' });
    expect(third).toMatchObject({ code: 'CONFLICT', message: `该学生已有一份被退回的变更申请（第 ${first.id} 号），请修改后重新提交或撤回后再提交新的申请。` });
    await app.call(C, 'keyChanges.withdraw', { id: first.id });
    const again = await app.call(C, 'keyChanges.request', { studentId: s.id, changes: { name: '林贰' }, reason: '补交材料' });
    expect((await app.call(M, 'keyChanges.list', { status: 'pending' })).map((r) => r.id)).toEqual([again.id]);
  });

  it('fileKeyChange checks inside the write; its error reaches the user as a CONFLICT in Chinese', async () => {
    const s = await registeredStudent();
    const db = toDrizzle(app.core.folder.raw());
    const v = { studentId: s.id, changes: [{ field: 'name', before: '林二', after: '林贰' }], reason: '更名', requestedBy: 'zhao', requestedAt: '2026-09-01T08:00:00.000Z' };
    const filed = app.core.folder.transaction((tx) => fileKeyChange(tx, v));
    expect(openKeyChange(db, s.id)?.id).toBe(filed.id);
    let thrown: unknown;
    try {
      app.core.folder.transaction((tx) => fileKeyChange(tx, v));
    } catch (e) {
      thrown = e;
    }
    expect(thrown).toBeInstanceOf(KeyChangeOpenError);
    expect(toErrorData(thrown, 'test')).toEqual({ code: 'CONFLICT', message: `该学生已有一份待审批的变更申请（第 ${filed.id} 号），请等待审批后再提交。` });

    // Withdrawing: only an open request, once.
    const withdrawn = app.core.folder.transaction((tx) => withdrawKeyChange(tx, filed.id, { by: 'zhao', at: '2026-09-01T09:00:00.000Z', comment: '撤回' }));
    expect(withdrawn?.id).toBe(filed.id);
    expect(app.core.folder.transaction((tx) => withdrawKeyChange(tx, filed.id, { by: 'zhao', at: '2026-09-01T09:00:00.000Z', comment: '撤回' }))).toBeNull();
    expect(openKeyChange(db, s.id)).toBeUndefined();
    const [r] = await app.call(M, 'keyChanges.list', { studentId: s.id });
    expect(r).toMatchObject({ status: 'withdrawn', decidedBy: 'zhao', decisionComment: '撤回' });
  });
});

describe('key-field change requests: reasons and withdrawal', () => {
  it('a return needs a reason the requester sees; the requester (or the admin) may withdraw an open request', async () => {
    const s = await registeredStudent();
    const first = await app.call(C, 'keyChanges.request', { studentId: s.id, changes: { name: '林贰' }, reason: '户籍更名' });
    const bare = await app.fails(M, 'keyChanges.decide', { id: first.id, stepIndex: 0, approve: false });
    expect(bare).toMatchObject({ code: 'VALIDATION', field: 'opinion', message: '退回时请填写理由，提交人会看到。' });
    await app.call(M, 'keyChanges.decide', { id: first.id, stepIndex: 0, approve: false, opinion: '缺少户籍证明' });
    const seen = (await app.call(C, 'keyChanges.list', { studentId: s.id })).find((r) => r.id === first.id)!;
    expect(seen).toMatchObject({ status: 'returned', decisionComment: '缺少户籍证明', can: { amend: true, withdraw: true, decide: false } });
    // People are named as they are known (张老师), not by their user names.
    expect(seen).toMatchObject({ requestedBy: 'zhao', requestedByName: '赵辅导员', decidedBy: 'qian', decidedByName: '钱主任' });

    await app.call(C, 'keyChanges.withdraw', { id: first.id });
    const second = await app.call(C, 'keyChanges.request', { studentId: s.id, changes: { name: '林贰' }, reason: '补交户籍证明' });
    // The manager has no request permission at all.
    expect((await app.fails(M, 'keyChanges.withdraw', { id: second.id })).code).toBe('FORBIDDEN');
    const withdrawn = await app.call(C, 'keyChanges.withdraw', { id: second.id });
    // Withdrawn is its own outcome (已撤回), not a rejection.
    expect(withdrawn).toMatchObject({ status: 'withdrawn', decisionComment: '申请人撤回' });
    expect((await app.call(C, 'keyChanges.list', { status: 'withdrawn' })).map((r) => r.id)).toEqual([second.id, first.id]);
    expect((await app.fails(C, 'keyChanges.withdraw', { id: second.id })).code).toBe('CONFLICT');
    // The student's name is untouched, a new request may be filed, and the withdrawal is audited.
    expect((await app.call(C, 'students.get', { id: s.id })).name).toBe('林二');
    const third = await app.call(C, 'keyChanges.request', { studentId: s.id, changes: { name: '林贰' }, reason: '第三次' });
    // The admin may take back anyone's open request (its requester may have left), and it says so.
    expect(await app.call('admin-client', 'keyChanges.withdraw', { id: third.id })).toMatchObject({ status: 'withdrawn', decisionComment: '管理员代为撤回' });
    const history = await app.call(C, 'students.history', { id: s.id });
    expect(history.some((h) => h.action === 'keyChanges.withdraw')).toBe(true);
  });
});

describe('key-field change requests on the approval engine', () => {
  it('a returned request is amended and resubmitted from the first step; the final approval applies what was amended', async () => {
    const s = await registeredStudent();
    const r = await app.call(C, 'keyChanges.request', { studentId: s.id, changes: { name: '林贰' }, reason: '户籍更名' });
    expect(r).toMatchObject({ status: 'pending', stepIndex: 0, currentStep: '院系负责人审批', steps: [{ label: '院系负责人审批', role: 'manager' }] });
    // Only the step's role decides it in the app: not the counselor who filed it, not the admin.
    expect((await app.fails(C, 'keyChanges.decide', { id: r.id, stepIndex: 0, approve: true })).code).toBe('FORBIDDEN');
    expect(await app.fails('admin-client', 'keyChanges.decide', { id: r.id, stepIndex: 0, approve: true })).toMatchObject({ code: 'FORBIDDEN', message: '“院系负责人审批”这一步由负责人审批。' });
    await app.call(M, 'keyChanges.decide', { id: r.id, stepIndex: 0, stepSince: r.stepSince, approve: false, opinion: '新姓名与户口本不符' });
    app.advance(60_000);
    // Only the requester amends, and only a returned request.
    expect((await app.fails('admin-client', 'keyChanges.amend', { id: r.id, changes: { name: '林弍' }, reason: 'x' })).code).toBe('FORBIDDEN');
    const amended = await app.call(C, 'keyChanges.amend', { id: r.id, changes: { name: '林弍' }, reason: '按户口本更正' });
    expect(amended).toMatchObject({ status: 'pending', stepIndex: 0, reason: '按户口本更正', decisionComment: null, changes: [{ field: 'name', before: '林二', after: '林弍' }] });
    expect((await app.fails(C, 'keyChanges.amend', { id: r.id, changes: { name: '林叁' }, reason: 'x' })).code).toBe('CONFLICT');
    // A decider who loaded the request before it was returned and amended does not approve it unseen.
    expect((await app.fails(M, 'keyChanges.decide', { id: r.id, stepIndex: 0, stepSince: r.stepSince, approve: true })).code).toBe('CONFLICT');
    const done = await app.call(M, 'keyChanges.decide', { id: amended.id, stepIndex: 0, stepSince: amended.stepSince, approve: true });
    expect(done).toMatchObject({ status: 'approved', decidedByName: '钱主任', currentStep: null });
    expect(done.events.map((e) => e.kind)).toEqual(['filed', 'rejected', 'amended', 'approved', 'applied']);
    expect((await app.call(C, 'students.get', { id: s.id })).name).toBe('林弍');
    const actions = (await app.call(C, 'students.history', { id: s.id })).map((h) => h.action);
    expect(actions).toEqual(expect.arrayContaining(['keyChanges.request', 'keyChanges.decide', 'keyChanges.amend', 'students.update']));
  });

  it('follows the chain the admin set: a paper step recorded by a counselor, then the manager; the record changes only at the last step', async () => {
    const s = await registeredStudent();
    await app.call('admin-client', 'statusChanges.saveChain', { type: 'keyChanges', steps: [{ label: '学生处审核', role: null }, { label: '院系负责人审批', role: 'manager' }] });
    const settings = await app.call('admin-client', 'statusChanges.settings', {});
    expect(settings.chains.keyChanges).toEqual([{ label: '学生处审核', role: null }, { label: '院系负责人审批', role: 'manager' }]);
    const r = await app.call(C, 'keyChanges.request', { studentId: s.id, changes: { name: '林贰' }, reason: '户籍更名' });
    expect(r).toMatchObject({ currentStep: '学生处审核', can: { decide: false, recordPaper: true } });
    // Nobody decides a paper step in the app; the manager is not yet asked.
    expect((await app.fails(M, 'keyChanges.decide', { id: r.id, stepIndex: 0, approve: true })).code).toBe('FORBIDDEN');
    expect((await app.call(M, 'home.overview', {})).awaitingMyDecision?.total).toBe(0);
    expect((await app.call(C, 'home.overview', {})).awaitingMyDecision?.first.map((b) => [b.id, b.stepLabel])).toEqual([[r.id, '学生处审核']]);
    const today = localDay(app.core.now());
    const paper = await app.call(C, 'keyChanges.decide', { id: r.id, stepIndex: 0, approve: true, paper: { deciderName: '周处长', deciderPost: '学生处处长', decidedOn: today } });
    expect(paper).toMatchObject({ status: 'pending', stepIndex: 1, currentStep: '院系负责人审批' });
    expect(paper.events.at(-1)).toMatchObject({ kind: 'approved', via: 'paper', stepLabel: '学生处审核', deciderName: '周处长', deciderPost: '学生处处长', decidedOn: today });
    expect((await app.call(C, 'students.get', { id: s.id })).name).toBe('林二');
    expect((await app.call(M, 'home.overview', {})).awaitingMyDecision?.first.map((b) => b.id)).toEqual([r.id]);
    // The manager's step: the filer may not record it from paper (that would be approving their own request).
    expect((await app.fails(C, 'keyChanges.decide', { id: r.id, stepIndex: 1, approve: true, paper: { deciderName: '钱主任', deciderPost: '主任', decidedOn: today } })).code).toBe('FORBIDDEN');
    await app.call(M, 'keyChanges.decide', { id: r.id, stepIndex: 1, approve: true });
    expect((await app.call(C, 'students.get', { id: s.id })).name).toBe('林贰');
  });
});
