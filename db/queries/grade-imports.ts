/**
 * Queries of the grade import (成绩导入, issue 15): the plans in force for every class read at once,
 * the recorded attempts of the students a file names, the bulk write path (one prepared statement:
 * an export holds 100,000 attempts), and what a batch's undo must check first.
 */
import type { Db } from '../client';
import type { PlanCourseRow } from './plans';

export interface ImportClass {
  id: number;
  name: string;
  majorId: number;
  cohortYear: number;
}

export interface PlanInForce {
  id: number;
  majorName: string;
  cohortYear: number;
  version: number;
  courses: Map<string, PlanCourseRow>;
}

/**
 * Every class with the plan its students study under (plans.forClass: the class's own cohort's
 * newest version, else the newest of the latest earlier cohort of its major), in three reads.
 */
export function classesWithPlans(db: Db): { classes: Map<number, ImportClass>; planOf: Map<number, PlanInForce | null> } {
  const raw = db.$client;
  const classes = new Map((raw.prepare('SELECT id, name, major_id AS majorId, cohort_year AS cohortYear FROM classes').all() as ImportClass[]).map((c) => [c.id, c]));
  const plans = raw
    .prepare(
      `SELECT p.id, p.major_id AS majorId, p.cohort_year AS cohortYear, p.version, m.name AS majorName
         FROM training_plans p JOIN majors m ON m.id = p.major_id
        ORDER BY p.major_id, p.cohort_year DESC, p.version DESC`,
    )
    .all() as { id: number; majorId: number; cohortYear: number; version: number; majorName: string }[];
  const byMajor = new Map<number, typeof plans>();
  for (const p of plans) byMajor.set(p.majorId, [...(byMajor.get(p.majorId) ?? []), p]);
  const chosen = new Map<number, PlanInForce>();
  const planOf = new Map<number, PlanInForce | null>();
  for (const c of classes.values()) {
    // Newest cohort first, newest version first: the first not later than the class's cohort.
    const p = byMajor.get(c.majorId)?.find((x) => x.cohortYear <= c.cohortYear);
    if (!p) {
      planOf.set(c.id, null);
      continue;
    }
    let inForce = chosen.get(p.id);
    if (!inForce) chosen.set(p.id, (inForce = { id: p.id, majorName: p.majorName, cohortYear: p.cohortYear, version: p.version, courses: new Map() }));
    planOf.set(c.id, inForce);
  }
  if (chosen.size) {
    const ids = [...chosen.keys()];
    const rows = raw
      .prepare(
        `SELECT id, plan_id AS planId, position, code, name, name_en AS nameEn, credit_tenths AS creditTenths, hours, nature, module, assessment, term,
                scale, counts_toward_gpa AS countsTowardGpa
           FROM plan_courses WHERE plan_id IN (SELECT value FROM json_each(?))`,
      )
      .all(JSON.stringify(ids)) as (Omit<PlanCourseRow, 'countsTowardGpa'> & { countsTowardGpa: number })[];
    for (const r of rows) chosen.get(r.planId)!.courses.set(r.code, { ...r, countsTowardGpa: Boolean(r.countsTowardGpa) });
  }
  return { classes, planOf };
}

/** A recorded attempt as the import compares against it. */
export interface RecordedAttempt {
  studentId: number;
  courseCode: string;
  attemptNo: number;
  kind: string;
  score: string | null;
  absent: number;
  void: number;
  term: string;
}

/** The recorded attempts of these students, by `${studentId}|${courseCode}`, in attempt order. */
export function attemptsOfStudents(db: Db, studentIds: readonly number[]): Map<string, RecordedAttempt[]> {
  const out = new Map<string, RecordedAttempt[]>();
  const stmt = db.$client.prepare(
    `SELECT student_id AS studentId, course_code AS courseCode, attempt_no AS attemptNo, kind, score, absent, void, term
       FROM grades WHERE student_id IN (SELECT value FROM json_each(?)) ORDER BY student_id, course_code, attempt_no`,
  );
  for (let i = 0; i < studentIds.length; i += 5000) {
    for (const g of stmt.all(JSON.stringify(studentIds.slice(i, i + 5000))) as RecordedAttempt[]) {
      const key = `${g.studentId}|${g.courseCode}`;
      const list = out.get(key);
      if (list) list.push(g);
      else out.set(key, [g]);
    }
  }
  return out;
}

