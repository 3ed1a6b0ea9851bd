import { integer, real, sqliteTable, text } from 'drizzle-orm/sqlite-core';

export type GraduationOutcome = '毕业' | '结业' | '延长学习年限';

/** 毕业要求 per plan version, in versions (migration 0024): never changed. */
export const graduationRuleSets = sqliteTable('graduation_rule_sets', {
  id: integer('id').primaryKey(),
  planId: integer('plan_id').notNull(),
  version: integer('version').notNull(),
  rules: text('rules').notNull(),
  savedBy: text('saved_by').notNull(),
  savedAt: text('saved_at').notNull(),
});

/** Each student's latest graduation audit, with the office's override (migration 0024). */
export const graduationAudits = sqliteTable('graduation_audits', {
  studentId: integer('student_id').primaryKey(),
  cohortYear: integer('cohort_year').notNull(),
  outcome: text('outcome').$type<GraduationOutcome>().notNull(),
  deficiencies: text('deficiencies').notNull(),
  checks: text('checks').notNull(),
  planId: integer('plan_id'),
  ruleSetId: integer('rule_set_id'),
  auditedBy: text('audited_by').notNull(),
  auditedAt: text('audited_at').notNull(),
  overrideOutcome: text('override_outcome').$type<GraduationOutcome>(),
  overrideReason: text('override_reason'),
  overrideBy: text('override_by'),
  overrideAt: text('override_at'),
});

/** 体质健康测试 总分 per student and 学年 (migration 0027), filled by the 'fitness' import. */
export const fitnessScores = sqliteTable('fitness_scores', {
  id: integer('id').primaryKey(),
  studentId: integer('student_id').notNull(),
  schoolYear: integer('school_year').notNull(),
  score: real('score').notNull(),
  enteredBy: text('entered_by').notNull(),
  enteredAt: text('entered_at').notNull(),
  batchId: integer('batch_id'),
  replaced: text('replaced'),
});
