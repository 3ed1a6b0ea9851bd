import { createCipheriv, createDecipheriv, createPrivateKey, createPublicKey, diffieHellman, generateKeyPairSync, hkdfSync, randomBytes, scryptSync, timingSafeEqual } from 'node:crypto';
import { existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { DataError } from './errors';

/**
 * Key slots (the LUKS idea): the database key is 32 random bytes that are never stored in clear.
 * Each user's slot holds that key wrapped with AES-256-GCM under a key derived from the user's
 * password with scrypt; one more slot is wrapped under the printed recovery key. Unwrapping a slot
 * is how a password is checked: GCM's tag fails for a wrong password. The username is bound to its
 * slot as GCM associated data, so slots cannot be swapped between users.
 *
 * Two levels, so the database key can be changed without anyone's password (key rotation, issue 13
 * #4): the password wraps the slot's own X25519 private key (`wrapped`), and the database key is
 * sealed to the slot's public key (`dataKey`: an ephemeral X25519 agreement, HKDF-SHA256, AES-256-GCM).
 * A rotation seals the new database key to every remaining slot's public key and drops the slots
 * of users who lost access. A password change makes a new key pair, so a copy of the file from
 * before the change unwraps an old private key that opens nothing in the current file. Slots made
 * before this (`publicKey` absent) wrap the database key itself; they are rewrapped as two-level
 * slots at the user's next sign-in, and cannot be carried through a rotation (see rotateKeyFile).
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
  /** Two-level slots: the slot's X25519 public key (raw, base64); `wrapped` is then its private key. */
  publicKey?: string;
  /** Two-level slots: the database key sealed to publicKey, rewritten by a rotation. */
  dataKey?: SealedKey;
}

/** A 32-byte key sealed to an X25519 public key: the sender's one-time public key and AES-256-GCM. */
export interface SealedKey {
  ephemeral: string;
  iv: string;
  tag: string;
  sealed: string;
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
  return twoLevelProblem(slot);
}

/** The public-key half of a two-level slot: both parts or neither, each of its length. */
function twoLevelProblem(slot: Slot): string | null {
  if (slot.publicKey === undefined && slot.dataKey === undefined) return null;
  const d = slot.dataKey as Partial<SealedKey> | undefined;
  const lengthsRight =
    base64Bytes(slot.publicKey) === 32 && !!d && typeof d === 'object' &&
    base64Bytes(d.ephemeral) === 32 && base64Bytes(d.iv) === 12 && base64Bytes(d.tag) === 16 && base64Bytes(d.sealed) === 32;
  return lengthsRight ? null : '公钥或加密的数据库密钥长度不正确';
}

const slotName = (slot: Slot) => (slot.kind === 'recovery' ? '恢复密钥的密钥槽' : `用户 ${String(slot.username)} 的密钥槽`);

function aad(kind: Slot['kind'], username: string | null): Buffer {
  return Buffer.from(`xueji:slot:${kind}:${username ?? ''}`, 'utf8');
}

/** A new two-level slot: a fresh key pair, its private key wrapped by the secret, dbKey sealed to it. */
export function wrapKey(dbKey: Buffer, secret: string, kind: Slot['kind'], username: string | null, kdf = DEFAULT_KDF): Slot {
  const pair = generateKeyPairSync('x25519');
  const salt = randomBytes(16);
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', deriveWrappingKey(secret, salt, kdf), iv);
  cipher.setAAD(aad(kind, username));
  const wrapped = Buffer.concat([cipher.update(rawPrivate(pair.privateKey)), cipher.final()]);
  const slot: Slot = {
    kind,
    username,
    kdf,
    salt: b64(salt),
    iv: b64(iv),
    tag: b64(cipher.getAuthTag()),
    wrapped: b64(wrapped),
    createdAt: new Date().toISOString(),
    publicKey: b64(rawPublic(pair.publicKey)),
  };
  return sealToSlot(slot, dbKey);
}

/** Returns the database key, or null when the secret is wrong. */
export function unwrapKey(slot: Slot, secret: string): Buffer | null {
  let unwrapped: Buffer;
  try {
    const decipher = createDecipheriv('aes-256-gcm', deriveWrappingKey(secret, unb64(slot.salt), slot.kdf), unb64(slot.iv));
    decipher.setAAD(aad(slot.kind, slot.username));
    decipher.setAuthTag(unb64(slot.tag));
    unwrapped = Buffer.concat([decipher.update(unb64(slot.wrapped)), decipher.final()]);
  } catch {
    return null;
  }
  // A slot from before rotation existed wraps the database key itself.
  return isTwoLevel(slot) ? openSealedKey(slot, unwrapped) : unwrapped;
}

