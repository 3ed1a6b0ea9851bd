/**
 * 学业预警 follow-up in the database (migration 0023): talks, the assistance plan and its follow-up
 * dates, notices with their sending and 回执 — per student and term — and what the 待办 list asks.
 */
import type { Db } from '../client';
import type { WarningRunRow } from './warnings';
import type { NoticeRecipient, SendMethod } from '../../shared/domain/warnings';

const scopeSql = (col: string, classScope: readonly number[] | null) =>
  classScope ? `${col} IN (SELECT id FROM students WHERE class_id IN (SELECT value FROM json_each(?)))` : '1';
const scopeArgs = (classScope: readonly number[] | null) => (classScope ? [JSON.stringify(classScope)] : []);

export interface FollowUpStudent {
  id: number;
  name: string;
  studentNo: string | null;
  classId: number | null;
  className: string | null;
  majorName: string | null;
}

export function followUpStudent(db: Db, studentId: number): FollowUpStudent | undefined {
  return db.$client
    .prepare(
      `SELECT s.id, s.name, s.student_no AS studentNo, s.class_id AS classId, c.name AS className, m.name AS majorName
         FROM students s LEFT JOIN classes c ON c.id = s.class_id LEFT JOIN majors m ON m.id = c.major_id WHERE s.id = ?`,
    )
    .get(studentId) as FollowUpStudent | undefined;
}

/**
 * The latest run of a term that looked at this class: a run by a counselor scoped to other classes
 * says nothing about this student, so the term's plain latest run is not enough.
 */
export function latestRunCovering(db: Db, term: string, classId: number | null): WarningRunRow | undefined {
  const row = db.$client
    .prepare(
      `SELECT id, term, rule_set AS ruleSet, scope, run_by AS runBy, run_at AS runAt, evaluated, excluded, warned FROM warning_runs
        WHERE term = ? AND (scope IS NULL OR EXISTS (SELECT 1 FROM json_each(warning_runs.scope) WHERE value = ?))
        ORDER BY id DESC LIMIT 1`,
    )
    .get(term, classId ?? -1);
  return row as WarningRunRow | undefined;
}

export interface StudentResult {
  runId: number;
  term: string;
  runAt: string;
  tier: string | null;
  colour: string | null;
  previousTier: string | null;
  change: string;
  reasons: string;
}

const RESULT_COLUMNS = `r.run_id AS runId, w.term, w.run_at AS runAt, r.tier, r.colour, r.previous_tier AS previousTier, r.change, r.reasons`;

/** The student's row in a run, if the run listed them. */
export function resultIn(db: Db, runId: number, studentId: number): StudentResult | undefined {
  return db.$client
    .prepare(`SELECT ${RESULT_COLUMNS} FROM warning_results r JOIN warning_runs w ON w.id = r.run_id WHERE r.run_id = ? AND r.student_id = ?`)
    .get(runId, studentId) as StudentResult | undefined;
}

/** Every run's row for the student, oldest first: how the tier moved from run to run. */
export function resultsOfStudent(db: Db, studentId: number): StudentResult[] {
  return db.$client
    .prepare(`SELECT ${RESULT_COLUMNS} FROM warning_results r JOIN warning_runs w ON w.id = r.run_id WHERE r.student_id = ? ORDER BY w.term, w.id`)
    .all(studentId) as StudentResult[];
}

/** Whether some run of the term gave the student a tier (follow-up is for warned students). */
export function warnedInTerm(db: Db, studentId: number, term: string): boolean {
  return !!db.$client
    .prepare(`SELECT 1 FROM warning_results r JOIN warning_runs w ON w.id = r.run_id WHERE r.student_id = ? AND w.term = ? AND r.tier IS NOT NULL LIMIT 1`)
    .get(studentId, term);
}

// ---------------------------------------------------------------- talks

