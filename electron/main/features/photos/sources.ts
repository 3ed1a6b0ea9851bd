import type { IncomingFile } from '../../core/files';
import { unzipSync } from 'fflate';
import iconv from 'iconv-lite';
import { AppError } from '../../core/errors';

/** One candidate photo: a file picked directly or an entry of an uploaded .zip. Bytes are decoded lazily. */
export interface PhotoSource {
  /** As shown in the report: the file name, or the entry's path inside the zip. */
  fileName: string;
  /** The name without folders and extension: what is matched against 身份证号/考生号/学号. */
  baseName: string;
  ext: string;
  /** The first bytes, enough to recognise the format without decoding the whole file. */
  head: Buffer;
  bytes(): Buffer;
}

export interface Unreadable {
  fileName: string;
  reason: string;
}

const MAX_ENTRIES = 5000;
const MAX_ENTRY_BYTES = 50 * 1024 * 1024;
const MAX_TOTAL_BYTES = 2 * 1024 * 1024 * 1024;

/** macOS resource forks, dotfiles and Windows thumbnails: never photos, never reported. */
export function isIgnoredPath(path: string): boolean {
  const parts = path.split(/[\\/]/).filter(Boolean);
  if (parts.length === 0) return true;
  if (parts.some((p) => p === '__MACOSX' || p.startsWith('.'))) return true;
  return /^(thumbs\.db|desktop\.ini|ehthumbs\.db)$/i.test(parts[parts.length - 1]!);
}

export function splitName(path: string): { baseName: string; ext: string } {
  const last = path.split(/[\\/]/).filter(Boolean).pop() ?? path;
  const dot = last.lastIndexOf('.');
  return dot > 0 ? { baseName: last.slice(0, dot), ext: last.slice(dot + 1).toLowerCase() } : { baseName: last, ext: '' };
}

/**
 * Zip entry names without the UTF-8 flag come from Chinese Windows in GBK; fflate hands them over
 * byte-for-byte as Latin-1. Decode as UTF-8 when that is valid, GBK otherwise.
 */
export function decodeZipName(name: string): string {
  if (!/[\u0080-\u00ff]/.test(name) || /[^\u0000-\u00ff]/.test(name)) return name; // ASCII, or already decoded (UTF-8 flag)
  const raw = Buffer.from(name, 'latin1');
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(raw);
  } catch {
    return iconv.decode(raw, 'gbk');
  }
}

export const naturalOrder = new Intl.Collator('zh-CN', { numeric: true });

/** A .zip, or zip bytes under another name — but not Office files, which are zips too. */
const isZip = (fileName: string, head: Buffer) =>
  /\.zip$/i.test(fileName) || (head[0] === 0x50 && head[1] === 0x4b && head[2] === 0x03 && head[3] === 0x04 && !/\.(xlsx|xlsm|docx|pptx|od[tsp]|wps|et)$/i.test(fileName));

function fromBytes(fileName: string, bytes: Uint8Array): PhotoSource {
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  return { fileName, ...splitName(fileName), head: buf.subarray(0, 32), bytes: () => buf };
}

/**
 * Turns the uploaded files into photo candidates: each .zip is opened (entries at any depth,
 * __MACOSX/ and dotfiles skipped), other files are taken as they are.
 */
export function expandUploads(files: IncomingFile[], unreadable: Unreadable[]): PhotoSource[] {
  const out: PhotoSource[] = [];
  let total = 0;
  for (const f of files) {
    if (isIgnoredPath(f.fileName)) continue;
    const head = Buffer.from(f.bytes.buffer, f.bytes.byteOffset, Math.min(32, f.bytes.byteLength));
    if (!isZip(f.fileName, head)) {
      out.push(fromBytes(f.fileName, f.bytes));
      continue;
    }
    let entries: Record<string, Uint8Array>;
    let entryCount = 0;
    try {
      entries = unzipSync(f.bytes, {
        filter: (e) => {
          if (e.name.endsWith('/') || isIgnoredPath(decodeZipName(e.name))) return false;
          entryCount++;
          total += e.originalSize;
          if (entryCount > MAX_ENTRIES) throw new AppError('VALIDATION', `压缩包“${f.fileName}”中的文件超过 ${MAX_ENTRIES} 个，请分批导入`, 'files');
          if (e.originalSize > MAX_ENTRY_BYTES || total > MAX_TOTAL_BYTES) throw new AppError('VALIDATION', `压缩包“${f.fileName}”解压后过大（单个文件不超过 50 MB，合计不超过 2 GB），请分批导入`, 'files');
          return true;
        },
      });
    } catch (e) {
      if (e instanceof AppError) throw e;
      unreadable.push({ fileName: f.fileName, reason: '压缩包已损坏、不是 ZIP 格式或设置了密码，无法打开；请重新压缩为普通 ZIP 后再导入' });
      continue;
    }
    for (const [name, data] of Object.entries(entries)) out.push(fromBytes(decodeZipName(name), data));
  }
  if (out.length > MAX_ENTRIES) throw new AppError('VALIDATION', `照片超过 ${MAX_ENTRIES} 张，请分批导入`, 'files');
  // Natural order, so "the first of two files" in the report is the one a person would see first.
  return out.sort((a, b) => naturalOrder.compare(a.fileName, b.fileName));
}

/** JPEG or PNG by content (not by extension); otherwise why the file cannot be used, in plain Chinese. */
export function sniff(src: Pick<PhotoSource, 'head' | 'ext'>): { format: 'jpeg' | 'png' } | { reason: string } {
  const h = src.head;
  if (h[0] === 0xff && h[1] === 0xd8 && h[2] === 0xff) return { format: 'jpeg' };
  if (h.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))) return { format: 'png' };
  const brand = h.subarray(4, 12).toString('latin1');
  const ext = src.ext;
  const convert = (name: string) => ({ reason: `${name} 格式无法导入，请转换为 JPG 后再导入` });
  if (/^ftyp(heic|heix|hevc|hevx|heim|heis|mif1|msf1)/.test(brand) || ext === 'heic' || ext === 'heif') return { reason: 'HEIC 格式（苹果手机照片）无法读取，请先转换为 JPG' };
  if (/^ftypavi[fs]/.test(brand) || ext === 'avif') return convert('AVIF');
  if (h.subarray(0, 4).toString('latin1') === 'GIF8' || ext === 'gif') return convert('GIF');
  if ((h[0] === 0x42 && h[1] === 0x4d) || ext === 'bmp') return convert('BMP');
  if ((h.subarray(0, 4).toString('latin1') === 'RIFF' && h.subarray(8, 12).toString('latin1') === 'WEBP') || ext === 'webp') return convert('WebP');
  if (/^(II\*\0|MM\0\*)/.test(h.subarray(0, 4).toString('latin1')) || ext === 'tif' || ext === 'tiff') return convert('TIFF');
  if (/^(rar|7z|gz|tar)$/.test(ext) || h.subarray(0, 4).toString('latin1') === 'Rar!') return { reason: '只能导入 ZIP 压缩包，请改为 ZIP 格式' };
  if (ext === 'zip') return { reason: '压缩包中的压缩包不会展开，请解压后再导入' };
  if (ext === 'jpg' || ext === 'jpeg' || ext === 'png') return { reason: '文件已损坏或并非真正的图片（扩展名与内容不符），无法读取' };
  return { reason: '不是图片文件，只能导入 JPG 或 PNG 照片' };
}
