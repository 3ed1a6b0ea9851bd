/**
 * Queries of the roster import: remembered column mappings, the lookups the checks need, the bulk
 * write path (prepared statements: drizzle's builder is too slow for 50,000 rows) and batches.
 * Students are always written with their name search keys (withSearchKeys).
 */
import { and, desc, eq } from 'drizzle-orm';
import type { Db } from '../client';
import { importBatches, importMappings } from '../schema';
import { withSearchKeys, type StudentInsert } from './students';

// ---------------------------------------------------------------------------
// Remembered mappings

/** An import spec's remembered header → field key ('' = the user chose not to import that column). */
export function loadMappings(db: Db, spec: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const r of db.select().from(importMappings).where(eq(importMappings.spec, spec)).all()) out[r.header] = r.field;
  return out;
}

export function saveMappings(db: Db, spec: string, choices: Record<string, string>, by: string, at: string): void {
  for (const [header, field] of Object.entries(choices)) {
    db.insert(importMappings)
      .values({ spec, header, field, updatedBy: by, updatedAt: at })
      .onConflictDoUpdate({ target: [importMappings.spec, importMappings.header], set: { field, updatedBy: by, updatedAt: at } })
      .run();
  }
}

// ---------------------------------------------------------------------------
// Lookups for the checks

export interface ExistingStudent {
  id: number;
  studentNo: string | null;
  examNo: string | null;
  idNumber: string;
  name: string;
  status: string;
  registered: number;
  classId: number | null;
}

/** Every student's identifying keys (one query; the checks then run against in-memory maps). */
export function studentKeys(db: Db): ExistingStudent[] {
  return db.$client
    .prepare('SELECT id, student_no AS studentNo, exam_no AS examNo, id_number AS idNumber, name, status, registered, class_id AS classId FROM students')
    .all() as ExistingStudent[];
}

export interface OrgClass {
  id: number;
  name: string;
  majorId: number;
  cohortYear: number;
}
export interface OrgMajor {
  id: number;
  code: string;
  name: string;
  lengthYears: string;
}

export function orgForImport(db: Db): { classes: OrgClass[]; majors: OrgMajor[] } {
  const raw = db.$client;
  return {
    classes: raw.prepare('SELECT id, name, major_id AS majorId, cohort_year AS cohortYear FROM classes').all() as OrgClass[],
    majors: raw.prepare('SELECT id, code, name, length_years AS lengthYears FROM majors').all() as OrgMajor[],
  };
}

export interface GuardianRow {
  id: number;
  studentId: number;
  name: string;
  relation: string;
  phone: string | null;
  workUnit: string | null;
}

export function guardiansOf(db: Db, studentIds: number[]): Map<number, GuardianRow[]> {
  const out = new Map<number, GuardianRow[]>();
  const stmt = (n: number) =>
    db.$client.prepare(
      `SELECT id, student_id AS studentId, name, relation, phone, work_unit AS workUnit FROM guardians WHERE student_id IN (${Array(n).fill('?').join(',')}) ORDER BY id`,
    );
  for (let i = 0; i < studentIds.length; i += 500) {
    const part = studentIds.slice(i, i + 500);
    for (const g of stmt(part.length).all(...part) as GuardianRow[]) {
      const list = out.get(g.studentId);
      if (list) list.push(g);
      else out.set(g.studentId, [g]);
    }
  }
  return out;
}

// ---------------------------------------------------------------------------
// Bulk writes (call inside one transaction)

/**
 * The full-text indexes kept up to date by per-row triggers on students (migration 0003). FTS5
 * work done one row at a time by a trigger costs more than the rest of the row together (about
 * 15× for 20,000 inserts), so bulk writes of the import suspend those triggers and update the
 * index with one statement instead.
 */
const SEARCH_INDEXES = [
  { table: 'students_fts', onInsert: 'students_fts_ai', onDelete: 'students_fts_ad' },
  { table: 'students_name_fts', onInsert: 'students_name_fts_ai', onDelete: 'students_name_fts_ad' },
];