export interface ImportedGrade {
  studentId: number;
  courseId: number;
  courseCode: string;
  attemptNo: number;
  kind: string;
  score: string | null;
  absent: boolean;
  void: boolean;
  term: string;
}

/** The import's insert, prepared once; every grade carries the batch (its undo) and the batch's stamp. */
export function gradeWriter(db: Db, stamp: { batchId: number; enteredBy: string; enteredAt: string }) {
  const ins = db.$client.prepare(
    `INSERT INTO grades (student_id, course_id, course_code, attempt_no, kind, score, absent, void, term, entered_by, entered_at, batch_id)
     VALUES (?,?,?,?,?,?,?,?,?,?,?,?)`,
  );
  return (g: ImportedGrade) =>
    void ins.run(g.studentId, g.courseId, g.courseCode, g.attemptNo, g.kind, g.score, g.absent ? 1 : 0, g.void ? 1 : 0, g.term, stamp.enteredBy, stamp.enteredAt, stamp.batchId);
}

/** A grade of the batch with its student and course, for messages and the undo's audit. */
export interface BatchGrade {
  studentId: number;
  studentNo: string | null;
  studentName: string;
  courseCode: string;
  courseName: string;
  attemptNo: number;
  kind: string;
  score: string | null;
  absent: number;
  void: number;
  term: string;
}

const BATCH_GRADE = `SELECT g.student_id AS studentId, s.student_no AS studentNo, s.name AS studentName, g.course_code AS courseCode, c.name AS courseName,
                            g.attempt_no AS attemptNo, g.kind, g.score, g.absent, g.void, g.term
                       FROM grades g JOIN students s ON s.id = g.student_id JOIN plan_courses c ON c.id = g.course_id`;

export const batchGrades = (db: Db, batchId: number): BatchGrade[] =>
  db.$client.prepare(`${BATCH_GRADE} WHERE g.batch_id = ? ORDER BY g.student_id, g.course_code, g.attempt_no`).all(batchId) as BatchGrade[];

/** How many of the batch's grades are still there. */
export const batchGradeCount = (db: Db, batchId: number): number =>
  db.$client.prepare('SELECT count(*) FROM grades WHERE batch_id = ?').pluck().get(batchId) as number;

/** The first of the batch's grades changed since (by hand: a save restamps who entered it, and when). */
export const firstChangedGrade = (db: Db, batchId: number, stamp: { enteredBy: string; enteredAt: string }): BatchGrade | undefined =>
  db.$client.prepare(`${BATCH_GRADE} WHERE g.batch_id = ? AND (g.entered_at <> ? OR g.entered_by <> ?) ORDER BY g.id LIMIT 1`).get(batchId, stamp.enteredAt, stamp.enteredBy) as
    | BatchGrade
    | undefined;

/**
 * The first attempt recorded after one of the batch's at the same course (a 补考 entered once the
 * imported 正考 was there): undoing would leave it behind without the sitting before it.
 */
export const firstLaterAttempt = (db: Db, batchId: number): BatchGrade | undefined =>
  db.$client
    .prepare(
      // CROSS JOIN keeps the batch's rows outside (index grades_batch), each later attempt found by grades_attempt.
      `SELECT g.student_id AS studentId, s.student_no AS studentNo, s.name AS studentName, g.course_code AS courseCode, c.name AS courseName,
              g.attempt_no AS attemptNo, g.kind, g.score, g.absent, g.void, g.term
         FROM grades b CROSS JOIN grades g ON g.student_id = b.student_id AND g.course_code = b.course_code AND g.attempt_no > b.attempt_no
         JOIN students s ON s.id = g.student_id JOIN plan_courses c ON c.id = g.course_id
        WHERE b.batch_id = ? AND g.batch_id IS NOT b.batch_id
        ORDER BY g.id LIMIT 1`,
    )
    .get(batchId) as BatchGrade | undefined;

/** Removes exactly the batch's grades; how many. */
export const deleteBatchGrades = (db: Db, batchId: number): number => db.$client.prepare('DELETE FROM grades WHERE batch_id = ?').run(batchId).changes;
