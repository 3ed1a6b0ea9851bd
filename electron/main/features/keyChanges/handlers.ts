import { studentNoText } from '../../../../shared/domain/student-no';
import { eq } from 'drizzle-orm';
import { diffFields, type AuditEntry } from '../../../../db/queries/audit';
import { decideKeyChange, fileKeyChange, getKeyChange, listKeyChanges, pendingKeyChange, pendingKeyChangeMessage, withdrawKeyChange, type KeyChangeRow } from '../../../../db/queries/keyChanges';
import { PHOTO_CHANGE_FIELD } from '../../../../db/queries/photos';
import { getStudent, updateStudentRow } from '../../../../db/queries/students';
import { attachments, students } from '../../../../db/schema';
import { validateIdNumber } from '../../../../shared/domain/idcard';
import { fieldLabel, type StudentFieldKey } from '../../../../shared/domain/student-fields';
import { checkKeyChangeRequest } from '../../../../shared/domain/student-rules';
import { keyChangeRequestSummary, REQUEST_STATUS_FIELD } from '../../../../shared/domain/key-changes';
import { displayNameLookup } from '../../../../db/queries/users';
import type { KeyChangeRequest } from '../../../../shared/ipc/schemas/students';
import type { Db } from '../../../../db/client';
import type { CallContext } from '../../core/context';
import { AppError } from '../../core/errors';
import type { FeatureHandlers } from '../../core/handlers-type';
import { canSeeIdentity, maskFieldValue } from '../students/masking';
import { assertStudentValid } from '../students/validate';

type FieldChange = { field: StudentFieldKey; before: unknown; after: unknown };
/** A photo change (filed by photos.import for registered students): before/after are attachment ids. */
type PhotoChange = { field: typeof PHOTO_CHANGE_FIELD; before: number | null; after: number };
type Change = FieldChange | PhotoChange;
/** The students column a change writes. */
const column = (field: Change['field']) => (field === PHOTO_CHANGE_FIELD ? 'photoAttachmentId' : field);
/** A changed field by its Chinese name. */
export const changeLabel = (field: string) => (field === PHOTO_CHANGE_FIELD ? '照片' : fieldLabel(field));

function toDto(db: Db, r: KeyChangeRow, full: boolean, nameOf = displayNameLookup(db)): KeyChangeRequest {
  const s = getStudent(db, r.studentId)!;
  const att = r.attachmentId ? db.select().from(attachments).where(eq(attachments.id, r.attachmentId)).get() : undefined;
  let changes = JSON.parse(r.changes) as Change[];
  if (!full) changes = changes.map((c) => ({ ...c, before: maskFieldValue(c.field, c.before), after: maskFieldValue(c.field, c.after) }) as Change);
  return {
    id: r.id, studentId: r.studentId, studentNo: s.studentNo, studentName: s.name, changes, reason: r.reason,
    attachment: att ? { id: att.id, fileName: att.fileName, mime: att.mime, size: att.size, purpose: att.purpose, createdBy: att.createdBy, createdAt: att.createdAt } : null,
    status: r.status, requestedBy: r.requestedBy, requestedByName: nameOf(r.requestedBy), requestedAt: r.requestedAt,
    decidedBy: r.decidedBy, decidedByName: r.decidedBy === null ? null : nameOf(r.decidedBy), decidedAt: r.decidedAt, decisionComment: r.decisionComment,
  };
}

/**
 * Locked key fields (姓名, 性别, 出生日期, 身份证号) of a registered student change only through a
 * request that someone else approves; approval applies it atomically with its audit records.
 */