interface SuspendedIndex {
  table: string;
  trigger: string;
  sql: string;
  columns: string;
}

/**
 * The index triggers of one kind, if the schema is the one expected (every FTS column is a
 * students column); null otherwise, and the caller takes the plain per-row path.
 */
function searchIndexTriggers(db: Db, kind: 'onInsert' | 'onDelete'): SuspendedIndex[] | null {
  const raw = db.$client;
  if (!raw.inTransaction) return null;
  const studentColumns = new Set((raw.prepare("SELECT name FROM pragma_table_info('students')").all() as { name: string }[]).map((c) => c.name));
  const out: SuspendedIndex[] = [];
  for (const x of SEARCH_INDEXES) {
    const sql = (raw.prepare("SELECT sql FROM sqlite_master WHERE type = 'trigger' AND name = ? AND tbl_name = 'students'").get(x[kind]) as { sql: string } | undefined)?.sql;
    const cols = (raw.prepare('SELECT name FROM pragma_table_info(?)').all(x.table) as { name: string }[]).map((c) => c.name);
    if (!sql || !cols.length || cols.some((c) => !studentColumns.has(c))) return null;
    out.push({ table: x.table, trigger: x[kind], sql, columns: cols.join(', ') });
  }
  return out;
}

/**
 * Drops the triggers, runs fn, re-creates them from their own stored SQL. Inside the caller's
 * transaction: a failure rolls back everything, triggers included, and no other statement can
 * run in between (one connection, synchronous).
 */
function withTriggersSuspended<T>(db: Db, triggers: SuspendedIndex[], fn: () => T): T {
  const raw = db.$client;
  for (const t of triggers) raw.exec(`DROP TRIGGER ${t.trigger}`);
  try {
    return fn();
  } finally {
    for (const t of triggers) raw.exec(t.sql);
  }
}

/**
 * New students added to the search indexes per statement (see withSearchIndexDeferred): ~0.2 s of
 * work each; much smaller pieces make FTS5 write and merge more segments (2,000 cost ~0.4 s more
 * for 50,000 students).
 */
const FILL_ROWS = 10_000;

/**
 * Runs a bulk insert of students, then adds all the new rows to the search indexes in a few large
 * statements, awaiting `pause` between them (a stepped write lets the event loop turn there).
 */
export async function withSearchIndexDeferred<T>(db: Db, fn: () => Promise<T>, pause: () => Promise<void> = async () => {}, fillRows = FILL_ROWS): Promise<T> {
  const triggers = searchIndexTriggers(db, 'onInsert');
  if (!triggers) return fn();
  const raw = db.$client;
  const maxId = raw.prepare('SELECT coalesce(max(id), 0) AS m FROM students').pluck();
  const after = maxId.get() as number;
  for (const t of triggers) raw.exec(`DROP TRIGGER ${t.trigger}`);
  // On failure the caller's rollback brings the triggers back with everything else.
  const result = await fn();
  const fills = triggers.map((t) => raw.prepare(`INSERT INTO ${t.table}(rowid, ${t.columns}) SELECT id, ${t.columns} FROM students WHERE id > ? AND id <= ?`));
  const last = maxId.get() as number;
  for (let from = after; from < last; from += fillRows) {
    for (const fill of fills) fill.run(from, from + fillRows);
    await pause();
  }
  for (const t of triggers) raw.exec(t.sql);
  return result;
}

/**
 * Deletes the students a batch created (guardians, history and requests go with them by foreign
 * key), taking them out of the search indexes in one statement each. Returns how many.
 */
export function deleteCreatedStudents(db: Db, batchId: number): number {
  const raw = db.$client;
  const ids = "SELECT student_id FROM import_batch_items WHERE batch_id = ? AND action = 'created'";
  const del = () => raw.prepare(`DELETE FROM students WHERE id IN (${ids})`).run(batchId).changes;
  const triggers = searchIndexTriggers(db, 'onDelete');
  if (!triggers) return del();
  return withTriggersSuspended(db, triggers, () => {
    for (const t of triggers) {
      raw.prepare(`INSERT INTO ${t.table}(${t.table}, rowid, ${t.columns}) SELECT 'delete', id, ${t.columns} FROM students WHERE id IN (${ids})`).run(batchId);
    }
    return del();
  });
}

