/**
 * 毕业资格审核 in the database (migrations 0024, 0027): what the audit of a cohort reads in bulk (a
 * few statements for thousands of students, not one per student), the rule sets per plan version,
 * and the audits with their overrides.
 */
import { and, desc, eq } from 'drizzle-orm';
import type { Db } from '../client';
import { graduationAudits, graduationRuleSets, type GraduationOutcome } from '../schema';

const inScope = (col: string, scope: readonly number[] | null) => (scope ? `${col} IN (SELECT value FROM json_each(?))` : '1');
const scopeArg = (scope: readonly number[] | null) => (scope ? [JSON.stringify(scope)] : []);

export interface CohortFilter {
  cohortYear: number;
  majorId?: number | undefined;
  classId?: number | undefined;
}

export interface AuditStudent {
  id: number;
  studentNo: string | null;
  idNumber: string;
  name: string;
  status: string;
  enrolmentDate: string | null;
  classId: number;
  className: string;
  majorId: number;
  cohortYear: number;
  lengthYears: string;
}

/**
 * The students of a cohort (their class's 年级), optionally one major or class, within the caller's
 * 数据范围 (class ids; null = the whole department), by 学号. `statuses` limits the 学籍状态.
 */
export function cohortStudents(db: Db, f: CohortFilter, scope: readonly number[] | null, statuses: readonly string[]): AuditStudent[] {
  const where = ['c.cohort_year = ?', inScope('s.class_id', scope), `s.status IN (SELECT value FROM json_each(?))`];
  const args: unknown[] = [f.cohortYear, ...scopeArg(scope), JSON.stringify(statuses)];
  if (f.majorId !== undefined) (where.push('c.major_id = ?'), args.push(f.majorId));
  if (f.classId !== undefined) (where.push('c.id = ?'), args.push(f.classId));
  return db.$client
    .prepare(
      `SELECT s.id, s.student_no AS studentNo, s.id_number AS idNumber, s.name, s.status, s.enrolment_date AS enrolmentDate,
              c.id AS classId, c.name AS className, c.major_id AS majorId, c.cohort_year AS cohortYear, c.length_years AS lengthYears
         FROM students s JOIN classes c ON c.id = s.class_id
        WHERE ${where.join(' AND ')}
        ORDER BY s.student_no IS NULL, s.student_no, s.id`,
    )
    .all(...args) as AuditStudent[];
}

const idsArg = (ids: readonly number[]) => JSON.stringify(ids);
const IN_IDS = 'SELECT value FROM json_each(?)';

function groupBy<T extends { studentId: number }>(rows: T[]): Map<number, T[]> {
  const out = new Map<number, T[]>();
  for (const r of rows) {
    const list = out.get(r.studentId);
    if (list) list.push(r);
    else out.set(r.studentId, [r]);
  }
  return out;
}

export interface ClassHistoryRow {
  studentId: number;
  fromDate: string;
  className: string;
  majorId: number | null;
  cohortYear: number | null;
}

/** Each student's class history with each class's major and 年级 (a deleted class: null). */
export const classHistories = (db: Db, ids: readonly number[]): Map<number, ClassHistoryRow[]> =>
  groupBy(
    db.$client
      .prepare(
        `SELECT h.student_id AS studentId, h.from_date AS fromDate, h.class_name AS className, c.major_id AS majorId, c.cohort_year AS cohortYear
           FROM class_history h LEFT JOIN classes c ON c.id = h.class_id
          WHERE h.student_id IN (${IN_IDS}) ORDER BY h.student_id, h.from_date, h.id`,
      )
      .all(idsArg(ids)) as ClassHistoryRow[],
  );

/** Each student's status history (学籍状态 from a day). */
export const statusHistories = (db: Db, ids: readonly number[]): Map<number, { studentId: number; effective: string; status: string }[]> =>
  groupBy(
    db.$client
      .prepare(`SELECT student_id AS studentId, effective, to_status AS status FROM status_history WHERE student_id IN (${IN_IDS}) ORDER BY student_id, effective, id`)
      .all(idsArg(ids)) as { studentId: number; effective: string; status: string }[],
  );

/** Each student's 体质健康 总分 of every 学年 recorded (the audit rates the graduate from all of them). */
export function fitnessScores(db: Db, ids: readonly number[]): Map<number, { score: number; schoolYear: number }[]> {
  const rows = db.$client
    .prepare(`SELECT student_id AS studentId, score, school_year AS schoolYear FROM fitness_scores WHERE student_id IN (${IN_IDS}) ORDER BY student_id, school_year`)
    .all(idsArg(ids)) as { studentId: number; score: number; schoolYear: number }[];
  const out = new Map<number, { score: number; schoolYear: number }[]>();
  for (const r of rows) {
    const list = out.get(r.studentId) ?? [];
    list.push({ score: r.score, schoolYear: r.schoolYear });
    out.set(r.studentId, list);
  }
  return out;
}

export type GradeTuple = [studentId: number, courseId: number, courseCode: string, attemptNo: number, kind: string, score: string | null, absent: number, isVoid: number, term: string];

