/**
 * 学籍异动 (issue 14): work orders through their approval chains against the real encrypted database —
 * decided in the app and recorded from paper, returned and resubmitted, withdrawn, applied only at
 * the final approval; paired 休学/复学 with the 接续学业 cohort; decisions with their appeal windows;
 * the 待办 list on an injected clock; the month's summary and the order's form read back.
 */
import ExcelJS from 'exceljs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ADMIN, COUNSELOR, MANAGER, makeApp, type TestApp } from '../support/harness';
import { makeId } from '../support/roster-fixtures';
import { pageText, readPdf } from '../support/pdf-read';

let app: TestApp;
const A = 'admin-client';
const C = COUNSELOR.client;
const M = MANAGER.client;
const DAY = 24 * 3600_000;
let cs2025 = 0;
let cs2026 = 0;
let ee2025 = 0;
let liming = 0;

const pdfBytes = Buffer.from('%PDF-1.4\n% 休学申请书\n');

/** Moves the clock and unlocks every signed-in client (the idle lock would have closed them). */
async function later(ms: number) {
  app.advance(ms);
  for (const [client, password] of [[A, ADMIN.password], [C, COUNSELOR.password], [M, MANAGER.password]] as const) {
    await app.raw(client, 'auth.unlock', { password });
  }
}

async function student(studentNo: string, name: string, birth: string, seq: string, classId: number, extra: Record<string, unknown> = {}) {
  const idNumber = makeId('110105', birth, seq);
  const s = await app.call(A, 'students.create', {
    studentNo, name, gender: Number(seq.at(-1)) % 2 ? '1' : '2', birthDate: `${birth.slice(0, 4)}-${birth.slice(4, 6)}-${birth.slice(6, 8)}`, idNumber,
    enrolmentDate: '2025-09-01', expectedGraduationDate: '2028-07-01', classId, guardians: [], ...extra,
  });
  await app.call(A, 'students.register', { ids: [s.id] });
  return s.id;
}

async function evidence(id: number, kind = '休学申请书') {
  return app.call(C, 'statusChanges.attach', { id, kind, ...app.upload(C, `${kind}.pdf`, pdfBytes) });
}

/** Files a 休学 and takes it through 院系负责人 (in the app) and 教务处 (paper). */
async function suspendLiming() {
  const filed = await app.call(C, 'statusChanges.file', { studentId: liming, type: 'suspend', data: { reason: '因病休学一年', effectiveDate: '2026-09-07', term: '2026-2027-1', expectedEnd: '2027-09-06' } });
  await app.call(M, 'statusChanges.decide', { id: filed.id, stepIndex: 0, approve: true, opinion: '同意' });
  await evidence(filed.id);
  return app.call(C, 'statusChanges.decide', { id: filed.id, stepIndex: 1, approve: true, opinion: '同意休学', paper: { deciderName: '孙教务', deciderPost: '教务处处长', decidedOn: '2026-09-01' } });
}

beforeEach(async () => {
  app = makeApp();
  await app.setup();
  await app.addStaff();
  const cs = await app.call(A, 'org.createMajor', { code: '510201', name: '计算机应用技术', level: '专科', lengthYears: '3', studyForm: '普通全日制' });
  const ee = await app.call(A, 'org.createMajor', { code: '510101', name: '电子信息工程技术', level: '专科', lengthYears: '3', studyForm: '普通全日制' });
  cs2025 = (await app.call(A, 'org.createClass', { name: '计算机2501班', majorId: cs.id, cohortYear: 2025 })).id;
  cs2026 = (await app.call(A, 'org.createClass', { name: '计算机2601班', majorId: cs.id, cohortYear: 2026 })).id;
  ee2025 = (await app.call(A, 'org.createClass', { name: '电子2501班', majorId: ee.id, cohortYear: 2025 })).id;
  liming = await student('2025510201001', '李明', '20070315', '123', cs2025);
});
afterEach(() => app?.remove());

