/**
 * 学籍异动 work orders: the one place they, their timeline and their evidence are read and written.
 * The engine (electron/main/features/statusChanges) decides what may happen; these functions only
 * store it, inside the caller's write transaction.
 */
import { and, asc, desc, eq, inArray, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../client';
import { DataError } from '../errors';
import { statusChangeAttachments, statusChangeEvents, statusChanges } from '../schema';
import type { StatusChangeState, StatusChangeType } from '../../shared/domain/status-changes/types';

export type StatusChangeRow = typeof statusChanges.$inferSelect;
export type StatusChangeEventRow = typeof statusChangeEvents.$inferSelect;
export type NewStatusChangeEvent = Omit<typeof statusChangeEvents.$inferInsert, 'id' | 'changeId'>;

export const openOrderMessage = (id: number) => `该学生已有一份正在办理的学籍异动（第 ${id} 号），请等它办结或撤回后再提交。`;

/** Thrown when the student already has an open order (the database enforces it too: migration 0013). */
export class OpenStatusChangeError extends DataError {
  constructor(readonly openId: number) {
    super('STATUS_CHANGE_OPEN', openOrderMessage(openId));
    this.name = 'OpenStatusChangeError';
  }
}

export function getStatusChange(db: Db, id: number): StatusChangeRow | undefined {
  return db.select().from(statusChanges).where(eq(statusChanges.id, id)).get();
}

/** The student's order still being worked on, if any (there is at most one). */
export function openStatusChange(db: Db, studentId: number): StatusChangeRow | undefined {
  return db.select().from(statusChanges).where(and(eq(statusChanges.studentId, studentId), inArray(statusChanges.state, ['pending', 'returned']))).get();
}

/** 数据范围: orders about students of these classes only. */
const aboutClasses = (classIds: readonly number[]) =>
  sql`${statusChanges.studentId} IN (SELECT id FROM students WHERE class_id IN (SELECT value FROM json_each(${JSON.stringify(classIds)})))`;

export interface StatusChangeFilter {
  states?: readonly StatusChangeState[];
  type?: StatusChangeType;
  studentId?: number;
  /** Applied (closed) at or after / before these instants (ISO), for the month's summary. */
  closedFrom?: string;
  closedBefore?: string;
  classScope?: readonly number[] | null;
  limit: number;
  offset?: number;
}

function where(f: Omit<StatusChangeFilter, 'limit' | 'offset'>): SQL | undefined {
  const w: SQL[] = [];
  if (f.classScope) w.push(aboutClasses(f.classScope));
  if (f.states?.length) w.push(inArray(statusChanges.state, [...f.states]));
  if (f.type) w.push(eq(statusChanges.type, f.type));
  if (f.studentId) w.push(eq(statusChanges.studentId, f.studentId));
  if (f.closedFrom) w.push(sql`${statusChanges.closedAt} >= ${f.closedFrom}`);
  if (f.closedBefore) w.push(sql`${statusChanges.closedAt} < ${f.closedBefore}`);
  return w.length ? and(...w) : undefined;
}

/** Newest first. */
export function listStatusChanges(db: Db, f: StatusChangeFilter): { rows: StatusChangeRow[]; total: number } {
  const w = where(f);
  const rows = db.select().from(statusChanges).where(w).orderBy(desc(statusChanges.id)).limit(f.limit).offset(f.offset ?? 0).all();
  const total = db.select({ n: sql<number>`count(*)` }).from(statusChanges).where(w).get()!.n;
  return { rows, total };
}

/** Applied orders in a period, oldest first (the month's summary). */
export function appliedBetween(db: Db, from: string, before: string, classScope?: readonly number[] | null): StatusChangeRow[] {
  return db.select().from(statusChanges).where(and(eq(statusChanges.state, 'approved'), where({ closedFrom: from, closedBefore: before, classScope }))).orderBy(asc(statusChanges.closedAt)).all();
}

/**
 * The 待办 lists show the oldest hundred of each kind: more than anyone works through from a home
 * page, and the list stays fast on a department with thousands of open orders.
 */
export const TODO_LIMIT = 100;

/** How many orders were applied in a period (the month report reminder). */
export function countAppliedBetween(db: Db, from: string, before: string, classScope?: readonly number[] | null): number {
  return db.select({ n: sql<number>`count(*)` }).from(statusChanges).where(and(eq(statusChanges.state, 'approved'), where({ closedFrom: from, closedBefore: before, classScope }))).get()!.n;
}

/** Orders waiting at a step this role decides in the app. */
export function waitingForRole(db: Db, role: string, classScope?: readonly number[] | null, limit = TODO_LIMIT): StatusChangeRow[] {
  return db.select().from(statusChanges)
    .where(and(eq(statusChanges.state, 'pending'), eq(statusChanges.stepRole, role), classScope ? aboutClasses(classScope) : undefined))
    .orderBy(asc(statusChanges.stepSince)).limit(limit).all();
}

/** Orders waiting at any step since before this instant (the overdue check is done in working days by the caller). */
export function waitingSince(db: Db, before: string, classScope?: readonly number[] | null, limit = TODO_LIMIT): StatusChangeRow[] {
  return db.select().from(statusChanges)
    .where(and(eq(statusChanges.state, 'pending'), sql`${statusChanges.stepSince} < ${before}`, classScope ? aboutClasses(classScope) : undefined))
    .orderBy(asc(statusChanges.stepSince)).limit(limit).all();
}

/** Orders filed by this user that came back to them (退回), within their 数据范围 as it is now. */
export function returnedTo(db: Db, username: string, classScope?: readonly number[] | null, limit = TODO_LIMIT): StatusChangeRow[] {
  return db.select().from(statusChanges)
    .where(and(eq(statusChanges.state, 'returned'), sql`lower(${statusChanges.filedBy}) = lower(${username})`, classScope ? aboutClasses(classScope) : undefined))
    .orderBy(desc(statusChanges.stepSince)).limit(limit).all();
}

/** Orders waiting at a step nobody decides in the app: the counselor records the paper decision. */
export function waitingForPaper(db: Db, classScope?: readonly number[] | null, limit = TODO_LIMIT): StatusChangeRow[] {
  return db.select().from(statusChanges)
    .where(and(eq(statusChanges.state, 'pending'), sql`${statusChanges.stepRole} IS NULL`, classScope ? aboutClasses(classScope) : undefined))
    .orderBy(asc(statusChanges.stepSince)).limit(limit).all();
}

/** Applied decisions (退学/开除/取消) of the types given, for the appeal windows. */
export function appliedOfTypes(db: Db, types: readonly StatusChangeType[], closedFrom: string, classScope?: readonly number[] | null): StatusChangeRow[] {
  return db.select().from(statusChanges)
    .where(and(eq(statusChanges.state, 'approved'), inArray(statusChanges.type, [...types]), sql`${statusChanges.closedAt} >= ${closedFrom}`, classScope ? aboutClasses(classScope) : undefined))
    .orderBy(desc(statusChanges.closedAt)).all();
}

/** A student's applied orders of one type, oldest first (休学 count and total). */
export function appliedForStudent(db: Db, studentId: number, type: StatusChangeType): StatusChangeRow[] {
  return db.select().from(statusChanges).where(and(eq(statusChanges.studentId, studentId), eq(statusChanges.type, type), eq(statusChanges.state, 'approved'))).orderBy(asc(statusChanges.id)).all();
}

/** The applied 休学/保留学籍 a 复学/恢复学籍 ends: the student's latest of those types. */
export function latestApplied(db: Db, studentId: number, types: readonly StatusChangeType[]): StatusChangeRow | undefined {
  return db.select().from(statusChanges).where(and(eq(statusChanges.studentId, studentId), eq(statusChanges.state, 'approved'), inArray(statusChanges.type, [...types]))).orderBy(desc(statusChanges.closedAt), desc(statusChanges.id)).get();
}

/**
 * Files an order. Call it inside the write transaction: the open-order check then sees everything
 * committed before, by any connection.
 */
export function insertStatusChange(db: Db, v: Omit<typeof statusChanges.$inferInsert, 'id'>): StatusChangeRow {
  const open = openStatusChange(db, v.studentId);
  if (open) throw new OpenStatusChangeError(open.id);
  return db.insert(statusChanges).values(v).returning().get();
}

/**
 * Moves an order on, if it is still where the caller saw it (state and step): a second decider who
 * loaded the same order gets false, not a double decision.
 */
export function moveStatusChange(db: Db, id: number, seen: { state: StatusChangeState; stepIndex: number; stepSince?: string }, patch: Partial<typeof statusChanges.$inferInsert>): boolean {
  const r = db.update(statusChanges).set(patch)
    .where(and(eq(statusChanges.id, id), eq(statusChanges.state, seen.state), eq(statusChanges.stepIndex, seen.stepIndex), seen.stepSince ? eq(statusChanges.stepSince, seen.stepSince) : undefined))
    .run();
  return r.changes === 1;
}

export function setStatusChangeData(db: Db, id: number, data: string): void {
  db.update(statusChanges).set({ data }).where(eq(statusChanges.id, id)).run();
}

export function addStatusChangeEvent(db: Db, changeId: number, e: NewStatusChangeEvent): StatusChangeEventRow {
  return db.insert(statusChangeEvents).values({ ...e, changeId }).returning().get();
}

export function listStatusChangeEvents(db: Db, changeId: number): StatusChangeEventRow[] {
  return db.select().from(statusChangeEvents).where(eq(statusChangeEvents.changeId, changeId)).orderBy(asc(statusChangeEvents.id)).all();
}

export function addStatusChangeAttachment(db: Db, changeId: number, attachmentId: number, kind: string): void {
  db.insert(statusChangeAttachments).values({ changeId, attachmentId, kind }).run();
}

export function listStatusChangeAttachments(db: Db, changeId: number) {
  return db.$client
    .prepare('SELECT a.id, a.file_name AS fileName, a.mime, a.size, a.created_by AS createdBy, a.created_at AS createdAt, s.kind FROM status_change_attachments s JOIN attachments a ON a.id = s.attachment_id WHERE s.change_id = ? ORDER BY a.id')
    .all(changeId) as { id: number; fileName: string; mime: string; size: number; createdBy: string; createdAt: string; kind: string }[];
}

export function countStatusChangeAttachments(db: Db, changeId: number): number {
  return (db.$client.prepare('SELECT count(*) AS n FROM status_change_attachments WHERE change_id = ?').get(changeId) as { n: number }).n;
}

/** Students on 休学/保留学籍/保留入学资格 whose end date is on or before `day` (ending soon or overdue). */
export function endingBy(db: Db, day: string, classScope?: readonly number[] | null, limit = TODO_LIMIT) {
  const scope = classScope ? `AND class_id IN (SELECT value FROM json_each(?))` : '';
  const args: unknown[] = [day];
  if (classScope) args.push(JSON.stringify(classScope));
  return db.$client
    .prepare(`SELECT id, name, student_no AS studentNo, status, status_until AS statusUntil, class_id AS classId FROM students WHERE status IN ('suspended', 'retained', 'admission_retained') AND status_until IS NOT NULL AND status_until <= ? ${scope} ORDER BY status_until LIMIT ${Math.floor(limit)}`)
    .all(...args) as { id: number; name: string; studentNo: string | null; status: string; statusUntil: string; classId: number | null }[];
}

/**
 * Names and 学号 of many students in one statement (the 待办 list names hundreds; a query each, built
 * by the ORM, took most of its time).
 */
export function studentBriefs(db: Db, ids: readonly number[]): Map<number, { name: string; studentNo: string | null }> {
  if (!ids.length) return new Map();
  const rows = db.$client
    .prepare('SELECT id, name, student_no AS studentNo FROM students WHERE id IN (SELECT value FROM json_each(?))')
    .all(JSON.stringify([...new Set(ids)])) as { id: number; name: string; studentNo: string | null }[];
  return new Map(rows.map((r) => [r.id, { name: r.name, studentNo: r.studentNo }]));
}
