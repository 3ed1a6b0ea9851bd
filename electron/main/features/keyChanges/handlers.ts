import { studentNoText } from '../../../../shared/domain/student-no';
import { eq } from 'drizzle-orm';
import type { z } from 'zod';
import { diffFields, type AuditEntry } from '../../../../db/queries/audit';
import { addKeyChangeEvent, fileKeyChange, getKeyChange, listKeyChanges, moveKeyChange, openKeyChange, openKeyChangeMessage, withdrawKeyChange, type KeyChangeRow } from '../../../../db/queries/keyChanges';
import { PHOTO_CHANGE_FIELD } from '../../../../db/queries/photos';
import { chainFor } from '../../../../db/queries/status-change-config';
import { getStudent, updateStudentRow, type StudentRow } from '../../../../db/queries/students';
import { attachments, students } from '../../../../db/schema';
import { KEY_CHANGES_CHAIN } from '../../../../shared/domain/approval-chains';
import { validateIdNumber } from '../../../../shared/domain/idcard';
import { type StudentFieldKey } from '../../../../shared/domain/student-fields';
import { checkKeyChangeRequest } from '../../../../shared/domain/student-rules';
import { keyChangeRequestSummary, REQUEST_STATUS_FIELD } from '../../../../shared/domain/key-changes';
import { displayNameLookup } from '../../../../db/queries/users';
import type { AmendKeyChangeInput, CreateKeyChangeInput, DecideKeyChangeInput } from '../../../../shared/ipc/schemas/students';
import type { CallContext } from '../../core/context';
import { AppError } from '../../core/errors';
import type { FeatureHandlers } from '../../core/handlers-type';
import { recordAttachment, takeAttachment } from '../attachments/accept';
import { decideStep, decisionEvent, isFiler, mayWithdraw, staleOrder } from '../approvals/step';
import { assertStudentValid } from '../students/validate';
import { changeLabel, column, onChain, toDto, type Change, type FieldChange } from './dto';

type Audit = Omit<AuditEntry, 'userId' | 'username'>;

function load(ctx: CallContext, id: number): KeyChangeRow {
  const r = getKeyChange(ctx.db(), id);
  if (!r) throw new AppError('NOT_FOUND', '找不到该变更申请');
  return r;
}

const view = (ctx: CallContext, id: number) => toDto(ctx.db(), load(ctx, id), ctx.actor());

/**
 * The field changes a request asks for, checked now as they would be at approval: only the locked
 * key fields, a new ID number's birth date and gender filled in, and the record as it would be
 * after approval passing every rule.
 */
function plannedChanges(ctx: CallContext, s: StudentRow, input: Pick<z.output<typeof CreateKeyChangeInput>, 'changes' | 'attachmentId'>): FieldChange[] {
  const db = ctx.db();
  if (input.attachmentId && !db.select().from(attachments).where(eq(attachments.id, input.attachmentId)).get()) throw new AppError('VALIDATION', '证明材料不存在，请重新上传', 'attachmentId');
  const wanted: Partial<Record<StudentFieldKey, string>> = { ...input.changes };
  // A new ID number carries its own birth date and gender; fill them in when not given.
  if (wanted.idNumber) {
    const v = validateIdNumber(wanted.idNumber, { asOf: new Date(ctx.core.now()) });
    if (v.ok) {
      wanted.idNumber = v.id;
      wanted.birthDate ??= v.birthDate;
      wanted.gender ??= v.gender;
    }
  }
  const list: FieldChange[] = (Object.entries(wanted) as [StudentFieldKey, string][])
    .filter(([f, v]) => v !== undefined && v !== (s as Record<string, unknown>)[f])
    .map(([field, after]) => ({ field, before: (s as Record<string, unknown>)[field], after }));
  const problem = checkKeyChangeRequest(list.map((c) => c.field));
  if (problem) throw new AppError('VALIDATION', problem, 'changes');
  assertStudentValid(db, { ...s, ...Object.fromEntries(list.map((c) => [c.field, c.after])) }, new Date(ctx.core.now()), s.id);
  return list;
}

