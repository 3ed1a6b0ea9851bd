import { eq } from 'drizzle-orm';
import type { Db } from '../../../../db/client';
import { listKeyChangeEvents, type KeyChangeRow } from '../../../../db/queries/keyChanges';
import { PHOTO_CHANGE_FIELD } from '../../../../db/queries/photos';
import { getStudent } from '../../../../db/queries/students';
import { displayNameLookup } from '../../../../db/queries/users';
import { attachments } from '../../../../db/schema';
import type { ApprovalStep } from '../../../../shared/domain/approvals';
import { fieldLabel, type StudentFieldKey } from '../../../../shared/domain/student-fields';
import type { ApprovalEvent } from '../../../../shared/ipc/schemas/approvals';
import type { KeyChangeRequest } from '../../../../shared/ipc/schemas/students';
import type { Actor } from '../../core/context';
import { orderCan } from '../approvals/step';
import { canSeeIdentity, maskFieldValue } from '../students/masking';

export type FieldChange = { field: StudentFieldKey; before: unknown; after: unknown };
/** A photo change (filed by photos.import for registered students): before/after are attachment ids. */
type PhotoChange = { field: typeof PHOTO_CHANGE_FIELD; before: number | null; after: number };
export type Change = FieldChange | PhotoChange;
/** The students column a change writes. */
export const column = (field: Change['field']) => (field === PHOTO_CHANGE_FIELD ? 'photoAttachmentId' : field);
/** A changed field by its Chinese name. */
export const changeLabel = (field: string) => (field === PHOTO_CHANGE_FIELD ? '照片' : fieldLabel(field));

/** The request as the approval engine sees it. */
export const onChain = (r: KeyChangeRow) => ({
  state: r.status, stepIndex: r.stepIndex, stepSince: r.stepSince, filedBy: r.requestedBy, filedAt: r.requestedAt, chain: JSON.parse(r.chain) as ApprovalStep[],
});

export function toDto(db: Db, r: KeyChangeRow, actor: Actor, nameOf = displayNameLookup(db)): KeyChangeRequest {
  const full = canSeeIdentity(actor.role);
  const s = getStudent(db, r.studentId)!;
  const att = r.attachmentId ? db.select().from(attachments).where(eq(attachments.id, r.attachmentId)).get() : undefined;
  let changes = JSON.parse(r.changes) as Change[];
  if (!full) changes = changes.map((c) => ({ ...c, before: maskFieldValue(c.field, c.before), after: maskFieldValue(c.field, c.after) }) as Change);
  const o = onChain(r);
  const events: ApprovalEvent[] = listKeyChangeEvents(db, r.id).map((e) => ({
    id: e.id, kind: e.kind as ApprovalEvent['kind'], stepIndex: e.stepIndex, stepLabel: e.stepLabel, via: e.via, actor: e.actor, actorName: nameOf(e.actor),
    deciderName: e.deciderName, deciderPost: e.deciderPost, decidedOn: e.decidedOn, opinion: e.opinion, attachmentId: e.attachmentId, at: e.at,
  }));
  return {
    id: r.id, studentId: r.studentId, studentNo: s.studentNo, studentName: s.name, changes, reason: r.reason,
    attachment: att ? { id: att.id, fileName: att.fileName, mime: att.mime, size: att.size, purpose: att.purpose, createdBy: att.createdBy, createdAt: att.createdAt } : null,
    status: r.status, requestedBy: r.requestedBy, requestedByName: nameOf(r.requestedBy), requestedAt: r.requestedAt,
    decidedBy: r.decidedBy, decidedByName: r.decidedBy === null ? null : nameOf(r.decidedBy), decidedAt: r.decidedAt, decisionComment: r.decisionComment,
    steps: o.chain, stepIndex: r.stepIndex, stepSince: r.stepSince, currentStep: r.status === 'pending' ? (o.chain[r.stepIndex]?.label ?? null) : null,
    events, can: orderCan(o, actor),
  };
}
