/**
 * 学业预警 follow-up of one warned student in one term: the page's view, talks, the assistance plan
 * and its follow-up dates, and how each notice was sent and answered. Every write is audited under
 * the student; none touches the 处分 records (a warning is not a 处分).
 */
import type { z } from 'zod';
import type { Db } from '../../../../db/client';
import {
  followUpStudent, followUpsOf, getFollowUp, getNotice, getTalk, insertFollowUp, insertSend, insertTalk, latestRunCovering, noticesOf, planOf,
  resultIn, resultsOfStudent, savePlan, sendsOf, setReceipt, talksOf, updateFollowUp, updateTalk, warnedInTerm, type FollowUpStudent, type NoticeRow,
} from '../../../../db/queries/warning-followups';
import { displayNameLookup, listUsers } from '../../../../db/queries/users';
import { followUpOverdue, NOTICE_RECIPIENTS, receiptOverdue, SEND_METHODS, type TierChange } from '../../../../shared/domain/warnings';
import type { FollowUpView, RecordReceiptInput, RecordSendInput, SaveFollowUpInput, SaveAssistPlanInput, SaveTalkInput } from '../../../../shared/ipc/schemas/warning-followups';
import type { CallContext } from '../../core/context';
import { AppError } from '../../core/errors';
import { localDay } from '../../core/local-day';

type StoredReasons = { excluded: string | null; reasons: { tier: string; text: string }[] };
export const reasonTexts = (json: string) => (JSON.parse(json) as StoredReasons).reasons.map((r) => r.text);

const tag = (s: Pick<FollowUpStudent, 'name' | 'studentNo'>) => `${s.name}${s.studentNo ? `（${s.studentNo}）` : ''}`;

export function studentOrThrow(db: Db, studentId: number): FollowUpStudent {
  const s = followUpStudent(db, studentId);
  if (!s) throw new AppError('NOT_FOUND', '找不到该学生，可能已被删除');
  return s;
}

/** The student's row in the term's latest run that looked at their class. */
export function currentResult(db: Db, s: FollowUpStudent, term: string) {
  const run = latestRunCovering(db, term, s.classId);
  return run ? resultIn(db, run.id, s.id) : undefined;
}

/** Follow-up is for students the term's warning reached; records stay once made (a later run may clear the tier). */
function requireWarned(db: Db, s: FollowUpStudent, term: string): void {
  if (!warnedInTerm(db, s.id, term)) throw new AppError('VALIDATION', `${s.name}在 ${term} 学期没有学业预警，无需跟进。`);
}

function notFuture(ctx: CallContext, day: string, label: string, field: string): void {
  if (day > localDay(ctx.core.now())) throw new AppError('VALIDATION', `${label}不能晚于今天`, field);
}

function noticeViews(ctx: CallContext, rows: readonly NoticeRow[], nameOf: (u: string) => string): z.output<typeof FollowUpView>['notices'] {
  const today = localDay(ctx.core.now());
  const sends = sendsOf(ctx.db(), rows.map((n) => n.id));
  return rows.map((n) => {
    const mine = sends.filter((x) => x.noticeId === n.id);
    return {
      id: n.id, term: n.term, recipient: n.recipient, noticeNo: n.noticeNo, tier: n.tier, colour: n.colour, reasons: JSON.parse(n.reasons) as string[],
      issuedByName: nameOf(n.issuedBy), issuedAt: n.issuedAt, issueCount: n.issueCount, lastIssuedAt: n.lastIssuedAt,
      sends: mine.map((x) => ({ id: x.id, method: x.method, sentOn: x.sentOn, mailNo: x.mailNo, phoneLog: x.phoneLog, note: x.note, recordedByName: nameOf(x.recordedBy) })),
      receipt: n.receiptOn ? { receivedOn: n.receiptOn, note: n.receiptNote ?? '', recordedByName: nameOf(n.receiptBy ?? '') } : null,
      receiptOverdue: n.recipient === 'parent' && receiptOverdue(mine[0]?.sentOn ?? null, n.receiptOn, today),
    };
  });
}

