import { integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { approvalEventColumns } from './approval-events';
import type { StatusChangeState } from '../../shared/domain/status-changes/types';

/** 学籍异动 work orders (migration 0013). */
export const statusChanges = sqliteTable('status_changes', {
  id: integer('id').primaryKey(),
  studentId: integer('student_id').notNull(),
  type: text('type').notNull(),
  subtype: text('subtype'),
  state: text('state').$type<StatusChangeState>().notNull().default('pending'),
  stepIndex: integer('step_index').notNull().default(0),
  stepRole: text('step_role'),
  chain: text('chain').notNull(),
  data: text('data').notNull(),
  fromStatus: text('from_status').notNull(),
  toStatus: text('to_status').notNull(),
  fromClassId: integer('from_class_id'),
  stepSince: text('step_since').notNull(),
  filedBy: text('filed_by').notNull(),
  filedAt: text('filed_at').notNull(),
  closedAt: text('closed_at'),
  endsId: integer('ends_id'),
  reportedAt: text('reported_at'),
});

export const statusChangeEvents = sqliteTable('status_change_events', approvalEventColumns());

export const statusChangeAttachments = sqliteTable('status_change_attachments', {
  changeId: integer('change_id').notNull(),
  attachmentId: integer('attachment_id').notNull(),
  kind: text('kind').notNull(),
});

export const statusPolicies = sqliteTable('status_policies', {
  effectiveFrom: text('effective_from').primaryKey(),
  policy: text('policy').notNull(),
  createdBy: text('created_by').notNull(),
  createdAt: text('created_at').notNull(),
});

export const approvalChains = sqliteTable('approval_chains', {
  type: text('type').primaryKey(),
  steps: text('steps').notNull(),
  updatedBy: text('updated_by').notNull(),
  updatedAt: text('updated_at').notNull(),
});

export const calendarDays = sqliteTable('calendar_days', {
  day: text('day').primaryKey(),
  kind: text('kind').$type<'holiday' | 'workday'>().notNull(),
  name: text('name').notNull().default(''),
});

export const absenceFlags = sqliteTable('absence_flags', {
  id: integer('id').primaryKey(),
  studentId: integer('student_id').notNull(),
  since: text('since').notNull(),
  note: text('note').notNull().default(''),
  flaggedBy: text('flagged_by').notNull(),
  flaggedAt: text('flagged_at').notNull(),
  clearedBy: text('cleared_by'),
  clearedAt: text('cleared_at'),
});

/** 学年升级 (migration 0014). */
export const yearRollovers = sqliteTable('year_rollovers', {
  id: integer('id').primaryKey(),
  fromYear: integer('from_year').notNull(),
  toYear: integer('to_year').notNull(),
  effectiveOn: text('effective_on').notNull(),
  appliedBy: text('applied_by').notNull(),
  appliedAt: text('applied_at').notNull(),
  summary: text('summary').notNull(),
  undoneBy: text('undone_by'),
  undoneAt: text('undone_at'),
});
