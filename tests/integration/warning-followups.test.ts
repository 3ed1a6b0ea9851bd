/**
 * 学业预警 follow-up against the real encrypted database (issue 15): talks, the assistance plan and
 * its follow-ups saved and audited under the student; the student's and the parent's notice read
 * back from the PDF (the tier and the run's reasons, not a 处分, the 回执 below the dashed cut line);
 * a character the font lacks refused naming the student and the field; a re-issue keeping its
 * number, a new tier getting a new one; sending and 回执, and the 待办 reminders on the clock.
 * Nothing is written into the 处分 records.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CUT_LABEL } from '../../electron/main/features/warnings/notice-document';
import { ADMIN, COUNSELOR, MANAGER, makeApp, type TestApp } from '../support/harness';
import { pageText, readLines, readPdf, type PdfPage } from '../support/pdf-read';
import { makeId } from '../support/roster-fixtures';

let app: TestApp;
const A = 'admin-client';
const C = COUNSELOR.client;
const M = MANAGER.client;
const T = '2026-2027-1';
const DAY = 24 * 3600 * 1000;
/** 𠇔 (U+201D4, Extension B): not in the Noto SC fonts. */
const EXT_B = String.fromCodePoint(0x201d4);
let classId = 0;
let majorId = 0;
const ids: Record<string, number> = {};

async function student(no: string, name: string, seq: number, klass = classId) {
  const s = await app.call(A, 'students.create', {
    studentNo: no, name, gender: '1', birthDate: '2007-05-01', idNumber: makeId('110105', '20070501', String(seq).padStart(3, '0')), enrolmentDate: '2026-09-01', classId: klass, guardians: [],
  });
  ids[name] = s.id;
  return s.id;
}

/** 旷课 hours put the student in a tier of the shipped three-tier preset (黄 13, 橙 21, 红 31). */
async function absent(name: string, hours: number) {
  await app.call(C, 'warnings.setAbsence', { studentId: ids[name]!, term: T, hours });
}

/** Days pass on the injected clock; everyone's session locked meanwhile, so each unlocks again. */
async function later(days: number) {
  app.advance(days * DAY);
  for (const [client, password] of [[A, ADMIN.password], [C, COUNSELOR.password], [M, MANAGER.password]] as const) await app.call(client, 'auth.unlock', { password });
}

const flat = (page: PdfPage) => pageText(page).replace(/\n/g, '');
const recordsCount = () => (app.core.folder.raw().prepare('SELECT count(*) AS n FROM student_records').get() as { n: number }).n;

/** Keeps a copy to look at when XUEJI_KEEP_PDF names a folder. */
function keep(name: string, bytes: Uint8Array) {
  const dir = process.env.XUEJI_KEEP_PDF;
  if (!dir) return;
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, name), bytes);
}

beforeEach(async () => {
  app = makeApp();
  await app.setup();
  await app.addStaff();
  majorId = (await app.call(A, 'org.createMajor', { code: '510201', name: '计算机应用技术', level: '专科', lengthYears: '3', studyForm: '普通全日制' })).id;
  classId = (await app.call(A, 'org.createClass', { name: '计算机2601班', majorId, cohortYear: 2026 })).id;
  await student('2026510201001', '张三', 11);
  await student('2026510201002', '李四', 13);
  await absent('张三', 15);
  await app.call(C, 'warnings.run', { term: T });
});
afterEach(() => app?.remove());