export function followUpView(ctx: CallContext, { studentId, term }: { studentId: number; term: string }): z.output<typeof FollowUpView> {
  const db = ctx.db();
  const s = studentOrThrow(db, studentId);
  const nameOf = displayNameLookup(db);
  const today = localDay(ctx.core.now());
  const current = currentResult(db, s, term);
  const me = listUsers(db).find((u) => u.username === ctx.actor().username);
  const plan = planOf(db, s.id, term);
  return {
    student: { id: s.id, name: s.name, studentNo: s.studentNo, className: s.className },
    term,
    current: current
      ? { runId: current.runId, runAt: current.runAt, tier: current.tier, colour: current.colour, previousTier: current.previousTier, change: current.change as TierChange, reasons: reasonTexts(current.reasons) }
      : null,
    history: resultsOfStudent(db, s.id).map((r) => ({ runId: r.runId, term: r.term, runAt: r.runAt, tier: r.tier, colour: r.colour, change: r.change as TierChange })),
    talks: talksOf(db, s.id, term).map((t) => ({
      id: t.id, talkedOn: t.talkedOn, talkedBy: t.talkedBy, content: t.content, studyPlan: t.studyPlan, recordedByName: nameOf(t.updatedBy ?? t.createdBy), recordedAt: t.updatedAt ?? t.createdAt,
    })),
    plan: plan ? { content: plan.content, updatedByName: nameOf(plan.updatedBy), updatedAt: plan.updatedAt } : null,
    followUps: followUpsOf(db, s.id, term).map((f) => ({ id: f.id, dueOn: f.dueOn, doneOn: f.doneOn, note: f.note, overdue: followUpOverdue(f.dueOn, f.doneOn, today) })),
    notices: noticeViews(ctx, noticesOf(db, s.id), nameOf),
    noticeRefusal: current?.tier ? null : `${s.name}在 ${term} 学期最近一次学业预警中没有预警等级，不能发出通知书。`,
    defaultTalker: me?.displayName ?? ctx.actor().username,
  };
}

export function saveTalk(ctx: CallContext, input: z.output<typeof SaveTalkInput>): { id: number } {
  const db = ctx.db();
  const s = studentOrThrow(db, input.studentId);
  requireWarned(db, s, input.term);
  notFuture(ctx, input.talkedOn, '谈话日期', 'talkedOn');
  const before = input.id === undefined ? undefined : getTalk(db, input.id);
  if (input.id !== undefined && (!before || before.studentId !== s.id || before.term !== input.term)) throw new AppError('NOT_FOUND', '找不到这条谈话记录');
  const at = new Date(ctx.core.now()).toISOString();
  const values = { talkedOn: input.talkedOn, talkedBy: input.talkedBy, content: input.content, studyPlan: input.studyPlan };
  return ctx.write((tx, actor) => {
    const id = before ? (updateTalk(tx, before.id, { ...values, by: actor.username, at }), before.id) : insertTalk(tx, { ...values, studentId: s.id, term: input.term, by: actor.username, at });
    const fields = ['talkedOn', 'talkedBy', 'content', 'studyPlan'] as const;
    const changes = fields.filter((f) => !before || before[f] !== values[f]).map((f) => ({ field: f, before: before ? before[f] : null, after: values[f] }));
    const summary = `${before ? '修改' : '记录'}预警谈话（${input.term}，${input.talkedOn}，谈话人 ${input.talkedBy}）：${tag(s)}`;
    return { value: { id }, audit: [{ action: 'warnings.saveTalk', entity: 'student', entityId: s.id, summary, changes }] };
  });
}

export function savePlanText(ctx: CallContext, input: z.output<typeof SaveAssistPlanInput>): null {
  const db = ctx.db();
  const s = studentOrThrow(db, input.studentId);
  requireWarned(db, s, input.term);
  const before = planOf(db, s.id, input.term)?.content ?? null;
  const at = new Date(ctx.core.now()).toISOString();
  return ctx.write((tx, actor) => {
    savePlan(tx, { studentId: s.id, term: input.term, content: input.content, by: actor.username, at });
    return {
      value: null,
      audit: [{ action: 'warnings.savePlan', entity: 'student', entityId: s.id, summary: `保存帮扶计划（${input.term}）：${tag(s)}`, changes: [{ field: 'content', before, after: input.content }] }],
    };
  });
}