export interface TalkRow {
  id: number;
  studentId: number;
  term: string;
  talkedOn: string;
  talkedBy: string;
  content: string;
  studyPlan: string;
  createdBy: string;
  createdAt: string;
  updatedBy: string | null;
  updatedAt: string | null;
}
const TALK_COLUMNS = `id, student_id AS studentId, term, talked_on AS talkedOn, talked_by AS talkedBy, content, study_plan AS studyPlan,
  created_by AS createdBy, created_at AS createdAt, updated_by AS updatedBy, updated_at AS updatedAt`;

export function talksOf(db: Db, studentId: number, term: string): TalkRow[] {
  return db.$client.prepare(`SELECT ${TALK_COLUMNS} FROM warning_talks WHERE student_id = ? AND term = ? ORDER BY talked_on, id`).all(studentId, term) as TalkRow[];
}

export function getTalk(db: Db, id: number): TalkRow | undefined {
  return db.$client.prepare(`SELECT ${TALK_COLUMNS} FROM warning_talks WHERE id = ?`).get(id) as TalkRow | undefined;
}

export interface TalkValues {
  talkedOn: string;
  talkedBy: string;
  content: string;
  studyPlan: string;
}

export function insertTalk(db: Db, v: TalkValues & { studentId: number; term: string; by: string; at: string }): number {
  return Number(
    db.$client
      .prepare('INSERT INTO warning_talks (student_id, term, talked_on, talked_by, content, study_plan, created_by, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)')
      .run(v.studentId, v.term, v.talkedOn, v.talkedBy, v.content, v.studyPlan, v.by, v.at).lastInsertRowid,
  );
}

export function updateTalk(db: Db, id: number, v: TalkValues & { by: string; at: string }): void {
  db.$client
    .prepare('UPDATE warning_talks SET talked_on = ?, talked_by = ?, content = ?, study_plan = ?, updated_by = ?, updated_at = ? WHERE id = ?')
    .run(v.talkedOn, v.talkedBy, v.content, v.studyPlan, v.by, v.at, id);
}

// ---------------------------------------------------------------- plan and follow-ups

export interface PlanRow {
  content: string;
  updatedBy: string;
  updatedAt: string;
}

export function planOf(db: Db, studentId: number, term: string): PlanRow | undefined {
  return db.$client
    .prepare('SELECT content, updated_by AS updatedBy, updated_at AS updatedAt FROM warning_plans WHERE student_id = ? AND term = ?')
    .get(studentId, term) as PlanRow | undefined;
}

export function savePlan(db: Db, v: { studentId: number; term: string; content: string; by: string; at: string }): void {
  db.$client
    .prepare(
      `INSERT INTO warning_plans (student_id, term, content, updated_by, updated_at) VALUES (?, ?, ?, ?, ?)
       ON CONFLICT (student_id, term) DO UPDATE SET content = excluded.content, updated_by = excluded.updated_by, updated_at = excluded.updated_at`,
    )
    .run(v.studentId, v.term, v.content, v.by, v.at);
}

export interface FollowUpRow {
  id: number;
  studentId: number;
  term: string;
  dueOn: string;
  doneOn: string | null;
  note: string;
}
const FOLLOW_UP_COLUMNS = 'id, student_id AS studentId, term, due_on AS dueOn, done_on AS doneOn, note';

export function followUpsOf(db: Db, studentId: number, term: string): FollowUpRow[] {
  return db.$client.prepare(`SELECT ${FOLLOW_UP_COLUMNS} FROM warning_follow_ups WHERE student_id = ? AND term = ? ORDER BY due_on, id`).all(studentId, term) as FollowUpRow[];
}

export function getFollowUp(db: Db, id: number): FollowUpRow | undefined {
  return db.$client.prepare(`SELECT ${FOLLOW_UP_COLUMNS} FROM warning_follow_ups WHERE id = ?`).get(id) as FollowUpRow | undefined;
}

