/**
 * 学业预警 in the database: rule set versions, 旷课 hours, runs and results — and the bulk reads a run
 * needs (every student's grades in one pass, not a query per student: a run covers a department of
 * tens of thousands).
 */
import { and, asc, desc, eq, lt, sql } from 'drizzle-orm';
import type { Db } from '../client';
import { absenceHours, planCourses, warningResults, warningRuleSets, warningRuns } from '../schema';
import { PRESET_THREE_TIER, type WarningRuleSet } from '../../shared/domain/warnings';
import type { GradeRow } from './grades';
import type { PlanCourseRow } from './plans';

export type WarningRunRow = typeof warningRuns.$inferSelect;
export type WarningResultRow = typeof warningResults.$inferSelect;

/** The school's rule set versions, oldest first; none saved means the shipped three-tier preset. */
export function listRuleSets(db: Db): WarningRuleSet[] {
  const rows = db.select().from(warningRuleSets).orderBy(asc(warningRuleSets.effectiveFrom)).all();
  return rows.length ? rows.map((r) => ({ ...(JSON.parse(r.ruleSet) as WarningRuleSet), effectiveFrom: r.effectiveFrom })) : [PRESET_THREE_TIER];
}

export function saveRuleSet(db: Db, ruleSet: WarningRuleSet, by: string, at: string): void {
  const v = { effectiveFrom: ruleSet.effectiveFrom, ruleSet: JSON.stringify(ruleSet), createdBy: by, createdAt: at };
  db.insert(warningRuleSets).values(v).onConflictDoUpdate({ target: warningRuleSets.effectiveFrom, set: v }).run();
}

/** Sets a student's 旷课 hours for a term (0 clears them); returns what was there before. */
export function setAbsenceHours(db: Db, v: { studentId: number; term: string; hours: number; by: string; at: string }): number {
  const before = db.select({ hours: absenceHours.hours }).from(absenceHours).where(and(eq(absenceHours.studentId, v.studentId), eq(absenceHours.term, v.term))).get()?.hours ?? 0;
  if (v.hours === 0) db.delete(absenceHours).where(and(eq(absenceHours.studentId, v.studentId), eq(absenceHours.term, v.term))).run();
  else
    db.insert(absenceHours).values({ studentId: v.studentId, term: v.term, hours: v.hours, enteredBy: v.by, enteredAt: v.at })
      .onConflictDoUpdate({ target: [absenceHours.studentId, absenceHours.term], set: { hours: v.hours, enteredBy: v.by, enteredAt: v.at } }).run();
  return before;
}

export function absenceHoursOf(db: Db, term: string): Map<number, number> {
  return new Map(db.select({ id: absenceHours.studentId, hours: absenceHours.hours }).from(absenceHours).where(eq(absenceHours.term, term)).all().map((r) => [r.id, r.hours]));
}

const scopeSql = (col: string, classScope: readonly number[] | null) =>
  classScope ? `${col} IN (SELECT id FROM students WHERE class_id IN (SELECT value FROM json_each(?)))` : '1';
const scopeArgs = (classScope: readonly number[] | null) => (classScope ? [JSON.stringify(classScope)] : []);

export interface RunStudent {
  id: number;
  name: string;
  studentNo: string | null;
  status: string;
  classId: number | null;
}

/** The students a run looks at (its 数据范围), by 学号. */
export function runStudents(db: Db, classScope: readonly number[] | null): RunStudent[] {
  return db.$client
    .prepare(`SELECT id, name, student_no AS studentNo, status, class_id AS classId FROM students WHERE ${scopeSql('id', classScope)} ORDER BY student_no IS NULL, student_no, id`)
    .all(...scopeArgs(classScope)) as RunStudent[];
}

/** Every plan course by id (a few thousand at most): grades name theirs by id. */
export function allPlanCourses(db: Db): Map<number, PlanCourseRow> {
  return new Map(db.select().from(planCourses).all().map((c) => [c.id, c]));
}

/**
 * Every grade of the students in scope, grouped by student, each with the plan course it was
 * entered against: one statement read row by row (the per-student query of the profile would be
 * a hundred thousand statements for a large department).
 */
