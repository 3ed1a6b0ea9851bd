/**
 * 学年升级: the 学年 the department is in, the classes' 在籍在校 counts for the preview, and the
 * roll-overs themselves (with the students each marked 毕业年级, for the same-day undo).
 */
import { and, desc, eq, isNull } from 'drizzle-orm';
import type { Db } from '../client';
import { yearRollovers } from '../schema';

export type YearRolloverRow = typeof yearRollovers.$inferSelect;

/** The latest roll-over still in force (not undone), if any. */
export function lastRollover(db: Db): YearRolloverRow | undefined {
  return db.select().from(yearRollovers).where(isNull(yearRollovers.undoneAt)).orderBy(desc(yearRollovers.id)).get();
}

export function getRollover(db: Db, id: number): YearRolloverRow | undefined {
  return db.select().from(yearRollovers).where(eq(yearRollovers.id, id)).get();
}

/** Every class with 在籍在校 students: its cohort, 学制 and count. */
export function enrolledByClass(db: Db) {
  return db.$client
    .prepare(`SELECT c.id AS classId, c.name AS className, c.cohort_year AS cohortYear, c.length_years AS lengthYears, count(s.id) AS students
              FROM classes c JOIN students s ON s.class_id = c.id AND s.status = 'enrolled'
              GROUP BY c.id ORDER BY c.cohort_year, c.name`)
    .all() as { classId: number; className: string; cohortYear: number; lengthYears: string; students: number }[];
}

/** 在籍在校 students without a class: the roll-over cannot place them in a year. */
export function enrolledWithoutClass(db: Db): number {
  return (db.$client.prepare(`SELECT count(*) AS n FROM students WHERE status = 'enrolled' AND class_id IS NULL`).get() as { n: number }).n;
}

/** Every 在籍在校 student in a class (the roll-over's per-student audit entries), in id order. */
export function enrolledInClasses(db: Db) {
  return db.$client
    .prepare(`SELECT id, name, student_no AS studentNo, class_id AS classId FROM students WHERE status = 'enrolled' AND class_id IS NOT NULL`)
    .all() as { id: number; name: string; studentNo: string | null; classId: number }[];
}

export function insertRollover(db: Db, v: Omit<typeof yearRollovers.$inferInsert, 'id'>): YearRolloverRow {
  return db.insert(yearRollovers).values(v).returning().get();
}

/**
 * Marks the 在籍在校 students of these classes 毕业年级 (those not marked yet) and remembers them
 * under the roll-over, for the undo; returns their ids. Set-based: a cohort is thousands of rows.
 */
export function markGraduating(db: Db, rolloverId: number, classIds: readonly number[]): number[] {
  db.$client
    .prepare(`INSERT INTO year_rollover_marks (rollover_id, student_id) SELECT ?, id FROM students WHERE status = 'enrolled' AND graduating = 0 AND class_id IN (SELECT value FROM json_each(?))`)
    .run(rolloverId, JSON.stringify(classIds));
  db.$client.prepare('UPDATE students SET graduating = 1 WHERE id IN (SELECT student_id FROM year_rollover_marks WHERE rollover_id = ?)').run(rolloverId);
  return db.$client.prepare('SELECT student_id FROM year_rollover_marks WHERE rollover_id = ?').pluck().all(rolloverId) as number[];
}

/** Undoes a roll-over: its marks are cleared; returns how many. */
export function undoRollover(db: Db, id: number, by: string, at: string): number {
  const cleared = db.$client.prepare('UPDATE students SET graduating = 0 WHERE id IN (SELECT student_id FROM year_rollover_marks WHERE rollover_id = ?)').run(id).changes;
  db.update(yearRollovers).set({ undoneBy: by, undoneAt: at }).where(and(eq(yearRollovers.id, id), isNull(yearRollovers.undoneAt))).run();
  return cleared;
}

/**
 * Whether a class is a 毕业年级 class in the 学年 now: the last roll-over marked it (its plan line
 * says so). A student 复学 or 降级 into a class takes the class's mark, and loses it leaving one.
 */
export function isGraduatingClass(db: Db, classId: number): boolean {
  const last = lastRollover(db);
  if (!last) return false;
  return (JSON.parse(last.summary) as { classId: number; graduating: boolean }[]).some((l) => l.classId === classId && l.graduating);
}

/** Every class's cohort and 学制 (the roll-over counts its students itself, from one read of them). */
export function classFacts(db: Db) {
  return db.$client.prepare('SELECT id AS classId, name AS className, cohort_year AS cohortYear, length_years AS lengthYears FROM classes').all() as { classId: number; className: string; cohortYear: number; lengthYears: string }[];
}
