import { integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import type { TierChange } from '../../shared/domain/warnings/types';

/** 学业预警 (migration 0020): rule set versions, 旷课 hours per term, runs and their results. */
export const warningRuleSets = sqliteTable('warning_rule_sets', {
  effectiveFrom: text('effective_from').primaryKey(),
  ruleSet: text('rule_set').notNull(),
  createdBy: text('created_by').notNull(),
  createdAt: text('created_at').notNull(),
});

export const absenceHours = sqliteTable('absence_hours', {
  studentId: integer('student_id').notNull(),
  term: text('term').notNull(),
  hours: integer('hours').notNull(),
  enteredBy: text('entered_by').notNull(),
  enteredAt: text('entered_at').notNull(),
});

export const warningRuns = sqliteTable('warning_runs', {
  id: integer('id').primaryKey(),
  term: text('term').notNull(),
  ruleSet: text('rule_set').notNull(),
  scope: text('scope'),
  runBy: text('run_by').notNull(),
  runAt: text('run_at').notNull(),
  evaluated: integer('evaluated').notNull(),
  excluded: integer('excluded').notNull(),
  warned: integer('warned').notNull(),
});

export const warningResults = sqliteTable('warning_results', {
  runId: integer('run_id').notNull(),
  studentId: integer('student_id').notNull(),
  tier: text('tier'),
  colour: text('colour'),
  previousTier: text('previous_tier'),
  change: text('change').$type<TierChange>().notNull(),
  reasons: text('reasons').notNull(),
});
