import { integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';

/** Photo imports as batches (migration 0011): listed in 导入记录 and undone from there. */
export const photoBatches = sqliteTable('photo_batches', {
  id: integer('id').primaryKey(),
  fileName: text('file_name').notNull(),
  files: integer('files').notNull(),
  photosSet: integer('photos_set').notNull(),
  photosReplaced: integer('photos_replaced').notNull(),
  keyChangeRequests: integer('key_change_requests').notNull(),
  skipped: integer('skipped').notNull(),
  createdBy: text('created_by').notNull(),
  createdAt: text('created_at').notNull(),
  undoneBy: text('undone_by'),
  undoneAt: text('undone_at'),
});

export const photoBatchItems = sqliteTable('photo_batch_items', {
  id: integer('id').primaryKey(),
  batchId: integer('batch_id').notNull().references(() => photoBatches.id, { onDelete: 'cascade' }),
  studentId: integer('student_id').notNull(),
  action: text('action', { enum: ['set', 'requested'] }).notNull(),
  fileName: text('file_name').notNull(),
  studentNo: text('student_no'),
  studentName: text('student_name').notNull(),
  photoBefore: integer('photo_before'),
  photoAfter: integer('photo_after').notNull(),
  originalAttachment: integer('original_attachment'),
  keyChangeRequestId: integer('key_change_request_id'),
});
