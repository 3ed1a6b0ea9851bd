import { createCipheriv, createDecipheriv, createHash, hkdfSync, randomBytes, randomUUID } from 'node:crypto';
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { DataFolder } from '../../core/data-folder';

/**
 * Attachment and photo bytes, encrypted at rest beside the database with AES-256-GCM. The file key
 * is derived from the database key (HKDF), so whoever can open the database can read them and
 * nobody else. File layout: 12-byte IV | ciphertext | 16-byte tag. File names are random.
 */
const DIR = 'attachments';

function fileKey(folder: DataFolder): Buffer {
  return Buffer.from(hkdfSync('sha256', folder.dbKey(), Buffer.alloc(0), Buffer.from('xueji attachments v1'), 32));
}

export function storeEncrypted(folder: DataFolder, plain: Buffer): { storedName: string; sha256: string; size: number } {
  const dir = join(folder.dir, DIR);
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  const iv = randomBytes(12);
  const storedName = `${randomUUID()}.bin`;
  const cipher = createCipheriv('aes-256-gcm', fileKey(folder), iv);
  cipher.setAAD(Buffer.from(storedName));
  const body = Buffer.concat([iv, cipher.update(plain), cipher.final(), cipher.getAuthTag()]);
  const target = join(dir, storedName);
  writeFileSync(`${target}.tmp`, body, { mode: 0o600 });
  renameSync(`${target}.tmp`, target);
  return { storedName, sha256: createHash('sha256').update(plain).digest('hex'), size: plain.length };
}

export function readEncrypted(folder: DataFolder, storedName: string): Buffer {
  const body = readFileSync(join(folder.dir, DIR, storedName));
  const iv = body.subarray(0, 12);
  const tag = body.subarray(body.length - 16);
  const decipher = createDecipheriv('aes-256-gcm', fileKey(folder), iv);
  decipher.setAAD(Buffer.from(storedName));
  decipher.setAuthTag(tag);
  return Buffer.concat([decipher.update(body.subarray(12, body.length - 16)), decipher.final()]);
}
