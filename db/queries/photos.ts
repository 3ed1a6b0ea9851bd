import { and, count, eq, inArray, isNull, or } from 'drizzle-orm';
import { isActiveStatus, STUDENT_STATUSES } from '../../shared/domain/codes';
import type { Db } from '../client';
import { attachments, students } from '../schema';
import { fileKeyChange } from './keyChanges';
import { updateStudentRow } from './students';

/** Attachment purposes of photos: the normalised 480×640 JPEG and, when kept, the file as received. */
export const PHOTO_PURPOSE = 'photo';
export const PHOTO_ORIGINAL_PURPOSE = 'photo-original';
/** The `field` of a key-change request that replaces a registered student's photo (before/after = attachment ids). */
export const PHOTO_CHANGE_FIELD = 'photo';

export type PhotoCandidate = Pick<typeof students.$inferSelect, 'id' | 'studentNo' | 'examNo' | 'idNumber' | 'name' | 'status' | 'registered' | 'photoAttachmentId'>;

const candidateColumns = {
  id: students.id,
  studentNo: students.studentNo,
  examNo: students.examNo,
  idNumber: students.idNumber,
  name: students.name,
  status: students.status,
  registered: students.registered,
  photoAttachmentId: students.photoAttachmentId,
};

/** Students whose 身份证号, 考生号 or 学号 is one of `keys` (all three indexed); chunked for SQLite's parameter limit. */
export function findPhotoCandidates(db: Db, keys: string[]): PhotoCandidate[] {
  const unique = [...new Set(keys)];
  const out = new Map<number, PhotoCandidate>();
  for (let i = 0; i < unique.length; i += 300) {
    const chunk = unique.slice(i, i + 300);
    const rows = db
      .select(candidateColumns)
      .from(students)
      .where(or(inArray(students.idNumber, chunk), inArray(students.examNo, chunk), inArray(students.studentNo, chunk)))
      .all();
    for (const r of rows) out.set(r.id, r);
  }
  return [...out.values()];
}

export function getPhotoCandidates(db: Db, ids: number[]): PhotoCandidate[] {
  const out: PhotoCandidate[] = [];
  for (let i = 0; i < ids.length; i += 500) out.push(...db.select(candidateColumns).from(students).where(inArray(students.id, ids.slice(i, i + 500))).all());
  return out;
}

export type AttachmentRow = typeof attachments.$inferSelect;

export function getAttachment(db: Db, id: number): AttachmentRow | undefined {
  return db.select().from(attachments).where(eq(attachments.id, id)).get();
}

/** Attachment rows by id (for the current photos' hashes). */
export function getAttachments(db: Db, ids: number[]): AttachmentRow[] {
  const out: AttachmentRow[] = [];
  for (let i = 0; i < ids.length; i += 500) out.push(...db.select().from(attachments).where(inArray(attachments.id, ids.slice(i, i + 500))).all());
  return out;
}

/** Students whose *current* photo has one of these SHA-256 hashes (normalised JPEG bytes). */
export function currentPhotoOwnersBySha(db: Db, shas: string[]): { sha256: string; studentId: number; studentNo: string | null; name: string }[] {
  const out: { sha256: string; studentId: number; studentNo: string | null; name: string }[] = [];
  const unique = [...new Set(shas)];
  for (let i = 0; i < unique.length; i += 500) {
    out.push(
      ...db
        .select({ sha256: attachments.sha256, studentId: students.id, studentNo: students.studentNo, name: students.name })
        .from(attachments)
        .innerJoin(students, eq(students.photoAttachmentId, attachments.id))
        .where(and(eq(attachments.purpose, PHOTO_PURPOSE), inArray(attachments.sha256, unique.slice(i, i + 500))))
        .all(),
    );
  }
  return out;
}

export function insertAttachment(db: Db, values: typeof attachments.$inferInsert): AttachmentRow {
  return db.insert(attachments).values(values).returning().get();
}

/** Sets the student's photo, or takes it away with null (bumps the record version like any other change). */
export function setStudentPhoto(db: Db, studentId: number, attachmentId: number | null, nowIso: string): void {
  updateStudentRow(db, studentId, { photoAttachmentId: attachmentId, updatedAt: nowIso });
}

/** Deletes attachment rows (an undone import's photos); the caller removes their files once committed. */
export function deleteAttachments(db: Db, ids: number[]): void {
  for (let i = 0; i < ids.length; i += 500) db.delete(attachments).where(inArray(attachments.id, ids.slice(i, i + 500))).run();
}

/**
 * A key-change request carrying a new photo: approval sets students.photo_attachment_id to `after`.
 * @throws KeyChangePendingError when the student already has a pending request (see fileKeyChange).
 */
export function filePhotoChangeRequest(db: Db, v: { studentId: number; before: number | null; after: number; reason: string; requestedBy: string; requestedAt: string }): number {
  const changes = [{ field: PHOTO_CHANGE_FIELD, before: v.before, after: v.after }];
  return fileKeyChange(db, { studentId: v.studentId, changes, reason: v.reason, attachmentId: v.after, requestedBy: v.requestedBy, requestedAt: v.requestedAt }).id;
}

const ACTIVE = STUDENT_STATUSES.map((s) => s.code).filter(isActiveStatus);

/** Students holding a 学籍 (在籍、休学、保留学籍) who have no photo yet. */
export function countActiveWithoutPhoto(db: Db): number {
  const row = db
    .select({ n: count() })
    .from(students)
    .where(and(isNull(students.photoAttachmentId), inArray(students.status, ACTIVE)))
    .get();
  return row?.n ?? 0;
}
