import { getAttachment } from '../../../../db/queries/photos';
import { getStudent } from '../../../../db/queries/students';
import { AppError } from '../../core/errors';
import type { FeatureHandlers } from '../../core/handlers-type';
import { readEncrypted } from '../attachments/store';
import { photoBatchesDto, undoPhotoBatch } from './batches';
import { exportPhotos } from './export';
import { importPhotos } from './import-photos';
import { uploadPhoto } from './upload';

export const photosHandlers: FeatureHandlers<'photos'> = {
  'photos.import': (input, ctx) => importPhotos(ctx, input),
  'photos.upload': (input, ctx) => uploadPhoto(ctx, input),
  'photos.batches': (_input, ctx) => photoBatchesDto(ctx),
  'photos.undo': ({ id }, ctx) => undoPhotoBatch(ctx, id),

  /**
   * The normalised photo for the profile page, as bytes (never base64): Electron's IPC carries them
   * as they are, the browser host serves them as an image (GET /api/photos/<id>). Null when none.
   */
  'photos.get': ({ id }, ctx) => {
    const db = ctx.db();
    const s = getStudent(db, id);
    if (!s) throw new AppError('NOT_FOUND', '找不到该学生，可能已被删除');
    if (s.photoAttachmentId == null) return null;
    const att = getAttachment(db, s.photoAttachmentId);
    if (!att) return null;
    return { mime: att.mime, bytes: readEncrypted(ctx.core.folder, att.storedName) };
  },

  'photos.export': (input, ctx) => exportPhotos(ctx, input),
};
