/**
 * The approval engine: file an order, move it step by step (decided in the app or recorded from
 * paper), return it, amend it, withdraw it, and — only at the final approval — apply it, in one
 * transaction with its timeline event and audit entries.
 */
import type { z } from 'zod';
import type { AuditEntry } from '../../../../db/queries/audit';
import {
  addStatusChangeAttachment, addStatusChangeEvent, countStatusChangeAttachments, getStatusChange, insertStatusChange, moveStatusChange,
  openOrderMessage, openStatusChange, setStatusChangeData, type StatusChangeRow,
} from '../../../../db/queries/status-changes';
import { chainFor } from '../../../../db/queries/status-change-config';
import { getStudent } from '../../../../db/queries/students';
import {
  finalApprovalIssues, isDecision, statusChangeTitle, type StatusChangeData, type StatusChangeType,
} from '../../../../shared/domain/status-changes';
import { studentNoText } from '../../../../shared/domain/student-no';
import type {
  AmendStatusChangeInput, AttachStatusChangeInput, DecideStatusChangeInput, FileStatusChangeInput, RecordServiceInput,
} from '../../../../shared/ipc/schemas/status-changes';
import type { CallContext } from '../../core/context';
import { AppError } from '../../core/errors';
import { applyOrder } from './apply';
import { localDay } from '../../core/local-day';
import { decideStep, decisionEvent, isFiler, mayWithdraw, staleOrder } from '../approvals/step';
import { assertOrder, assertTransition, orderItEnds } from './checks';
import { dataOf, onChain, toDetail, typeOf } from './dto';
import { recordAttachment, takeAttachment } from '../attachments/accept';

type Audit = Omit<AuditEntry, 'userId' | 'username'>;
const STATE = 'requestStatus';

function load(ctx: CallContext, id: number): StatusChangeRow {
  const r = getStatusChange(ctx.db(), id);
  if (!r) throw new AppError('NOT_FOUND', '找不到该学籍异动');
  return r;
}

/** The order's data as stored: optional fields absent rather than undefined, text trimmed. */
function cleanData(d: z.output<typeof FileStatusChangeInput>['data']): StatusChangeData {
  return Object.fromEntries(Object.entries(d).filter(([, v]) => v !== undefined && v !== null && v !== '')) as unknown as StatusChangeData;
}

const label = (r: { id: number; type: string; subtype: string | null }) => `学籍异动第 ${r.id} 号（${statusChangeTitle(r.type as StatusChangeType, r.subtype)}）`;

export function fileOrder(ctx: CallContext, input: z.output<typeof FileStatusChangeInput>) {
  const db = ctx.db();
  const s = getStudent(db, input.studentId);
  if (!s) throw new AppError('NOT_FOUND', '找不到该学生');
  const data = cleanData(input.data);
  const subtype = input.subtype || null;
  const open = openStatusChange(db, s.id);
  if (open) throw new AppError('CONFLICT', openOrderMessage(open.id));
  const t = assertOrder(db, s, input.type, subtype, data);
  const chain = chainFor(db, input.type);
  const now = new Date(ctx.core.now()).toISOString();
  const row = ctx.write((tx, actor) => {
    const r = insertStatusChange(tx, {
      studentId: s.id, type: input.type, subtype, state: 'pending', stepIndex: 0, stepRole: chain[0]!.role, chain: JSON.stringify(chain),
      data: JSON.stringify(data), fromStatus: t.from, toStatus: t.to, fromClassId: s.classId, stepSince: now, filedBy: actor.username, filedAt: now,
    });
    addStatusChangeEvent(tx, r.id, { kind: 'filed', via: 'app', actor: actor.username, opinion: data.reason, at: now });
    return { value: r, audit: [{ action: 'statusChanges.file', entity: 'student', entityId: s.id, summary: `提交${label(r)}：${s.name}（${studentNoText(s.studentNo)}）`, changes: [{ field: STATE, before: null, after: 'pending' }] }] };
  });
  return toDetail(db, row, ctx.actor());
}

