import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { toDrizzle } from '../../db/client';
import { fileKeyChange, KeyChangePendingError, pendingKeyChange, withdrawKeyChange } from '../../db/queries/keyChanges';
import { toErrorData } from '../../electron/main/core/errors';
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

describe('key-field change requests: one pending per student', () => {
  it('refuses a second request while one is pending, and takes one again once it is decided', async () => {
    const s = await registeredStudent();
    const first = await app.call(C, 'keyChanges.request', { studentId: s.id, changes: { name: '林贰' }, reason: '户籍更名' });
    const second = await app.fails(C, 'keyChanges.request', { studentId: s.id, changes: { name: '林弍' }, reason: '再次更名' });
    expect(second).toMatchObject({ code: 'CONFLICT', message: `该学生已有一份待审批的变更申请（第 ${first.id} 号），请等待审批后再提交。` });
    await app.call(M, 'keyChanges.decide', { id: first.id, approve: false, comment: '缺少材料' });
    const again = await app.call(C, 'keyChanges.request', { studentId: s.id, changes: { name: '林贰' }, reason: '补交材料' });
    expect((await app.call(M, 'keyChanges.list', { status: 'pending' })).map((r) => r.id)).toEqual([again.id]);
  });

  it('fileKeyChange checks inside the write; its error reaches the user as a CONFLICT in Chinese', async () => {
    const s = await registeredStudent();
    const db = toDrizzle(app.core.folder.raw());
    const v = { studentId: s.id, changes: [{ field: 'name', before: '林二', after: '林贰' }], reason: '更名', requestedBy: 'zhao', requestedAt: '2026-09-01T08:00:00.000Z' };
    const filed = app.core.folder.transaction((tx) => fileKeyChange(tx, v));
    expect(pendingKeyChange(db, s.id)?.id).toBe(filed.id);
    let thrown: unknown;
    try {
      app.core.folder.transaction((tx) => fileKeyChange(tx, v));
    } catch (e) {
      thrown = e;
    }
    expect(thrown).toBeInstanceOf(KeyChangePendingError);
    expect(toErrorData(thrown, 'test')).toEqual({ code: 'CONFLICT', message: `该学生已有一份待审批的变更申请（第 ${filed.id} 号），请等待审批后再提交。` });

    // Withdrawing: only a pending request, once.
    const withdrawn = app.core.folder.transaction((tx) => withdrawKeyChange(tx, filed.id, { by: 'zhao', at: '2026-09-01T09:00:00.000Z', comment: '撤回' }));
    expect(withdrawn?.id).toBe(filed.id);
    expect(app.core.folder.transaction((tx) => withdrawKeyChange(tx, filed.id, { by: 'zhao', at: '2026-09-01T09:00:00.000Z', comment: '撤回' }))).toBeNull();
    expect(pendingKeyChange(db, s.id)).toBeUndefined();
    const [r] = await app.call(M, 'keyChanges.list', { studentId: s.id });
    expect(r).toMatchObject({ status: 'withdrawn', decidedBy: 'zhao', decisionComment: '撤回' });
  });
});

describe('key-field change requests: reasons and withdrawal', () => {
  it('a rejection needs a reason the requester sees; the requester alone may withdraw a pending request', async () => {
    const s = await registeredStudent();
    const first = await app.call(C, 'keyChanges.request', { studentId: s.id, changes: { name: '林贰' }, reason: '户籍更名' });
    const bare = await app.fails(M, 'keyChanges.decide', { id: first.id, approve: false });
    expect(bare).toMatchObject({ code: 'VALIDATION', field: 'comment', message: '驳回时请填写理由，申请人会看到。' });
    await app.call(M, 'keyChanges.decide', { id: first.id, approve: false, comment: '缺少户籍证明' });
    const seen = (await app.call(C, 'keyChanges.list', { studentId: s.id })).find((r) => r.id === first.id)!;
    expect(seen).toMatchObject({ status: 'rejected', decisionComment: '缺少户籍证明' });
    // People are named as they are known (张老师), not by their user names.
    expect(seen).toMatchObject({ requestedBy: 'zhao', requestedByName: '赵辅导员', decidedBy: 'qian', decidedByName: '钱主任' });

    const second = await app.call(C, 'keyChanges.request', { studentId: s.id, changes: { name: '林贰' }, reason: '补交户籍证明' });
    // Someone else may not take it back; the manager has no request permission at all.
    expect((await app.fails('admin-client', 'keyChanges.withdraw', { id: second.id })).code).toBe('FORBIDDEN');
    expect((await app.fails(M, 'keyChanges.withdraw', { id: second.id })).code).toBe('FORBIDDEN');
    const withdrawn = await app.call(C, 'keyChanges.withdraw', { id: second.id });
    // Withdrawn is its own outcome (已撤回), not a rejection.
    expect(withdrawn).toMatchObject({ status: 'withdrawn', decisionComment: '申请人撤回' });
    expect((await app.call(C, 'keyChanges.list', { status: 'withdrawn' })).map((r) => r.id)).toEqual([second.id]);
    expect((await app.call(C, 'keyChanges.list', { status: 'rejected' })).map((r) => r.id)).toEqual([first.id]);
    expect((await app.fails(C, 'keyChanges.withdraw', { id: second.id })).code).toBe('CONFLICT');
    // The student's name is untouched, a new request may be filed, and the withdrawal is audited.
    expect((await app.call(C, 'students.get', { id: s.id })).name).toBe('林二');
    await app.call(C, 'keyChanges.request', { studentId: s.id, changes: { name: '林贰' }, reason: '第三次' });
    const history = await app.call(C, 'students.history', { id: s.id });
    expect(history.some((h) => h.action === 'keyChanges.withdraw')).toBe(true);
  });
});
