import { existsSync, mkdirSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { toDrizzle, type Db } from '../../../db/client';
import { DataError } from '../../../db/errors';
import { createKeyFile, DEFAULT_KDF, keyFileExists, readKeyFile, sameKey, writeKeyFile, type KdfParams, type KeyFile } from '../../../db/keyslots';
import { migrate } from '../../../db/migrate';
import { openEncryptedDatabase, rekeyDatabase, warmCache, type SqliteDb } from '../../../db/open';
import { readRotationJournal, writeRotationJournal } from '../../../db/rotation-journal';
import { resumeRotation } from '../features/keys/rotation';
import { BackgroundCheckpoint } from './background-checkpoint';

export const DB_FILE = 'xueji.db';

export type FolderState =
  | { state: 'not_set_up' }
  | { state: 'ready' }
  | { state: 'problem'; code: string; message: string };

/**
 * One data folder: the encrypted database, its key slots and the sign-in counters. The database
 * is open only while someone is signed in; the key lives in memory only for that time.
 */
export class DataFolder {
  private sqlite: SqliteDb | null = null;
  private drizzleDb: Db | null = null;
  private key: Buffer | null = null;
  /** Copies large writes back from the write-ahead log off the main thread. */
  readonly checkpoint: BackgroundCheckpoint;

  /**
   * @param kdf the cost new key slots are made with (db/keyslots.ts); only the test harness sets
   *   another, cheaper one.
   */
  constructor(
    readonly dir: string,
    readonly kdf: KdfParams = DEFAULT_KDF,
  ) {
    this.checkpoint = new BackgroundCheckpoint(this.dbFile, () => this.sqlite, () => this.key);
  }

  get dbFile() {
    return join(this.dir, DB_FILE);
  }

  state(): FolderState {
    const hasDb = existsSync(this.dbFile);
    const hasKeys = keyFileExists(this.dir);
    if (!hasDb && !hasKeys) return { state: 'not_set_up' };
    try {
      this.keyFile();
    } catch (e) {
      if (e instanceof DataError) return { state: 'problem', code: e.code, message: e.message };
      throw e;
    }
    if (!hasDb) {
      return { state: 'problem', code: 'DB_MISSING', message: '数据文件夹中有密钥文件，但找不到数据库文件（xueji.db）。请从备份恢复该文件。' };
    }
    return { state: 'ready' };
  }

  /**
   * First run: creates the key slots and the database. Refuses when anything of an earlier setup
   * is present, so an existing database can never be overwritten.
   */
  create(adminUsername: string, adminPassword: string): { recoveryKey: string } {
    // Owner-only: the folder holds the encrypted database and its key slots.
    mkdirSync(this.dir, { recursive: true, mode: 0o700 });
    const leftovers = readdirSync(this.dir).filter((f) => f === DB_FILE || f.startsWith(`${DB_FILE}-`) || f.startsWith('keyslots'));
    if (leftovers.length > 0) {
      throw new DataError('ALREADY_SET_UP', '该数据文件夹已经初始化过，不能再次初始化。请直接登录。');
    }
    const { keyFile, dbKey, recoveryKey } = createKeyFile(adminUsername, adminPassword, this.kdf);
    const sqlite = openEncryptedDatabase(this.dbFile, dbKey, { create: true });
    try {
      migrate(sqlite);
    } catch (e) {
      sqlite.close();
      throw e;
    }
    writeKeyFile(this.dir, keyFile);
    this.attach(sqlite, dbKey);
    return { recoveryKey };
  }

  get isOpen(): boolean {
    return this.sqlite !== null;
  }

  /** Opens the database with an unwrapped key; when already open, checks it is the same key. */
  open(key: Buffer): void {
    if (this.key) {
      if (!sameKey(this.key, key)) throw new DataError('DB_DAMAGED', '密钥与已打开的数据库不一致。');
      return;
    }
    // A key rotation cut short (a crash) is finished first: key is then the new key, from its journal.
    const journal = readRotationJournal(this.dir);
    const sqlite = journal ? resumeRotation(this.dir, this.dbFile, journal, key) : openEncryptedDatabase(this.dbFile, key);
    try {
      migrate(sqlite);
      warmCache(sqlite);
    } catch (e) {
      sqlite.close();
      throw e;
    }
    this.attach(sqlite, key);
  }

  private attach(sqlite: SqliteDb, key: Buffer) {
    BackgroundCheckpoint.configure(sqlite);
    this.sqlite = sqlite;
    this.drizzleDb = toDrizzle(sqlite);
    this.key = Buffer.from(key);
  }

  close(): void {
    this.checkpoint.stop();
    this.sqlite?.close();
    this.key?.fill(0);
    this.sqlite = null;
    this.drizzleDb = null;
    this.key = null;
  }

  db(): Db {
    if (!this.drizzleDb) throw new Error('database is not open');
    return this.drizzleDb;
  }

  raw(): SqliteDb {
    if (!this.sqlite) throw new Error('database is not open');
    return this.sqlite;
  }

  dbKey(): Buffer {
    if (!this.key) throw new Error('database is not open');
    return this.key;
  }

  /** Runs fn in one SQLite transaction: every multi-row change commits whole or not at all. */
  transaction<T>(fn: (db: Db) => T): T {
    const db = this.db();
    const result = this.raw().transaction(() => fn(db))();
    this.checkpoint.afterWrite();
    return result;
  }

  /**
   * One transaction whose work awaits between steps (a large import, so the event loop keeps
   * turning). Only under core.writeGate.exclusive: nothing else may use the connection until it
   * ends. Rolls back on any error; if the folder was closed meanwhile (the last window closed),
   * closing it already did.
   */
  async transactionInSteps<T>(fn: (db: Db) => Promise<T>): Promise<T> {
    const db = this.db();
    const raw = this.raw();
    raw.exec('BEGIN IMMEDIATE');
    let result: T;
    try {
      result = await fn(db);
      raw.exec('COMMIT');
    } catch (e) {
      if (raw.open && raw.inTransaction) raw.exec('ROLLBACK');
      throw e;
    }
    this.checkpoint.afterWrite();
    return result;
  }

  /**
   * Puts the open database under newKey (key rotation, features/keys/rotation.ts); only under
   * core.writeGate.exclusive. The background checkpoint is let finish first: rekeying needs the
   * only connection to the file.
   */
  async changeKey(newKey: Buffer): Promise<void> {
    await this.checkpoint.idle();
    this.checkpoint.stop();
    rekeyDatabase(this.raw(), newKey);
    this.key?.fill(0);
    this.key = Buffer.from(newKey);
  }

  /** The key file in force: while a key rotation is under way, the one in its journal. */
  keyFile(): KeyFile {
    return readRotationJournal(this.dir)?.keyFile ?? readKeyFile(this.dir);
  }

  saveKeyFile(keyFile: KeyFile): void {
    const journal = readRotationJournal(this.dir);
    if (journal) writeRotationJournal(this.dir, { ...journal, keyFile });
    else writeKeyFile(this.dir, keyFile);
  }
}
