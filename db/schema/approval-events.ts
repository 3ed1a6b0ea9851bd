import { integer, text } from 'drizzle-orm/sqlite-core';

/**
 * The columns of an approval timeline, the same for every kind of order on the engine: 学籍异动
 * (status_change_events, migration 0013) and 信息变更申请 (key_change_events, 0016). Each kind keeps
 * its own table, so an event's order is a foreign key that cascades with it. A function, because
 * drizzle builds a column once per table.
 */
export const approvalEventColumns = () => ({
  id: integer('id').primaryKey(),
  changeId: integer('change_id').notNull(),
  kind: text('kind').notNull(),
  stepIndex: integer('step_index'),
  stepLabel: text('step_label'),
  via: text('via').$type<'app' | 'paper'>().notNull().default('app'),
  actor: text('actor').notNull(),
  deciderName: text('decider_name'),
  deciderPost: text('decider_post'),
  decidedOn: text('decided_on'),
  opinion: text('opinion'),
  attachmentId: integer('attachment_id'),
  at: text('at').notNull(),
});
