import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ADMIN, COUNSELOR, MANAGER, makeApp, type TestApp } from '../support/harness';
import { makeId } from '../support/roster-fixtures';

let app: TestApp;
const A = 'admin-client';
const C = COUNSELOR.client;
const M = MANAGER.client;

beforeEach(async () => {
  app = makeApp();
  await app.setup();
  await app.addStaff();
});
afterEach(() => app?.remove());

async function registeredStudents(n: number) {
  const major = await app.call(C, 'org.createMajor', { code: '510201', name: '计算机应用技术', level: '专科', lengthYears: '3', studyForm: '普通全日制' });
  const cls = await app.call(C, 'org.createClass', { name: '计算机应用2501班', majorId: major.id, cohortYear: 2025 });
  const out = [];
  for (let i = 1; i <= n; i++) {
    const s = await app.call(C, 'students.create', {
      studentNo: `202551020100${i}`, name: `林${'一二三四'[i - 1]}`, gender: '1', birthDate: '2006-05-12', idNumber: makeId('110105', '20060512', `00${2 * i + 1}`), enrolmentDate: '2025-09-01', classId: cls.id, guardians: [],
    });
    out.push(s);
  }
  await app.call(C, 'students.register', { ids: out.map((s) => s.id) });
  return out;
}

describe('home.overview: what waits for me', () => {
  it('an empty department: no majors, classes or students yet', async () => {
    const o = await app.call(A, 'home.overview', {});
    expect(o.department).toEqual({ majors: 0, classes: 0, students: 0 });
  });

  it('the approver sees the pending requests waiting for them (not their own); the requester sees how theirs ended', async () => {
    const [s1, s2, s3, s4] = await registeredStudents(4);
    const r1 = await app.call(C, 'keyChanges.request', { studentId: s1!.id, changes: { name: '林壹' }, reason: '户籍更名' });
    const r2 = await app.call(C, 'keyChanges.request', { studentId: s2!.id, changes: { name: '林贰' }, reason: '户籍更名' });
    const r3 = await app.call(A, 'keyChanges.request', { studentId: s3!.id, changes: { name: '林叁' }, reason: '管理员代为申请' });
    expect((await app.call(C, 'home.overview', {})).department).toEqual({ majors: 1, classes: 1, students: 4 });

    const forManager = await app.call(M, 'home.overview', {});
    expect(forManager.awaitingMyDecision?.total).toBe(3);
    expect(forManager.awaitingMyDecision?.first.map((r) => r.id).sort()).toEqual([r1.id, r2.id, r3.id].sort());
    expect(forManager.awaitingMyDecision?.first[0]).toMatchObject({ studentName: expect.stringMatching(/^林/), fields: ['姓名'], requestedByName: COUNSELOR.displayName, stepLabel: '院系负责人审批' });
    // The chain's step is the manager's: nothing waits for the admin in the app.
    expect((await app.call(A, 'home.overview', {})).awaitingMyDecision?.total).toBe(0);
    // A counselor approves nothing: there is no such list for them.
    expect((await app.call(C, 'home.overview', {})).awaitingMyDecision).toBeNull();
    expect(forManager.myRequests).toBeNull();

    await app.call(M, 'keyChanges.decide', { id: r1.id, stepIndex: 0, approve: false, opinion: '缺少户籍证明' });
    await app.call(C, 'keyChanges.withdraw', { id: r2.id });
    const r4 = await app.call(C, 'keyChanges.request', { studentId: s4!.id, changes: { name: '林肆' }, reason: '户籍更名' });
    await app.call(M, 'keyChanges.decide', { id: r4.id, stepIndex: 0, approve: true });
    const mine = (await app.call(C, 'home.overview', {})).myRequests!;
    expect(mine.map((r) => [r.id, r.status, r.decisionComment, r.decidedByName])).toEqual([
      [r4.id, 'approved', null, MANAGER.displayName],
      [r2.id, 'withdrawn', '申请人撤回', COUNSELOR.displayName],
      [r1.id, 'returned', '缺少户籍证明', MANAGER.displayName],
    ]);
    expect((await app.call(M, 'home.overview', {})).awaitingMyDecision?.total).toBe(1);
    expect(ADMIN.username).toBe('admin');
  });
});
