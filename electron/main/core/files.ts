/**
 * Files the user chose, handed to the main process by the host — the browser host streams an upload
 * (POST /api/files), the Electron host reads what its open dialog returned, the CLI reads its
 * argument — and kept in memory (never on disk: a roster is personal data) under an id the renderer
 * then passes to a call (imports.open, photos.import). Paths never cross from the renderer, and no
 * file travels as base64 JSON. A file belongs to the client that brought it and is taken once.
 */
import { randomUUID } from 'node:crypto';
import { clientStore } from './client-store';
import type { AppCore } from './context';
import { AppError } from './errors';

export interface IncomingFile {
  fileName: string;
  bytes: Uint8Array;
}

interface Held extends IncomingFile {
  clientId: string;
  at: number;
}

/** One file at most (the 50 MB roster limit, with room for a photo zip). */
export const MAX_FILE_BYTES = 100 * 1024 * 1024;
/**
 * Everything one client may have waiting at once: a folder of photos arrives file by file and is
 * imported in one go (1,000 photos straight from a camera or phone ≈ 450 MB).
 */
const MAX_CLIENT_BYTES = 1024 * 1024 * 1024;
/** Files not used this long are dropped (a page closed between choosing and sending). */
const KEEP_MS = 30 * 60_000;

const filesOf = clientStore<Held>();

/** Keeps a chosen file for this client; returns the id the renderer sends with its call. */
export function addFile(core: AppCore, clientId: string, fileName: string, bytes: Uint8Array): string {
  if (!core.sessions.get(clientId)) throw new AppError('UNAUTHENTICATED', '登录已失效，请重新登录。');
  if (bytes.length > MAX_FILE_BYTES) throw new AppError('VALIDATION', `文件“${fileName}”超过 ${MAX_FILE_BYTES / 1024 / 1024} MB`, 'file');
  const files = filesOf(core);
  const now = core.now();
  let held = 0;
  for (const [id, f] of files) {
    if (now - f.at > KEEP_MS) files.delete(id);
    else if (f.clientId === clientId) held += f.bytes.length;
  }
  if (held + bytes.length > MAX_CLIENT_BYTES) throw new AppError('VALIDATION', '所选文件合计超过 1 GB，请分批导入（例如按班级）', 'file');
  const id = randomUUID();
  files.set(id, { clientId, fileName: fileName.slice(0, 200), bytes, at: now });
  return id;
}

/** The client's file, taken (it is kept only until used); a clear message when it is gone. */
export function takeFile(core: AppCore, clientId: string, fileId: string): IncomingFile {
  const files = filesOf(core);
  const f = files.get(fileId);
  if (!f || f.clientId !== clientId) throw new AppError('NOT_FOUND', '所选文件已失效（可能已使用过或等待太久），请重新选择文件。', 'fileId');
  files.delete(fileId);
  return { fileName: f.fileName, bytes: f.bytes };
}