describe('学籍异动: 休学 and 复学 through the chain', () => {
  it('the draft suggests the term and the end date; the chain is 负责人 in the app, then 教务处 on paper', async () => {
    const draft = await app.call(C, 'statusChanges.draft', { studentId: liming, type: 'suspend', effectiveDate: '2026-09-07' });
    expect(draft).toMatchObject({ refusal: null, term: '2026-2027-1', expectedEnd: '2027-09-07' });
    expect(draft.steps).toEqual([{ label: '院系负责人审批', role: 'manager' }, { label: '教务处审核', role: null }]);
    expect(draft.evidence).toContain('休学申请书');
  });

  it('only the final approval changes the student; both kinds of decision appear on the timeline', async () => {
    const filed = await app.call(C, 'statusChanges.file', { studentId: liming, type: 'suspend', data: { reason: '因病休学一年', effectiveDate: '2026-09-07', term: '2026-2027-1', expectedEnd: '2027-09-06' } });
    expect(filed).toMatchObject({ state: 'pending', stepIndex: 0, currentStep: '院系负责人审批', title: '休学', fromStatus: 'enrolled', toStatus: 'suspended' });
    // The filer never approves their own order; the manager's 待办 has it.
    expect((await app.fails(C, 'statusChanges.decide', { id: filed.id, stepIndex: 0, approve: true })).code).toBe('FORBIDDEN');
    expect((await app.call(M, 'statusChanges.todo', {})).waitingForMe.map((o) => o.id)).toEqual([filed.id]);
    expect((await app.call(M, 'statusChanges.get', { id: filed.id })).can.decide).toBe(true);

    const afterDept = await app.call(M, 'statusChanges.decide', { id: filed.id, stepIndex: 0, approve: true, opinion: '同意' });
    expect(afterDept).toMatchObject({ state: 'pending', stepIndex: 1, currentStep: '教务处审核' });
    expect((await app.call(A, 'students.get', { id: liming })).status).toBe('enrolled');
    // 教务处 decides on paper: nobody decides it in the app, and a stale step is refused.
    expect((await app.fails(M, 'statusChanges.decide', { id: filed.id, stepIndex: 1, approve: true })).message).toContain('纸质审批');
    expect((await app.fails(M, 'statusChanges.decide', { id: filed.id, stepIndex: 0, approve: true })).code).toBe('CONFLICT');
    // The last step needs the evidence on file first.
    const paper = { deciderName: '孙教务', deciderPost: '教务处处长', decidedOn: '2026-09-01' };
    const missing = await app.fails(C, 'statusChanges.decide', { id: filed.id, stepIndex: 1, approve: true, paper });
    expect(missing.message).toContain('缺少证明材料');
    expect((await app.call(C, 'statusChanges.get', { id: filed.id })).missingForFinal[0]).toContain('证明材料');
    await evidence(filed.id);
    const scan = app.upload(C, '教务处审批页.jpg', Buffer.from([0xff, 0xd8, 0xff, 0xe0, 1, 2, 3]));
    const done = await app.call(C, 'statusChanges.decide', { id: filed.id, stepIndex: 1, approve: true, opinion: '同意休学', paper: { ...paper, scan } });

    expect(done.state).toBe('approved');
    expect(done.events.map((e) => [e.kind, e.via, e.stepLabel])).toEqual([
      ['filed', 'app', null], ['approved', 'app', '院系负责人审批'], ['attached', 'app', null], ['approved', 'paper', '教务处审核'], ['applied', 'app', null],
    ]);
    const paperEvent = done.events[3]!;
    expect(paperEvent).toMatchObject({ deciderName: '孙教务', deciderPost: '教务处处长', decidedOn: '2026-09-01', opinion: '同意休学', actor: COUNSELOR.username });
    expect(paperEvent.attachmentId).toBeTypeOf('number');
    expect(done.events[1]).toMatchObject({ actorName: MANAGER.displayName, decidedOn: '2026-09-01' });
    expect(done.attachments.map((a) => [a.kind, a.fileName])).toEqual([['休学申请书', '休学申请书.pdf']]);

    const s = await app.call(A, 'students.get', { id: liming });
    expect(s).toMatchObject({ status: 'suspended', statusUntil: '2027-09-06', className: '计算机2501班' });
    expect(s.statusHistory.at(-1)).toMatchObject({ fromStatus: 'enrolled', toStatus: 'suspended', effective: '2026-09-07' });
    expect(s.statusHistory.at(-1)!.reason).toContain(`异动第 ${filed.id} 号`);
    const trail = await app.call(A, 'audit.list', { page: 0, pageSize: 50 });
    const actions = trail.rows.map((r) => r.action);
    expect(actions).toEqual(expect.arrayContaining(['statusChanges.file', 'statusChanges.decide', 'statusChanges.attach', 'students.update']));
    expect(trail.rows.find((r) => r.action === 'students.update')!.summary).toContain('休学');
  });

  it('the reminder appears 30 days before the return date; 复学 places the student one cohort later (接续学业)', async () => {
    const suspended = await suspendLiming();
    expect((await app.call(C, 'statusChanges.todo', {})).ending).toEqual([]);
    // 2026-09-01 → 2027-08-15: 22 days before the expected return.
    await later(348 * DAY);
    const todo = await app.call(C, 'statusChanges.todo', {});
    expect(todo.ending).toEqual([expect.objectContaining({ studentId: liming, until: '2027-09-06', daysLeft: 22, next: ['resume', 'withdraw'] })]);

    const draft = await app.call(C, 'statusChanges.draft', { studentId: liming, type: 'resume', effectiveDate: '2027-09-06' });
    expect(draft).toMatchObject({ refusal: null, targetClassId: cs2026, term: '2027-2028-1' });
    const resume = await app.call(C, 'statusChanges.file', { studentId: liming, type: 'resume', data: { reason: '休学期满，复查合格', effectiveDate: '2027-09-06', term: '2027-2028-1', targetClassId: cs2026 } });
    await app.call(M, 'statusChanges.decide', { id: resume.id, stepIndex: 0, approve: true });
    await evidence(resume.id, '复学申请书');
    await app.call(C, 'statusChanges.decide', { id: resume.id, stepIndex: 1, approve: true, paper: { deciderName: '孙教务', deciderPost: '教务处处长', decidedOn: '2027-08-15' } });

    const s = await app.call(A, 'students.get', { id: liming });
    expect(s).toMatchObject({ status: 'enrolled', statusUntil: null, className: '计算机2601班', cohortYear: 2026, expectedGraduationDate: '2029-07-01' });
    expect(s.classHistory.at(-1)).toMatchObject({ className: '计算机2601班', fromDate: '2027-09-06' });
    expect((await app.call(C, 'statusChanges.todo', {})).ending).toEqual([]);
    // The pair is linked: the 复学 ends that 休学.
    const row = app.core.folder.db().$client.prepare('SELECT ends_id AS endsId FROM status_changes WHERE id = ?').get(resume.id) as { endsId: number };
    expect(row.endsId).toBe(suspended.id);
  });

  it('the school policy limits 休学: length per time and the number of times', async () => {
    const tooLong = await app.fails(C, 'statusChanges.file', { studentId: liming, type: 'suspend', data: { reason: '因病', effectiveDate: '2026-09-07', term: '2026-2027-1', expectedEnd: '2028-09-06' } });
    expect(tooLong).toMatchObject({ code: 'VALIDATION', field: 'data.expectedEnd' });
    expect(tooLong.message).toContain('每次休学不超过 1 年');
    await app.call(A, 'statusChanges.savePolicy', { ...(await app.call(A, 'statusChanges.settings', {})).policies[0]!, effectiveFrom: '2026-01-01', suspensionMaxTimes: 1 });
    await suspendLiming();
    // Back in school through a 复学, a second 休学 is refused under the policy in force.
    const resume = await app.call(C, 'statusChanges.file', { studentId: liming, type: 'resume', data: { reason: '复学', effectiveDate: '2027-03-01', term: '2026-2027-2', targetClassId: cs2026 } });
    await app.call(M, 'statusChanges.decide', { id: resume.id, stepIndex: 0, approve: true });
    await evidence(resume.id, '复学申请书');
    await app.call(C, 'statusChanges.decide', { id: resume.id, stepIndex: 1, approve: true, paper: { deciderName: '孙教务', deciderPost: '教务处处长', decidedOn: '2026-09-01' } });
    const second = await app.fails(C, 'statusChanges.file', { studentId: liming, type: 'suspend', data: { reason: '再次休学', effectiveDate: '2027-03-01', term: '2026-2027-2', expectedEnd: '2027-09-01' } });
    expect(second.message).toContain('已休学 1 次，学校规定最多 1 次');
  });
});

