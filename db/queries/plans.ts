/**
 * 人才培养方案 in the database: the one place plan versions and their courses are read and written.
 * A version is written once (migration 0017 refuses updates); which version may supersede which is
 * decided by the plans feature, inside the caller's write transaction.
 */
import { and, asc, desc, eq, inArray, lte, sql } from 'drizzle-orm';
import type { Db } from '../client';
import { majors, planCourses, trainingPlans } from '../schema';

export type PlanRow = typeof trainingPlans.$inferSelect;
export type PlanCourseRow = typeof planCourses.$inferSelect;
export type NewPlanCourse = Omit<typeof planCourses.$inferInsert, 'id' | 'planId' | 'position'>;

/** A version with what a list shows beside it: its major, size, and the version that superseded it. */
export interface PlanListRow extends PlanRow {
  majorName: string;
  courseCount: number;
  creditTenths: number;
  supersededById: number | null;
}

const planColumns = {
  id: trainingPlans.id,
  majorId: trainingPlans.majorId,
  cohortYear: trainingPlans.cohortYear,
  version: trainingPlans.version,
  name: trainingPlans.name,
  note: trainingPlans.note,
  supersedesId: trainingPlans.supersedesId,
  createdBy: trainingPlans.createdBy,
  createdAt: trainingPlans.createdAt,
};

const successor = sql<number | null>`(SELECT s.id FROM training_plans s WHERE s.supersedes_id = "training_plans"."id")`;

export interface PlanFilter {
  id?: number | undefined;
  majorId?: number | undefined;
  cohortYear?: number | undefined;
  /** Versions not superseded yet. */
  currentOnly?: boolean | undefined;
}

export function listPlans(db: Db, f: PlanFilter): PlanListRow[] {
  const where = [];
  if (f.id !== undefined) where.push(eq(trainingPlans.id, f.id));
  if (f.majorId !== undefined) where.push(eq(trainingPlans.majorId, f.majorId));
  if (f.cohortYear !== undefined) where.push(eq(trainingPlans.cohortYear, f.cohortYear));
  if (f.currentOnly) where.push(sql`NOT EXISTS (SELECT 1 FROM training_plans s WHERE s.supersedes_id = "training_plans"."id")`);
  return db
    .select({
      ...planColumns,
      majorName: majors.name,
      courseCount: sql<number>`(SELECT count(*) FROM plan_courses c WHERE c.plan_id = "training_plans"."id")`,
      creditTenths: sql<number>`(SELECT coalesce(sum(c.credit_tenths), 0) FROM plan_courses c WHERE c.plan_id = "training_plans"."id")`,
      supersededById: successor,
    })
    .from(trainingPlans)
    .innerJoin(majors, eq(majors.id, trainingPlans.majorId))
    .where(where.length ? and(...where) : undefined)
    .orderBy(asc(majors.code), desc(trainingPlans.cohortYear), desc(trainingPlans.version))
    .all();
}

export const getPlan = (db: Db, id: number): PlanRow | undefined => db.select().from(trainingPlans).where(eq(trainingPlans.id, id)).get();

/** The version that superseded this one, if any. */
export const supersededBy = (db: Db, id: number): PlanRow | undefined =>
  db.select().from(trainingPlans).where(eq(trainingPlans.supersedesId, id)).get();

/** The newest version of the plan for exactly this major and cohort. */
export const latestPlanOf = (db: Db, majorId: number, cohortYear: number): PlanRow | undefined =>
  db.select().from(trainingPlans).where(and(eq(trainingPlans.majorId, majorId), eq(trainingPlans.cohortYear, cohortYear))).orderBy(desc(trainingPlans.version)).limit(1).get();

/** The plan a cohort of a major studies under: its own, else the latest of an earlier cohort (newest version). */
export const planInForce = (db: Db, majorId: number, cohortYear: number): PlanRow | undefined =>
  db
    .select()
    .from(trainingPlans)
    .where(and(eq(trainingPlans.majorId, majorId), lte(trainingPlans.cohortYear, cohortYear)))
    .orderBy(desc(trainingPlans.cohortYear), desc(trainingPlans.version))
    .limit(1)
    .get();

export const coursesOf = (db: Db, planId: number): PlanCourseRow[] =>
  db.select().from(planCourses).where(eq(planCourses.planId, planId)).orderBy(asc(planCourses.position)).all();

export const getCourse = (db: Db, id: number): PlanCourseRow | undefined => db.select().from(planCourses).where(eq(planCourses.id, id)).get();

export const coursesByIds = (db: Db, ids: readonly number[]): PlanCourseRow[] =>
  ids.length ? db.select().from(planCourses).where(inArray(planCourses.id, [...ids])).all() : [];

/** Writes a version and its courses, in the order given. */
export function insertPlanVersion(db: Db, plan: Omit<typeof trainingPlans.$inferInsert, 'id'>, courses: readonly NewPlanCourse[]): PlanRow {
  const row = db.insert(trainingPlans).values(plan).returning().get();
  courses.forEach((c, i) => db.insert(planCourses).values({ ...c, planId: row.id, position: i + 1 }).run());
  return row;
}
