import { extname } from 'node:path';
import type { Db } from '../../../../db/client';
import { attachments } from '../../../../db/schema';
import type { CallContext } from '../../core/context';
import { AppError } from '../../core/errors';
import { takeFile } from '../../core/files';
import { storeEncrypted } from './store';

/**
 * What may be kept as an attachment — a profile's document, a key-field request's or a work order's
 * evidence — decided here only: scans and office documents, by the file name's extension (the type
 * a browser reports is missing for Office files on some systems, and is the sender's word anyway).
 */
const MIME_BY_EXT: Record<string, string> = {
  '.pdf': 'application/pdf',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.png': 'image/png',
  '.docx': 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  '.xlsx': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
};
export const MAX_ATTACHMENT_BYTES = 10 * 1024 * 1024;

/**
 * The first bytes each type starts with: a file renamed to .pdf is not a PDF, and a web page or a
 * program kept as "evidence" would be opened by whoever downloads it.
 */
const SIGNATURES: Record<string, readonly number[][]> = {
  'application/pdf': [[0x25, 0x50, 0x44, 0x46]], // %PDF
  'image/jpeg': [[0xff, 0xd8, 0xff]],
  'image/png': [[0x89, 0x50, 0x4e, 0x47]],
  // .docx and .xlsx are zip files.
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': [[0x50, 0x4b, 0x03, 0x04]],
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': [[0x50, 0x4b, 0x03, 0x04]],
};
const startsLike = (bytes: Uint8Array, mime: string) => (SIGNATURES[mime] ?? []).some((sig) => sig.every((b, i) => bytes[i] === b));

/** A file taken from the host and stored encrypted, not yet recorded in the attachments table. */
export interface HeldAttachment {
  fileName: string;
  mime: string;
  stored: { storedName: string; sha256: string; size: number };
}

/**
 * Takes a file the host handed over (by fileId) and stores it encrypted, before the write
 * transaction (encryption and disk writes do not belong inside it). Checked first: type (by name and by content) and size.
 */
export function takeAttachment(ctx: CallContext, fileId: string): HeldAttachment {
  const f = takeFile(ctx.core, ctx.clientId, fileId);
  const mime = MIME_BY_EXT[extname(f.fileName).toLowerCase()];
  if (!mime) throw new AppError('VALIDATION', `“${f.fileName}”不是可接受的材料：只能上传 PDF、JPG、PNG、Word 或 Excel 文件`, 'fileId');
  if (f.bytes.length === 0) throw new AppError('VALIDATION', `“${f.fileName}”是空文件`, 'fileId');
  if (f.bytes.length > MAX_ATTACHMENT_BYTES) throw new AppError('VALIDATION', `“${f.fileName}”超过 10 MB，请压缩或分页扫描后再上传`, 'fileId');
  if (!startsLike(f.bytes, mime)) throw new AppError('VALIDATION', `“${f.fileName}”的内容与扩展名不符（不是真正的 ${extname(f.fileName).slice(1).toUpperCase()} 文件），请重新导出或扫描后上传`, 'fileId');
  return { fileName: f.fileName, mime, stored: storeEncrypted(ctx.core.folder, Buffer.from(f.bytes)) };
}

/** Records a held file in the attachments table, inside the caller's write transaction. */
export function recordAttachment(db: Db, held: HeldAttachment, v: { studentId: number | null; purpose: string; by: string; at: string }) {
  return db.insert(attachments).values({
    studentId: v.studentId, purpose: v.purpose, fileName: held.fileName, mime: held.mime, size: held.stored.size,
    sha256: held.stored.sha256, storedName: held.stored.storedName, createdBy: v.by, createdAt: v.at,
  }).returning().get();
}
