import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import { loadMigrations, migrate, schemaVersion } from '../../db/migrate';
import { openEncryptedDatabase } from '../../db/open';
import { getTableConfig } from 'drizzle-orm/sqlite-core';
import * as schema from '../../db/schema';
import { is } from 'drizzle-orm';
import { SQLiteTable } from 'drizzle-orm/sqlite-core';
import { toDrizzle } from '../../db/client';
import { likelyDuplicatesQuery } from '../../db/queries/students';

let dir: string;
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('migrations', () => {
  it('upgrades a database made by the first migration, keeping its rows', () => {
    dir = mkdtempSync(join(tmpdir(), 'xueji-mig-'));
    const key = randomBytes(32);
    const all = loadMigrations();
    expect(all.length).toBeGreaterThanOrEqual(2);
    const first = openEncryptedDatabase(join(dir, 'x.db'), key, { create: true });
    migrate(first, all.slice(0, 1));
    expect(schemaVersion(first)).toBe(1);
    first.prepare("INSERT INTO users (username, display_name, role, password_changed_at, created_at) VALUES ('old', '老用户', 'admin', '2025-01-01', '2025-01-01')").run();
    first.close();

    const db = openEncryptedDatabase(join(dir, 'x.db'), key);
    const r = migrate(db, all);
    expect(r).toEqual({ from: 1, to: all.at(-1)!.version });
    expect(db.prepare('SELECT display_name AS n FROM users').get()).toEqual({ n: '老用户' });
    expect(db.prepare("SELECT count(*) AS n FROM sqlite_master WHERE name = 'students'").get()).toEqual({ n: 1 });
    db.close();
  });

  it('rolls back a failing migration completely', () => {
    dir = mkdtempSync(join(tmpdir(), 'xueji-mig-'));
    const db = openEncryptedDatabase(join(dir, 'x.db'), randomBytes(32), { create: true });
    const all = loadMigrations();
    expect(() => migrate(db, [...all, { version: 9999, name: '9999_bad', sql: 'CREATE TABLE t1 (a); SELECT * FROM nope;' }])).toThrow();
    expect(schemaVersion(db)).toBe(0);
    expect(db.prepare("SELECT count(*) AS n FROM sqlite_master WHERE type = 'table'").get()).toEqual({ n: 0 });
    db.close();
  });

  it('the drizzle schema matches the tables the SQL migrations create', () => {
    dir = mkdtempSync(join(tmpdir(), 'xueji-mig-'));
    const db = openEncryptedDatabase(join(dir, 'x.db'), randomBytes(32), { create: true });
    migrate(db);
    for (const table of Object.values(schema)) {
      if (!is(table, SQLiteTable)) continue;
      const cfg = getTableConfig(table);
      const cols = (db.prepare(`PRAGMA table_info(${cfg.name})`).all() as { name: string; notnull: number }[]);
      expect(cols.map((c) => c.name).sort(), cfg.name).toEqual(cfg.columns.map((c) => c.name).sort());
      for (const c of cfg.columns) {
        const col = cols.find((x) => x.name === c.name)!;
        expect(Boolean(col.notnull) || c.primary, `${cfg.name}.${c.name} NOT NULL`).toBe(c.notNull);
      }
    }
    db.close();
  });

  it('finds likely duplicates through indexes, not by reading every student', () => {
    dir = mkdtempSync(join(tmpdir(), 'xueji-mig-'));
    const sqlite = openEncryptedDatabase(join(dir, 'x.db'), randomBytes(32), { create: true });
    migrate(sqlite);
    // Dropped by 0006: this lookup never used it.
    expect(sqlite.prepare("SELECT count(*) AS n FROM sqlite_master WHERE name = 'students_name'").get()).toEqual({ n: 0 });
    const db = toDrizzle(sqlite);
    for (const query of [likelyDuplicatesQuery(db, '张三', '2007-03-15', '110105200703150034', 7), likelyDuplicatesQuery(db, '张三', '2007-03-15')]) {
      const q = query.toSQL();
      const plan = (sqlite.prepare(`EXPLAIN QUERY PLAN ${q.sql}`).all(...(q.params as unknown[])) as { detail: string }[]).map((r) => r.detail);
      expect(plan.some((d) => /SEARCH .*students_birth_date/.test(d)), plan.join(' | ')).toBe(true);
      expect(plan.some((d) => /^SCAN "?students"?/.test(d)), plan.join(' | ')).toBe(false);
    }
    sqlite.close();
  });
});
