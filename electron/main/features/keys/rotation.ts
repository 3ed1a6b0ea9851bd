/**
 * Key rotation (issue 13 #4): the database and every attachment move to a new key, the slots of
 * users who lost access are gone, every other slot gets the new key without its password
 * (db/keyslots.ts, two-level slots), and a copy of the old key file then opens nothing current.
 *
 * The plan; a crash (kill -9) at any point leaves the folder openable and the rotation finishes at
 * the next sign-in:
 *   1. A new key K1. The next key file (remaining slots sealed to K1, the old key K0 wrapped by K1)
 *      is written durably as rotation.json. From here it is the folder's key file: sign-in reads
 *      it, so the users left out are refused at once.
 *   2. Every attachment gets a copy under K1 beside it (`<name>.next`); the originals stay.
 *   3. The database: PRAGMA rekey to K1 (db/open.ts rekeyDatabase), one transaction whose rollback
 *      journal is under K0.
 *   4. The copies are renamed over the originals.
 *   5. rotation.json's key file replaces keyslots.json and the journal goes.
 * Until step 3 commits nothing current has changed: a cancel or an error gives the rotation up
 * (copies and journal deleted). Resuming (DataFolder.open with K1 from the journal) tries the
 * database with K0 first — a hot journal from step 3 must be rolled back with K0, the key it was
 * written with — and goes on from step 2 (copies already made are kept); if only K1 opens it, from
 * step 4. Nothing else can write meanwhile: the job holds the write gate, and a resume runs while
 * the database is being opened.
 */
import { randomBytes } from 'node:crypto';
import { rotateKeyFile, replaceRecoverySlot, type KdfParams, type KeyFile, type Slot } from '../../../../db/keyslots';
import { openEncryptedDatabase, rekeyDatabase, type SqliteDb } from '../../../../db/open';
import { DataError } from '../../../../db/errors';
import {
  discardRotationJournal,
  finishRotationJournal,
  newRotationJournal,
  previousKeyOf,
  readRotationJournal,
  writeRotationJournal,
  type RotationJournal,
} from '../../../../db/rotation-journal';
import { discardRekeyedCopies, hasRekeyedCopy, replaceWithRekeyedCopies, storedNames, writeRekeyedCopy } from '../attachments/store';

export interface RotationPlan {
  /** The slots that keep access (the recovery slot unless it is replaced). */
  keep: (slot: Slot) => boolean;
  newRecoveryKey: boolean;
  kdf: KdfParams;
  now: Date;
}

export interface RotationOutcome {
  /** User slots carried to the new key. */
  accounts: number;
  attachments: number;
  /** Users whose slot predates two-level slots: they need a password reset to sign in again. */
  needPasswordReset: string[];
  /** The new recovery key, shown once, when one was made. */
  recoveryKey: string | null;
}

/** How the job reports and is cancelled; the steps before the database are cancellable. */
export interface RotationSteps {
  progress(done: number, total: number, message: string): void;
  check(): void;
  beyondCancel(message: string): void;
  /** Lets the event loop turn between attachments. */
  breathe(): Promise<void>;
  /** Step 3 on the open connection; the folder holds K1 from then on. */
  rekey(newKey: Buffer): Promise<void>;
}

/** Step 1: the next key file and the journal; returns what the outcome will say. */
function begin(dir: string, current: KeyFile, oldKey: Buffer, newKey: Buffer, plan: RotationPlan) {
  const rotated = rotateKeyFile(current, newKey, plan.keep);
  let keyFile = rotated.keyFile;
  let recoveryKey: string | null = null;
  // A recovery slot from before two-level slots cannot take the new key: a new recovery key replaces it.
  if (plan.newRecoveryKey || !keyFile.slots.some((s) => s.kind === 'recovery')) {
    ({ keyFile, recoveryKey } = replaceRecoverySlot(keyFile, newKey, plan.kdf));
  }
  discardRekeyedCopies(dir); // left by a rotation that never got its journal written
  writeRotationJournal(dir, newRotationJournal(keyFile, oldKey, newKey, plan.now));
  return {
    accounts: keyFile.slots.filter((s) => s.kind === 'user').length,
    needPasswordReset: rotated.unsealable.filter((s) => s.kind === 'user').map((s) => s.username!),
    recoveryKey,
  };
}

/** Step 2 for one file (kept when a resumed rotation already made it). */
function copyUnderNewKey(dir: string, name: string, oldKey: Buffer, newKey: Buffer): boolean {
  return hasRekeyedCopy(dir, name) || writeRekeyedCopy(dir, name, oldKey, newKey);
}

/** Steps 4 and 5, with the journal as it is now (a password changed meanwhile is in it). */
function end(dir: string): void {
  replaceWithRekeyedCopies(dir);
  const journal = readRotationJournal(dir);
  if (journal) finishRotationJournal(dir, journal);
}

/** The whole rotation, as the job runs it on the open folder. */
export async function rotateDataKey(dir: string, current: KeyFile, oldKey: Buffer, plan: RotationPlan, steps: RotationSteps): Promise<RotationOutcome> {
  const newKey = randomBytes(32);
  const outcome = begin(dir, current, oldKey, newKey, plan);
  const names = storedNames(dir);
  let attachments = 0;
  try {
    for (const [i, name] of names.entries()) {
      steps.check();
      if (copyUnderNewKey(dir, name, oldKey, newKey)) attachments++;
      steps.progress(i + 1, names.length, `正在重新加密附件和照片（${i + 1}/${names.length}）`);
      if (i % 16 === 15) await steps.breathe();
    }
    steps.check();
    steps.beyondCancel('正在用新密钥重新加密数据库，请稍候…');
    await steps.rekey(newKey);
  } catch (e) {
    // The database still has the old key: give the rotation up, nothing current has changed.
    discardRekeyedCopies(dir);
    discardRotationJournal(dir);
    throw e;
  } finally {
    newKey.fill(0);
  }
  end(dir);
  return { ...outcome, attachments };
}

/**
 * Opens the database of a folder whose rotation was interrupted and finishes it: newKey is the key
 * from the journal's slots. Returns the connection, under newKey.
 */
export function resumeRotation(dir: string, dbFile: string, journal: RotationJournal, newKey: Buffer): SqliteDb {
  const oldKey = previousKeyOf(journal, newKey);
  if (!oldKey) throw new DataError('DB_DAMAGED', '更换数据密钥的记录与密钥不一致，无法打开。请从备份恢复数据文件夹。');
  let db: SqliteDb;
  try {
    db = openEncryptedDatabase(dbFile, oldKey);
  } catch (e) {
    if (!(e instanceof DataError && e.code === 'DB_DAMAGED')) throw e;
    // The database already has the new key: only steps 4 and 5 are left.
    db = openEncryptedDatabase(dbFile, newKey);
    end(dir);
    return db;
  }
  try {
    for (const name of storedNames(dir)) copyUnderNewKey(dir, name, oldKey, newKey);
    rekeyDatabase(db, newKey);
  } catch (e) {
    db.close();
    throw e;
  }
  end(dir);
  return db;
}
