/**
 * Uploaded files (a roster, any import's file), in memory only. An upload belongs to the client that sent it, is parsed once
 * (in the worker) and kept with its rows until it is committed, its user signs out, or it has not
 * been used for 30 minutes. Nothing of it is written to disk by the app.
 */
import type { ImportSpecId } from '../../../../shared/domain/import';
import { randomBytes } from 'node:crypto';
import type { AppCore, CallContext } from '../../core/context';
import { AppError } from '../../core/errors';
import type { SqliteDb } from '../../../../db/open';
import type { FileKind } from './parse';
import type { ParsedFile, ParsedSheet } from './parse-runner';
import type { SheetSpeculation } from './speculate';
import type { CheckedRows, EvaluationBase } from './spec';

export const UPLOAD_TTL_MS = 30 * 60_000;

export interface Upload {
  id: string;
  clientId: string;
  fileName: string;
  /** What the file is: which import spec reads it (its field catalogue maps the columns). */
  spec: ImportSpecId;
  kind: FileKind;
  parsed: ParsedFile;
  lastUsed: number;
  /** Row checks started while the file was read, per sheet, with the proposed mapping. */
  speculative?: Map<string, SheetSpeculation>;
  /** Row validation depends only on the file and the mapping: kept for preview → commit/report. */
  pure?: { key: string; result: CheckedRows };
  /**
   * The database checks of the last preview, reusable while the database has not changed at all
   * since (see DbStamp).
   */
  evaluation?: DbStamp & { key: string; ev: EvaluationBase };
  /** The spec's lookups (the roster's: students and classes) read while the file was parsed; valid under the same condition. */
  lookups?: DbStamp & { value: unknown };
}

/**
 * What was read from the database is stamped with the connection, its total_changes() (writes
 * through this connection) and PRAGMA data_version (changes when ANY OTHER connection commits: the
 * command line, another copy of the app on the same folder). It is still what the database holds
 * while all three are the same. Stamp before reading: a commit by someone else in between then
 * makes the stamp stale, never the reading wrongly current.
 */
export interface DbStamp {
  db: SqliteDb;
  changes: number;
  dataVersion: number;
}

/** Per core (one per data folder), so test apps in one process never see each other's files. */
const stores = new WeakMap<AppCore, { uploads: Map<string, Upload> }>();
function storeOf(ctx: CallContext) {
  let s = stores.get(ctx.core);
  if (!s) {
    const store = { uploads: new Map<string, Upload>() };
    // A roster holds personal data: it goes with the session that uploaded it.
    ctx.core.sessions.onEnd((clientId) => {
      for (const u of store.uploads.values()) if (u.clientId === clientId) drop(store.uploads, u);
    });
    stores.set(ctx.core, store);
    s = store;
  }
  return s;
}

function drop(uploads: Map<string, Upload>, u: Upload): void {
  for (const s of u.speculative?.values() ?? []) s.abort();
  uploads.delete(u.id);
}

function sweep(ctx: CallContext) {
  const now = ctx.core.now();
  const { uploads } = storeOf(ctx);
  for (const u of uploads.values()) if (now - u.lastUsed > UPLOAD_TTL_MS) drop(uploads, u);
}

export function addUpload(ctx: CallContext, u: Omit<Upload, 'id' | 'clientId' | 'lastUsed'>): Upload {
  sweep(ctx);
  const upload: Upload = { ...u, id: randomBytes(12).toString('hex'), clientId: ctx.clientId, lastUsed: ctx.core.now() };
  storeOf(ctx).uploads.set(upload.id, upload);
  return upload;
}

export function getUpload(ctx: CallContext, uploadId: string): Upload {
  sweep(ctx);
  const u = storeOf(ctx).uploads.get(uploadId);
  if (!u || u.clientId !== ctx.clientId) {
    throw new AppError('NOT_FOUND', '上传的文件已过期（超过 30 分钟未操作）或已导入完成，请重新选择文件。', 'uploadId');
  }
  u.lastUsed = ctx.core.now();
  return u;
}

export function dropUpload(ctx: CallContext, u: Upload): void {
  drop(storeOf(ctx).uploads, u);
}

/** The sheet by name; a CSV file has exactly one, whatever it is called. */
export function getSheet(u: Upload, name: string): ParsedSheet {
  const s = u.parsed.sheets.find((x) => x.name === name) ?? (u.kind === 'csv' ? u.parsed.sheets[0] : undefined);
  if (!s) {
    const names = u.parsed.sheets.map((x) => `“${x.name}”`).join('、');
    throw new AppError('VALIDATION', `文件中没有名为“${name}”的工作表${names ? `，可选：${names}` : ''}`, 'sheet');
  }
  return s;
}
