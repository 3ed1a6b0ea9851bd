import { format } from 'date-fns';
import { zipSync, type Zippable } from 'fflate';
import { getAttachments, PHOTO_PURPOSE } from '../../../../db/queries/photos';
import { getStudentsByIds } from '../../../../db/queries/students';
import type { CallContext } from '../../core/context';
import { AppError } from '../../core/errors';
import { newJobId, startJob, yieldToLoop } from '../../core/jobs';
import { readEncrypted } from '../attachments/store';
import { naturalOrder } from './sources';

/** What one export may hold: the zip is made in memory and kept there until the host saves it. */
const MAX_EXPORT_BYTES = 300 * 1024 * 1024;
/** Photos decrypted between two looks at 取消 (and two progress events). */
const CHUNK = 50;

/**
 * The selected students' photos as `{身份证号}.jpg` in one zip (for 学信网 or the photo studio), as a
 * job whose output the host saves. Photos with ID numbers are sensitive (DOMAIN §9): who exported
 * how many is audited.
 */
export async function exportPhotos(ctx: CallContext, input: { ids: number[]; jobId?: string | undefined }) {
  const job = startJob(ctx, 'photos.export', input.jobId ?? newJobId(), '已取消导出。');
  return job.run(async () => {
    const db = ctx.db();
    const unique = [...new Set(input.ids)];
    const rows = getStudentsByIds(db, unique);
    if (rows.length !== unique.length) throw new AppError('NOT_FOUND', '所选学生中有已被删除的记录，请刷新后重试');
    const withPhoto = rows.filter((r) => r.photoAttachmentId != null).sort((a, b) => naturalOrder.compare(a.studentNo ?? '', b.studentNo ?? ''));
    const atts = new Map(getAttachments(db, withPhoto.map((r) => r.photoAttachmentId!)).filter((a) => a.purpose === PHOTO_PURPOSE).map((a) => [a.id, a]));
    const files: Zippable = {};
    const exported: number[] = [];
    let bytes = 0;
    for (const [i, s] of withPhoto.entries()) {
      if (i % CHUNK === 0) {
        job.progress(i, withPhoto.length, '正在打包照片…', true);
        await yieldToLoop();
        job.check();
      }
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
    job.check();
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
    const fileName = `学生照片_${format(now, 'yyyyMMdd')}.zip`;
    job.setOutput({ fileName, mime: 'application/zip', bytes: zip });
    return { jobId: job.jobId!, fileName, photos: exported.length };
  }, (o) => `已导出照片 ${o.photos} 张：${o.fileName}`);
}
