/**
 * Key-field change requests (信息变更申请): the one place they are read and written. They are filed
 * by keyChanges.request, by the roster import in update mode, and by the photo import (a registered
 * student's new photo); decided by keyChanges.decide; withdrawn by the requester (keyChanges.withdraw)
 * or when the import batch that filed it is undone.
 *
 * A student has at most one pending request. fileKeyChange checks it inside the caller's write
 * transaction, and the database enforces it too (partial unique index, migration 0007).
 */
import { and, asc, count, desc, eq, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../client';
import { DataError } from '../errors';
import { keyChangeRequests } from '../schema';

export type KeyChangeRow = typeof keyChangeRequests.$inferSelect;
export type KeyChangeStatus = KeyChangeRow['status'];
/** One changed field, stored as JSON in `changes` (a photo change: before/after are attachment ids). */
export interface KeyChangeEntry {
  field: string;
  before: unknown;
  after: unknown;
}

/** The user-facing text for "this student already has a pending request". */
export const pendingKeyChangeMessage = (pendingId: number) => `该学生已有一份待审批的变更申请（第 ${pendingId} 号），请等待审批后再提交。`;

/** Thrown by fileKeyChange when the student already has a pending request (shown as CONFLICT). */
export class KeyChangePendingError extends DataError {
  constructor(readonly pendingId: number) {
    super('KEY_CHANGE_PENDING', pendingKeyChangeMessage(pendingId));
    this.name = 'KeyChangePendingError';
  }
}

export function getKeyChange(db: Db, id: number): KeyChangeRow | undefined {
  return db.select().from(keyChangeRequests).where(eq(keyChangeRequests.id, id)).get();
}

/** The student's pending request, if any (there is at most one). */
export function pendingKeyChange(db: Db, studentId: number): KeyChangeRow | undefined {
  return db.select().from(keyChangeRequests).where(and(eq(keyChangeRequests.studentId, studentId), eq(keyChangeRequests.status, 'pending'))).get();
}

/** Pending request id per student, for checks of many students at once (the roster import). */
export function pendingKeyChangesByStudent(db: Db): Map<number, number> {
  const rows = db.select({ id: keyChangeRequests.id, studentId: keyChangeRequests.studentId }).from(keyChangeRequests).where(eq(keyChangeRequests.status, 'pending')).all();
  return new Map(rows.map((r) => [r.studentId, r.id]));
}

/** Newest first. */
/** 数据范围: requests about students of these classes only. */
const aboutClasses = (classIds: readonly number[]) =>
  sql`${keyChangeRequests.studentId} IN (SELECT id FROM students WHERE class_id IN (SELECT value FROM json_each(${JSON.stringify(classIds)})))`;

export function listKeyChanges(db: Db, f: { status?: KeyChangeStatus; studentId?: number; limit: number; classScope?: readonly number[] | null }): KeyChangeRow[] {
  const where: SQL[] = [];
  if (f.classScope) where.push(aboutClasses(f.classScope));
  if (f.status) where.push(eq(keyChangeRequests.status, f.status));
  if (f.studentId) where.push(eq(keyChangeRequests.studentId, f.studentId));
  return db.select().from(keyChangeRequests).where(where.length ? and(...where) : undefined).orderBy(desc(keyChangeRequests.id)).limit(f.limit).all();
}

/**
 * Files a pending request. Call it inside the write transaction that goes with it: the check for
 * an already pending request then sees everything committed before, by any connection.
 * @throws KeyChangePendingError when the student already has a pending request.
 */
export function fileKeyChange(
  db: Db,
  v: { studentId: number; changes: readonly KeyChangeEntry[]; reason: string; attachmentId?: number | null; requestedBy: string; requestedAt: string },
): KeyChangeRow {
  const pending = pendingKeyChange(db, v.studentId);
  if (pending) throw new KeyChangePendingError(pending.id);
  return db
    .insert(keyChangeRequests)
    .values({ studentId: v.studentId, changes: JSON.stringify(v.changes), reason: v.reason, attachmentId: v.attachmentId ?? null, requestedBy: v.requestedBy, requestedAt: v.requestedAt })
    .returning()
    .get();
}

/** Approves or rejects a pending request; false when it is not pending (any more). */
export function decideKeyChange(db: Db, id: number, d: { approve: boolean; by: string; at: string; comment: string | null }): boolean {
  const r = db
    .update(keyChangeRequests)
    .set({ status: d.approve ? 'approved' : 'rejected', decidedBy: d.by, decidedAt: d.at, decisionComment: d.comment })
    .where(and(eq(keyChangeRequests.id, id), eq(keyChangeRequests.status, 'pending')))
    .run();
  return r.changes > 0;
}

/**
 * Withdraws a request that is still pending: it becomes withdrawn (已撤回), with the comment saying
 * why. Returns the request as it was, or null when it is gone or no longer pending.
 */
export function withdrawKeyChange(db: Db, id: number, w: { by: string; at: string; comment: string }): KeyChangeRow | null {
  const r = getKeyChange(db, id);
  if (!r || r.status !== 'pending') return null;
  db.update(keyChangeRequests)
    .set({ status: 'withdrawn', decidedBy: w.by, decidedAt: w.at, decisionComment: w.comment })
    .where(and(eq(keyChangeRequests.id, id), eq(keyChangeRequests.status, 'pending')))
    .run();
  return r;
}

/** User names compare without case, as sign-in does. */
const notFiledBy = (username: string) => sql`lower(${keyChangeRequests.requestedBy}) <> lower(${username})`;
const filedBy = (username: string) => sql`lower(${keyChangeRequests.requestedBy}) = lower(${username})`;

/**
 * Pending requests this user could decide: everyone's but their own (nobody approves their own).
 * The oldest first, as they have waited longest; `total` counts them all.
 */
export function awaitingDecision(db: Db, username: string, limit: number, classScope: readonly number[] | null = null): { total: number; rows: KeyChangeRow[] } {
  const where = and(eq(keyChangeRequests.status, 'pending'), notFiledBy(username), classScope ? aboutClasses(classScope) : undefined);
  const total = db.select({ n: count() }).from(keyChangeRequests).where(where).get()?.n ?? 0;
  const rows = db.select().from(keyChangeRequests).where(where).orderBy(asc(keyChangeRequests.id)).limit(limit).all();
  return { total, rows };
}

/** This user's own requests, the latest outcome (or filing) first. */
export function requestsFiledBy(db: Db, username: string, limit: number): KeyChangeRow[] {
  return db
    .select()
    .from(keyChangeRequests)
    .where(filedBy(username))
    .orderBy(desc(sql`coalesce(${keyChangeRequests.decidedAt}, ${keyChangeRequests.requestedAt})`), desc(keyChangeRequests.id))
    .limit(limit)
    .all();
}