export type NewStudent = Omit<StudentInsert, 'id' | 'namePinyin' | 'nameInitials' | 'nameChars' | 'version' | 'photoAttachmentId'>;

/** Prepared statements of the import's write path. */
export function importWriters(db: Db) {
  const raw = db.$client;
  const student = raw.prepare(
    `INSERT INTO students (student_no, exam_no, name, former_name, name_pinyin, name_initials, name_chars, gender, birth_date, id_number,
       ethnicity_code, political_status_code, native_place, source_region, household_address, home_address, phone, email, enrolment_date,
       expected_graduation_date, status, class_id, dormitory, notes, registered, created_at, updated_at)
     VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)`,
  );
  const guardian = raw.prepare('INSERT INTO guardians (student_id, name, relation, phone, work_unit) VALUES (?,?,?,?,?)');
  const status = raw.prepare('INSERT INTO status_history (student_id, from_status, to_status, effective, reason, created_by, created_at) VALUES (?,?,?,?,?,?,?)');
  const klass = raw.prepare('INSERT INTO class_history (student_id, class_id, class_name, from_date, created_by) VALUES (?,?,?,?,?)');
  const item = raw.prepare(
    `INSERT INTO import_batch_items (batch_id, student_id, action, row_no, student_no, student_name, version_after, before, key_change_request_id)
     VALUES (?,?,?,?,?,?,?,?,?)`,
  );
  return {
    /** `keys`: search keys already derived from s.name exactly as withSearchKeys does; derived here otherwise. */
    insertStudent(s: NewStudent, keys?: { namePinyin: string; nameInitials: string; nameChars: string }): { id: number; version: number } {
      const k = keys ?? (withSearchKeys({ name: s.name }) as { namePinyin: string; nameInitials: string; nameChars: string });
      // Not RETURNING: it makes each insert about four times slower. A new row's version is 1 (DEFAULT).
      const r = student.run(
        s.studentNo, s.examNo ?? null, s.name, s.formerName ?? null, k.namePinyin, k.nameInitials, k.nameChars, s.gender, s.birthDate, s.idNumber,
        s.ethnicityCode ?? null, s.politicalStatusCode ?? null, s.nativePlace ?? null, s.sourceRegion ?? null, s.householdAddress ?? null,
        s.homeAddress ?? null, s.phone ?? null, s.email ?? null, s.enrolmentDate ?? null, s.expectedGraduationDate ?? null, s.status ?? 'enrolled',
        s.classId ?? null, s.dormitory ?? null, s.notes ?? null, s.registered ? 1 : 0, s.createdAt, s.updatedAt,
      );
      return { id: Number(r.lastInsertRowid), version: 1 };
    },
    insertGuardian(studentId: number, g: { name: string; relation: string; phone?: string | null; workUnit?: string | null }) {
      guardian.run(studentId, g.name, g.relation, g.phone ?? null, g.workUnit ?? null);
    },
    statusHistory(studentId: number, from: string | null, to: string, effective: string, reason: string, by: string, at: string) {
      status.run(studentId, from, to, effective, reason, by, at);
    },
    classHistory(studentId: number, classId: number, className: string, fromDate: string, by: string) {
      klass.run(studentId, classId, className, fromDate, by);
    },
    item(v: { batchId: number; studentId: number; action: 'created' | 'updated' | 'requested'; rowNo: number; studentNo: string | null; studentName: string; versionAfter: number; before?: string | null; keyChangeRequestId?: number | null }) {
      item.run(v.batchId, v.studentId, v.action, v.rowNo, v.studentNo, v.studentName, v.versionAfter, v.before ?? null, v.keyChangeRequestId ?? null);
    },
  };
}

// ---------------------------------------------------------------------------
// Batches

