import Database from 'better-sqlite3';
import { DataError } from './errors';

export type SqliteDb = Database.Database;

/**
 * The one cipher this app uses: SQLCipher 4 compatible AES-256 (SQLite3 Multiple Ciphers'
 * `sqlcipher` scheme, legacy=4). Pinned so the file stays readable by standard SQLCipher tools
 * in an emergency. The key is raw (hex), so SQLCipher's own PBKDF2 is skipped: our key is already
 * 32 random bytes, protected by the key slots.
 */
export const CIPHER = { name: 'sqlcipher', legacy: 4 } as const;

export interface OpenOptions {
  /** Create the file if it does not exist (setup only). */
  create?: boolean;
  readonly?: boolean;
}

export function openEncryptedDatabase(file: string, key: Buffer, options: OpenOptions = {}): SqliteDb {
  if (key.length !== 32) throw new Error('database key must be 32 bytes');
  let db: SqliteDb;
  try {
    db = new Database(file, { fileMustExist: !options.create, readonly: options.readonly ?? false });
  } catch (e) {
    if ((e as { code?: string }).code === 'SQLITE_CANTOPEN') {
      throw new DataError('DB_MISSING', '数据文件夹中找不到数据库文件（xueji.db）。请检查数据文件夹是否正确，或从备份恢复。');
    }
    throw e;
  }
  try {
    db.pragma(`cipher='${CIPHER.name}'`);
    db.pragma(`legacy=${CIPHER.legacy}`);
    db.pragma(`key="x'${key.toString('hex')}'"`);
    // Reading the schema is the first access that decrypts a page: a wrong key or a damaged
    // file fails here with SQLITE_NOTADB.
    db.prepare('SELECT count(*) FROM sqlite_master').get();
  } catch (e) {
    db.close();
    const code = (e as { code?: string }).code;
    if (code === 'SQLITE_NOTADB' || code === 'SQLITE_CORRUPT') {
      throw new DataError(
        'DB_DAMAGED',
        '数据库文件已损坏，或与密钥文件不属于同一套数据，无法打开。文件未作任何改动，请从备份恢复数据文件夹。',
      );
    }
    throw e;
  }
  if (!options.readonly) {
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = NORMAL');
  }
  db.pragma('foreign_keys = ON');
  db.pragma('busy_timeout = 5000');
  // Every page read from disk is decrypted; let the decrypted working set stay in memory so roster
  // queries stay fast after the first. SQLite fills the cache lazily, so a small database uses
  // little; 256 MB holds a 100,000-student department with room to spare.
  db.pragma('cache_size = -262144');
  return db;
}

/**
 * Reads every table and index page once so the first searches after sign-in are as fast as the
 * rest (a 100,000-student database takes well under a second). quick_check also notices damage.
 */
export function warmCache(db: SqliteDb): void {
  db.pragma('quick_check');
}

/** SQLite's own structural check; returns the problems it reports (empty when healthy). */
export function integrityCheck(db: SqliteDb): string[] {
  const rows = db.pragma('integrity_check') as { integrity_check: string }[];
  return rows.map((r) => r.integrity_check).filter((m) => m !== 'ok');
}

/**
 * Re-encrypts the whole database under newKey (key rotation) with SQLite3 Multiple Ciphers'
 * `PRAGMA rekey`. Its version here (2.3.x) refuses to rekey in WAL mode, so the log is copied back
 * and the database switched to a rollback journal for the rekey, then back to WAL. The rekey is one
 * transaction whose rollback journal holds the pages under the old key: after a crash inside it the
 * next open with the old key rolls it back (so that key must be tried first, see
 * features/keys/rotation.ts). Needs the only connection to the file. Throws only when the rekey
 * did not happen: the database is then still under the old key.
 */
export function rekeyDatabase(db: SqliteDb, newKey: Buffer): void {
  if (newKey.length !== 32) throw new Error('database key must be 32 bytes');
  db.pragma('wal_checkpoint(TRUNCATE)');
  const mode = db.pragma('journal_mode = DELETE', { simple: true });
  if (mode !== 'delete') throw new Error(`cannot leave WAL mode for the rekey (journal_mode is ${String(mode)})`);
  try {
    db.pragma(`rekey="x'${newKey.toString('hex')}'"`);
  } catch (e) {
    db.pragma('journal_mode = WAL');
    throw e;
  }
  try {
    db.pragma('journal_mode = WAL');
  } catch {
    // Done under the new key all the same; the next open sets WAL again.
  }
}
