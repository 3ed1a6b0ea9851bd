import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { DataError } from './errors';
import type { SqliteDb } from './open';

export interface Migration {
  version: number;
  name: string;
  sql: string;
}

/**
 * Where the SQL files are: beside this module in the source tree (db/migrations), or one level up
 * from a bundle (dist/migrations, copied there by the build), or the packaged app's resources.
 */
export function migrationsDir(): string {
  const here = dirname(fileURLToPath(import.meta.url));
  const candidates = [
    process.env.XUEJI_MIGRATIONS_DIR,
    join(here, 'migrations'),
    join(here, '..', 'migrations'),
    (process as { resourcesPath?: string }).resourcesPath &&
      join((process as { resourcesPath?: string }).resourcesPath!, 'migrations'),
  ].filter((p): p is string => Boolean(p));
  const found = candidates.find((p) => existsSync(join(p, '0001_core.sql')));
  if (!found) throw new Error(`migrations not found in ${candidates.join(', ')}`);
  return found;
}

export function loadMigrations(dir = migrationsDir()): Migration[] {
  return readdirSync(dir)
    .filter((f) => /^\d{4}_[a-z0-9_]+\.sql$/.test(f))
    .sort()
    .map((f) => ({ version: Number(f.slice(0, 4)), name: f.replace(/\.sql$/, ''), sql: readFileSync(join(dir, f), 'utf8') }));
}

export function schemaVersion(db: SqliteDb): number {
  return db.pragma('user_version', { simple: true }) as number;
}

/**
 * Applies the pending migrations in one transaction, so a failure leaves the database exactly as
 * it was. A database written by a newer app version is refused, never "repaired".
 */
export function migrate(db: SqliteDb, migrations: Migration[] = loadMigrations()): { from: number; to: number } {
  const latest = migrations.at(-1)?.version ?? 0;
  const current = schemaVersion(db);
  if (current > latest) {
    throw new DataError(
      'DB_TOO_NEW',
      `该数据库由更新版本的学籍通创建（数据版本 ${current}，本程序最高支持 ${latest}）。请安装最新版本的学籍通后再打开；数据未作任何改动。`,
    );
  }
  const pending = migrations.filter((m) => m.version > current);
  if (pending.length === 0) return { from: current, to: current };
  db.transaction(() => {
    for (const m of pending) {
      if (editsSchemaText(m)) editSchemaText(db, m.sql);
      else db.exec(m.sql);
      db.pragma(`user_version = ${m.version}`);
    }
  })();
  return { from: current, to: latest };
}

/** A migration that edits table definitions in place (see 0008_student_no_optional.sql). */
const editsSchemaText = (m: Migration) => /PRAGMA writable_schema\s*=\s*ON/i.test(m.sql);

/**
 * better-sqlite3 opens connections in SQLite's defensive mode, which forbids writing sqlite_schema;
 * it is lifted for this one migration only. schema_version is bumped so every other connection
 * (the checkpoint worker, a CLI) reloads the edited definitions.
 */
function editSchemaText(db: SqliteDb, sql: string): void {
  const before = db.pragma('schema_version', { simple: true }) as number;
  db.unsafeMode(true);
  try {
    db.exec(sql);
    db.pragma(`schema_version = ${before + 1}`);
  } finally {
    db.unsafeMode(false);
  }
}