export type BatchRow = typeof importBatches.$inferSelect;

export function insertBatch(db: Db, v: typeof importBatches.$inferInsert): BatchRow {
  return db.insert(importBatches).values(v).returning().get();
}

export function getBatch(db: Db, id: number): BatchRow | undefined {
  return db.select().from(importBatches).where(eq(importBatches.id, id)).get();
}

/** One import spec's batches, newest first. */
export function listBatches(db: Db, spec: string, limit = 200): BatchRow[] {
  return db.select().from(importBatches).where(eq(importBatches.spec, spec)).orderBy(desc(importBatches.id)).limit(limit).all();
}

export function markBatchUndone(db: Db, id: number, by: string, at: string): void {
  db.update(importBatches).set({ undoneBy: by, undoneAt: at }).where(eq(importBatches.id, id)).run();
}

export interface BatchItem {
  id: number;
  studentId: number;
  action: 'created' | 'updated' | 'requested';
  rowNo: number;
  studentNo: string | null;
  studentName: string;
  versionAfter: number;
  before: string | null;
  keyChangeRequestId: number | null;
}

export function batchItems(db: Db, batchId: number): BatchItem[] {
  return db.$client
    .prepare(
      `SELECT id, student_id AS studentId, action, row_no AS rowNo, student_no AS studentNo, student_name AS studentName,
              version_after AS versionAfter, before, key_change_request_id AS keyChangeRequestId
         FROM import_batch_items WHERE batch_id = ? ORDER BY id`,
    )
    .all(batchId) as BatchItem[];
}

/** The first student the batch created or updated that has since been changed or deleted. */
export function firstChangedItem(db: Db, batchId: number): { studentNo: string | null; studentName: string; name: string | null; deleted: boolean } | null {
  const r = db.$client
    .prepare(
      `SELECT i.student_no AS studentNo, i.student_name AS studentName, s.name AS name, s.id IS NULL AS deleted
         FROM import_batch_items i LEFT JOIN students s ON s.id = i.student_id
        WHERE i.batch_id = ? AND i.action IN ('created','updated') AND (s.id IS NULL OR s.version <> i.version_after)
        ORDER BY i.id LIMIT 1`,
    )
    .get(batchId) as { studentNo: string | null; studentName: string; name: string | null; deleted: number } | undefined;
  return r ? { studentNo: r.studentNo, studentName: r.studentName, name: r.name, deleted: Boolean(r.deleted) } : null;
}

/**
 * A student the batch created who has since got records that outlive an undo — grades, an issued
 * transcript (both kept, never deleted with the student) — so the batch can no longer be undone.
 */
export function createdStudentWithRecords(db: Db, batchId: number): { studentNo: string | null; name: string; what: '成绩' | '已开具的成绩单' } | null {
  const r = db.$client
    .prepare(
      `SELECT s.student_no AS studentNo, s.name AS name,
              CASE WHEN EXISTS (SELECT 1 FROM grades g WHERE g.student_id = s.id) THEN '成绩' ELSE '已开具的成绩单' END AS what
         FROM import_batch_items i JOIN students s ON s.id = i.student_id
        WHERE i.batch_id = ? AND i.action = 'created'
          AND (EXISTS (SELECT 1 FROM grades g WHERE g.student_id = s.id) OR EXISTS (SELECT 1 FROM transcript_issues t WHERE t.student_id = s.id))
        ORDER BY i.id LIMIT 1`,
    )
    .get(batchId) as { studentNo: string | null; name: string; what: '成绩' | '已开具的成绩单' } | undefined;
  return r ?? null;
}

/** 学号编排 during the import: the batch's items take the new 学号 and version (see firstChangedItem). */
export function noteNumbersAssigned(db: Db, batchId: number, assigned: readonly { id: number; studentNo: string }[]): void {
  const st = db.$client.prepare('UPDATE import_batch_items SET student_no = ?, version_after = version_after + 1 WHERE batch_id = ? AND student_id = ?');
  for (const a of assigned) st.run(a.studentNo, batchId, a.id);
}