/**
 * 信息变更申请: locked key fields (姓名, 性别, 出生日期, 身份证号, a registered student's photo) change
 * only through a request that moves through its approval chain (by default one step, the
 * department's 负责人) on the engine 学籍异动 uses; the final approval applies it atomically with its
 * audit records. A refusal returns it to the requester to amend and resubmit, or withdraw.
 */
export const keyChangesHandlers: FeatureHandlers<'keyChanges'> = {
  'keyChanges.list': ({ status, studentId }, ctx) => {
    const db = ctx.db();
    const nameOf = displayNameLookup(db);
    return listKeyChanges(db, { status, studentId, limit: 500, classScope: ctx.scope() }).map((r) => toDto(db, r, ctx.actor(), nameOf));
  },

  'keyChanges.request': (input, ctx) => {
    const db = ctx.db();
    const s = getStudent(db, input.studentId);
    if (!s) throw new AppError('NOT_FOUND', '找不到该学生');
    if (!s.registered) throw new AppError('CONFLICT', '该学生尚未注册，关键信息可直接在档案中修改，无需申请。');
    // Checked first so the user hears of it before any other problem; fileKeyChange checks it again
    // inside the write (KeyChangeOpenError, also a CONFLICT).
    const open = openKeyChange(db, s.id);
    if (open) throw new AppError('CONFLICT', openKeyChangeMessage(open));
    const list = plannedChanges(ctx, s, input);
    const now = new Date(ctx.core.now()).toISOString();
    const row = ctx.write((tx, actor) => {
      const r = fileKeyChange(tx, { studentId: s.id, changes: list, reason: input.reason, attachmentId: input.attachmentId ?? null, requestedBy: actor.username, requestedAt: now });
      return { value: r, audit: [{ action: 'keyChanges.request', entity: 'student', entityId: s.id, summary: keyChangeRequestSummary(r.id, list.map((c) => changeLabel(c.field)), input.reason), changes: list }] };
    });
    return toDto(db, row, ctx.actor());
  },

  'keyChanges.amend': (input, ctx) => amend(ctx, input),
  'keyChanges.decide': (input, ctx) => decide(ctx, input),

  'keyChanges.withdraw': ({ id }, ctx) => {
    const actor = ctx.actor();
    const r = load(ctx, id);
    // The admin too: a request whose requester has left would otherwise block the student for good.
    if (!mayWithdraw(onChain(r), actor)) throw new AppError('FORBIDDEN', '只有提交申请的人或管理员可以撤回该申请。');
    const now = new Date(ctx.core.now()).toISOString();
    const comment = isFiler(onChain(r), actor) ? '申请人撤回' : '管理员代为撤回';
    ctx.write((tx) => {
      if (!withdrawKeyChange(tx, id, { by: actor.username, at: now, comment })) throw new AppError('CONFLICT', r.status === 'approved' ? '该申请已经批准生效，不能撤回。' : '该申请已经办结，不能撤回。');
      return { value: null, audit: [{ action: 'keyChanges.withdraw', entity: 'student', entityId: r.studentId, summary: `撤回信息变更申请（第 ${id} 号）${comment === '申请人撤回' ? '' : '（管理员代为撤回）'}`, changes: [{ field: REQUEST_STATUS_FIELD, before: r.status, after: 'withdrawn' }] }] };
    });
    return view(ctx, id);
  },
};