export function amendOrder(ctx: CallContext, input: z.output<typeof AmendStatusChangeInput>) {
  const db = ctx.db();
  const r = load(ctx, input.id);
  const actor = ctx.actor();
  if (!isFiler(r, actor)) throw new AppError('FORBIDDEN', '只有提交人可以修改后重新提交。');
  if (r.state !== 'returned') throw new AppError('CONFLICT', '只有被退回的申请可以修改后重新提交。');
  const s = getStudent(db, r.studentId)!;
  const data = cleanData(input.data);
  const subtype = input.subtype === undefined ? r.subtype : input.subtype || null;
  const t = assertOrder(db, s, typeOf(r), subtype, data, r.id);
  // Resubmitted, the order starts the chain again under the chain in force now.
  const chain = chainFor(db, typeOf(r));
  const now = new Date(ctx.core.now()).toISOString();
  ctx.write((tx) => {
    if (!moveStatusChange(tx, r.id, { state: 'returned', stepIndex: r.stepIndex }, {
      state: 'pending', stepIndex: 0, stepRole: chain[0]!.role, chain: JSON.stringify(chain), subtype, data: JSON.stringify(data),
      fromStatus: t.from, toStatus: t.to, stepSince: now,
    })) throw new AppError('CONFLICT', '该申请刚被他人处理过，请刷新后再试。');
    addStatusChangeEvent(tx, r.id, { kind: 'amended', via: 'app', actor: actor.username, opinion: data.reason, at: now });
    return { value: null, audit: [{ action: 'statusChanges.amend', entity: 'student', entityId: r.studentId, summary: `修改后重新提交${label(r)}`, changes: [{ field: STATE, before: 'returned', after: 'pending' }] }] };
  });
  return toDetail(db, load(ctx, r.id), actor);
}

export function decideOrder(ctx: CallContext, input: z.output<typeof DecideStatusChangeInput>) {
  const db = ctx.db();
  const actor = ctx.actor();
  const r = load(ctx, input.id);
  const d = decideStep(ctx, onChain(r), input);
  let data = dataOf(r);
  if (input.decisionNo?.trim()) data = { ...data, decisionNo: input.decisionNo.trim() };
  const s = getStudent(db, r.studentId)!;
  if (d.final) {
    const issues = finalApprovalIssues(typeOf(r), r.subtype, data, countStatusChangeAttachments(db, r.id));
    if (issues.length) throw new AppError('VALIDATION', `还不能最终批准：${issues.map((i) => i.message).join('；')}`, issues[0]!.field === 'decisionNo' ? 'decisionNo' : 'attachments');
    // The student may have changed since filing (another order, an import): the model decides again.
    assertTransition(typeOf(r), s, r.subtype);
  }
  const scan = d.paper?.scan ? takeAttachment(ctx, d.paper.scan.fileId) : null;
  const now = new Date(ctx.core.now()).toISOString();
  ctx.write((tx) => {
    const { closed, ...place } = d.next;
    const ends = d.final ? orderItEnds(tx, typeOf(r), r.studentId) : undefined;
    const patch = { ...place, ...(closed ? { closedAt: now } : {}), data: JSON.stringify(data), ...(ends ? { endsId: ends.id } : {}) };
    if (!moveStatusChange(tx, r.id, { state: 'pending', stepIndex: r.stepIndex, stepSince: r.stepSince }, patch)) throw staleOrder();
    const attachmentId = scan ? recordAttachment(tx, scan, { studentId: r.studentId, purpose: 'evidence', by: actor.username, at: now }).id : null;
    addStatusChangeEvent(tx, r.id, decisionEvent(d, r.stepIndex, input.approve, actor, now, attachmentId));
    const audit: Audit[] = [{
      action: 'statusChanges.decide', entity: 'student', entityId: r.studentId,
      summary: `${d.step.label}${input.approve ? '同意' : '退回'}${label(r)}${d.paperNote}${d.opinion ? `：${d.opinion}` : ''}`,
      changes: [{ field: STATE, before: 'pending', after: d.next.state }],
    }];
    if (d.final) {
      audit.push(applyOrder(tx, { id: r.id, studentId: r.studentId, type: typeOf(r), subtype: r.subtype, toStatus: r.toStatus, data }, actor.username, now));
      addStatusChangeEvent(tx, r.id, { kind: 'applied', via: 'app', actor: actor.username, at: now });
    }
    return { value: null, audit };
  });
  return toDetail(db, load(ctx, r.id), actor);
}

