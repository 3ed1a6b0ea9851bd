import { integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import type { AttemptKind, CourseAssessment, CourseNature, GradeScale } from '../../shared/domain/grades';

/** 人才培养方案 versions (migration 0017): never updated, superseded by a new row. */
export const trainingPlans = sqliteTable('training_plans', {
  id: integer('id').primaryKey(),
  majorId: integer('major_id').notNull(),
  cohortYear: integer('cohort_year').notNull(),
  version: integer('version').notNull(),
  name: text('name').notNull(),
  note: text('note').notNull().default(''),
  supersedesId: integer('supersedes_id'),
  createdBy: text('created_by').notNull(),
  createdAt: text('created_at').notNull(),
});

export const planCourses = sqliteTable('plan_courses', {
  id: integer('id').primaryKey(),
  planId: integer('plan_id').notNull(),
  position: integer('position').notNull(),
  code: text('code').notNull(),
  name: text('name').notNull(),
  nameEn: text('name_en').notNull().default(''),
  /** 学分 × 10 (see creditTenths). */
  creditTenths: integer('credit_tenths').notNull(),
  hours: integer('hours').notNull(),
  nature: text('nature').$type<CourseNature>().notNull(),
  module: text('module').notNull(),
  assessment: text('assessment').$type<CourseAssessment>().notNull(),
  term: integer('term').notNull(),
  scale: text('scale').$type<GradeScale>().notNull(),
  countsTowardGpa: integer('counts_toward_gpa', { mode: 'boolean' }).notNull().default(true),
});

export const grades = sqliteTable('grades', {
  id: integer('id').primaryKey(),
  studentId: integer('student_id').notNull(),
  courseId: integer('course_id').notNull(),
  courseCode: text('course_code').notNull(),
  attemptNo: integer('attempt_no').notNull(),
  kind: text('kind').$type<AttemptKind>().notNull(),
  /** '85', '85.5' or a text grade (scoreToText / scoreFromText); null for 缺考, 作弊 without a score, 免修. */
  score: text('score'),
  absent: integer('absent', { mode: 'boolean' }).notNull().default(false),
  void: integer('void', { mode: 'boolean' }).notNull().default(false),
  term: text('term').notNull(),
  enteredBy: text('entered_by').notNull(),
  enteredAt: text('entered_at').notNull(),
  batchId: integer('batch_id'),
});