export const keyChangesHandlers: FeatureHandlers<'keyChanges'> = {
  'keyChanges.list': ({ status, studentId }, ctx) => {
    const db = ctx.db();
    const full = canSeeIdentity(ctx.actor().role);
    const nameOf = displayNameLookup(db);
    return listKeyChanges(db, { status, studentId, limit: 500, classScope: ctx.scope() }).map((r) => toDto(db, r, full, nameOf));
  },

  'keyChanges.request': ({ studentId, changes, reason, attachmentId }, ctx) => {
    const db = ctx.db();
    const s = getStudent(db, studentId);
    if (!s) throw new AppError('NOT_FOUND', '找不到该学生');
    if (!s.registered) throw new AppError('CONFLICT', '该学生尚未注册，关键信息可直接在档案中修改，无需申请。');
    // Checked first so the user hears of it before any other problem; fileKeyChange checks it again
    // inside the write (KeyChangePendingError, also a CONFLICT).
    const pending = pendingKeyChange(db, studentId);
    if (pending) throw new AppError('CONFLICT', pendingKeyChangeMessage(pending.id));
    if (attachmentId && !db.select().from(attachments).where(eq(attachments.id, attachmentId)).get()) throw new AppError('VALIDATION', '证明材料不存在，请重新上传', 'attachmentId');

    const wanted: Partial<Record<StudentFieldKey, string>> = { ...changes };
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
    // The record as it would be after approval must pass every rule now, not only at approval.
    assertStudentValid(db, { ...s, ...Object.fromEntries(list.map((c) => [c.field, c.after])) }, new Date(ctx.core.now()), s.id);
    const now = new Date(ctx.core.now()).toISOString();
    const row = ctx.write((tx, actor) => {
      const r = fileKeyChange(tx, { studentId, changes: list, reason, attachmentId: attachmentId ?? null, requestedBy: actor.username, requestedAt: now });
      return { value: r, audit: [{ action: 'keyChanges.request', entity: 'student', entityId: studentId, summary: keyChangeRequestSummary(r.id, list.map((c) => changeLabel(c.field)), reason), changes: list }] };
    });
    return toDto(db, row, canSeeIdentity(ctx.actor().role));
  },

  'keyChanges.decide': ({ id, approve, comment }, ctx) => {
    // The requester sees why: a rejection without a reason leaves them guessing.
    if (!approve && !comment?.trim()) throw new AppError('VALIDATION', '驳回时请填写理由，申请人会看到。', 'comment');
    return decide(ctx, id, approve, comment);
  },

  'keyChanges.withdraw': ({ id }, ctx) => {
    const actor = ctx.actor();
    const r = getKeyChange(ctx.db(), id);
    if (!r) throw new AppError('NOT_FOUND', '找不到该变更申请');
    if (r.requestedBy.toLowerCase() !== actor.username.toLowerCase()) throw new AppError('FORBIDDEN', '只有提交申请的人可以撤回该申请。');
    const now = new Date(ctx.core.now()).toISOString();
    ctx.write((tx) => {
      if (!withdrawKeyChange(tx, id, { by: actor.username, at: now, comment: '申请人撤回' })) throw new AppError('CONFLICT', '该申请已经审批过了，不能撤回。');
      return { value: null, audit: [{ action: 'keyChanges.withdraw', entity: 'student', entityId: r.studentId, summary: `撤回信息变更申请（第 ${id} 号）`, changes: [{ field: REQUEST_STATUS_FIELD, before: 'pending', after: 'withdrawn' }] }] };
    });
    return toDto(ctx.db(), getKeyChange(ctx.db(), id)!, canSeeIdentity(actor.role));
  },
};

function decide(ctx: CallContext, id: number, approve: boolean, comment: string | undefined): KeyChangeRequest {
  const db = ctx.db();
  const actor = ctx.actor();
  const r = getKeyChange(db, id);
  if (!r) throw new AppError('NOT_FOUND', '找不到该变更申请');
  if (r.status !== 'pending') throw new AppError('CONFLICT', '该申请已经审批过了');
  if (r.requestedBy.toLowerCase() === actor.username.toLowerCase()) throw new AppError('FORBIDDEN', '不能审批自己提交的申请，请由其他有审批权限的人员审批。');
  const list = JSON.parse(r.changes) as Change[];
  const s = getStudent(db, r.studentId)!;
  const stale = list.filter((c) => (s as Record<string, unknown>)[column(c.field)] !== c.before);
  if (approve && stale.length) throw new AppError('CONFLICT', `申请提交后学生的${stale.map((c) => changeLabel(c.field)).join('、')}已被修改，请驳回后重新申请。`);
  const patch = Object.fromEntries(list.map((c) => [column(c.field), c.after])) as Partial<typeof students.$inferInsert>;
  if (approve) assertStudentValid(db, { ...s, ...patch }, new Date(ctx.core.now()), s.id);
  const now = new Date(ctx.core.now()).toISOString();
  ctx.write((tx) => {
    if (!decideKeyChange(tx, id, { approve, by: actor.username, at: now, comment: comment ?? null })) throw new AppError('CONFLICT', '该申请已经审批过了');
    const audit: Omit<AuditEntry, 'userId' | 'username'>[] = [{ action: 'keyChanges.decide', entity: 'student', entityId: s.id, summary: `${approve ? '批准' : '驳回'}信息变更申请（第 ${id} 号）${comment ? `：${comment}` : ''}`, changes: [{ field: REQUEST_STATUS_FIELD, before: 'pending', after: approve ? 'approved' : 'rejected' }] }];
    if (approve) {
      const after = updateStudentRow(tx, s.id, { ...patch, updatedAt: now });
      audit.push({ action: 'students.update', entity: 'student', entityId: s.id, summary: `按变更申请第 ${id} 号修改 ${after.name}（${studentNoText(after.studentNo)}）`, changes: diffFields(s, after, list.map((c) => column(c.field)) as (keyof typeof s & string)[]) });
    }
    return { value: null, audit };
  });
  return toDto(db, getKeyChange(db, id)!, canSeeIdentity(actor.role));
}
