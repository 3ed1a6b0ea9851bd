import { format } from 'date-fns';
import { zipSync, type Zippable } from 'fflate';
import { getAttachment, getAttachments, PHOTO_PURPOSE } from '../../../../db/queries/photos';
import { getStudent, getStudentsByIds } from '../../../../db/queries/students';
import { AppError } from '../../core/errors';
import type { FeatureHandlers } from '../../core/handlers-type';
import { readEncrypted } from '../attachments/store';
import { photoBatchesDto, undoPhotoBatch } from './batches';
import { importPhotos } from './import-photos';
import { naturalOrder } from './sources';
import { uploadPhoto } from './upload';

/** What one export may hold: the zip travels back as base64 in one string. */
const MAX_EXPORT_BYTES = 300 * 1024 * 1024;

export const photosHandlers: FeatureHandlers<'photos'> = {
  'photos.import': (input, ctx) => importPhotos(ctx, input),
  'photos.upload': (input, ctx) => uploadPhoto(ctx, input),
  'photos.batches': (_input, ctx) => photoBatchesDto(ctx),
  'photos.undo': ({ id }, ctx) => undoPhotoBatch(ctx, id),

  /** The normalised photo for the profile page; null when the student has none. */
  'photos.get': ({ id }, ctx) => {
    const db = ctx.db();
    const s = getStudent(db, id);
    if (!s) throw new AppError('NOT_FOUND', '找不到该学生，可能已被删除');
    if (s.photoAttachmentId == null) return null;
    const att = getAttachment(db, s.photoAttachmentId);
    if (!att) return null;
    return { mime: att.mime, dataBase64: readEncrypted(ctx.core.folder, att.storedName).toString('base64') };
  },

  /**
   * The selected students' photos as `{身份证号}.jpg` in one zip (for 学信网 or the photo studio).
   * Photos with ID numbers are sensitive (DOMAIN §9): who exported how many is audited.
   */
  'photos.export': ({ ids }, ctx) => {
    const db = ctx.db();
    const unique = [...new Set(ids)];
    const rows = getStudentsByIds(db, unique);
    if (rows.length !== unique.length) throw new AppError('NOT_FOUND', '所选学生中有已被删除的记录，请刷新后重试');
    const withPhoto = rows.filter((r) => r.photoAttachmentId != null).sort((a, b) => naturalOrder.compare(a.studentNo ?? "", b.studentNo ?? ""));
    const atts = new Map(getAttachments(db, withPhoto.map((r) => r.photoAttachmentId!)).filter((a) => a.purpose === PHOTO_PURPOSE).map((a) => [a.id, a]));
    const files: Zippable = {};
    const exported: number[] = [];
    let bytes = 0;
    for (const s of withPhoto) {
      const att = atts.get(s.photoAttachmentId!);
      if (!att) continue;
      bytes += att.size;
      if (bytes > MAX_EXPORT_BYTES) throw new AppError('VALIDATION', `照片总大小超过 ${MAX_EXPORT_BYTES / 1024 / 1024} MB，请分批导出（例如按班级）`, 'ids');
      // One person may have an old record under the same ID number: keep both, apart.
      const name = files[`${s.idNumber}.jpg`] ? `${s.idNumber}_${s.studentNo ?? s.id}.jpg` : `${s.idNumber}.jpg`;
      files[name] = readEncrypted(ctx.core.folder, att.storedName);
      exported.push(s.id);
    }
    if (exported.length === 0) throw new AppError('VALIDATION', rows.length === 1 ? '该学生还没有照片' : '所选学生都还没有照片', 'ids');
    const now = new Date(ctx.core.now());
    // JPEGs do not compress: store them (level 0), which is also what upload portals handle best.
    const zip = zipSync(files, { level: 0, mtime: now });
    const missing = rows.length - exported.length;
    ctx.write(() => ({
      value: null,
      audit: [{
        action: 'photos.export',
        entity: 'student',
        entityId: null,
        summary: `导出学生照片 ${exported.length} 张（所选 ${rows.length} 人${missing ? `，其中 ${missing} 人没有照片` : ''}），文件名为身份证号`,
        changes: [{ field: 'studentIds', before: null, after: exported }],
      }],
    }));
    return { fileName: `学生照片_${format(now, 'yyyyMMdd')}.zip`, dataBase64: Buffer.from(zip).toString('base64') };
  },
};
