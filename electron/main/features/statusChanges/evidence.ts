import { extname } from 'node:path';
import type { Db } from '../../../../db/client';
import { attachments } from '../../../../db/schema';
import type { CallContext } from '../../core/context';
import { AppError } from '../../core/errors';
import { takeFile } from '../../core/files';
import { storeEncrypted } from '../attachments/store';

/** What a work order may carry: scans and documents, as the attachment upload allows. */
const MIME_BY_EXT: Record<string, string> = {
  '.pdf': 'application/pdf',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.png': 'image/png',
  '.docx': 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  '.xlsx': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
};
const MAX_BYTES = 10 * 1024 * 1024;

export interface HeldEvidence {
  fileName: string;
  mime: string;
  stored: { storedName: string; sha256: string; size: number };
}

/**
 * Takes a file the host handed over (by fileId) and stores it encrypted, before the write
 * transaction (encryption and disk writes do not belong inside it). Checked first: type and size.
 */
export function takeEvidence(ctx: CallContext, fileId: string): HeldEvidence {
  const f = takeFile(ctx.core, ctx.clientId, fileId);
  const mime = MIME_BY_EXT[extname(f.fileName).toLowerCase()];
  if (!mime) throw new AppError('VALIDATION', `“${f.fileName}”不是可接受的材料：只能上传 PDF、JPG、PNG、Word 或 Excel 文件`, 'fileId');
  if (f.bytes.length === 0) throw new AppError('VALIDATION', `“${f.fileName}”是空文件`, 'fileId');
  if (f.bytes.length > MAX_BYTES) throw new AppError('VALIDATION', `“${f.fileName}”超过 10 MB，请压缩或分页扫描后再上传`, 'fileId');
  return { fileName: f.fileName, mime, stored: storeEncrypted(ctx.core.folder, Buffer.from(f.bytes)) };
}

/** Records stored evidence as the student's attachment, inside the caller's transaction. */
export function insertEvidence(db: Db, held: HeldEvidence, studentId: number, by: string, at: string): number {
  return db.insert(attachments).values({
    studentId, purpose: 'evidence', fileName: held.fileName, mime: held.mime, size: held.stored.size, sha256: held.stored.sha256,
    storedName: held.stored.storedName, createdBy: by, createdAt: at,
  }).returning({ id: attachments.id }).get().id;
}