describe('学籍异动: the status model refuses at filing', () => {
  it('复学 for a student who is not 休学, anything for a graduated student, a second open order', async () => {
    const notSuspended = await app.fails(C, 'statusChanges.file', { studentId: liming, type: 'resume', data: { reason: '复学', effectiveDate: '2026-09-07', term: '2026-2027-1', targetClassId: cs2026 } });
    expect(notSuspended.code).toBe('ILLEGAL_TRANSITION');
    expect(notSuspended.message).toBe('不能办理复学：该学生当前学籍状态为“在籍在校”，复学只适用于“休学”的学生');
    // Graduation is its own work (not built yet): the record is set as a graduate directly.
    const graduate = await student('2022510201001', '王芳', '20040210', '242', cs2025);
    app.core.folder.db().$client.prepare("UPDATE students SET status = 'graduated' WHERE id = ?").run(graduate);
    for (const type of ['suspend', 'withdraw', 'transferMajor'] as const) {
      const r = await app.fails(C, 'statusChanges.file', { studentId: graduate, type, subtype: type === 'withdraw' ? 'voluntary' : undefined, data: { reason: '测试', effectiveDate: '2026-09-07', term: '2026-2027-1', expectedEnd: '2027-09-01', targetClassId: ee2025 } });
      expect([type, r.code]).toEqual([type, 'ILLEGAL_TRANSITION']);
      expect(r.message).toContain('毕业');
    }
    expect((await app.call(C, 'statusChanges.draft', { studentId: graduate, type: 'suspend', effectiveDate: '2026-09-07' })).refusal).toContain('毕业');

    await app.call(C, 'statusChanges.file', { studentId: liming, type: 'transferMajor', data: { reason: '兴趣', effectiveDate: '2026-09-07', term: '2026-2027-1', targetClassId: ee2025 } });
    const second = await app.fails(C, 'statusChanges.file', { studentId: liming, type: 'death', data: { reason: '病故', effectiveDate: '2026-09-07', term: '2026-2027-1' } });
    expect(second.code).toBe('CONFLICT');
    expect(second.message).toContain('正在办理');
  });

  it('each type asks for its own fields, named under the form field', async () => {
    const r = await app.fails(C, 'statusChanges.file', { studentId: liming, type: 'transferMajor', data: { reason: '兴趣', effectiveDate: '2026-09-07', term: '2026-2027-1', targetClassId: cs2026 } });
    expect(r).toMatchObject({ code: 'VALIDATION', field: 'data.targetClassId' });
    expect(r.message).toContain('同一专业');
    const retain = await app.fails(C, 'statusChanges.file', { studentId: liming, type: 'retain', data: { reason: '应征入伍', effectiveDate: '2026-09-07', term: '2026-9', expectedEnd: '2030-09-07' } });
    expect(retain.issues!.map((i) => i.field)).toEqual(['subtype', 'data.term']);
  });
});

