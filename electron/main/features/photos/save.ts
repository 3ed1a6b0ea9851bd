import { rmSync } from 'node:fs';
import { join } from 'node:path';
import type { AuditEntry } from '../../../../db/queries/audit';
import { filePhotoChangeRequest, insertAttachment, PHOTO_CHANGE_FIELD, setStudentPhoto, type AttachmentRow, type PhotoCandidate } from '../../../../db/queries/photos';
import { photoOutcome, type PhotoOutcome } from '../../../../shared/domain/photo-rules';
import { studentNoText } from '../../../../shared/domain/student-no';
import type { Db } from '../../../../db/client';
import type { AppCore } from '../../core/context';
import { storeEncrypted } from '../attachments/store';

type Audit = Omit<AuditEntry, 'userId' | 'username'>;

export const who = (s: Pick<PhotoCandidate, 'name' | 'studentNo'>) => `${s.name}（${studentNoText(s.studentNo)}）`;

/**
 * Encrypted photo files written during one write transaction. If it rolls back, the files are
 * orphans and `discard` removes them; an undo removes the files of the photos it deleted, after commit.
 */
export class StoredFiles {
  readonly names: string[] = [];
  constructor(private readonly core: AppCore) {}

  /** Stores the bytes encrypted and adds the attachment row (inside the caller's transaction). */
  add(tx: Db, v: { studentId: number; purpose: string; fileName: string; mime: string; bytes: Buffer; by: string; at: string }): AttachmentRow {
    const file = storeEncrypted(this.core.folder, v.bytes);
    this.names.push(file.storedName);
    return insertAttachment(tx, { studentId: v.studentId, purpose: v.purpose, fileName: v.fileName, mime: v.mime, size: file.size, sha256: file.sha256, storedName: file.storedName, createdBy: v.by, createdAt: v.at });
  }

  discard(): void {
    removeAttachmentFiles(this.core, this.names);
  }
}

export function removeAttachmentFiles(core: AppCore, storedNames: readonly string[]): void {
  for (const name of storedNames) rmSync(join(core.folder.dir, 'attachments', name), { force: true });
}

/**
 * Gives a stored photo to the student: set at once, or — once the student is registered and has a
 * photo (shared/domain/photo-rules.ts) — a change request that approval applies. Returns what it
 * did and the audit entry for it. `source` says where the photo came from (文件 x.jpg).
 */
export function applyPhoto(
  tx: Db,
  s: PhotoCandidate,
  photoId: number,
  v: { source: string; reason: string; by: string; at: string },
): { outcome: PhotoOutcome; requestId: number | null; audit: Audit } {
  const outcome = photoOutcome({ registered: s.registered, hasPhoto: s.photoAttachmentId != null });
  const changes = [{ field: PHOTO_CHANGE_FIELD, before: s.photoAttachmentId, after: photoId }];
  if (outcome === 'requested') {
    const requestId = filePhotoChangeRequest(tx, { studentId: s.id, before: s.photoAttachmentId, after: photoId, reason: v.reason, requestedBy: v.by, requestedAt: v.at });
    const summary = `提交信息变更申请（第 ${requestId} 号）：照片：更换为 ${v.source}；原因：${v.reason}`;
    return { outcome, requestId, audit: { action: 'keyChanges.request', entity: 'student', entityId: s.id, summary, changes } };
  }
  setStudentPhoto(tx, s.id, photoId, v.at);
  const summary = `${outcome === 'replaced' ? '更换' : '设置'}照片 ${who(s)}：${v.source}`;
  return { outcome, requestId: null, audit: { action: 'photos.set', entity: 'student', entityId: s.id, summary, changes } };
}
