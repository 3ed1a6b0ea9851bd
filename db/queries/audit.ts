import { hash } from 'node:crypto';
import { and, asc, count, desc, eq, exists, getTableColumns, gte, inArray, isNull, like, lte, or, sql, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/sqlite-core';
import type { Db } from '../client';
import { auditLog, meta } from '../schema';

export interface FieldChange {
  field: string;
  before: unknown;
  after: unknown;
}

export interface AuditEntry {
  userId: number | null;
  username: string;
  action: string;
  entity: string;
  entityId: string | number | null;
  summary: string;
  changes?: FieldChange[];
  /** The entry this one is part of (see auditAppender's addPart). */
  parentId?: number | null;
}

export const GENESIS_HASH = '0'.repeat(64);
const HEAD_KEY = 'audit_head';

type AuditRecord = typeof auditLog.$inferSelect;

/**
 * How `changes` is stored. A record created or deleted lists every field with nothing on one side
 * (before or after is null); spelling out `{"field":…,"before":null,"after":…}` for each made a
 * 50,000-student import write 54 MB of audit text. Such lists are stored as one object of the
 * other side's values, `{"added":{field:value,…}}` or `{"removed":{field:value,…}}`: the same
 * fields, values and order, less than half the size. Any other list is stored as it is. Rows
 * written before this encoding existed (all plain lists) read back unchanged, and the hash covers
 * the stored text either way.
 */
export function encodeChanges(changes: readonly FieldChange[]): string {
  const side = oneSided(changes);
  if (side) {
    const values: Record<string, unknown> = {};
    for (const c of changes) values[c.field] = side === 'added' ? c.after : c.before;
    return JSON.stringify({ [side]: values });
  }
  return JSON.stringify(changes);
}

/** 'added' when every before is null, 'removed' when every after is; null when a plain list must be kept. */
function oneSided(changes: readonly FieldChange[]): 'added' | 'removed' | null {
  if (!changes.length) return null;
  const fields = new Set<string>();
  let added = true;
  let removed = true;
  for (const c of changes) {
    // An object keeps one value per field, and JSON would drop an undefined one: keep those lists as lists.
    if (fields.has(c.field) || c.before === undefined || c.after === undefined) return null;
    fields.add(c.field);
    added &&= c.before === null;
    removed &&= c.after === null;
  }
  return added ? 'added' : removed ? 'removed' : null;
}

export function decodeChanges(text: string): FieldChange[] {
  const stored = JSON.parse(text) as FieldChange[] | { added: Record<string, unknown> } | { removed: Record<string, unknown> };
  if (Array.isArray(stored)) return stored;
  if ('added' in stored) return Object.entries(stored.added).map(([field, after]) => ({ field, before: null, after }));
  return Object.entries(stored.removed).map(([field, before]) => ({ field, before, after: null }));
}

/**
 * The hash covers every column but the hash itself, in a fixed order, including the previous hash.
 * parent_id (added later) is covered when set, so entries written before it hash as they did.
 */
export function auditHash(row: Omit<AuditRecord, 'hash' | 'parentId'> & { parentId?: number | null }): string {
  const fields: unknown[] = [row.id, row.at, row.userId, row.username, row.action, row.entity, row.entityId, row.summary, row.changes, row.prevHash];
  if (row.parentId != null) fields.push(row.parentId);
  const material = JSON.stringify(fields);
  // One-shot: an import hashes 50,000 rows, and a Hash object per row costs more than the hashing.
  return hash('sha256', material, 'hex');
}

/**
 * Appends one audit row, chained to the previous one. Call it inside the transaction that makes
 * the change, so the change and its record commit or fail together.
 */
export function appendAudit(db: Db, entry: AuditEntry, at = new Date()): AuditRecord {
  const appender = auditAppender(db, at);
  const record = appender.add(entry);
  appender.finish();
  return record;
}

/** Per-field differences between two versions of a record; unchanged fields are left out. */
export function diffFields<T extends object>(before: Partial<T> | null, after: Partial<T> | null, fields: (keyof T & string)[]): FieldChange[] {
  const changes: FieldChange[] = [];
  for (const field of fields) {
    const b = before?.[field] ?? null;
    const a = after?.[field] ?? null;
    // Plain values compare directly (an import diffs a million of them); objects by their JSON.
    const same = a === b || (typeof a === 'object' && typeof b === 'object' && a !== null && b !== null && JSON.stringify(b) === JSON.stringify(a));
    if (!same) changes.push({ field, before: b, after: a });
  }
  return changes;
}

/**
 * Appends audit rows one by one, each chained to the one before, with one prepared statement; then
 * `finish` records the new head (it lets verify notice rows cut off the end of the chain). Rows go
 * in as they are made, so a 50,000-row import never holds 50,000 entries in memory. A batch (an
 * import, its undo) adds its own entry first and its per-row entries with `parentId` set to it:
 * the log lists the batch once and expands it.
 */
export function auditAppender(db: Db, at: Date): { add(e: AuditEntry): AuditRecord; finish(): void } {
  const raw = db.$client;
  const last = db.select({ id: auditLog.id, hash: auditLog.hash }).from(auditLog).orderBy(desc(auditLog.id)).limit(1).get();
  let id = last?.id ?? 0;
  let prevHash = last?.hash ?? GENESIS_HASH;
  let added = 0;
  const ins = raw.prepare(
    'INSERT INTO audit_log (id, at, user_id, username, action, entity, entity_id, summary, changes, prev_hash, hash, parent_id) VALUES (?,?,?,?,?,?,?,?,?,?,?,?)',
  );
  const atIso = at.toISOString();
  return {
    add(e) {
      id += 1;
      const row = {
        id,
        at: atIso,
        userId: e.userId,
        username: e.username,
        action: e.action,
        entity: e.entity,
        entityId: e.entityId == null ? null : String(e.entityId),
        summary: e.summary,
        changes: encodeChanges(e.changes ?? []),
        prevHash,
        parentId: e.parentId ?? null,
      };
      const record = { ...row, hash: auditHash(row) };
      ins.run(row.id, row.at, row.userId, row.username, row.action, row.entity, row.entityId, row.summary, row.changes, row.prevHash, record.hash, row.parentId);
      prevHash = record.hash;
      added++;
      return record;
    },
    finish() {
      if (!added) return;
      const head = JSON.stringify({ id, hash: prevHash });
      db.insert(meta).values({ key: HEAD_KEY, value: head }).onConflictDoUpdate({ target: meta.key, set: { value: head } }).run();
    },
  };
}

export interface AuditFilter {
  username?: string;
  action?: string;
  entity?: string;
  entityId?: string;
  /** Entries about any of these students (their ids). */
  studentIds?: number[];
  /** The entries that are part of this one (a batch's rows), in the order they were written. */
  parentId?: number;
  /** 数据范围: only entries about students of these classes (a batch shows through such rows). */
  classScope?: readonly number[];
  /** One entry by its number, whatever it is part of. */
  id?: number;
  from?: string;
  to?: string;
  page: number;
  pageSize: number;
}

const part = alias(auditLog, 'part');

/** The filter's conditions on one copy of the table (the listed entry, or a part of it). */
function conditions(t: typeof auditLog | typeof part, f: AuditFilter): SQL[] {
  const where: SQL[] = [];
  if (f.username) where.push(eq(t.username, f.username));
  if (f.action) where.push(like(t.action, `${f.action}%`));
  if (f.entity) where.push(eq(t.entity, f.entity));
  if (f.entityId) where.push(eq(t.entityId, f.entityId));
  if (f.id !== undefined) where.push(eq(t.id, f.id));
  if (f.studentIds) where.push(and(eq(t.entity, 'student'), inArray(t.entityId, f.studentIds.map(String)))!);
  if (f.classScope) {
    const inScope = sql`(SELECT CAST(id AS TEXT) FROM students WHERE class_id IN (SELECT value FROM json_each(${JSON.stringify(f.classScope)})))`;
    where.push(and(eq(t.entity, 'student'), inArray(t.entityId, inScope))!);
  }
  if (f.from) where.push(gte(t.at, f.from));
  if (f.to) where.push(lte(t.at, f.to));
  return where;
}

/**
 * A page of the log, newest first. A batch (an import of 8,000 rows) is one entry with its
 * childCount; `parentId` pages through its rows. Filters list the batch when it or one of its rows
 * matches (对象=学生 finds an import through its rows). A filter naming one record (a student, an
 * entity id, an entry's number) lists the matching entries themselves, rows of a batch included,
 * each with its parentId.
 */
export function listAudit(db: Db, f: AuditFilter) {
  const own = conditions(auditLog, f);
  let cond: SQL | undefined;
  if (f.parentId !== undefined) cond = and(eq(auditLog.parentId, f.parentId), ...own);
  else if (f.studentIds || f.entityId || f.id !== undefined) cond = own.length ? and(...own) : undefined;
  else if (!own.length) cond = isNull(auditLog.parentId);
  else {
    // Spelled out: drizzle writes a bare "id" inside a subquery, which would name the part's own id.
    const aPart = db.select({ one: sql`1` }).from(part).where(and(sql`${part.parentId} = "audit_log"."id"`, ...conditions(part, f)));
    cond = and(isNull(auditLog.parentId), or(and(...own), exists(aPart)));
  }
  // The chain's hashes stay in the database: audit.verify checks them, and a hash means nothing on screen.
  const { prevHash: _prevHash, hash: _hash, ...columns } = getTableColumns(auditLog);
  const childCount = sql<number>`(SELECT count(*) FROM audit_log AS c WHERE c.parent_id = "audit_log"."id")`.mapWith(Number);
  const rows = db
    .select({ ...columns, childCount })
    .from(auditLog)
    .where(cond)
    .orderBy(f.parentId !== undefined ? asc(auditLog.id) : desc(auditLog.id))
    .limit(f.pageSize)
    .offset(f.page * f.pageSize)
    .all();
  const total = db.select({ n: count() }).from(auditLog).where(cond).get()?.n ?? 0;
  return { rows: rows.map((r) => ({ ...r, changes: decodeChanges(r.changes) })), total };
}

export interface ChainProblem {
  id: number;
  kind: 'edited' | 'inserted' | 'deleted';
  message: string;
}

/**
 * Walks the chain and names every row that does not fit: an edited row no longer matches its own
 * hash; a deleted row leaves a gap in the ids and a broken link; an inserted row breaks the link
 * of the row after it.
 */
export function verifyAuditChain(db: Db): { checked: number; problems: ChainProblem[] } {
  const problems: ChainProblem[] = [];
  let prev: { id: number; hash: string } = { id: 0, hash: GENESIS_HASH };
  let checked = 0;
  // Streams the rows (the trail grows without bound), so this uses the raw statement's iterator.
  const rows = db.$client
    .prepare(
      `SELECT id, at, user_id AS userId, username, action, entity, entity_id AS entityId, summary, changes,
              prev_hash AS prevHash, hash, parent_id AS parentId FROM audit_log ORDER BY id`,
    )
    .iterate() as IterableIterator<AuditRecord>;
  for (const row of rows) {
    checked++;
    const { hash, ...rest } = row;
    if (auditHash(rest) !== hash) {
      problems.push({ id: row.id, kind: 'edited', message: `第 ${row.id} 条审计记录的内容已被改动（与其校验值不符）` });
    }
    if (row.id !== prev.id + 1) {
      const gap = row.id - prev.id - 1;
      problems.push({
        id: row.id,
        kind: row.id > prev.id + 1 ? 'deleted' : 'inserted',
        message:
          gap > 0
            ? `第 ${prev.id + 1}${gap > 1 ? `–${row.id - 1}` : ''} 条审计记录已被删除`
            : `第 ${row.id} 条审计记录的编号不连续，疑为插入`,
      });
    } else if (row.prevHash !== prev.hash) {
      problems.push({ id: row.id, kind: 'inserted', message: `第 ${row.id} 条审计记录与前一条不衔接，疑为插入或替换的记录` });
    }
    prev = { id: row.id, hash: row.hash };
  }
  const headRow = db.select().from(meta).where(eq(meta.key, HEAD_KEY)).get();
  if (headRow) {
    const head = JSON.parse(headRow.value) as { id: number; hash: string };
    if (head.id > prev.id) {
      problems.push({ id: prev.id + 1, kind: 'deleted', message: `审计日志末尾的第 ${prev.id + 1}–${head.id} 条记录已被删除` });
    } else if (head.id === prev.id && head.hash !== prev.hash) {
      problems.push({ id: prev.id, kind: 'edited', message: `最后一条审计记录（第 ${prev.id} 条）已被替换` });
    }
  }
  return { checked, problems };
}