describe('学籍异动: returned, amended, withdrawn', () => {
  it('a rejected 转专业 returns to the filer with its reason and is resubmitted from the first step', async () => {
    const filed = await app.call(C, 'statusChanges.file', { studentId: liming, type: 'transferMajor', data: { reason: '对电子方向更有兴趣', effectiveDate: '2026-09-07', term: '2026-2027-1', targetClassId: ee2025 } });
    expect((await app.fails(M, 'statusChanges.decide', { id: filed.id, stepIndex: 0, approve: false })).field).toBe('opinion');
    const back = await app.call(M, 'statusChanges.decide', { id: filed.id, stepIndex: 0, approve: false, opinion: '请补充专业考核成绩' });
    expect(back).toMatchObject({ state: 'returned', currentStep: null });
    expect(back.can).toMatchObject({ amend: false, withdraw: false });
    const todo = await app.call(C, 'statusChanges.todo', {});
    expect(todo.returnedToMe.map((o) => o.id)).toEqual([filed.id]);
    expect((await app.call(C, 'statusChanges.get', { id: filed.id })).can).toMatchObject({ amend: true, withdraw: true, decide: false });
    expect((await app.fails(M, 'statusChanges.amend', { id: filed.id, data: { reason: 'x', effectiveDate: '2026-09-07', term: '2026-2027-1', targetClassId: ee2025 } })).code).toBe('FORBIDDEN');

    const again = await app.call(C, 'statusChanges.amend', { id: filed.id, data: { reason: '对电子方向更有兴趣，已附考核成绩', effectiveDate: '2026-09-14', term: '2026-2027-1', targetClassId: ee2025 } });
    expect(again).toMatchObject({ state: 'pending', stepIndex: 0, currentStep: '院系负责人审批' });
    expect(again.data.reason).toContain('考核成绩');
    expect(again.events.map((e) => e.kind)).toEqual(['filed', 'rejected', 'amended']);
    expect(again.events[1]).toMatchObject({ opinion: '请补充专业考核成绩', stepLabel: '院系负责人审批' });

    // Withdrawn before the last step, by the filer only; the student never changed.
    expect((await app.fails(M, 'statusChanges.withdraw', { id: filed.id })).code).toBe('FORBIDDEN');
    const gone = await app.call(C, 'statusChanges.withdraw', { id: filed.id });
    expect(gone.state).toBe('withdrawn');
    expect((await app.fails(C, 'statusChanges.withdraw', { id: filed.id })).code).toBe('CONFLICT');
    expect((await app.call(A, 'students.get', { id: liming })).className).toBe('计算机2501班');
  });
});

