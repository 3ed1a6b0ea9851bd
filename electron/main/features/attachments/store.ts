import { createCipheriv, createDecipheriv, createHash, hkdfSync, randomBytes, randomUUID } from 'node:crypto';
import { closeSync, existsSync, fsyncSync, mkdirSync, openSync, readdirSync, readFileSync, renameSync, unlinkSync, writeFileSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import type { DataFolder } from '../../core/data-folder';

/**
 * Attachment and photo bytes, encrypted at rest beside the database with AES-256-GCM. The file key
 * is derived from the database key (HKDF), so whoever can open the database can read them and
 * nobody else; a key rotation re-encrypts every file (rekeyed below). File layout: 12-byte IV |
 * ciphertext | 16-byte tag. File names are random.
 */
export const ATTACHMENTS_DIR = 'attachments';

function fileKey(dbKey: Buffer): Buffer {
  return Buffer.from(hkdfSync('sha256', dbKey, Buffer.alloc(0), Buffer.from('xueji attachments v1'), 32));
}

function encrypt(dbKey: Buffer, storedName: string, plain: Buffer): Buffer {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', fileKey(dbKey), iv);
  cipher.setAAD(Buffer.from(storedName));
  return Buffer.concat([iv, cipher.update(plain), cipher.final(), cipher.getAuthTag()]);
}

function decrypt(dbKey: Buffer, storedName: string, body: Buffer): Buffer {
  const iv = body.subarray(0, 12);
  const tag = body.subarray(body.length - 16);
  const decipher = createDecipheriv('aes-256-gcm', fileKey(dbKey), iv);
  decipher.setAAD(Buffer.from(storedName));
  decipher.setAuthTag(tag);
  return Buffer.concat([decipher.update(body.subarray(12, body.length - 16)), decipher.final()]);
}

export function storeEncrypted(folder: DataFolder, plain: Buffer): { storedName: string; sha256: string; size: number } {
  const dir = join(folder.dir, ATTACHMENTS_DIR);
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  const storedName = `${randomUUID()}.bin`;
  const target = join(dir, storedName);
  writeFileSync(`${target}.tmp`, encrypt(folder.dbKey(), storedName, plain), { mode: 0o600 });
  renameSync(`${target}.tmp`, target);
  return { storedName, sha256: createHash('sha256').update(plain).digest('hex'), size: plain.length };
}

export function readEncrypted(folder: DataFolder, storedName: string): Buffer {
  return decrypt(folder.dbKey(), storedName, readFileSync(join(folder.dir, ATTACHMENTS_DIR, storedName)));
}

// ---- Key rotation: each file is re-encrypted beside itself (`<name>.next`), then renamed over it.

const NEXT = '.next';

/** The stored files of a data folder (not the re-encrypted copies of a rotation in progress). */
export function storedNames(dataDir: string): string[] {
  const dir = join(dataDir, ATTACHMENTS_DIR);
  return existsSync(dir) ? readdirSync(dir).filter((f) => f.endsWith('.bin')) : [];
}

/** True when the file already has its copy under the new key (a rotation resumed after a crash). */
export function hasRekeyedCopy(dataDir: string, storedName: string): boolean {
  return existsSync(join(dataDir, ATTACHMENTS_DIR, storedName + NEXT));
}

/**
 * Writes the file's copy under newKey as `<name>.next`, flushed to disk before it gets that name,
 * so a present copy is always whole. The file itself is untouched. False for a file the old key
 * does not open (damaged, or left half-written by a crash long ago): it stays as it is.
 */
export function writeRekeyedCopy(dataDir: string, storedName: string, oldKey: Buffer, newKey: Buffer): boolean {
  const file = join(dataDir, ATTACHMENTS_DIR, storedName);
  let plain: Buffer;
  try {
    plain = decrypt(oldKey, storedName, readFileSync(file));
  } catch (e) {
    if ((e as NodeJS.ErrnoException).syscall) throw e; // the disk, not the content
    return false;
  }
  const body = encrypt(newKey, storedName, plain);
  const tmp = `${file}${NEXT}.tmp`;
  const fd = openSync(tmp, 'w', 0o600);
  try {
    writeSync(fd, body);
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
  renameSync(tmp, file + NEXT);
  return true;
}

/** After the database has the new key: every copy replaces its file. Returns how many did. */
export function replaceWithRekeyedCopies(dataDir: string): number {
  const dir = join(dataDir, ATTACHMENTS_DIR);
  if (!existsSync(dir)) return 0;
  const copies = readdirSync(dir).filter((f) => f.endsWith(`.bin${NEXT}`));
  for (const copy of copies) renameSync(join(dir, copy), join(dir, copy.slice(0, -NEXT.length)));
  return copies.length;
}

/** A rotation given up (cancelled), or left over from one that never started: the copies go. */
export function discardRekeyedCopies(dataDir: string): void {
  const dir = join(dataDir, ATTACHMENTS_DIR);
  if (!existsSync(dir)) return;
  for (const f of readdirSync(dir)) if (f.endsWith(NEXT) || f.endsWith(`${NEXT}.tmp`)) unlinkSync(join(dir, f));
}
