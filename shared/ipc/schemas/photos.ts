import { z } from 'zod';
import { id, optionalText } from './common';
import { FileRef } from './imports';

/** 上传照片 on a student's profile: the chosen file (sent through the host, see core/files.ts). */
export const PhotoUploadInput = FileRef.extend({
  studentId: id,
  /** Why the photo is replaced: asked for when it becomes a change request (the student is registered). */
  reason: optionalText('变更原因', 200),
});
export const PhotoUploadOutput = z.object({
  outcome: z.enum(['set', 'replaced', 'requested']),
  /** The change request filed instead of replacing the photo (outcome 'requested'). */
  requestId: z.number().nullable(),
});

/** One photo import in 导入记录, beside the roster imports. */
export const PhotoBatch = z.object({
  id: z.number(),
  fileName: z.string(),
  createdBy: z.string(),
  createdAt: z.string(),
  /** Files chosen (entries of a zip counted one by one). */
  files: z.number(),
  /** Students who got their first photo. */
  photosSet: z.number(),
  /** Students whose photo was replaced. */
  photosReplaced: z.number(),
  changeRequests: z.number(),
  /** Files not imported: unmatched, duplicate or unreadable. */
  skipped: z.number(),
  undoneAt: z.string().nullable(),
  undoable: z.boolean(),
  undoBlockedReason: z.string().nullable(),
});
export type PhotoBatch = z.infer<typeof PhotoBatch>;

export const PhotoUndoOutput = z.object({
  /** Photos put back as they were before the import. */
  restored: z.number(),
  /** Students left without a photo again (the import gave them their first). */
  removed: z.number(),
  /** Change requests the import filed, still pending, now withdrawn. */
  withdrawn: z.number(),
});
