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

  it('0007 keeps one pending change request per student (the newest) and then refuses a second', () => {
    dir = mkdtempSync(join(tmpdir(), 'xueji-mig-'));
    const key = randomBytes(32);
    const all = loadMigrations();
    // A folder as 0006 left it, where an import and a hand-filed request both went through.
    const old = openEncryptedDatabase(join(dir, 'x.db'), key, { create: true });
    migrate(old, all.filter((m) => m.version <= 6));
    const student = (no: string) =>
      Number(old.prepare("INSERT INTO students (student_no, name, gender, birth_date, id_number, created_at, updated_at) VALUES (?, '林二', '1', '2006-05-12', ?, '2025-01-01', '2025-01-01')").run(no, `11010520060512${no.slice(-4)}`).lastInsertRowid);
    const [a, b] = [student('2025000001'), student('2025000002')];
    const request = (studentId: number, status = 'pending') =>
      Number(old.prepare("INSERT INTO key_change_requests (student_id, changes, reason, status, requested_by, requested_at) VALUES (?, '[]', '更名', ?, 'zhao', '2025-01-02')").run(studentId, status).lastInsertRowid);
    const a1 = request(a);
    const a2 = request(a);
    const a3 = request(a);
    const aDone = request(a, 'approved');
    const b1 = request(b);
    old.close();

    const db = openEncryptedDatabase(join(dir, 'x.db'), key);
    migrate(db, all);
    const rows = db.prepare('SELECT id, status, decided_by AS decidedBy, decided_at AS decidedAt, decision_comment AS comment FROM key_change_requests ORDER BY id').all() as { id: number; status: string; decidedBy: string | null; decidedAt: string | null; comment: string | null }[];
    expect(rows.map((r) => [r.id, r.status])).toEqual([[a1, 'rejected'], [a2, 'rejected'], [a3, 'pending'], [aDone, 'approved'], [b1, 'pending']]);
    for (const r of rows.filter((x) => x.id === a1 || x.id === a2)) {
      expect(r).toMatchObject({ decidedBy: '系统', comment: '系统合并：同一学生只保留一个待审批申请' });
      expect(r.decidedAt).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
    }

    // The database itself refuses a second pending request, whoever writes it; decided ones are free.
    const raw = db.prepare("INSERT INTO key_change_requests (student_id, changes, reason, status, requested_by, requested_at) VALUES (?, '[]', '再次申请', ?, 'qian', '2025-01-03')");
    expect(() => raw.run(a, 'pending')).toThrow(/UNIQUE constraint failed: key_change_requests\.student_id/);
    expect(() => raw.run(b, 'pending')).toThrow(/UNIQUE constraint failed/);
    raw.run(a, 'rejected');
    raw.run(a, 'approved');
    db.prepare("UPDATE key_change_requests SET status = 'approved' WHERE id = ?").run(a3);
    expect(() => raw.run(a, 'pending')).not.toThrow();
    expect(() => db.prepare("UPDATE key_change_requests SET status = 'pending' WHERE id = ?").run(a1)).toThrow(/UNIQUE constraint failed/);
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

describe('0008: 学号 becomes optional', () => {
  it('keeps existing students and their guardians, then accepts students without a 学号 (still unique when given)', () => {
    dir = mkdtempSync(join(tmpdir(), 'xueji-mig-'));
    const key = randomBytes(32);
    const all = loadMigrations();
    const before = all.filter((m) => m.version < 8);
    const file = join(dir, 'x.db');
    const old = openEncryptedDatabase(file, key, { create: true });
    migrate(old, before);
    const now = '2025-09-01';
    old.prepare(`INSERT INTO students (id, student_no, name, gender, birth_date, id_number, created_at, updated_at) VALUES (1, '2501', '张三', '1', '2007-01-01', '110105200701011234', ?, ?)`).run(now, now);
    old.prepare(`INSERT INTO guardians (student_id, name, relation) VALUES (1, '张父', '父亲')`).run();
    expect(() => old.prepare(`INSERT INTO students (student_no, name, gender, birth_date, id_number, created_at, updated_at) VALUES (NULL, '李四', '1', '2007-01-02', '110105200701021234', ?, ?)`).run(now, now)).toThrow(/NOT NULL/);
    old.close();

    const db = openEncryptedDatabase(file, key);
    migrate(db, all);
    const col = (table: string) => (db.prepare(`PRAGMA table_info(${table})`).all() as { name: string; notnull: number }[]).find((c) => c.name === 'student_no');
    expect(col('students')?.notnull).toBe(0);
    expect(col('import_batch_items')?.notnull).toBe(0);
    expect(db.prepare('SELECT count(*) AS n FROM guardians').get()).toEqual({ n: 1 });
    const add = (no: string | null, id: string) => db.prepare(`INSERT INTO students (student_no, name, gender, birth_date, id_number, created_at, updated_at) VALUES (?, '李四', '1', '2007-01-02', ?, ?, ?)`).run(no, id, now, now);
    add(null, '110105200701021234');
    add(null, '110105200701031234');
    expect(() => add('2501', '110105200701041234')).toThrow(/UNIQUE/);
    expect(db.pragma('integrity_check')).toEqual([{ integrity_check: 'ok' }]);
    // Defensive mode is back on after the migration.
    expect(() => db.exec('PRAGMA writable_schema = ON; UPDATE sqlite_schema SET sql = sql WHERE 0')).toThrow();
    db.close();
  });
});

describe('0009: a withdrawn change request is 已撤回, not 已驳回', () => {
  it('marks requests taken back by their requester or by an import undo as withdrawn, and accepts the new status', () => {
    dir = mkdtempSync(join(tmpdir(), 'xueji-mig-'));
    const key = randomBytes(32);
    const all = loadMigrations();
    const file = join(dir, 'x.db');
    const old = openEncryptedDatabase(file, key, { create: true });
    migrate(old, all.filter((m) => m.version < 9));
    old.prepare("INSERT INTO students (id, student_no, name, gender, birth_date, id_number, created_at, updated_at) VALUES (1, '2501', '张三', '1', '2007-01-01', '110105200701011234', '2025-09-01', '2025-09-01')").run();
    const request = old.prepare("INSERT INTO key_change_requests (student_id, changes, reason, status, requested_by, requested_at, decided_by, decision_comment) VALUES (1, '[]', '更名', 'rejected', 'zhao', '2025-09-02', ?, ?)");
    const byRequester = Number(request.run('zhao', '申请人撤回').lastInsertRowid);
    const byUndo = Number(request.run('zhao', '撤销导入批次 3，该申请随之撤回').lastInsertRowid);
    const rejected = Number(request.run('qian', '缺少户籍证明').lastInsertRowid);
    expect(() => old.prepare("UPDATE key_change_requests SET status = 'withdrawn' WHERE id = ?").run(rejected)).toThrow(/CHECK/);
    old.close();

    const db = openEncryptedDatabase(file, key);
    migrate(db, all);
    const status = (id: number) => (db.prepare('SELECT status FROM key_change_requests WHERE id = ?').get(id) as { status: string }).status;
    expect([status(byRequester), status(byUndo), status(rejected)]).toEqual(['withdrawn', 'withdrawn', 'rejected']);
    expect(() => db.prepare("UPDATE key_change_requests SET status = 'nonsense' WHERE id = ?").run(rejected)).toThrow(/CHECK/);
    expect(db.pragma('integrity_check')).toEqual([{ integrity_check: 'ok' }]);
    db.close();
  });
});

describe('0016: change requests on the approval engine', () => {
  it('gives every request its chain, step and timeline; a pending one waits for the manager; returned is a status', () => {
    dir = mkdtempSync(join(tmpdir(), 'xueji-mig-'));
    const key = randomBytes(32);
    const all = loadMigrations();
    const file = join(dir, 'x.db');
    const old = openEncryptedDatabase(file, key, { create: true });
    migrate(old, all.filter((m) => m.version < 16));
    old.prepare("INSERT INTO students (id, student_no, name, gender, birth_date, id_number, created_at, updated_at) VALUES (1, '2501', '张三', '1', '2007-01-01', '110105200701011234', '2025-09-01', '2025-09-01')").run();
    old.prepare("INSERT INTO students (id, student_no, name, gender, birth_date, id_number, created_at, updated_at) VALUES (2, '2502', '李四', '1', '2007-01-02', '110105200701021234', '2025-09-01', '2025-09-01')").run();
    const ins = old.prepare('INSERT INTO key_change_requests (student_id, changes, reason, status, requested_by, requested_at, decided_by, decided_at, decision_comment) VALUES (?, \'[]\', ?, ?, ?, ?, ?, ?, ?)');
    const approved = Number(ins.run(1, '更名', 'approved', 'zhao', '2025-09-02T01:00:00.000Z', 'qian', '2025-09-03T02:00:00.000Z', '同意').lastInsertRowid);
    const pending = Number(ins.run(1, '更正生日', 'pending', 'zhao', '2025-09-04T01:00:00.000Z', null, null, null).lastInsertRowid);
    const withdrawn = Number(ins.run(2, '更名', 'withdrawn', 'zhao', '2025-09-05T01:00:00.000Z', 'zhao', '2025-09-05T03:00:00.000Z', '申请人撤回').lastInsertRowid);
    old.close();

    const db = openEncryptedDatabase(file, key);
    migrate(db, all);
    const row = (id: number) => db.prepare('SELECT status, chain, step_index AS stepIndex, step_role AS stepRole, step_since AS stepSince FROM key_change_requests WHERE id = ?').get(id);
    expect(row(pending)).toEqual({ status: 'pending', chain: '[{"label":"院系负责人审批","role":"manager"}]', stepIndex: 0, stepRole: 'manager', stepSince: '2025-09-04T01:00:00.000Z' });
    expect(row(approved)).toMatchObject({ status: 'approved', stepRole: null, stepSince: '2025-09-03T02:00:00.000Z' });
    const events = (id: number) => db.prepare('SELECT kind, actor, opinion, at FROM key_change_events WHERE change_id = ? ORDER BY id').all(id);
    expect(events(approved)).toEqual([
      { kind: 'filed', actor: 'zhao', opinion: '更名', at: '2025-09-02T01:00:00.000Z' },
      { kind: 'approved', actor: 'qian', opinion: '同意', at: '2025-09-03T02:00:00.000Z' },
      { kind: 'applied', actor: 'qian', opinion: null, at: '2025-09-03T02:00:00.000Z' },
    ]);
    expect(events(withdrawn).map((e) => (e as { kind: string }).kind)).toEqual(['filed', 'withdrawn']);
    // Returned is a status now, and it counts as the student's open request.
    db.prepare("UPDATE key_change_requests SET status = 'returned' WHERE id = ?").run(pending);
    expect(() => db.prepare('INSERT INTO key_change_requests (student_id, changes, reason, status, requested_by, requested_at, step_since) VALUES (1, \'[]\', \'x\', \'pending\', \'zhao\', \'2025-09-06\', \'2025-09-06\')').run()).toThrow(/UNIQUE/);
    expect(db.pragma('integrity_check')).toEqual([{ integrity_check: 'ok' }]);
    db.close();
  });
});
