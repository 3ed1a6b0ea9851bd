import { integer, real, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import type { TranscriptLang } from '../../shared/domain/transcripts';

/** Issued transcripts (migration 0021): never changed, never deleted. */
export const transcriptIssues = sqliteTable('transcript_issues', {
  id: integer('id').primaryKey(),
  studentId: integer('student_id').notNull(),
  lang: text('lang').$type<TranscriptLang>().notNull(),
  pageName: text('page_name').notNull(),
  pageWidthMm: real('page_width_mm').notNull(),
  pageHeightMm: real('page_height_mm').notNull(),
  contentSha256: text('content_sha256').notNull(),
  gpaText: text('gpa_text').notNull(),
  creditsEarned: text('credits_earned').notNull(),
  batch: text('batch'),
  issuedBy: text('issued_by').notNull(),
  issuedAt: text('issued_at').notNull(),
});