/**
 * Every grade of the students, as arrays (raw mode), grouped by student and in course and attempt
 * order per student. Sorted here, not in SQL: a cohort has a couple of hundred thousand grades, and
 * SQLite's sort of them all took longer than reading them.
 */
export function gradesOf(db: Db, ids: readonly number[]): Map<number, GradeTuple[]> {
  const rows = db.$client
    .prepare(`SELECT student_id, course_id, course_code, attempt_no, kind, score, absent, void, term FROM grades WHERE student_id IN (${IN_IDS})`)
    .raw(true)
    .iterate(idsArg(ids)) as IterableIterator<GradeTuple>;
  const out = new Map<number, GradeTuple[]>();
  for (const r of rows) {
    const list = out.get(r[0]);
    if (list) list.push(r);
    else out.set(r[0], [r]);
  }
  for (const list of out.values()) list.sort((a, b) => (a[2] < b[2] ? -1 : a[2] > b[2] ? 1 : a[3] - b[3]));
  return out;
}

// ---------------------------------------------------------------------------
// Rule sets

export type RuleSetRow = typeof graduationRuleSets.$inferSelect;

export const latestRuleSet = (db: Db, planId: number): RuleSetRow | undefined =>
  db.select().from(graduationRuleSets).where(eq(graduationRuleSets.planId, planId)).orderBy(desc(graduationRuleSets.version)).limit(1).get();

export function insertRuleSet(db: Db, v: { planId: number; rules: string; savedBy: string; savedAt: string }): RuleSetRow {
  const version = (latestRuleSet(db, v.planId)?.version ?? 0) + 1;
  return db.insert(graduationRuleSets).values({ ...v, version }).returning().get();
}

// ---------------------------------------------------------------------------
// Audits

export type AuditRow = typeof graduationAudits.$inferSelect;

/**
 * Writes a run's results: each student's row replaced, except an override, which stays — the
 * office's decision stands until someone changes it; the results page shows it beside the new outcome.
 */
export function upsertAudits(db: Db, rows: readonly Omit<AuditRow, 'overrideOutcome' | 'overrideReason' | 'overrideBy' | 'overrideAt'>[]): void {
  const stmt = db.$client.prepare(
    `INSERT INTO graduation_audits (student_id, cohort_year, outcome, deficiencies, checks, plan_id, rule_set_id, audited_by, audited_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
     ON CONFLICT (student_id) DO UPDATE SET cohort_year = excluded.cohort_year, outcome = excluded.outcome, deficiencies = excluded.deficiencies,
       checks = excluded.checks, plan_id = excluded.plan_id, rule_set_id = excluded.rule_set_id, audited_by = excluded.audited_by, audited_at = excluded.audited_at`,
  );
  for (const r of rows) stmt.run(r.studentId, r.cohortYear, r.outcome, r.deficiencies, r.checks, r.planId, r.ruleSetId, r.auditedBy, r.auditedAt);
}

export const getAudit = (db: Db, studentId: number): AuditRow | undefined => db.select().from(graduationAudits).where(eq(graduationAudits.studentId, studentId)).get();

export function setOverride(db: Db, studentId: number, v: { outcome: GraduationOutcome | null; reason: string | null; by: string | null; at: string | null }): void {
  db.update(graduationAudits)
    .set({ overrideOutcome: v.outcome, overrideReason: v.reason, overrideBy: v.by, overrideAt: v.at })
    .where(and(eq(graduationAudits.studentId, studentId)))
    .run();
}

export interface ResultRow {
  studentId: number;
  studentNo: string | null;
  idNumber: string;
  name: string;
  className: string | null;
  cohortYear: number;
  outcome: GraduationOutcome;
  deficiencies: string;
  auditedBy: string;
  auditedAt: string;
  overrideOutcome: GraduationOutcome | null;
  overrideReason: string | null;
  overrideBy: string | null;
  overrideAt: string | null;
}

/** The audits of a cohort (and major/class) within the 数据范围, by 学号. */
export function listResults(db: Db, f: CohortFilter, scope: readonly number[] | null): ResultRow[] {
  const where = ['a.cohort_year = ?', inScope('s.class_id', scope)];
  const args: unknown[] = [f.cohortYear, ...scopeArg(scope)];
  if (f.majorId !== undefined) (where.push('c.major_id = ?'), args.push(f.majorId));
  if (f.classId !== undefined) (where.push('c.id = ?'), args.push(f.classId));
  return db.$client
    .prepare(
      `SELECT a.student_id AS studentId, s.student_no AS studentNo, s.id_number AS idNumber, s.name, c.name AS className, a.cohort_year AS cohortYear,
              a.outcome, a.deficiencies, a.audited_by AS auditedBy, a.audited_at AS auditedAt,
              a.override_outcome AS overrideOutcome, a.override_reason AS overrideReason, a.override_by AS overrideBy, a.override_at AS overrideAt
         FROM graduation_audits a JOIN students s ON s.id = a.student_id LEFT JOIN classes c ON c.id = s.class_id
        WHERE ${where.join(' AND ')}
        ORDER BY s.student_no IS NULL, s.student_no, s.id`,
    )
    .all(...args) as ResultRow[];
}