describe('学籍异动: decisions served on the student', () => {
  it('退学 by decision needs its decision number before the last step; 送达 starts the 10-day appeal window', async () => {
    const filed = await app.call(C, 'statusChanges.file', { studentId: liming, type: 'withdraw', subtype: 'decision', data: { reason: '连续两周未参加教学活动', effectiveDate: '2026-09-07', term: '2026-2027-1' } });
    expect(filed.steps.map((s) => s.label)).toEqual(['院系负责人审批', '教务处审核', '校长办公会决定']);
    await app.call(M, 'statusChanges.decide', { id: filed.id, stepIndex: 0, approve: true });
    const paper = { deciderName: '孙教务', deciderPost: '教务处处长', decidedOn: '2026-09-01' };
    await app.call(C, 'statusChanges.decide', { id: filed.id, stepIndex: 1, approve: true, paper });
    await evidence(filed.id, '退学处理决定书');
    const council = { deciderName: '周校长', deciderPost: '校长', decidedOn: '2026-09-01' };
    expect((await app.fails(C, 'statusChanges.decide', { id: filed.id, stepIndex: 2, approve: true, paper: council })).message).toContain('决定文号');
    const done = await app.call(C, 'statusChanges.decide', { id: filed.id, stepIndex: 2, approve: true, paper: council, decisionNo: '示范院学〔2026〕12号' });
    expect(done).toMatchObject({ state: 'approved', appealDeadline: null, can: expect.objectContaining({ serve: true }) });
    expect((await app.call(A, 'students.get', { id: liming })).status).toBe('withdrawn');

    // Served on Thursday 2026-09-03: the 10th day is Sunday the 13th, so the window runs to Monday the 14th.
    expect((await app.fails(C, 'statusChanges.recordService', { id: filed.id, servedOn: '2026-09-03', servedMethod: '直接送达' })).message).toContain('不能晚于今天');
    await later(2 * DAY);
    const served = await app.call(C, 'statusChanges.recordService', { id: filed.id, servedOn: '2026-09-03', servedMethod: '直接送达' });
    expect(served.appealDeadline).toBe('2026-09-14');
    expect(served.data.decisionNo).toBe('示范院学〔2026〕12号');
    const todo = await app.call(C, 'statusChanges.todo', {});
    expect(todo.appeals).toEqual([expect.objectContaining({ id: filed.id, servedOn: '2026-09-03', deadline: '2026-09-14', daysLeft: 11 })]);
    await later(12 * DAY);
    expect((await app.call(C, 'statusChanges.todo', {})).appeals).toEqual([]);
  });
});

describe('学籍异动: 待办 in working days', () => {
  it('an order waiting longer than 5 working days shows as overdue, counting the 国庆 holidays out', async () => {
    await later(28 * DAY); // 2026-09-29 (Tuesday)
    const filed = await app.call(C, 'statusChanges.file', { studentId: liming, type: 'suspend', data: { reason: '因病', effectiveDate: '2026-10-12', term: '2026-2027-1', expectedEnd: '2027-10-11' } });
    // 9 calendar days later (2026-10-08): 9-30 is a working day, 10-01..10-07 are 国庆 (with the weekend), 10-08 works.
    await later(9 * DAY);
    let todo = await app.call(C, 'statusChanges.todo', {});
    expect(todo.overdue).toEqual([]);
    // 2026-10-13 (Tuesday): 9-30, 10-08, 10-09, 10-10 (调休 Saturday), 10-12, 10-13 = 6 working days.
    await later(5 * DAY);
    todo = await app.call(C, 'statusChanges.todo', {});
    expect(todo.overdue).toEqual([expect.objectContaining({ id: filed.id, stepLabel: '院系负责人审批', workingDays: 6 })]);
  });

  it('students flagged absent show with their days, over the 14-day threshold highlighted', async () => {
    await app.call(C, 'statusChanges.flagAbsent', { studentId: liming, since: '2026-08-18', note: '未返校，电话无人接听' });
    expect((await app.fails(C, 'statusChanges.flagAbsent', { studentId: liming, since: '2026-08-20' })).code).toBe('CONFLICT');
    const [flag] = (await app.call(C, 'statusChanges.todo', {})).absent;
    expect(flag).toMatchObject({ studentName: '李明', since: '2026-08-18', days: 15, overThreshold: true });
    await app.call(C, 'statusChanges.clearAbsent', { id: flag!.flagId });
    expect((await app.call(C, 'statusChanges.todo', {})).absent).toEqual([]);
  });
});