export function saveFollowUp(ctx: CallContext, input: z.output<typeof SaveFollowUpInput>): { id: number } {
  const db = ctx.db();
  const s = studentOrThrow(db, input.studentId);
  requireWarned(db, s, input.term);
  if (input.doneOn) notFuture(ctx, input.doneOn, '完成日期', 'doneOn');
  const before = input.id === undefined ? undefined : getFollowUp(db, input.id);
  if (input.id !== undefined && (!before || before.studentId !== s.id || before.term !== input.term)) throw new AppError('NOT_FOUND', '找不到这次跟进');
  const at = new Date(ctx.core.now()).toISOString();
  const values = { dueOn: input.dueOn, doneOn: input.doneOn, note: input.note };
  return ctx.write((tx, actor) => {
    const id = before ? (updateFollowUp(tx, before.id, { ...values, by: actor.username, at }), before.id) : insertFollowUp(tx, { ...values, studentId: s.id, term: input.term, by: actor.username, at });
    const fields = ['dueOn', 'doneOn', 'note'] as const;
    const changes = fields.filter((f) => !before || before[f] !== values[f]).map((f) => ({ field: f, before: before ? before[f] : null, after: values[f] }));
    const what = before ? (input.doneOn && !before.doneOn ? `完成跟进（${input.doneOn}）` : '修改跟进') : `安排跟进（${input.dueOn}）`;
    return { value: { id }, audit: [{ action: 'warnings.saveFollowUp', entity: 'student', entityId: s.id, summary: `${what}（${input.term}）：${tag(s)}`, changes }] };
  });
}

function noticeOrThrow(db: Db, id: number): NoticeRow {
  const n = getNotice(db, id);
  if (!n) throw new AppError('NOT_FOUND', '找不到该通知书');
  return n;
}

/** 学业预警通知书（致家长，编号 …） as the trail names it. */
export const noticeName = (n: Pick<NoticeRow, 'recipient' | 'noticeNo'>) => `学业预警通知书（${n.recipient === 'parent' ? '致家长' : `${NOTICE_RECIPIENTS.student}联`}，编号 ${n.noticeNo}）`;

export function recordSend(ctx: CallContext, input: z.output<typeof RecordSendInput>): { id: number } {
  const db = ctx.db();
  const n = noticeOrThrow(db, input.noticeId);
  const s = studentOrThrow(db, n.studentId);
  notFuture(ctx, input.sentOn, '送达日期', 'sentOn');
  if (input.sentOn < localDay(Date.parse(n.issuedAt))) throw new AppError('VALIDATION', `送达日期不能早于通知书的打印日期（${localDay(Date.parse(n.issuedAt))}）`, 'sentOn');
  const mailNo = input.method === 'registered_mail' ? input.mailNo.toUpperCase() : null;
  const phoneLog = input.method === 'phone' ? input.phoneLog : null;
  const at = new Date(ctx.core.now()).toISOString();
  return ctx.write((tx, actor) => {
    const id = insertSend(tx, { noticeId: n.id, method: input.method, sentOn: input.sentOn, mailNo, phoneLog, note: input.note, recordedBy: actor.username, recordedAt: at });
    const how = `${SEND_METHODS[input.method]}${mailNo ? ` ${mailNo}` : ''}`;
    const changes = [
      { field: 'method', before: null, after: SEND_METHODS[input.method] },
      { field: 'sentOn', before: null, after: input.sentOn },
      ...(mailNo ? [{ field: 'mailNo', before: null, after: mailNo }] : []),
      ...(phoneLog ? [{ field: 'phoneLog', before: null, after: phoneLog }] : []),
      ...(input.note ? [{ field: 'note', before: null, after: input.note }] : []),
    ];
    return { value: { id }, audit: [{ action: 'warnings.recordSend', entity: 'student', entityId: s.id, summary: `登记${noticeName(n)}送达：${how}（${input.sentOn}）：${tag(s)}`, changes }] };
  });
}

export function recordReceipt(ctx: CallContext, input: z.output<typeof RecordReceiptInput>): null {
  const db = ctx.db();
  const n = noticeOrThrow(db, input.noticeId);
  const s = studentOrThrow(db, n.studentId);
  const firstSent = sendsOf(db, [n.id])[0];
  if (!firstSent) throw new AppError('VALIDATION', '这份通知书还没有登记送达，请先登记送达方式。');
  notFuture(ctx, input.receivedOn, '回执收回日期', 'receivedOn');
  if (input.receivedOn < firstSent.sentOn) throw new AppError('VALIDATION', `回执收回日期不能早于送达日期（${firstSent.sentOn}）`, 'receivedOn');
  const at = new Date(ctx.core.now()).toISOString();
  return ctx.write((tx, actor) => {
    setReceipt(tx, n.id, { receivedOn: input.receivedOn, note: input.note, by: actor.username, at });
    const changes = [{ field: 'receivedOn', before: n.receiptOn, after: input.receivedOn }, ...(input.note ? [{ field: 'note', before: n.receiptNote, after: input.note }] : [])];
    return { value: null, audit: [{ action: 'warnings.recordReceipt', entity: 'student', entityId: s.id, summary: `登记${noticeName(n)}回执收回（${input.receivedOn}）：${tag(s)}`, changes }] };
  });
}