describe('学业预警 follow-up', () => {
  it('keeps talks, the assistance plan and its follow-ups per student and term, audited under the student', async () => {
    const before = recordsCount();
    const view = await app.call(C, 'warnings.followUp', { studentId: ids['张三']!, term: T });
    expect(view.current).toMatchObject({ tier: '黄色预警', change: 'new', reasons: ['本学期旷课 15 学时（达到黄色预警的 13 学时）'] });
    expect(view).toMatchObject({ defaultTalker: '赵辅导员', noticeRefusal: null, talks: [], plan: null, followUps: [], notices: [] });

    const talk = await app.call(C, 'warnings.saveTalk', { studentId: ids['张三']!, term: T, talkedOn: '2026-09-01', talkedBy: '赵辅导员', content: '了解旷课原因：沉迷网络游戏，作息紊乱。', studyPlan: '每天按时上课，晚自习到教室；每周向辅导员汇报一次。' });
    // A correction of the same record, not a second one.
    await app.call(C, 'warnings.saveTalk', { studentId: ids['张三']!, term: T, id: talk.id, talkedOn: '2026-09-01', talkedBy: '赵辅导员、班主任刘老师', content: '了解旷课原因：沉迷网络游戏，作息紊乱。', studyPlan: '每天按时上课，晚自习到教室；每周向辅导员汇报一次。' });
    await app.call(C, 'warnings.savePlan', { studentId: ids['张三']!, term: T, content: '班干部结对督促考勤；每两周谈话一次。' });
    const f1 = await app.call(C, 'warnings.saveFollowUp', { studentId: ids['张三']!, term: T, dueOn: '2026-09-15', note: '查看考勤' });
    await app.call(C, 'warnings.saveFollowUp', { studentId: ids['张三']!, term: T, dueOn: '2026-09-29' });
    await later(15);
    await app.call(C, 'warnings.saveFollowUp', { studentId: ids['张三']!, term: T, id: f1.id, dueOn: '2026-09-15', doneOn: '2026-09-16', note: '两周无旷课' });

    const after = await app.call(C, 'warnings.followUp', { studentId: ids['张三']!, term: T });
    expect(after.talks).toEqual([expect.objectContaining({ id: talk.id, talkedOn: '2026-09-01', talkedBy: '赵辅导员、班主任刘老师', recordedByName: '赵辅导员' })]);
    expect(after.plan).toMatchObject({ content: '班干部结对督促考勤；每两周谈话一次。', updatedByName: '赵辅导员' });
    expect(after.followUps.map((f) => [f.dueOn, f.doneOn, f.note, f.overdue])).toEqual([['2026-09-15', '2026-09-16', '两周无旷课', false], ['2026-09-29', null, '', false]]);
    // Another term has its own (empty) follow-up.
    expect((await app.call(C, 'warnings.followUp', { studentId: ids['张三']!, term: '2026-2027-2' })).talks).toEqual([]);

    const trail = (await app.call(A, 'audit.list', { page: 0, pageSize: 20 })).rows.filter((r) => r.action.startsWith('warnings.save'));
    expect(trail.map((r) => [r.username, r.action, r.entity, r.entityId, r.summary]).reverse()).toEqual([
      ['zhao', 'warnings.saveTalk', 'student', String(ids['张三']), '记录预警谈话（2026-2027-1，2026-09-01，谈话人 赵辅导员）：张三（2026510201001）'],
      ['zhao', 'warnings.saveTalk', 'student', String(ids['张三']), '修改预警谈话（2026-2027-1，2026-09-01，谈话人 赵辅导员、班主任刘老师）：张三（2026510201001）'],
      ['zhao', 'warnings.savePlan', 'student', String(ids['张三']), '保存帮扶计划（2026-2027-1）：张三（2026510201001）'],
      ['zhao', 'warnings.saveFollowUp', 'student', String(ids['张三']), '安排跟进（2026-09-15）（2026-2027-1）：张三（2026510201001）'],
      ['zhao', 'warnings.saveFollowUp', 'student', String(ids['张三']), '安排跟进（2026-09-29）（2026-2027-1）：张三（2026510201001）'],
      ['zhao', 'warnings.saveFollowUp', 'student', String(ids['张三']), '完成跟进（2026-09-16）（2026-2027-1）：张三（2026510201001）'],
    ]);
    // The correction names only what changed.
    expect(trail.find((r) => r.summary.startsWith('修改预警谈话'))!.changes).toEqual([{ field: 'talkedBy', before: '赵辅导员', after: '赵辅导员、班主任刘老师' }]);
    expect((await app.call(C, 'students.history', { id: ids['张三']! })).filter((r) => r.action.startsWith('warnings.')).length).toBeGreaterThanOrEqual(6);

    // Refusals: a student the warning did not reach, a date in the future, a role without warnings.manage.
    const none = await app.fails(C, 'warnings.saveTalk', { studentId: ids['李四']!, term: T, talkedOn: '2026-09-01', talkedBy: '赵辅导员', content: '谈话', studyPlan: '计划' });
    expect([none.code, none.message]).toEqual(['VALIDATION', '李四在 2026-2027-1 学期没有学业预警，无需跟进。']);
    const future = await app.fails(C, 'warnings.saveTalk', { studentId: ids['张三']!, term: T, talkedOn: '2026-10-30', talkedBy: '赵辅导员', content: '谈话', studyPlan: '计划' });
    expect([future.code, future.field, future.message]).toEqual(['VALIDATION', 'talkedOn', '谈话日期不能晚于今天']);
    expect((await app.fails(C, 'warnings.saveTalk', { studentId: ids['张三']!, term: T, talkedOn: '2026-09-01', talkedBy: '赵辅导员', content: '  ', studyPlan: '计划' })).message).toBe('请填写谈话内容');
    expect((await app.fails(M, 'warnings.followUp', { studentId: ids['张三']!, term: T })).code).toBe('FORBIDDEN');
    // A warning is not a 处分.
    expect(recordsCount()).toBe(before);
  });

  it('prints the parent notice with the tier, the reasons and the 回执 below a dashed cut line; a re-issue keeps the number, a new tier takes the next', async () => {
    const before = recordsCount();
    const parent = await app.call(C, 'warnings.issueNotice', { studentId: ids['张三']!, term: T, recipient: 'parent', jobId: 'notice-1' });
    expect(parent).toEqual({ jobId: 'notice-1', fileName: '学业预警通知书（致家长）_张三_2026510201001.pdf', noticeNo: '预警〔2026-2027-1〕001号', reissued: false });
    const bytes = app.output(C, 'notice-1');
    keep('parent.pdf', bytes);
    const [page, ...more] = await readPdf(bytes);
    expect(more).toEqual([]);
    expect([page!.widthMm, page!.heightMm]).toEqual([210, 297]);
    const text = flat(page!);
    for (const part of ['学业预警通知书（致家长）', '编号：预警〔2026-2027-1〕001号', '尊敬的张三同学家长：', '张三（学号 2026510201001）是我校信息工程系计算机应用技术专业计算机2601班学生',
      '2026—2027学年第一学期', '已达到“黄色预警”', '1. 本学期旷课 15 学时（达到黄色预警的 13 学时）', '学业预警是学校对学业困难学生的提醒和帮扶，不是处分', '辅导员赵辅导员', '示范职业技术学院', '2026年9月1日']) {
      expect(text).toContain(part);
    }

    // The cut line: dashed, across the page, below everything the family keeps; the 回执 below it.
    const [lines] = await readLines(bytes);
    const cut = lines!.filter((l) => l.dashed && Math.abs(l.y1 - l.y2) < 0.1);
    expect(cut.length).toBeGreaterThanOrEqual(2);
    const cutY = cut[0]!.y1;
    expect(cut.every((l) => Math.abs(l.y1 - cutY) < 0.5)).toBe(true);
    expect(Math.min(...cut.map((l) => l.x1))).toBeLessThan(30);
    expect(Math.max(...cut.map((l) => l.x2))).toBeGreaterThan(180);
    const label = page!.items.find((i) => i.text.includes(CUT_LABEL))!;
    expect(Math.abs(label.y - cutY)).toBeLessThan(4);
    const y = (t: string) => page!.items.filter((i) => i.text.includes(t)).map((i) => i.y);
    expect(Math.max(...y('本学期旷课 15 学时'), ...y('2026年9月1日').slice(0, 1))).toBeLessThan(cutY);
    const below = page!.items.filter((i) => i.y > cutY + 2);
    const receipt = pageText({ ...page!, items: below }).replace(/\s+/g, '');
    for (const part of ['学业预警通知书回执', '编号：预警〔2026-2027-1〕001号', '学生姓名张三', '班级计算机2601班', '预警等级黄色预警', '学期2026—2027学年第一学期', '家长签字：', '日期：']) expect(receipt).toContain(part);

    // The student's copy: the next number, signed by the student, no 回执.
    const own = await app.call(C, 'warnings.issueNotice', { studentId: ids['张三']!, term: T, recipient: 'student', jobId: 'notice-2' });
    expect(own.noticeNo).toBe('预警〔2026-2027-1〕002号');
    const ownBytes = app.output(C, 'notice-2');
    keep('student.pdf', ownBytes);
    const [ownPage] = await readPdf(ownBytes);
    const ownText = flat(ownPage!);
    for (const part of ['学业预警通知书', '张三同学（学号 2026510201001，计算机2601班）：', '你已达到“黄色预警”', '本学期旷课 15 学时', '不是处分', '学生签收：']) expect(ownText).toContain(part);
    expect(ownText).not.toContain('回执');
    expect((await readLines(ownBytes))[0]!.filter((l) => l.dashed)).toEqual([]);

    // Printed again: the same number and words, recorded as a re-issue.
    await absent('张三', 16);
    await app.call(C, 'warnings.run', { term: T });
    const again = await app.call(C, 'warnings.issueNotice', { studentId: ids['张三']!, term: T, recipient: 'parent', jobId: 'notice-3' });
    expect(again).toMatchObject({ noticeNo: '预警〔2026-2027-1〕001号', reissued: true });
    expect(flat((await readPdf(app.output(C, 'notice-3')))[0]!)).toContain('本学期旷课 15 学时');

    // The tier rises: a new notice with the next number; the follow-up page shows both tiers with their notices.
    await absent('张三', 25);
    await app.call(C, 'warnings.run', { term: T });
    const raised = await app.call(C, 'warnings.issueNotice', { studentId: ids['张三']!, term: T, recipient: 'parent', jobId: 'notice-4' });
    expect(raised).toMatchObject({ noticeNo: '预警〔2026-2027-1〕003号', reissued: false });
    expect(flat((await readPdf(app.output(C, 'notice-4')))[0]!)).toContain('本学期旷课 25 学时（达到橙色预警的 21 学时）');
    const view = await app.call(C, 'warnings.followUp', { studentId: ids['张三']!, term: T });
    expect(view.history.map((h) => h.tier)).toEqual(['黄色预警', '黄色预警', '橙色预警']);
    expect(view.notices.map((n) => [n.noticeNo, n.recipient, n.tier, n.issueCount, n.issuedByName])).toEqual([
      ['预警〔2026-2027-1〕001号', 'parent', '黄色预警', 2, '赵辅导员'],
      ['预警〔2026-2027-1〕002号', 'student', '黄色预警', 1, '赵辅导员'],
      ['预警〔2026-2027-1〕003号', 'parent', '橙色预警', 1, '赵辅导员'],
    ]);

    const trail = (await app.call(A, 'audit.list', { page: 0, pageSize: 10, action: 'warnings.issueNotice' })).rows;
    expect(trail.map((r) => [r.username, r.entityId, r.summary]).reverse()).toEqual([
      ['zhao', String(ids['张三']), '打印学业预警通知书（致家长，编号 预警〔2026-2027-1〕001号）：张三（2026510201001），2026-2027-1 黄色预警'],
      ['zhao', String(ids['张三']), '打印学业预警通知书（学生联，编号 预警〔2026-2027-1〕002号）：张三（2026510201001），2026-2027-1 黄色预警'],
      ['zhao', String(ids['张三']), '重新打印学业预警通知书（致家长，编号 预警〔2026-2027-1〕001号）：张三（2026510201001），2026-2027-1 黄色预警'],
      ['zhao', String(ids['张三']), '打印学业预警通知书（致家长，编号 预警〔2026-2027-1〕003号）：张三（2026510201001），2026-2027-1 橙色预警'],
    ]);
    expect(trail.at(-1)!.changes).toEqual([{ field: 'recipient', before: null, after: '家长' }, { field: 'noticeNo', before: null, after: '预警〔2026-2027-1〕001号' }, { field: 'tier', before: null, after: '黄色预警' }]);
    expect(recordsCount()).toBe(before);
  });

  it('refuses a notice with a character the font lacks, naming the student and the field, and one for a student without a tier', async () => {
    await student('2026510201003', `张${EXT_B}`, 15);
    await absent(`张${EXT_B}`, 15);
    await app.call(C, 'warnings.run', { term: T });
    const error = await app.fails(C, 'warnings.issueNotice', { studentId: ids[`张${EXT_B}`]!, term: T, recipient: 'parent', jobId: 'notice-box' });
    expect(error.code).toBe('VALIDATION');
    expect(error.message).toBe(`学生“张${EXT_B}”（学号 2026510201003）的“姓名”中的“${EXT_B}”（U+201D4）字体中没有，不能打印；请先更正档案或选用含有该字的字体`);
    expect(() => app.output(C, 'notice-box')).toThrow();
    expect((await app.call(C, 'warnings.followUp', { studentId: ids[`张${EXT_B}`]!, term: T })).notices).toEqual([]);
    expect((await app.call(A, 'audit.list', { page: 0, pageSize: 10, action: 'warnings.issueNotice' })).total).toBe(0);

    const none = await app.fails(C, 'warnings.issueNotice', { studentId: ids['李四']!, term: T, recipient: 'student' });
    expect(none.message).toBe('李四在 2026-2027-1 学期最近一次学业预警中没有预警等级，不能发出通知书。');
    expect((await app.call(C, 'warnings.followUp', { studentId: ids['李四']!, term: T })).noticeRefusal).toBe(none.message);
  });

  it('tracks sending and the 回执; the 待办 reminds after 14 days and of follow-ups past due, within the 数据范围', async () => {
    const { noticeNo } = await app.call(C, 'warnings.issueNotice', { studentId: ids['张三']!, term: T, recipient: 'parent' });
    const notice = (await app.call(C, 'warnings.followUp', { studentId: ids['张三']!, term: T })).notices[0]!;
    expect(notice.noticeNo).toBe(noticeNo);
    const noticeId = notice.id;

    // A 回执 cannot come back before the notice went out; 挂号信 needs its number, 电话 a note of the call.
    expect((await app.fails(C, 'warnings.recordReceipt', { noticeId, receivedOn: '2026-09-01' })).message).toBe('这份通知书还没有登记送达，请先登记送达方式。');
    expect((await app.fails(C, 'warnings.recordSend', { noticeId, method: 'registered_mail', sentOn: '2026-09-01' })).message).toBe('请填写挂号信号码');
    expect((await app.fails(C, 'warnings.recordSend', { noticeId, method: 'registered_mail', sentOn: '2026-09-01', mailNo: '挂号' })).message).toBe('挂号信号码应为 8–30 位字母或数字');
    expect((await app.fails(C, 'warnings.recordSend', { noticeId, method: 'phone', sentOn: '2026-09-01' })).message).toBe('请填写通话记录');
    expect((await app.fails(C, 'warnings.recordSend', { noticeId, method: 'sms', sentOn: '2026-08-31' })).message).toBe('送达日期不能早于通知书的打印日期（2026-09-01）');
    await app.call(C, 'warnings.recordSend', { noticeId, method: 'phone', sentOn: '2026-09-01', phoneLog: '与母亲通话，告知预警情况，家长表示配合。' });
    await app.call(C, 'warnings.recordSend', { noticeId, method: 'registered_mail', sentOn: '2026-09-01', mailNo: 'xa12345678911' });
    await app.call(C, 'warnings.saveFollowUp', { studentId: ids['张三']!, term: T, dueOn: '2026-09-05', note: '检查晚自习出勤' });

    const todo = () => app.call(C, 'warnings.todo', {});
    expect(await todo()).toEqual({ receiptsOverdue: [], followUpsOverdue: [] });
    await later(13);
    // 13 days on: the follow-up is late, the 回执 not yet.
    expect(await todo()).toEqual({
      receiptsOverdue: [],
      followUpsOverdue: [{ id: expect.any(Number), studentId: ids['张三'], studentName: '张三', studentNo: '2026510201001', term: T, dueOn: '2026-09-05', note: '检查晚自习出勤', daysLate: 9 }],
    });
    await later(1);
    const late = await todo();
    expect(late.receiptsOverdue).toEqual([{ noticeId, studentId: ids['张三'], studentName: '张三', studentNo: '2026510201001', term: T, noticeNo, tier: '黄色预警', firstSentOn: '2026-09-01', days: 14 }]);
    const shown = (await app.call(C, 'warnings.followUp', { studentId: ids['张三']!, term: T })).notices[0]!;
    expect(shown.receiptOverdue).toBe(true);
    expect(shown.sends.map((x) => [x.method, x.mailNo, x.phoneLog])).toEqual([['phone', null, '与母亲通话，告知预警情况，家长表示配合。'], ['registered_mail', 'XA12345678911', null]]);

    // Within the 数据范围 only: a counselor of another class sees none of it and cannot record for it.
    const other = await app.call(A, 'org.createClass', { name: '计算机2602班', majorId, cohortYear: 2026 });
    const users = await app.call(A, 'users.list', {});
    await app.call(A, 'scopes.set', { userId: users.find((u) => u.username === COUNSELOR.username)!.id, classIds: [other.id], cohortYears: [] });
    expect(await todo()).toEqual({ receiptsOverdue: [], followUpsOverdue: [] });
    expect((await app.fails(C, 'warnings.recordReceipt', { noticeId, receivedOn: '2026-09-15' })).code).toBe('NOT_FOUND');
    expect((await app.call(A, 'warnings.todo', {})).receiptsOverdue).toHaveLength(1);
    expect((await app.fails(M, 'warnings.todo', {})).code).toBe('FORBIDDEN');
    await app.call(A, 'scopes.set', { userId: users.find((u) => u.username === COUNSELOR.username)!.id, classIds: [], cohortYears: [] });

    // The 回执 comes back, the follow-up is done: both leave the list.
    expect((await app.fails(C, 'warnings.recordReceipt', { noticeId, receivedOn: '2026-08-31' })).message).toBe('回执收回日期不能早于送达日期（2026-09-01）');
    await app.call(C, 'warnings.recordReceipt', { noticeId, receivedOn: '2026-09-15', note: '家长已签字寄回' });
    const fu = (await app.call(C, 'warnings.followUp', { studentId: ids['张三']!, term: T })).followUps[0]!;
    await app.call(C, 'warnings.saveFollowUp', { studentId: ids['张三']!, term: T, id: fu.id, dueOn: fu.dueOn, doneOn: '2026-09-15', note: '出勤正常' });
    expect(await todo()).toEqual({ receiptsOverdue: [], followUpsOverdue: [] });
    const done = (await app.call(C, 'warnings.followUp', { studentId: ids['张三']!, term: T })).notices[0]!;
    expect(done).toMatchObject({ receipt: { receivedOn: '2026-09-15', note: '家长已签字寄回', recordedByName: '赵辅导员' }, receiptOverdue: false });
    const trail = (await app.call(A, 'audit.list', { page: 0, pageSize: 20 })).rows.filter((r) => r.action === 'warnings.recordSend' || r.action === 'warnings.recordReceipt');
    expect(trail.map((r) => r.summary).reverse()).toEqual([
      `登记学业预警通知书（致家长，编号 ${noticeNo}）送达：电话（2026-09-01）：张三（2026510201001）`,
      `登记学业预警通知书（致家长，编号 ${noticeNo}）送达：挂号信 XA12345678911（2026-09-01）：张三（2026510201001）`,
      `登记学业预警通知书（致家长，编号 ${noticeNo}）回执收回（2026-09-15）：张三（2026510201001）`,
    ]);
  });
});