describe('学籍异动: the month summary and the form read back', () => {
  it('the workbook lists the month’s applied changes; the form prints the chain filled from the timeline', async () => {
    const order = await suspendLiming();
    const out = await app.call(M, 'statusChanges.exportMonth', { jobId: 'month-1', month: '2026-09', format: 'xlsx' });
    expect(out).toMatchObject({ fileName: '2026年9月学籍异动汇总.xlsx', rows: 1 });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(app.output(M, 'month-1') as unknown as ArrayBuffer);
    const ws = wb.worksheets[0]!;
    expect(ws.getCell('A1').value).toBe('2026年9月学籍异动汇总');
    const header = (ws.getRow(3).values as unknown[]).slice(1);
    const row = (ws.getRow(4).values as unknown[]).slice(1);
    const cell = (h: string) => row[header.indexOf(h)];
    expect(cell('姓名')).toBe('李明');
    expect(cell('异动类型')).toBe('休学');
    expect(cell('异动后状态')).toBe('休学');
    expect(cell('预计复学/保留至')).toEqual(new Date('2027-09-06T00:00:00Z'));
    expect(cell('生效日期')).toEqual(new Date('2026-09-07T00:00:00Z'));
    expect(cell('身份证号')).toBe(makeId('110105', '20070315', '123'));
    expect(ws.rowCount).toBe(4);
    // Another month has nothing.
    expect((await app.call(M, 'statusChanges.exportMonth', { jobId: 'month-2', month: '2026-10', format: 'xlsx' })).rows).toBe(0);

    const form = await app.call(C, 'statusChanges.form', { id: order.id, jobId: 'form-1' });
    const [page] = await readPdf(app.output(C, form.jobId));
    expect(page).toMatchObject({ widthMm: expect.closeTo(210, 0.5), heightMm: expect.closeTo(297, 0.5) });
    // Compared without spaces: the title is set with spaces between its characters.
    const text = pageText(page!).replace(/\s+/g, '');
    for (const s of ['学籍异动审批表', '李明', '2025510201001', '休学', '因病休学一年', '2027-09-06', '院系负责人审批', '钱主任', '教务处审核', '教务处处长孙教务', '2026-09-01', '同意休学']) expect(text).toContain(s);

    const list = await app.call(C, 'statusChanges.exportMonth', { jobId: 'month-pdf', month: '2026-09', format: 'pdf' });
    const [first] = await readPdf(app.output(C, list.jobId));
    expect(first).toMatchObject({ widthMm: expect.closeTo(297, 0.5), heightMm: expect.closeTo(210, 0.5) });
    expect(pageText(first!)).toContain('李明');
  });

  it('a name the font lacks is reported by field and student, and no form is made', async () => {
    const rare = await student('2025510201002', '张\u{20114}', '20070420', '135', cs2025);
    const filed = await app.call(C, 'statusChanges.file', { studentId: rare, type: 'suspend', data: { reason: '因病', effectiveDate: '2026-09-07', term: '2026-2027-1', expectedEnd: '2027-09-06' } });
    const r = await app.fails(C, 'statusChanges.form', { id: filed.id, jobId: 'form-rare' });
    expect(r.code).toBe('VALIDATION');
    expect(r.message).toContain('“姓名”中的“\u{20114}”（U+20114）');
    expect(r.message).toContain('学生“张\u{20114}”（学号 2025510201002）');
  });
});

describe('学籍异动: loose ends', () => {
  it('an absence flag closes when the student’s 退学 takes effect; evidence names its uploader; 只读 cannot be an approver', async () => {
    await app.call(C, 'statusChanges.flagAbsent', { studentId: liming, since: '2026-08-10' });
    const filed = await app.call(C, 'statusChanges.file', { studentId: liming, type: 'withdraw', subtype: 'voluntary', data: { reason: '本人申请退学', effectiveDate: '2026-09-07', term: '2026-2027-1' } });
    await app.call(M, 'statusChanges.decide', { id: filed.id, stepIndex: 0, approve: true });
    await app.call(C, 'statusChanges.decide', { id: filed.id, stepIndex: 1, approve: true, paper: { deciderName: '孙教务', deciderPost: '教务处处长', decidedOn: '2026-09-01' } });
    const withEvidence = await evidence(filed.id, '退学申请书');
    expect(withEvidence.attachments[0]).toMatchObject({ createdBy: COUNSELOR.username, createdByName: COUNSELOR.displayName });
    await app.call(C, 'statusChanges.decide', { id: filed.id, stepIndex: 2, approve: true, paper: { deciderName: '周校长', deciderPost: '校长', decidedOn: '2026-09-01' } });
    expect((await app.call(A, 'students.get', { id: liming })).status).toBe('withdrawn');
    expect((await app.call(C, 'statusChanges.todo', {})).absent).toEqual([]);

    const r = await app.fails(A, 'statusChanges.saveChain', { type: 'suspend', steps: [{ label: '只读审批', role: 'viewer' }] });
    expect(r.code).toBe('VALIDATION');
    expect(r.message).toContain('只读用户不能担任审批人');
  });
});

