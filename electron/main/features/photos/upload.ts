import { currentPhotoOwnersBySha, getPhotoCandidates, PHOTO_PURPOSE } from '../../../../db/queries/photos';
import { openKeyChange, openKeyChangeMessage } from '../../../../db/queries/keyChanges';
import { hasPermission } from '../../../../shared/domain/permissions';
import { photoChangeNeedsApproval } from '../../../../shared/domain/photo-rules';
import type { CallOutput, ParsedInput } from '../../../../shared/ipc/contract';
import type { Db } from '../../../../db/client';
import type { CallContext } from '../../core/context';
import { AppError } from '../../core/errors';
import { takeFile } from '../../core/files';
import { configureSharp, normalisePhoto } from './process';
import { applyPhoto, StoredFiles, who } from './save';
import { sniff, splitName } from './sources';

/** JPEG quality of a photo uploaded on the profile: the photo import's default. */
const PROFILE_PHOTO_QUALITY = 85;

/**
 * 上传照片 / 更换照片 on a student's profile: the same checks and 480×640 normalisation as the photo
 * import, then set at once — or, for a registered student who has a photo, a change request that
 * someone else approves (申请更换照片). Refused: not a usable photo, another student's photo, a
 * request while one is pending.
 */
export async function uploadPhoto(ctx: CallContext, input: ParsedInput<'photos.upload'>): Promise<CallOutput<'photos.upload'>> {
  configureSharp();
  const file = takeFile(ctx.core, ctx.clientId, input.fileId);
  const db = ctx.db();
  const [student] = getPhotoCandidates(db, [input.studentId]);
  if (!student) throw new AppError('NOT_FOUND', '找不到该学生，可能已被删除');
  const bytes = Buffer.from(file.bytes.buffer, file.bytes.byteOffset, file.bytes.byteLength);
  const kind = sniff({ head: bytes.subarray(0, 32), ext: splitName(file.fileName).ext });
  if ('reason' in kind) throw new AppError('VALIDATION', `“${file.fileName}”：${kind.reason}`, 'fileId');
  const photo = await normalisePhoto(bytes, PROFILE_PHOTO_QUALITY);
  if (!photo.ok) throw new AppError('VALIDATION', `“${file.fileName}”：${photo.reason}`, 'fileId');

  const owners = currentPhotoOwnersBySha(db, [photo.normalSha]);
  if (owners.some((o) => o.studentId === student.id)) throw new AppError('VALIDATION', '这张照片就是该学生现有的照片，无需更换', 'fileId');
  const other = owners[0];
  if (other) throw new AppError('VALIDATION', `这张照片与学生 ${who(other)}现有的照片相同，请确认是否选错了文件`, 'fileId');
  checkMayReplace(ctx, db, student.id, photoChangeNeedsApproval({ registered: student.registered, hasPhoto: student.photoAttachmentId != null }));

  const files = new StoredFiles(ctx.core);
  const now = new Date(ctx.core.now()).toISOString();
  try {
    return ctx.write((tx, me) => {
      // Again inside the transaction: the student may have been registered or given a photo meanwhile.
      const [s] = getPhotoCandidates(tx, [student.id]);
      if (!s) throw new AppError('NOT_FOUND', '找不到该学生，可能已被删除');
      checkMayReplace(ctx, tx, s.id, photoChangeNeedsApproval({ registered: s.registered, hasPhoto: s.photoAttachmentId != null }));
      const stored = files.add(tx, { studentId: s.id, purpose: PHOTO_PURPOSE, fileName: `${s.studentNo ?? s.name}.jpg`, mime: 'image/jpeg', bytes: photo.jpeg, by: me.username, at: now });
      const reason = `在档案中更换照片${input.reason ? `：${input.reason}` : ''}`;
      const applied = applyPhoto(tx, s, stored.id, { source: `文件 ${file.fileName}（在档案中上传）`, reason, by: me.username, at: now });
      return { value: { outcome: applied.outcome, requestId: applied.requestId }, audit: [applied.audit] };
    });
  } catch (e) {
    files.discard(); // rolled back: the encrypted file written for it is an orphan
    throw e;
  }
}

/** A registered student's photo is replaced only through a request: who may file one, and one at a time. */
function checkMayReplace(ctx: CallContext, db: Db, studentId: number, needsRequest: boolean): void {
  if (!needsRequest) return;
  if (!hasPermission(ctx.actor().role, 'changes.request')) throw new AppError('FORBIDDEN', '该学生已注册学籍，更换照片须提交变更申请，而当前角色没有提交申请的权限');
  const open = openKeyChange(db, studentId);
  if (open) throw new AppError('CONFLICT', openKeyChangeMessage(open));
}
