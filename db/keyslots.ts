import { createCipheriv, createDecipheriv, randomBytes, scryptSync, timingSafeEqual } from 'node:crypto';
import { existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { DataError } from './errors';

/**
 * Key slots (the LUKS idea): the database key is 32 random bytes that are never stored in clear.
 * Each user's slot holds that key wrapped with AES-256-GCM under a key derived from the user's
 * password with scrypt; one more slot is wrapped under the printed recovery key. Unwrapping a slot
 * is how a password is checked: GCM's tag fails for a wrong password. The username is bound to its
 * slot as GCM associated data, so slots cannot be swapped between users.
 */
export const KEY_FILE = 'keyslots.json';

export interface KdfParams {
  name: 'scrypt';
  N: number;
  r: number;
  p: number;
  keyLen: 32;
}

/** ≈ 85 ms on the office PC class of machine: slow for guessing, quick enough for sign-in. */
export const DEFAULT_KDF: KdfParams = { name: 'scrypt', N: 2 ** 15, r: 8, p: 1, keyLen: 32 };

export interface Slot {
  kind: 'user' | 'recovery';
  /** Lower-cased username for user slots. */
  username: string | null;
  kdf: KdfParams;
  salt: string;
  iv: string;
  tag: string;
  wrapped: string;
  createdAt: string;
}

export interface KeyFile {
  format: 1;
  cipher: 'sqlcipher-aes256';
  slots: Slot[];
}

const b64 = (b: Buffer) => b.toString('base64');
const unb64 = (s: string) => Buffer.from(s, 'base64');

function deriveWrappingKey(secret: string, salt: Buffer, kdf: KdfParams): Buffer {
  return scryptSync(secret.normalize('NFKC'), salt, kdf.keyLen, {
    N: kdf.N,
    r: kdf.r,
    p: kdf.p,
    maxmem: 256 * kdf.N * kdf.r + 16 * 1024 * 1024,
  });
}

function aad(kind: Slot['kind'], username: string | null): Buffer {
  return Buffer.from(`xueji:slot:${kind}:${username ?? ''}`, 'utf8');
}

export function wrapKey(dbKey: Buffer, secret: string, kind: Slot['kind'], username: string | null, kdf = DEFAULT_KDF): Slot {
  const salt = randomBytes(16);
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', deriveWrappingKey(secret, salt, kdf), iv);
  cipher.setAAD(aad(kind, username));
  const wrapped = Buffer.concat([cipher.update(dbKey), cipher.final()]);
  return {
    kind,
    username,
    kdf,
    salt: b64(salt),
    iv: b64(iv),
    tag: b64(cipher.getAuthTag()),
    wrapped: b64(wrapped),
    createdAt: new Date().toISOString(),
  };
}

/** Returns the database key, or null when the secret is wrong. */
export function unwrapKey(slot: Slot, secret: string): Buffer | null {
  try {
    const decipher = createDecipheriv('aes-256-gcm', deriveWrappingKey(secret, unb64(slot.salt), slot.kdf), unb64(slot.iv));
    decipher.setAAD(aad(slot.kind, slot.username));
    decipher.setAuthTag(unb64(slot.tag));
    return Buffer.concat([decipher.update(unb64(slot.wrapped)), decipher.final()]);
  } catch {
    return null;
  }
}

export function keyFileExists(dir: string): boolean {
  return existsSync(join(dir, KEY_FILE));
}

export function readKeyFile(dir: string): KeyFile {
  const file = join(dir, KEY_FILE);
  if (!existsSync(file)) {
    throw new DataError(
      'KEY_FILE_MISSING',
      '数据文件夹中缺少密钥文件（keyslots.json），数据库无法解锁。请从备份中找回该文件放回数据文件夹；数据库未作任何改动。',
    );
  }
  try {
    const parsed = JSON.parse(readFileSync(file, 'utf8')) as KeyFile;
    if (parsed.format !== 1 || !Array.isArray(parsed.slots)) throw new Error('bad format');
    return parsed;
  } catch {
    throw new DataError('KEY_FILE_DAMAGED', '密钥文件（keyslots.json）已损坏，无法读取。请从备份中找回该文件；数据库未作任何改动。');
  }
}

/** Write-then-rename, so a crash never leaves a half-written key file. */
export function writeKeyFile(dir: string, keyFile: KeyFile): void {
  const file = join(dir, KEY_FILE);
  const tmp = `${file}.tmp`;
  writeFileSync(tmp, JSON.stringify(keyFile, null, 2), { mode: 0o600 });
  renameSync(tmp, file);
}

const normUser = (u: string) => u.trim().toLowerCase();

export function findUserSlot(keyFile: KeyFile, username: string): Slot | undefined {
  return keyFile.slots.find((s) => s.kind === 'user' && s.username === normUser(username));
}

export function unlockWithPassword(keyFile: KeyFile, username: string, password: string): Buffer | null {
  const slot = findUserSlot(keyFile, username);
  if (!slot) {
    // Spend the same time as a real attempt so timing does not reveal which usernames exist.
    unwrapKey(keyFile.slots[0] ?? wrapKey(randomBytes(32), 'x', 'user', 'x'), password + '\u0000');
    return null;
  }
  return unwrapKey(slot, password);
}

export function unlockWithRecoveryKey(keyFile: KeyFile, recoveryKey: string): Buffer | null {
  const slot = keyFile.slots.find((s) => s.kind === 'recovery');
  return slot ? unwrapKey(slot, normaliseRecoveryKey(recoveryKey)) : null;
}

/** Adds or replaces one user's slot; other slots are untouched. */
export function setUserSlot(keyFile: KeyFile, username: string, password: string, dbKey: Buffer): KeyFile {
  const slots = keyFile.slots.filter((s) => !(s.kind === 'user' && s.username === normUser(username)));
  slots.push(wrapKey(dbKey, password, 'user', normUser(username)));
  return { ...keyFile, slots };
}

export function sameKey(a: Buffer, b: Buffer): boolean {
  return a.length === b.length && timingSafeEqual(a, b);
}

// Crockford base32: no I, L, O, U, so a printed key survives being read aloud or retyped.
const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

/** 160 random bits as 8 groups of 4 characters, e.g. `7K3M-…`. */
export function newRecoveryKey(): string {
  const bytes = randomBytes(20);
  let bits = 0;
  let value = 0;
  let out = '';
  for (const byte of bytes) {
    value = (value << 8) | byte;
    bits += 8;
    while (bits >= 5) {
      out += ALPHABET[(value >>> (bits - 5)) & 31];
      bits -= 5;
    }
  }
  return out.match(/.{4}/g)!.join('-');
}

/** Accepts the key as typed: any case, with or without dashes or spaces, O for 0, I/L for 1. */
export function normaliseRecoveryKey(input: string): string {
  const clean = input
    .toUpperCase()
    .replace(/[^0-9A-Z]/g, '')
    .replace(/O/g, '0')
    .replace(/[IL]/g, '1');
  return clean.match(/.{1,4}/g)?.join('-') ?? '';
}

export function createKeyFile(adminUsername: string, adminPassword: string): { keyFile: KeyFile; dbKey: Buffer; recoveryKey: string } {
  const dbKey = randomBytes(32);
  const recoveryKey = newRecoveryKey();
  const keyFile: KeyFile = {
    format: 1,
    cipher: 'sqlcipher-aes256',
    slots: [wrapKey(dbKey, recoveryKey, 'recovery', null), wrapKey(dbKey, adminPassword, 'user', normUser(adminUsername))],
  };
  return { keyFile, dbKey, recoveryKey };
}