export function insertFollowUp(db: Db, v: { studentId: number; term: string; dueOn: string; doneOn: string | null; note: string; by: string; at: string }): number {
  return Number(
    db.$client
      .prepare('INSERT INTO warning_follow_ups (student_id, term, due_on, done_on, note, created_by, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)')
      .run(v.studentId, v.term, v.dueOn, v.doneOn, v.note, v.by, v.at).lastInsertRowid,
  );
}

export function updateFollowUp(db: Db, id: number, v: { dueOn: string; doneOn: string | null; note: string; by: string; at: string }): void {
  db.$client
    .prepare('UPDATE warning_follow_ups SET due_on = ?, done_on = ?, note = ?, updated_by = ?, updated_at = ? WHERE id = ?')
    .run(v.dueOn, v.doneOn, v.note, v.by, v.at, id);
}

// ---------------------------------------------------------------- notices

export interface NoticeRow {
  id: number;
  studentId: number;
  term: string;
  recipient: NoticeRecipient;
  tier: string;
  colour: string | null;
  runId: number;
  /** JSON array of the reason texts printed. */
  reasons: string;
  serial: number;
  noticeNo: string;
  issuedBy: string;
  issuedAt: string;
  issueCount: number;
  lastIssuedBy: string;
  lastIssuedAt: string;
  receiptOn: string | null;
  receiptNote: string | null;
  receiptBy: string | null;
  receiptAt: string | null;
}
const NOTICE_COLUMNS = `id, student_id AS studentId, term, recipient, tier, colour, run_id AS runId, reasons, serial, notice_no AS noticeNo,
  issued_by AS issuedBy, issued_at AS issuedAt, issue_count AS issueCount, last_issued_by AS lastIssuedBy, last_issued_at AS lastIssuedAt,
  receipt_on AS receiptOn, receipt_note AS receiptNote, receipt_by AS receiptBy, receipt_at AS receiptAt`;

/** Every notice of the student, all terms, in the order issued. */
export function noticesOf(db: Db, studentId: number): NoticeRow[] {
  return db.$client.prepare(`SELECT ${NOTICE_COLUMNS} FROM warning_notices WHERE student_id = ? ORDER BY id`).all(studentId) as NoticeRow[];
}

export function getNotice(db: Db, id: number): NoticeRow | undefined {
  return db.$client.prepare(`SELECT ${NOTICE_COLUMNS} FROM warning_notices WHERE id = ?`).get(id) as NoticeRow | undefined;
}

/** The notice already issued for this student, term, recipient and tier, if any (a re-issue keeps it). */
export function findNotice(db: Db, v: { studentId: number; term: string; recipient: NoticeRecipient; tier: string }): NoticeRow | undefined {
  return db.$client
    .prepare(`SELECT ${NOTICE_COLUMNS} FROM warning_notices WHERE student_id = ? AND term = ? AND recipient = ? AND tier = ?`)
    .get(v.studentId, v.term, v.recipient, v.tier) as NoticeRow | undefined;
}

/** The highest running number issued in the term (0 when none). */
export function lastNoticeSerial(db: Db, term: string): number {
  return (db.$client.prepare('SELECT max(serial) AS n FROM warning_notices WHERE term = ?').get(term) as { n: number | null }).n ?? 0;
}

