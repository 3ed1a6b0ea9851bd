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

/**
 * OWASP's minimum for scrypt (N=2^17, r=8, p=1): 128 MiB and about 0.4 s of processor time per
 * password. A whole sign-in measured 0.56 s on a busy 2-core machine (0.27 s with N=2^15, the
 * former default). Slots made with a lower cost are rewrapped with this one at the next sign-in.
 */
export const DEFAULT_KDF: KdfParams = { name: 'scrypt', N: 2 ** 17, r: 8, p: 1, keyLen: 32 };

/**
 * What a slot read from disk may ask for. keyslots.json is a plain file: a tampered one must not
 * make a sign-in allocate gigabytes or spin for minutes. The floor is the lowest cost any version
 * of the app wrote (N=2^15); the ceilings allow 2 steps above the default and no more.
 */
export const KDF_BOUNDS = {
  minN: 2 ** 15,
  maxN: 2 ** 18,
  maxR: 16,
  maxP: 4,
  /** scrypt's working memory, 128·N·r bytes. */
  maxMemory: 256 * 1024 * 1024,
  /** N·r·p: the time it takes, 4 times the default's. */
  maxWork: 4 * 2 ** 17 * 8,
  saltBytes: { min: 16, max: 64 },
} as const;

/** The memory scrypt needs for these parameters (its V and B arrays), given to Node as maxmem. */
export function scryptMemory(kdf: Pick<KdfParams, 'N' | 'r' | 'p'>): number {
  return 128 * kdf.r * (kdf.N + kdf.p + 2);
}

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
  // Node's default maxmem (32 MiB) is below what N=2^17, r=8 needs (128 MiB): say how much, exactly.
  return scryptSync(secret.normalize('NFKC'), salt, kdf.keyLen, { N: kdf.N, r: kdf.r, p: kdf.p, maxmem: scryptMemory(kdf) });
}

const isInt = (v: unknown): v is number => typeof v === 'number' && Number.isInteger(v);
const isPowerOfTwo = (n: number) => n > 0 && (n & (n - 1)) === 0;
const base64Bytes = (v: unknown): number | null => (typeof v === 'string' && /^[A-Za-z0-9+/]*={0,2}$/.test(v) ? Buffer.from(v, 'base64').length : null);

/**
 * What is wrong with a slot's parameters, in words for the user, or null when they are within
 * bounds. Checked for every slot when the key file is read, so nothing is derived from a bad one.
 */
export function slotProblem(slot: Slot): string | null {
  const kdf = slot.kdf as Partial<KdfParams> | undefined;
  if (!kdf || kdf.name !== 'scrypt') return '密钥派生算法不是 scrypt';
  const { N, r, p } = kdf;
  if (!isInt(N) || !isPowerOfTwo(N)) return `参数 N（${String(N)}）须为 2 的幂`;
  if (N < KDF_BOUNDS.minN || N > KDF_BOUNDS.maxN) return `参数 N（${N}）须在 2^15 至 2^18 之间`;
  if (!isInt(r) || r < 1 || r > KDF_BOUNDS.maxR) return `参数 r（${String(r)}）须在 1 至 ${KDF_BOUNDS.maxR} 之间`;
  if (!isInt(p) || p < 1 || p > KDF_BOUNDS.maxP) return `参数 p（${String(p)}）须在 1 至 ${KDF_BOUNDS.maxP} 之间`;
  if (scryptMemory({ N, r, p }) > KDF_BOUNDS.maxMemory) return `参数 N 与 r 所需内存超过 ${KDF_BOUNDS.maxMemory / 1024 / 1024} 兆字节`;
  if (N * r * p > KDF_BOUNDS.maxWork) return '参数 N、r、p 所需计算量过大';
  if (kdf.keyLen !== 32) return `密钥长度（${String(kdf.keyLen)}）须为 32 字节`;
  const salt = base64Bytes(slot.salt);
  if (salt === null || salt < KDF_BOUNDS.saltBytes.min || salt > KDF_BOUNDS.saltBytes.max) {
    return `盐的长度须为 ${KDF_BOUNDS.saltBytes.min} 至 ${KDF_BOUNDS.saltBytes.max} 字节`;
  }
  if (base64Bytes(slot.iv) !== 12 || base64Bytes(slot.tag) !== 16 || base64Bytes(slot.wrapped) !== 32) return '加密数据的长度不正确';
  return null;
}

const slotName = (slot: Slot) => (slot.kind === 'recovery' ? '恢复密钥的密钥槽' : `用户 ${String(slot.username)} 的密钥槽`);

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
  let parsed: KeyFile;
  try {
    parsed = JSON.parse(readFileSync(file, 'utf8')) as KeyFile;
    if (parsed.format !== 1 || !Array.isArray(parsed.slots)) throw new Error('bad format');
  } catch {
    throw new DataError('KEY_FILE_DAMAGED', '密钥文件（keyslots.json）已损坏，无法读取。请从备份中找回该文件；数据库未作任何改动。');
  }
  for (const slot of parsed.slots) {
    const problem = slot && typeof slot === 'object' ? slotProblem(slot) : '内容不是密钥槽';
    if (problem) {
      throw new DataError(
        'KEY_FILE_DAMAGED',
        `密钥文件（keyslots.json）中${slot && typeof slot === 'object' ? slotName(slot) : '有一项'}参数超出允许范围（${problem}），可能已被改动，已拒绝使用。请从备份中找回该文件；数据库未作任何改动。`,
      );
    }
  }
  return parsed;
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

/**
 * kdf: the cost slots are made with now; a name with no slot spends that much, as an upgraded
 * slot does, so timing does not reveal which user names exist.
 */
export function unlockWithPassword(keyFile: KeyFile, username: string, password: string, kdf = DEFAULT_KDF): Buffer | null {
  const slot = findUserSlot(keyFile, username);
  if (!slot) {
    deriveWrappingKey(password, randomBytes(16), kdf);
    return null;
  }
  return unwrapKey(slot, password);
}

/** True when the slot was made with another cost than kdf: rewrap it at the next sign-in. */
export function slotNeedsRewrap(slot: Slot, kdf = DEFAULT_KDF): boolean {
  return slot.kdf.N !== kdf.N || slot.kdf.r !== kdf.r || slot.kdf.p !== kdf.p || slot.kdf.keyLen !== kdf.keyLen;
}

export function unlockWithRecoveryKey(keyFile: KeyFile, recoveryKey: string): Buffer | null {
  const slot = keyFile.slots.find((s) => s.kind === 'recovery');
  return slot ? unwrapKey(slot, normaliseRecoveryKey(recoveryKey)) : null;
}

/** Adds or replaces one user's slot; other slots are untouched. */
export function setUserSlot(keyFile: KeyFile, username: string, password: string, dbKey: Buffer, kdf = DEFAULT_KDF): KeyFile {
  const slots = keyFile.slots.filter((s) => !(s.kind === 'user' && s.username === normUser(username)));
  slots.push(wrapKey(dbKey, password, 'user', normUser(username), kdf));
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

export function createKeyFile(adminUsername: string, adminPassword: string, kdf = DEFAULT_KDF): { keyFile: KeyFile; dbKey: Buffer; recoveryKey: string } {
  const dbKey = randomBytes(32);
  const recoveryKey = newRecoveryKey();
  const keyFile: KeyFile = {
    format: 1,
    cipher: 'sqlcipher-aes256',
    slots: [wrapKey(dbKey, recoveryKey, 'recovery', null, kdf), wrapKey(dbKey, adminPassword, 'user', normUser(adminUsername), kdf)],
  };
  return { keyFile, dbKey, recoveryKey };
}