describe('学籍异动: what the review found', () => {
  const suspend = { reason: '因病休学一年', effectiveDate: '2026-09-07', term: '2026-2027-1', expectedEnd: '2027-09-06' };

  it('the filer cannot enter "the manager signed" on paper; nobody dates a paper decision in the future', async () => {
    const filed = await app.call(C, 'statusChanges.file', { studentId: liming, type: 'suspend', data: suspend });
    const own = await app.fails(C, 'statusChanges.decide', { id: filed.id, stepIndex: 0, approve: true, paper: { deciderName: '钱主任', deciderPost: '院系负责人', decidedOn: '2026-09-01' } });
    expect(own).toMatchObject({ code: 'FORBIDDEN' });
    expect(own.message).toContain('须由提交人以外的人员登记');
    // Someone else (here the admin) may record it; the date must lie between filing and today.
    const future = await app.fails(A, 'statusChanges.decide', { id: filed.id, stepIndex: 0, approve: true, paper: { deciderName: '钱主任', deciderPost: '院系负责人', decidedOn: '2030-01-01' } });
    expect(future).toMatchObject({ code: 'VALIDATION', field: 'paper.decidedOn' });
    await app.call(A, 'statusChanges.decide', { id: filed.id, stepIndex: 0, approve: true, paper: { deciderName: '钱主任', deciderPost: '院系负责人', decidedOn: '2026-09-01' } });
  });

  it('a type that does not place the student refuses a class (no 转专业 through a 休学)', async () => {
    const r = await app.fails(C, 'statusChanges.file', { studentId: liming, type: 'suspend', data: { ...suspend, targetClassId: ee2025 } });
    expect(r).toMatchObject({ code: 'VALIDATION', field: 'data.targetClassId' });
  });

  it('an approval meant for what the manager saw does not land on an amended order', async () => {
    const filed = await app.call(C, 'statusChanges.file', { studentId: liming, type: 'suspend', data: suspend });
    const seen = await app.call(M, 'statusChanges.get', { id: filed.id });
    await app.call(M, 'statusChanges.decide', { id: filed.id, stepIndex: 0, stepSince: seen.stepSince, approve: false, opinion: '日期有误' });
    await later(60_000);
    await app.call(C, 'statusChanges.amend', { id: filed.id, data: { ...suspend, expectedEnd: '2027-07-01' } });
    // A second window still showing the first version, at the same step:
    expect((await app.fails(M, 'statusChanges.decide', { id: filed.id, stepIndex: 0, stepSince: seen.stepSince, approve: true })).code).toBe('CONFLICT');
  });

  it('the admin may withdraw an order whose filer cannot; a 送达 is recorded once; the form print is audited', async () => {
    const filed = await app.call(C, 'statusChanges.file', { studentId: liming, type: 'suspend', data: suspend });
    expect((await app.call(A, 'statusChanges.get', { id: filed.id })).can.withdraw).toBe(true);
    expect((await app.call(A, 'statusChanges.withdraw', { id: filed.id })).state).toBe('withdrawn');
    const trail = await app.call(A, 'audit.list', { page: 0, pageSize: 20, action: 'statusChanges.withdraw' });
    expect(trail.rows[0]!.summary).toContain('管理员代为撤回');

    const expel = await app.call(C, 'statusChanges.file', { studentId: liming, type: 'expel', data: { reason: '组织考试作弊', effectiveDate: '2026-09-07', term: '2026-2027-1' } });
    await app.call(M, 'statusChanges.decide', { id: expel.id, stepIndex: 0, approve: true });
    const paper = { deciderName: '孙教务', deciderPost: '教务处处长', decidedOn: '2026-09-01' };
    await app.call(C, 'statusChanges.decide', { id: expel.id, stepIndex: 1, approve: true, paper });
    await evidence(expel.id, '处分决定书');
    await app.call(C, 'statusChanges.decide', { id: expel.id, stepIndex: 2, approve: true, paper: { ...paper, deciderName: '周校长', deciderPost: '校长' }, decisionNo: '示范院〔2026〕3号' });
    await app.call(C, 'statusChanges.recordService', { id: expel.id, servedOn: '2026-09-01', servedMethod: '直接送达' });
    expect((await app.fails(C, 'statusChanges.recordService', { id: expel.id, servedOn: '2026-09-01', servedMethod: '邮寄送达' })).code).toBe('CONFLICT');

    await app.call(C, 'statusChanges.form', { id: expel.id, jobId: 'form-audit' });
    const printed = await app.call(A, 'audit.list', { page: 0, pageSize: 20, action: 'statusChanges.form' });
    expect(printed.rows.map((r) => r.summary)).toEqual([`打印学籍异动审批表（第 ${expel.id} 号）`]);
  });

  it('reasons and file names are hidden from a read-only user, and kept out of the trail and the history', async () => {
    const viewer = 'viewer-client';
    await app.addUser({ username: 'sun', displayName: '孙老师', role: 'viewer', password: 'Viewer12345x' }, viewer);
    const order = await suspendLiming();
    const seen = await app.call(viewer, 'statusChanges.get', { id: order.id });
    expect(seen.data.reason).toBe('（仅学籍管理人员可见）');
    expect(seen.attachments.map((a) => a.fileName)).toEqual(['（仅学籍管理人员可见）']);
    expect(JSON.stringify(seen.events)).not.toContain('因病');
    const history = await app.call(viewer, 'students.history', { id: liming });
    expect(JSON.stringify(history)).not.toContain('因病');
    expect(JSON.stringify((await app.call(viewer, 'students.get', { id: liming })).statusHistory)).not.toContain('因病');
  });

  it('最长学习年限: time away may not use up more than the years the school allows beyond 学制', async () => {
    await app.call(A, 'statusChanges.savePolicy', { ...(await app.call(A, 'statusChanges.settings', {})).policies[0]!, effectiveFrom: '2026-01-01', maxStudyYearsBeyondLength: 0 });
    const r = await app.fails(C, 'statusChanges.file', { studentId: liming, type: 'suspend', data: suspend });
    expect(r.message).toContain('最长学习年限');
    // 入伍 does not count (the default): a 保留学籍（应征入伍） is still possible.
    await app.call(C, 'statusChanges.file', { studentId: liming, type: 'retain', subtype: 'military', data: { reason: '应征入伍', effectiveDate: '2026-09-07', term: '2026-2027-1', expectedEnd: '2030-09-07' } });
  });
});

