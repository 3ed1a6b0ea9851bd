import { integer, primaryKey, sqliteTable, text } from 'drizzle-orm/sqlite-core';

export const importBatches = sqliteTable('import_batches', {
  id: integer('id').primaryKey(),
  /** Which import wrote it (shared/domain/import/specs.ts); migration 0019. */
  spec: text('spec').notNull().default('roster'),
  fileName: text('file_name').notNull(),
  sheet: text('sheet').notNull(),
  mode: text('mode', { enum: ['add', 'update'] }).notNull(),
  rows: integer('rows').notNull(),
  imported: integer('imported').notNull(),
  updated: integer('updated').notNull(),
  skipped: integer('skipped').notNull(),
  keyChangeRequests: integer('key_change_requests').notNull().default(0),
  createdBy: text('created_by').notNull(),
  createdAt: text('created_at').notNull(),
  undoneBy: text('undone_by'),
  undoneAt: text('undone_at'),
});

export const importBatchItems = sqliteTable('import_batch_items', {
  id: integer('id').primaryKey(),
  batchId: integer('batch_id').notNull().references(() => importBatches.id, { onDelete: 'cascade' }),
  studentId: integer('student_id').notNull(),
  action: text('action', { enum: ['created', 'updated', 'requested'] }).notNull(),
  rowNo: integer('row_no').notNull(),
  studentNo: text('student_no'),
  studentName: text('student_name').notNull(),
  versionAfter: integer('version_after').notNull(),
  before: text('before'),
  keyChangeRequestId: integer('key_change_request_id'),
});

/** Remembered header → field choices, per import spec (migration 0019). */
export const importMappings = sqliteTable(
  'import_mappings',
  {
    spec: text('spec').notNull(),
    header: text('header').notNull(),
    field: text('field').notNull(),
    updatedBy: text('updated_by').notNull(),
    updatedAt: text('updated_at').notNull(),
  },
  (t) => [primaryKey({ columns: [t.spec, t.header] })],
);