export function withdrawOrder(ctx: CallContext, id: number) {
  const actor = ctx.actor();
  const r = load(ctx, id);
  // The admin too: an order whose filer has left (account disabled, classes reassigned) would
  // otherwise block the student for good — one open order per student.
  if (!mayWithdraw(r, actor)) throw new AppError('FORBIDDEN', '只有提交人或管理员可以撤回该申请。');
  if (r.state !== 'pending' && r.state !== 'returned') throw new AppError('CONFLICT', r.state === 'approved' ? '该异动已经生效，不能撤回。' : '该申请已经撤回。');
  const now = new Date(ctx.core.now()).toISOString();
  ctx.write((tx) => {
    if (!moveStatusChange(tx, r.id, { state: r.state, stepIndex: r.stepIndex }, { state: 'withdrawn', stepRole: null, closedAt: now })) {
      throw new AppError('CONFLICT', '该申请刚被他人处理过，请刷新后再试。');
    }
    addStatusChangeEvent(tx, r.id, { kind: 'withdrawn', via: 'app', actor: actor.username, at: now });
    return { value: null, audit: [{ action: 'statusChanges.withdraw', entity: 'student', entityId: r.studentId, summary: `撤回${label(r)}${isFiler(r, actor) ? '' : '（管理员代为撤回）'}`, changes: [{ field: STATE, before: r.state, after: 'withdrawn' }] }] };
  });
  return toDetail(ctx.db(), load(ctx, id), actor);
}

export function attachEvidence(ctx: CallContext, input: z.output<typeof AttachStatusChangeInput>) {
  const actor = ctx.actor();
  const r = load(ctx, input.id);
  if (r.state === 'withdrawn') throw new AppError('CONFLICT', '该申请已撤回，不能再上传材料。');
  const held = takeAttachment(ctx, input.fileId);
  const now = new Date(ctx.core.now()).toISOString();
  ctx.write((tx) => {
    const attachmentId = recordAttachment(tx, held, { studentId: r.studentId, purpose: 'evidence', by: actor.username, at: now }).id;
    addStatusChangeAttachment(tx, r.id, attachmentId, input.kind);
    addStatusChangeEvent(tx, r.id, { kind: 'attached', via: 'app', actor: actor.username, opinion: `${input.kind}：${held.fileName}`, attachmentId, at: now });
    return { value: null, audit: [{ action: 'statusChanges.attach', entity: 'student', entityId: r.studentId, summary: `为${label(r)}上传材料“${input.kind}”` }] };
  });
  return toDetail(ctx.db(), load(ctx, r.id), actor);
}

/** 送达 of a decision: its date starts the 10-day appeal window (41号令 第六十条). */
export function recordService(ctx: CallContext, input: z.output<typeof RecordServiceInput>) {
  const actor = ctx.actor();
  const r = load(ctx, input.id);
  if (!isDecision(typeOf(r), r.subtype)) throw new AppError('VALIDATION', '只有学校作出的处理决定需要登记送达。', 'servedOn');
  if (r.state !== 'approved') throw new AppError('CONFLICT', '决定生效后才能登记送达。');
  const data = dataOf(r);
  // Once: the appeal window runs from it, and moving it later would move the student's deadline.
  if (data.servedOn) throw new AppError('CONFLICT', `该决定已登记送达（${data.servedOn}，${data.servedMethod ?? ''}），不能更改。`);
  const decidedOn = localDay(Date.parse(r.closedAt!));
  if (input.servedOn < decidedOn) throw new AppError('VALIDATION', `送达日期不能早于决定生效的日期（${decidedOn}）`, 'servedOn');
  if (input.servedOn > localDay(ctx.core.now())) throw new AppError('VALIDATION', '送达日期不能晚于今天', 'servedOn');
  const now = new Date(ctx.core.now()).toISOString();
  ctx.write((tx) => {
    setStatusChangeData(tx, r.id, JSON.stringify({ ...data, servedOn: input.servedOn, servedMethod: input.servedMethod }));
    addStatusChangeEvent(tx, r.id, { kind: 'served', via: 'app', actor: actor.username, decidedOn: input.servedOn, opinion: input.servedMethod, at: now });
    return { value: null, audit: [{ action: 'statusChanges.serve', entity: 'student', entityId: r.studentId, summary: `登记${label(r)}的送达：${input.servedOn}，${input.servedMethod}`, changes: [{ field: 'servedOn', before: data.servedOn ?? null, after: input.servedOn }] }] };
  });
  return toDetail(ctx.db(), load(ctx, r.id), actor);
}
