/**
 * Photo imports in 导入记录 and 撤销 of one: every photo the import set is put back as it was (the
 * previous photo, or none), its change requests still pending are withdrawn, in one transaction
 * with its audit entries; the photos taken back are deleted, their files once that has committed.
 */
import type { AuditEntry } from '../../../../db/queries/audit';
import { withdrawKeyChange } from '../../../../db/queries/keyChanges';
import { firstChangedPhoto, getPhotoBatch, itemsOfPhotoBatch, listPhotoBatches, markPhotoBatchUndone, type PhotoBatchRow } from '../../../../db/queries/photo-batches';
import { deleteAttachments, getAttachments, PHOTO_CHANGE_FIELD, setStudentPhoto } from '../../../../db/queries/photos';
import { studentTag } from '../../../../shared/domain/student-no';
import type { CallOutput } from '../../../../shared/ipc/contract';
import type { PhotoBatch } from '../../../../shared/ipc/schemas/photos';
import type { Db } from '../../../../db/client';
import type { CallContext } from '../../core/context';
import { AppError } from '../../core/errors';
import { removeAttachmentFiles } from './save';

type Audit = Omit<AuditEntry, 'userId' | 'username'>;

/** Why the batch cannot be undone (any more), or null when it can. */
function blockedReason(db: Db, b: PhotoBatchRow): string | null {
  if (b.undoneAt) return `该批次已于 ${b.undoneAt.slice(0, 16).replace('T', ' ')} 由 ${b.undoneBy ?? ''} 撤销`;
  const changed = firstChangedPhoto(db, b.id);
  if (!changed) return null;
  return changed.deleted
    ? `学生 ${studentTag(changed.studentName, changed.studentNo)}在导入后已被删除，不能撤销此批次`
    : `学生 ${studentTag(changed.name ?? changed.studentName, changed.studentNo)}的照片在导入后已被更换，不能撤销此批次`;
}

export function photoBatchesDto(ctx: CallContext): PhotoBatch[] {
  const db = ctx.db();
  return listPhotoBatches(db).map((b) => {
    const reason = blockedReason(db, b);
    return {
      id: b.id, fileName: b.fileName, createdBy: b.createdBy, createdAt: b.createdAt, files: b.files, photosSet: b.photosSet, photosReplaced: b.photosReplaced,
      changeRequests: b.keyChangeRequests, skipped: b.skipped, undoneAt: b.undoneAt, undoable: reason === null, undoBlockedReason: reason,
    };
  });
}

export function undoPhotoBatch(ctx: CallContext, id: number): CallOutput<'photos.undo'> {
  if (!getPhotoBatch(ctx.db(), id)) throw new AppError('NOT_FOUND', '找不到该照片导入批次');
  const now = new Date(ctx.core.now()).toISOString();
  const deletedFiles: string[] = [];
  const result = ctx.write((tx, me) => {
    // Checked inside the transaction: nobody can change a photo between the check and the undo.
    const b = getPhotoBatch(tx, id)!;
    const reason = blockedReason(tx, b);
    if (reason) throw new AppError('CONFLICT', reason);
    const tag = `撤销照片导入批次 #${b.id}《${b.fileName}》`;
    const audit: Audit[] = [];
    const taken: number[] = [];
    let restored = 0;
    let removed = 0;
    let withdrawn = 0;
    for (const it of itemsOfPhotoBatch(tx, id)) {
      const student = studentTag(it.studentName, it.studentNo);
      if (it.action === 'set') {
        setStudentPhoto(tx, it.studentId, it.photoBefore, now);
        if (it.photoBefore != null) restored++;
        else removed++;
        const what = it.photoBefore != null ? '恢复导入前的照片' : '删除导入的照片';
        audit.push({ action: 'photos.undo', entity: 'student', entityId: it.studentId, summary: `${tag}：${what} ${student}`, changes: [{ field: PHOTO_CHANGE_FIELD, before: it.photoAfter, after: it.photoBefore }] });
        taken.push(it.photoAfter);
        if (it.originalAttachment != null) taken.push(it.originalAttachment);
      } else if (it.keyChangeRequestId != null) {
        // A request already decided stays as decided: an approval is someone else's judgement.
        if (!withdrawKeyChange(tx, it.keyChangeRequestId, { by: me.username, at: now, comment: `${tag}，该申请随之撤回` })) continue;
        withdrawn++;
        audit.push({ action: 'photos.undo', entity: 'student', entityId: it.studentId, summary: `${tag}：撤回由该批次提交的照片变更申请（第 ${it.keyChangeRequestId} 号）${student}` });
      }
    }
    deletedFiles.push(...getAttachments(tx, taken).map((a) => a.storedName));
    deleteAttachments(tx, taken);
    markPhotoBatchUndone(tx, id, me.username, now);
    audit.push({
      action: 'photos.undo', entity: 'photos', entityId: id,
      summary: `${tag}：恢复原照片 ${restored} 张，删除新照片 ${removed} 张，撤回变更申请 ${withdrawn} 份`,
      changes: [{ field: 'undoneAt', before: null, after: now }],
    });
    return { value: { restored, removed, withdrawn }, audit };
  });
  removeAttachmentFiles(ctx.core, deletedFiles);
  return result;
}
