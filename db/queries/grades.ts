/**
 * Grades in the database: the one place they are read and written, inside the caller's write
 * transaction. What may be written (a valid cell, the right attempt) is the grades feature's to
 * decide; the GPA is shared/domain/grades.
 */
import { and, asc, eq, sql } from 'drizzle-orm';
import { DEFAULT_GPA_METHOD, type GpaMethod } from '../../shared/domain/grades';
import type { Db } from '../client';
import { grades, planCourses, settings, students } from '../schema';

export type GradeRow = typeof grades.$inferSelect;
export type NewGrade = Omit<typeof grades.$inferInsert, 'id'>;
export type GradeChange = Pick<GradeRow, 'kind' | 'score' | 'absent' | 'void' | 'term' | 'enteredBy' | 'enteredAt'>;

export interface ClassStudent {
  id: number;
  studentNo: string | null;
  name: string;
  status: string;
}

/** The students now in a class, by 学号 (those still without one last, by name). */
export const classStudents = (db: Db, classId: number): ClassStudent[] =>
  db
    .select({ id: students.id, studentNo: students.studentNo, name: students.name, status: students.status })
    .from(students)
    .where(eq(students.classId, classId))
    .orderBy(sql`${students.studentNo} IS NULL`, asc(students.studentNo), asc(students.name))
    .all();

/** Every attempt at a course (by code) of the students now in a class (index grades_course). */
export const classGrades = (db: Db, courseCode: string, classId: number): GradeRow[] =>
  db
    .select()
    .from(grades)
    .where(and(eq(grades.courseCode, courseCode), sql`${grades.studentId} IN (SELECT id FROM students WHERE class_id = ${classId})`))
    .orderBy(asc(grades.studentId), asc(grades.attemptNo))
    .all();

/** A student's attempts at one course, in the order recorded. */
export const attemptsOf = (db: Db, studentId: number, courseCode: string): GradeRow[] =>
  db.select().from(grades).where(and(eq(grades.studentId, studentId), eq(grades.courseCode, courseCode))).orderBy(asc(grades.attemptNo)).all();

/** All a student's grades with the plan course each was entered against (index grades_attempt). */
export const studentGrades = (db: Db, studentId: number) =>
  db
    .select({ grade: grades, course: planCourses })
    .from(grades)
    .innerJoin(planCourses, eq(planCourses.id, grades.courseId))
    .where(eq(grades.studentId, studentId))
    .orderBy(asc(grades.courseCode), asc(grades.attemptNo))
    .all();

/** The number the next attempt at a course gets. */
export function nextAttemptNo(db: Db, studentId: number, courseCode: string): number {
  const r = db
    .select({ n: sql<number>`coalesce(max(${grades.attemptNo}), 0)` })
    .from(grades)
    .where(and(eq(grades.studentId, studentId), eq(grades.courseCode, courseCode)))
    .get();
  return (r?.n ?? 0) + 1;
}

export const insertGrade = (db: Db, g: NewGrade): GradeRow => db.insert(grades).values(g).returning().get();
export const updateGrade = (db: Db, id: number, g: GradeChange): GradeRow => db.update(grades).set(g).where(eq(grades.id, id)).returning().get();
export const deleteGrade = (db: Db, id: number): void => void db.delete(grades).where(eq(grades.id, id)).run();

const METHOD_KEY = 'gpaMethod';

/** The school's GPA method (DOMAIN.md §8.3), kept in the settings table; the default until one is saved. */
export function getGpaMethod(db: Db): GpaMethod {
  const row = db.select().from(settings).where(eq(settings.key, METHOD_KEY)).get();
  return row ? { ...DEFAULT_GPA_METHOD, ...(JSON.parse(row.value) as Partial<GpaMethod>) } : DEFAULT_GPA_METHOD;
}

export function putGpaMethod(db: Db, method: GpaMethod): void {
  const value = JSON.stringify(method);
  db.insert(settings).values({ key: METHOD_KEY, value }).onConflictDoUpdate({ target: settings.key, set: { value } }).run();
}