export function gradesByStudent(db: Db, classScope: readonly number[] | null, courses: ReadonlyMap<number, PlanCourseRow>): Map<number, { grade: GradeRow; course: PlanCourseRow }[]> {
  const out = new Map<number, { grade: GradeRow; course: PlanCourseRow }[]>();
  // Rows as arrays (raw mode), only the columns the rules read, in the table's own order (a scan;
  // the index order would look every row up by rowid): a hundred thousand students have a million
  // grades. Each student's list is put in course and attempt order afterwards.
  const rows = db.$client
    .prepare(`SELECT student_id, course_id, course_code, attempt_no, kind, score, absent, void, term FROM grades WHERE ${scopeSql('student_id', classScope)}`)
    .raw(true)
    .iterate(...scopeArgs(classScope)) as IterableIterator<[number, number, string, number, GradeRow['kind'], string | null, number, number, string]>;
  for (const [studentId, courseId, courseCode, attemptNo, kind, score, absent, isVoid, term] of rows) {
    // Only what the rules read is filled in; the run never shows or stores a grade row.
    const grade = { studentId, courseId, courseCode, attemptNo, kind, score, absent: absent === 1, void: isVoid === 1, term } as GradeRow;
    const entry = { grade, course: courses.get(courseId)! };
    const list = out.get(studentId);
    if (list) list.push(entry);
    else out.set(studentId, [entry]);
  }
  for (const list of out.values()) {
    if (list.length > 1) list.sort((a, b) => (a.grade.courseCode < b.grade.courseCode ? -1 : a.grade.courseCode > b.grade.courseCode ? 1 : a.grade.attemptNo - b.grade.attemptNo));
  }
  return out;
}

/** 处分 records (kind punishment) of the students in scope: their 处分种类 text and when lifted. */
export function punishments(db: Db, classScope: readonly number[] | null): { studentId: number; title: string; endDate: string | null }[] {
  return db.$client
    .prepare(`SELECT student_id AS studentId, title, end_date AS endDate FROM student_records WHERE kind = 'punishment' AND ${scopeSql('student_id', classScope)}`)
    .all(...scopeArgs(classScope)) as { studentId: number; title: string; endDate: string | null }[];
}

/** The latest run for a term before this one (what "last term" is compared with). */
export function lastRunBefore(db: Db, term: string): WarningRunRow | undefined {
  return db.select().from(warningRuns).where(lt(warningRuns.term, term)).orderBy(desc(warningRuns.term), desc(warningRuns.id)).limit(1).get();
}

/** Tier per student in a run (only students who reached one). */
export function tiersOf(db: Db, runId: number): Map<number, string> {
  const rows = db.select({ id: warningResults.studentId, tier: warningResults.tier }).from(warningResults).where(and(eq(warningResults.runId, runId), sql`${warningResults.tier} IS NOT NULL`)).all();
  return new Map(rows.map((r) => [r.id, r.tier!]));
}

export function insertRun(db: Db, v: Omit<typeof warningRuns.$inferInsert, 'id'>): WarningRunRow {
  return db.insert(warningRuns).values(v).returning().get();
}

export function insertResults(db: Db, rows: readonly (typeof warningResults.$inferInsert)[]): void {
  const stmt = db.$client.prepare('INSERT INTO warning_results (run_id, student_id, tier, colour, previous_tier, change, reasons) VALUES (?, ?, ?, ?, ?, ?, ?)');
  for (const r of rows) stmt.run(r.runId, r.studentId, r.tier ?? null, r.colour ?? null, r.previousTier ?? null, r.change, r.reasons);
}

export function getRun(db: Db, id: number): WarningRunRow | undefined {
  return db.select().from(warningRuns).where(eq(warningRuns.id, id)).get();
}

/** The latest run of a term, if any. */
export function latestRunOf(db: Db, term: string): WarningRunRow | undefined {
  return db.select().from(warningRuns).where(eq(warningRuns.term, term)).orderBy(desc(warningRuns.id)).limit(1).get();
}

export function listRuns(db: Db, limit = 50): WarningRunRow[] {
  return db.select().from(warningRuns).orderBy(desc(warningRuns.id)).limit(limit).all();
}

/** A run's results with the student's name, 学号 and class, highest tiers first is the caller's to order. */
export function resultsOf(db: Db, runId: number, classScope: readonly number[] | null) {
  return db.$client
    .prepare(
      `SELECT r.student_id AS studentId, s.name, s.student_no AS studentNo, c.name AS className, r.tier, r.colour, r.previous_tier AS previousTier, r.change, r.reasons
         FROM warning_results r JOIN students s ON s.id = r.student_id LEFT JOIN classes c ON c.id = s.class_id
        WHERE r.run_id = ? AND ${scopeSql('r.student_id', classScope)}
        ORDER BY s.student_no IS NULL, s.student_no, s.id`,
    )
    .all(runId, ...scopeArgs(classScope)) as { studentId: number; name: string; studentNo: string | null; className: string | null; tier: string | null; colour: string | null; previousTier: string | null; change: string; reasons: string }[];
}
