/**
 * 数据范围 (user_scopes, migration 0012): which classes and grades a user is in charge of. Raw SQL
 * over the small user_scopes and classes tables; the roster applies the result as a class-id list.
 */
import type { Db } from '../client';

export interface UserScope {
  classIds: number[];
  cohortYears: number[];
}

export function getScope(db: Db, userId: number): UserScope {
  const rows = db.$client.prepare('SELECT class_id AS classId, cohort_year AS cohortYear FROM user_scopes WHERE user_id = ? ORDER BY class_id, cohort_year').all(userId) as { classId: number | null; cohortYear: number | null }[];
  return {
    classIds: rows.flatMap((r) => (r.classId === null ? [] : [r.classId])),
    cohortYears: rows.flatMap((r) => (r.cohortYear === null ? [] : [r.cohortYear])),
  };
}

/** Replaces a user's scope; an empty one means the whole department. */
export function setScope(db: Db, userId: number, scope: UserScope): void {
  const raw = db.$client;
  raw.prepare('DELETE FROM user_scopes WHERE user_id = ?').run(userId);
  const addClass = raw.prepare('INSERT INTO user_scopes (user_id, class_id) VALUES (?, ?)');
  const addCohort = raw.prepare('INSERT INTO user_scopes (user_id, cohort_year) VALUES (?, ?)');
  for (const id of new Set(scope.classIds)) addClass.run(userId, id);
  for (const year of new Set(scope.cohortYears)) addCohort.run(userId, year);
}

/**
 * The ids of the classes a user may see students of, or null for the whole department (no scope).
 * Worked out at each call: a class created later in one of the user's grades is in scope at once.
 */
export function scopedClassIds(db: Db, userId: number): number[] | null {
  const raw = db.$client;
  const has = raw.prepare('SELECT 1 FROM user_scopes WHERE user_id = ? LIMIT 1').get(userId);
  if (!has) return null;
  return (raw.prepare(
    `SELECT id FROM classes WHERE id IN (SELECT class_id FROM user_scopes WHERE user_id = ?)
        OR cohort_year IN (SELECT cohort_year FROM user_scopes WHERE user_id = ?) ORDER BY id`,
  ).all(userId, userId) as { id: number }[]).map((r) => r.id);
}

/** Of these students, the ones not in any of the classes (students without a class included). */
export function studentsOutside(db: Db, studentIds: readonly number[], classIds: readonly number[]): number[] {
  if (studentIds.length === 0) return [];
  return (db.$client.prepare(
    `SELECT value AS id FROM json_each(?) WHERE value NOT IN (
       SELECT id FROM students WHERE id IN (SELECT value FROM json_each(?)) AND class_id IN (SELECT value FROM json_each(?)))`,
  ).all(JSON.stringify(studentIds), JSON.stringify(studentIds), JSON.stringify(classIds)) as { id: number }[]).map((r) => r.id);
}
