/**
 * Transcripts in the database: the facts a transcript prints about its students, the school's
 * transcript settings (a key of their own in the settings table), and the log of issued transcripts
 * (migration 0021), which is only ever appended to.
 */
import { asc, desc, eq, inArray, sql } from 'drizzle-orm';
import { DEFAULT_TRANSCRIPT_SETTINGS, type TranscriptSettings } from '../../shared/domain/transcripts';
import type { Db } from '../client';
import { classes, majors, settings, students, transcriptIssues } from '../schema';

export type TranscriptIssueRow = typeof transcriptIssues.$inferSelect;
export type NewTranscriptIssue = Omit<typeof transcriptIssues.$inferInsert, 'id'>;

/** A student as a transcript names them (unmasked: a transcript is an official copy). */
export interface TranscriptStudentRow {
  id: number;
  name: string;
  gender: string;
  birthDate: string;
  studentNo: string | null;
  enrolmentDate: string | null;
  photoAttachmentId: number | null;
  classId: number | null;
  className: string | null;
  majorId: number | null;
  majorName: string | null;
  level: string | null;
  lengthYears: string | null;
}

const studentColumns = {
  id: students.id,
  name: students.name,
  gender: students.gender,
  birthDate: students.birthDate,
  studentNo: students.studentNo,
  enrolmentDate: students.enrolmentDate,
  photoAttachmentId: students.photoAttachmentId,
  classId: students.classId,
  className: classes.name,
  majorId: majors.id,
  majorName: majors.name,
  level: majors.level,
  lengthYears: sql<string | null>`coalesce(${classes.lengthYears}, ${majors.lengthYears})`,
};

/** The students by id, in the order of the ids given (chunked for SQLite's parameter limit). */
export function transcriptStudents(db: Db, ids: readonly number[]): TranscriptStudentRow[] {
  const byId = new Map<number, TranscriptStudentRow>();
  for (let i = 0; i < ids.length; i += 500) {
    const rows = db
      .select(studentColumns)
      .from(students)
      .leftJoin(classes, eq(classes.id, students.classId))
      .leftJoin(majors, eq(majors.id, classes.majorId))
      .where(inArray(students.id, ids.slice(i, i + 500)))
      .all();
    for (const r of rows) byId.set(r.id, r);
  }
  return ids.flatMap((id) => byId.get(id) ?? []);
}

/** The ids of the students now in a class, by 学号 (those without one last, by name): a class batch's order. */
export const classStudentIds = (db: Db, classId: number): number[] =>
  db
    .select({ id: students.id })
    .from(students)
    .where(eq(students.classId, classId))
    .orderBy(sql`${students.studentNo} IS NULL`, asc(students.studentNo), asc(students.name))
    .all()
    .map((r) => r.id);

const SETTINGS_KEY = 'transcripts';

export function getTranscriptSettings(db: Db): TranscriptSettings {
  const row = db.select().from(settings).where(eq(settings.key, SETTINGS_KEY)).get();
  return row ? { ...DEFAULT_TRANSCRIPT_SETTINGS, ...(JSON.parse(row.value) as Partial<TranscriptSettings>) } : DEFAULT_TRANSCRIPT_SETTINGS;
}

export function putTranscriptSettings(db: Db, value: TranscriptSettings): void {
  const json = JSON.stringify(value);
  db.insert(settings).values({ key: SETTINGS_KEY, value: json }).onConflictDoUpdate({ target: settings.key, set: { value: json } }).run();
}

export function insertTranscriptIssues(db: Db, rows: readonly NewTranscriptIssue[]): void {
  const ins = db.$client.prepare(
    `INSERT INTO transcript_issues (student_id, lang, page_name, page_width_mm, page_height_mm, content_sha256, gpa_text, credits_earned, batch, issued_by, issued_at)
     VALUES (?,?,?,?,?,?,?,?,?,?,?)`,
  );
  for (const r of rows) ins.run(r.studentId, r.lang, r.pageName, r.pageWidthMm, r.pageHeightMm, r.contentSha256, r.gpaText, r.creditsEarned, r.batch ?? null, r.issuedBy, r.issuedAt);
}

/** A student's issued transcripts, newest first. */
export const transcriptIssuesOf = (db: Db, studentId: number): TranscriptIssueRow[] =>
  db.select().from(transcriptIssues).where(eq(transcriptIssues.studentId, studentId)).orderBy(desc(transcriptIssues.id)).all();
