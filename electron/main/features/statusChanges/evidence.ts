import type { Db } from '../../../../db/client';
import { attachments } from '../../../../db/schema';
import { takeAttachment, type HeldAttachment } from '../attachments/accept';

/**
 * A work order's evidence is an attachment like any other: what it may be (type, size) is decided
 * in attachments/accept.ts, taken from the host by fileId and stored before the write transaction.
 */
export type HeldEvidence = HeldAttachment;
export const takeEvidence = takeAttachment;

/** Records stored evidence as the student's attachment, inside the caller's transaction. */
export function insertEvidence(db: Db, held: HeldEvidence, studentId: number, by: string, at: string): number {
  return db.insert(attachments).values({
    studentId, purpose: 'evidence', fileName: held.fileName, mime: held.mime, size: held.stored.size, sha256: held.stored.sha256,
    storedName: held.stored.storedName, createdBy: by, createdAt: at,
  }).returning({ id: attachments.id }).get().id;
}