// X25519 keys as their raw 32 bytes: the DER forms are these fixed prefixes and the key.
const PKCS8_X25519 = Buffer.from('302e020100300506032b656e04220420', 'hex');
const SPKI_X25519 = Buffer.from('302a300506032b656e032100', 'hex');
const rawPrivate = (k: ReturnType<typeof createPrivateKey>) => k.export({ format: 'der', type: 'pkcs8' }).subarray(-32);
const rawPublic = (k: ReturnType<typeof createPublicKey>) => k.export({ format: 'der', type: 'spki' }).subarray(-32);
const privateFromRaw = (raw: Buffer) => createPrivateKey({ key: Buffer.concat([PKCS8_X25519, raw]), format: 'der', type: 'pkcs8' });
const publicFromRaw = (raw: Buffer) => createPublicKey({ key: Buffer.concat([SPKI_X25519, raw]), format: 'der', type: 'spki' });

/** True for a slot whose database key can be replaced without its password. */
export function isTwoLevel(slot: Slot): slot is Slot & { publicKey: string; dataKey: SealedKey } {
  return slot.publicKey !== undefined && slot.dataKey !== undefined;
}

/** The AES key for a sealed database key: both public keys go into HKDF, the slot's identity into GCM's AAD. */
function sealingKey(shared: Buffer, ephemeral: Buffer, recipient: Buffer): Buffer {
  return Buffer.from(hkdfSync('sha256', shared, Buffer.concat([ephemeral, recipient]), Buffer.from('xueji data key v2'), 32));
}

/** The slot with dbKey sealed to its public key (no password needed): what a rotation does to each slot. */
export function sealToSlot(slot: Slot, dbKey: Buffer): Slot {
  if (!slot.publicKey) throw new Error('a slot from before key rotation cannot be resealed');
  const recipient = unb64(slot.publicKey);
  const eph = generateKeyPairSync('x25519');
  const ephemeral = rawPublic(eph.publicKey);
  const shared = diffieHellman({ privateKey: eph.privateKey, publicKey: publicFromRaw(recipient) });
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', sealingKey(shared, ephemeral, recipient), iv);
  cipher.setAAD(aad(slot.kind, slot.username));
  const sealed = Buffer.concat([cipher.update(dbKey), cipher.final()]);
  return { ...slot, dataKey: { ephemeral: b64(ephemeral), iv: b64(iv), tag: b64(cipher.getAuthTag()), sealed: b64(sealed) } };
}

function openSealedKey(slot: Slot & { publicKey: string; dataKey: SealedKey }, rawPrivateKey: Buffer): Buffer | null {
  try {
    const ephemeral = unb64(slot.dataKey.ephemeral);
    const shared = diffieHellman({ privateKey: privateFromRaw(rawPrivateKey), publicKey: publicFromRaw(ephemeral) });
    const decipher = createDecipheriv('aes-256-gcm', sealingKey(shared, ephemeral, unb64(slot.publicKey)), unb64(slot.dataKey.iv));
    decipher.setAAD(aad(slot.kind, slot.username));
    decipher.setAuthTag(unb64(slot.dataKey.tag));
    return Buffer.concat([decipher.update(unb64(slot.dataKey.sealed)), decipher.final()]);
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
  return parseKeyFile(readFileSync(file, 'utf8'));
}

/** A key file's text, checked as readKeyFile does (also the next key file in a rotation journal). */
export function parseKeyFile(text: string): KeyFile {
  let parsed: KeyFile;
  try {
    parsed = JSON.parse(text) as KeyFile;
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

/**
 * True when the slot was made with another cost than kdf, or before slots had two levels: rewrap it
 * at the next sign-in.
 */
export function slotNeedsRewrap(slot: Slot, kdf = DEFAULT_KDF): boolean {
  return !isTwoLevel(slot) || slot.kdf.N !== kdf.N || slot.kdf.r !== kdf.r || slot.kdf.p !== kdf.p || slot.kdf.keyLen !== kdf.keyLen;
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

/**
 * The key file for a new database key (key rotation): every slot `keep` accepts is resealed to
 * newKey; the others are left out. A slot from before two-level slots cannot be resealed without
 * its password: it is left out too and returned in `unsealable`, so the caller can name the users
 * who need a password reset (or make a new recovery key).
 */
export function rotateKeyFile(keyFile: KeyFile, newKey: Buffer, keep: (slot: Slot) => boolean): { keyFile: KeyFile; unsealable: Slot[] } {
  const kept = keyFile.slots.filter(keep);
  return {
    keyFile: { ...keyFile, slots: kept.filter(isTwoLevel).map((s) => sealToSlot(s, newKey)) },
    unsealable: kept.filter((s) => !isTwoLevel(s)),
  };
}

/** A new recovery key and its slot for dbKey, replacing the old recovery slot. */
export function replaceRecoverySlot(keyFile: KeyFile, dbKey: Buffer, kdf = DEFAULT_KDF): { keyFile: KeyFile; recoveryKey: string } {
  const recoveryKey = newRecoveryKey();
  const slots = keyFile.slots.filter((s) => s.kind !== 'recovery');
  return { keyFile: { ...keyFile, slots: [wrapKey(dbKey, recoveryKey, 'recovery', null, kdf), ...slots] }, recoveryKey };
}