describe('学籍异动: evidence is what its name says', () => {
  it('refuses a web page renamed to .pdf, and a program', async () => {
    const filed = await app.call(C, 'statusChanges.file', { studentId: liming, type: 'suspend', data: { reason: '因病', effectiveDate: '2026-09-07', term: '2026-2027-1', expectedEnd: '2027-09-06' } });
    const page = await app.fails(C, 'statusChanges.attach', { id: filed.id, kind: '休学申请书', ...app.upload(C, '申请书.pdf', Buffer.from('<html><script>alert(1)</script></html>')) });
    expect(page).toMatchObject({ code: 'VALIDATION', field: 'fileId' });
    expect(page.message).toContain('内容与扩展名不符');
    expect((await app.fails(C, 'statusChanges.attach', { id: filed.id, kind: '其他', ...app.upload(C, '工具.exe', Buffer.from('MZ')) })).message).toContain('不是可接受的材料');
    expect((await app.call(C, 'statusChanges.get', { id: filed.id })).attachments).toEqual([]);
  });
});

describe('学籍异动: the month report reminder', () => {
  it('from the 1st to the 15th, last month’s applied changes are due; not after, not when there were none', async () => {
    await suspendLiming();
    expect((await app.call(C, 'statusChanges.todo', {})).monthReport).toBeNull(); // August had none
    await later(34 * DAY); // 2026-10-05
    expect((await app.call(M, 'statusChanges.todo', {})).monthReport).toEqual({ month: '2026-09', label: '2026年9月', count: 1, dueOn: '2026-10-15', daysLeft: 10 });
    await later(11 * DAY); // 2026-10-16
    expect((await app.call(M, 'statusChanges.todo', {})).monthReport).toBeNull();
  });
});

describe('学籍异动: what the screens are told up front', () => {
  it('the draft says a student already has an open order; the filer is not offered a paper entry for a step with an app role', async () => {
    const filed = await app.call(C, 'statusChanges.file', { studentId: liming, type: 'suspend', data: { reason: '因病', effectiveDate: '2026-09-07', term: '2026-2027-1', expectedEnd: '2027-09-06' } });
    expect((await app.call(C, 'statusChanges.draft', { studentId: liming, type: 'transferMajor', effectiveDate: '2026-09-07' })).refusal).toBe(`该学生已有一份正在办理的学籍异动（第 ${filed.id} 号），请等它办结或撤回后再提交。`);
    // Amending that very order (修改后重新提交) is not in its own way.
    expect((await app.call(C, 'statusChanges.draft', { studentId: liming, type: 'suspend', effectiveDate: '2026-09-07', amending: filed.id })).refusal).toBeNull();
    expect((await app.call(C, 'statusChanges.get', { id: filed.id })).can.recordPaper).toBe(false);
    expect((await app.call(A, 'statusChanges.get', { id: filed.id })).can.recordPaper).toBe(true);
    await app.call(M, 'statusChanges.decide', { id: filed.id, stepIndex: 0, approve: true });
    expect((await app.call(C, 'statusChanges.get', { id: filed.id })).can.recordPaper).toBe(true);
  });
});