function amend(ctx: CallContext, input: z.output<typeof AmendKeyChangeInput>) {
  const db = ctx.db();
  const actor = ctx.actor();
  const r = load(ctx, input.id);
  if (!isFiler(onChain(r), actor)) throw new AppError('FORBIDDEN', '只有提交人可以修改后重新提交。');
  if (r.status !== 'returned') throw new AppError('CONFLICT', '只有被退回的申请可以修改后重新提交。');
  // A photo request holds the imported photo itself, which no form edits: it is withdrawn and the photo imported again.
  if ((JSON.parse(r.changes) as Change[]).some((c) => c.field === PHOTO_CHANGE_FIELD)) throw new AppError('CONFLICT', '照片变更申请被退回后不能修改，请撤回后重新导入照片。');
  const s = getStudent(db, r.studentId)!;
  const list = plannedChanges(ctx, s, input);
  // Resubmitted, the request starts its chain again under the chain in force now.
  const chain = chainFor(db, KEY_CHANGES_CHAIN);
  const now = new Date(ctx.core.now()).toISOString();
  ctx.write((tx) => {
    const moved = moveKeyChange(tx, r.id, { status: 'returned', stepIndex: r.stepIndex }, {
      status: 'pending', stepIndex: 0, stepRole: chain[0]!.role, chain: JSON.stringify(chain), stepSince: now,
      changes: JSON.stringify(list), reason: input.reason, attachmentId: input.attachmentId ?? r.attachmentId,
      decidedBy: null, decidedAt: null, decisionComment: null,
    });
    if (!moved) throw new AppError('CONFLICT', '该申请刚被他人处理过，请刷新后再试。');
    addKeyChangeEvent(tx, r.id, { kind: 'amended', via: 'app', actor: actor.username, opinion: input.reason, at: now });
    return { value: null, audit: [{ action: 'keyChanges.amend', entity: 'student', entityId: r.studentId, summary: keyChangeRequestSummary(r.id, list.map((c) => changeLabel(c.field)), input.reason).replace('提交', '修改后重新提交'), changes: list }] };
  });
  return view(ctx, r.id);
}

function decide(ctx: CallContext, input: z.output<typeof DecideKeyChangeInput>) {
  const db = ctx.db();
  const actor = ctx.actor();
  const r = load(ctx, input.id);
  const d = decideStep(ctx, onChain(r), input);
  const list = JSON.parse(r.changes) as Change[];
  const s = getStudent(db, r.studentId)!;
  const patch = Object.fromEntries(list.map((c) => [column(c.field), c.after])) as Partial<typeof students.$inferInsert>;
  if (d.final) {
    const stale = list.filter((c) => (s as Record<string, unknown>)[column(c.field)] !== c.before);
    if (stale.length) throw new AppError('CONFLICT', `申请提交后学生的${stale.map((c) => changeLabel(c.field)).join('、')}已被修改，请退回后重新申请。`);
    assertStudentValid(db, { ...s, ...patch }, new Date(ctx.core.now()), s.id);
  }
  const scan = d.paper?.scan ? takeAttachment(ctx, d.paper.scan.fileId) : null;
  const now = new Date(ctx.core.now()).toISOString();
  ctx.write((tx) => {
    const { closed, ...place } = d.next;
    // decided_*: the latest outcome, for lists (a step passed on the way is only on the timeline).
    const outcome = d.next.state === 'pending' ? {} : { decidedBy: actor.username, decidedAt: now, decisionComment: d.opinion };
    if (!moveKeyChange(tx, r.id, { status: 'pending', stepIndex: r.stepIndex, stepSince: r.stepSince }, { status: place.state, stepIndex: place.stepIndex, stepRole: place.stepRole, stepSince: place.stepSince, ...outcome })) throw staleOrder();
    const attachmentId = scan ? recordAttachment(tx, scan, { studentId: r.studentId, purpose: 'evidence', by: actor.username, at: now }).id : null;
    addKeyChangeEvent(tx, r.id, decisionEvent(d, r.stepIndex, input.approve, actor, now, attachmentId));
    const audit: Audit[] = [{
      action: 'keyChanges.decide', entity: 'student', entityId: s.id,
      summary: `${d.step.label}${input.approve ? '同意' : '退回'}信息变更申请（第 ${r.id} 号）${d.paperNote}${d.opinion ? `：${d.opinion}` : ''}`,
      changes: [{ field: REQUEST_STATUS_FIELD, before: 'pending', after: d.next.state }],
    }];
    if (closed) {
      const after = updateStudentRow(tx, s.id, { ...patch, updatedAt: now });
      audit.push({ action: 'students.update', entity: 'student', entityId: s.id, summary: `按变更申请第 ${r.id} 号修改 ${after.name}（${studentNoText(after.studentNo)}）`, changes: diffFields(s, after, list.map((c) => column(c.field)) as (keyof typeof s & string)[]) });
      addKeyChangeEvent(tx, r.id, { kind: 'applied', via: 'app', actor: actor.username, at: now });
    }
    return { value: null, audit };
  });
  return view(ctx, r.id);
}
