import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { closeSync, existsSync, fsyncSync, openSync, readFileSync, renameSync, unlinkSync, writeSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { DataError } from './errors';
import { KEY_FILE, parseKeyFile, type KeyFile } from './keyslots';

/**
 * The journal of a key rotation in progress (rotation.json). Once it is on disk it is the folder's
 * key file: its slots hold the new database key, so sign-in reads them, and the users a rotation
 * leaves out are refused from that moment. It also holds the previous key wrapped by the new one,
 * because until the rotation ends the database and some attachments may still be under the old
 * key; only someone who has the new key can learn the old one, which they could read anyway. The
 * rotation ends by renaming the journal over keyslots.json (features/keys/rotation.ts has the plan).
 */
export const ROTATION_FILE = 'rotation.json';

export interface RotationJournal {
  format: 1;
  startedAt: string;
  /** The key file the rotation ends with. */
  keyFile: KeyFile;
  /** The database key before the rotation, AES-256-GCM under the new one. */
  previousKey: { iv: string; tag: string; wrapped: string };
}

const AAD = Buffer.from('xueji:rotation:previous-key');

export function newRotationJournal(keyFile: KeyFile, previousKey: Buffer, newKey: Buffer, now: Date): RotationJournal {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', newKey, iv);
  cipher.setAAD(AAD);
  const wrapped = Buffer.concat([cipher.update(previousKey), cipher.final()]);
  return {
    format: 1,
    startedAt: now.toISOString(),
    keyFile,
    previousKey: { iv: iv.toString('base64'), tag: cipher.getAuthTag().toString('base64'), wrapped: wrapped.toString('base64') },
  };
}

/** The database key before the rotation, from the new one; null if newKey is not the journal's. */
export function previousKeyOf(journal: RotationJournal, newKey: Buffer): Buffer | null {
  try {
    const decipher = createDecipheriv('aes-256-gcm', newKey, Buffer.from(journal.previousKey.iv, 'base64'));
    decipher.setAAD(AAD);
    decipher.setAuthTag(Buffer.from(journal.previousKey.tag, 'base64'));
    return Buffer.concat([decipher.update(Buffer.from(journal.previousKey.wrapped, 'base64')), decipher.final()]);
  } catch {
    return null;
  }
}

export function readRotationJournal(dir: string): RotationJournal | null {
  const file = join(dir, ROTATION_FILE);
  if (!existsSync(file)) return null;
  let parsed: RotationJournal;
  try {
    parsed = JSON.parse(readFileSync(file, 'utf8')) as RotationJournal;
    if (parsed.format !== 1 || !parsed.previousKey || typeof parsed.previousKey.wrapped !== 'string') throw new Error('bad format');
  } catch {
    throw new DataError('KEY_FILE_DAMAGED', '更换数据密钥的记录文件（rotation.json）已损坏，无法读取。请从备份中恢复整个数据文件夹；数据库未作任何改动。');
  }
  return { ...parsed, keyFile: parseKeyFile(JSON.stringify(parsed.keyFile)) };
}

/** Write, flush to disk, rename, flush the folder: after a crash it is there whole or not at all. */
export function writeDurably(file: string, text: string): void {
  const tmp = `${file}.tmp`;
  const fd = openSync(tmp, 'w', 0o600);
  try {
    writeSync(fd, text);
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
  renameSync(tmp, file);
  syncFolder(dirname(file));
}

/** Makes renames in the folder durable (a no-op where folders cannot be opened, as on Windows). */
export function syncFolder(dir: string): void {
  let fd: number | null = null;
  try {
    fd = openSync(dir, 'r');
    fsyncSync(fd);
  } catch {
    // Windows: a rename is durable once it returns.
  } finally {
    if (fd !== null) closeSync(fd);
  }
}

export function writeRotationJournal(dir: string, journal: RotationJournal): void {
  writeDurably(join(dir, ROTATION_FILE), JSON.stringify(journal, null, 2));
}

/** The last step: the journal's key file becomes keyslots.json, and the journal is gone. */
export function finishRotationJournal(dir: string, journal: RotationJournal): void {
  writeDurably(join(dir, KEY_FILE), JSON.stringify(journal.keyFile, null, 2));
  unlinkSync(join(dir, ROTATION_FILE));
  syncFolder(dir);
}

/** A rotation given up before the database was touched (cancelled): the journal goes. */
export function discardRotationJournal(dir: string): void {
  if (existsSync(join(dir, ROTATION_FILE))) unlinkSync(join(dir, ROTATION_FILE));
  syncFolder(dir);
}