export function insertNotice(db: Db, v: Omit<NoticeRow, 'id' | 'issueCount' | 'lastIssuedBy' | 'lastIssuedAt' | 'receiptOn' | 'receiptNote' | 'receiptBy' | 'receiptAt'>): number {
  return Number(
    db.$client
      .prepare(
        `INSERT INTO warning_notices (student_id, term, recipient, tier, colour, run_id, reasons, serial, notice_no, issued_by, issued_at, last_issued_by, last_issued_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(v.studentId, v.term, v.recipient, v.tier, v.colour, v.runId, v.reasons, v.serial, v.noticeNo, v.issuedBy, v.issuedAt, v.issuedBy, v.issuedAt).lastInsertRowid,
  );
}

export function markReissued(db: Db, id: number, by: string, at: string): void {
  db.$client.prepare('UPDATE warning_notices SET issue_count = issue_count + 1, last_issued_by = ?, last_issued_at = ? WHERE id = ?').run(by, at, id);
}

export function setReceipt(db: Db, id: number, v: { receivedOn: string; note: string; by: string; at: string }): void {
  db.$client.prepare('UPDATE warning_notices SET receipt_on = ?, receipt_note = ?, receipt_by = ?, receipt_at = ? WHERE id = ?').run(v.receivedOn, v.note, v.by, v.at, id);
}

export interface SendRow {
  id: number;
  noticeId: number;
  method: SendMethod;
  sentOn: string;
  mailNo: string | null;
  phoneLog: string | null;
  note: string;
  recordedBy: string;
  recordedAt: string;
}

export function sendsOf(db: Db, noticeIds: readonly number[]): SendRow[] {
  if (!noticeIds.length) return [];
  return db.$client
    .prepare(
      `SELECT id, notice_id AS noticeId, method, sent_on AS sentOn, mail_no AS mailNo, phone_log AS phoneLog, note, recorded_by AS recordedBy, recorded_at AS recordedAt
         FROM warning_notice_sends WHERE notice_id IN (SELECT value FROM json_each(?)) ORDER BY sent_on, id`,
    )
    .all(JSON.stringify(noticeIds)) as SendRow[];
}

export function insertSend(db: Db, v: Omit<SendRow, 'id'>): number {
  return Number(
    db.$client
      .prepare('INSERT INTO warning_notice_sends (notice_id, method, sent_on, mail_no, phone_log, note, recorded_by, recorded_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)')
      .run(v.noticeId, v.method, v.sentOn, v.mailNo, v.phoneLog, v.note, v.recordedBy, v.recordedAt).lastInsertRowid,
  );
}

// ---------------------------------------------------------------- 待办

export interface OverdueReceipt {
  noticeId: number;
  studentId: number;
  name: string;
  studentNo: string | null;
  term: string;
  noticeNo: string;
  tier: string;
  firstSentOn: string;
}

/** Parent notices first sent on or before `sentBy` whose 回执 is not back, oldest first, in scope. */
export function receiptsOutstanding(db: Db, sentBy: string, classScope: readonly number[] | null): OverdueReceipt[] {
  return db.$client
    .prepare(
      `SELECT n.id AS noticeId, n.student_id AS studentId, s.name, s.student_no AS studentNo, n.term, n.notice_no AS noticeNo, n.tier, f.firstSentOn
         FROM warning_notices n
         JOIN (SELECT notice_id, min(sent_on) AS firstSentOn FROM warning_notice_sends GROUP BY notice_id) f ON f.notice_id = n.id
         JOIN students s ON s.id = n.student_id
        WHERE n.recipient = 'parent' AND n.receipt_on IS NULL AND f.firstSentOn <= ? AND ${scopeSql('n.student_id', classScope)}
        ORDER BY f.firstSentOn, n.id`,
    )
    .all(sentBy, ...scopeArgs(classScope)) as OverdueReceipt[];
}

export interface OverdueFollowUp {
  id: number;
  studentId: number;
  name: string;
  studentNo: string | null;
  term: string;
  dueOn: string;
  note: string;
}

/** Follow-ups due before `today` and not done, oldest first, in scope. */
export function followUpsOverdue(db: Db, today: string, classScope: readonly number[] | null): OverdueFollowUp[] {
  return db.$client
    .prepare(
      `SELECT f.id, f.student_id AS studentId, s.name, s.student_no AS studentNo, f.term, f.due_on AS dueOn, f.note
         FROM warning_follow_ups f JOIN students s ON s.id = f.student_id
        WHERE f.done_on IS NULL AND f.due_on < ? AND ${scopeSql('f.student_id', classScope)}
        ORDER BY f.due_on, f.id`,
    )
    .all(today, ...scopeArgs(classScope)) as OverdueFollowUp[];
}
