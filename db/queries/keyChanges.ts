/**
 * Key-field change requests (信息变更申请): the one place they and their timeline are read and
 * written. They are filed by keyChanges.request, by the roster import in update mode, and by the
 * photo import (a registered student's new photo); move through their approval chain on the engine
 * that 学籍异动 uses (electron/main/features/keyChanges); are withdrawn by the requester or the admin,
 * or when the import batch that filed them is undone.
 *
 * A student has at most one open request (pending or returned). fileKeyChange checks it inside the
 * caller's write transaction, and the database enforces it too (partial unique index, migration 0016).
 *
 * decided_by / decided_at / decision_comment hold the latest outcome (a return, the final approval,
 * a withdrawal) for lists; the timeline (key_change_events) holds every step.
 */
import { and, asc, count, desc, eq, inArray, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../client';
import { DataError } from '../errors';
import { keyChangeEvents, keyChangeRequests } from '../schema';
import { KEY_CHANGES_CHAIN } from '../../shared/domain/approval-chains';
import { OPEN_KEY_CHANGE_STATUSES } from '../../shared/domain/key-changes';
import { chainFor } from './status-change-config';

export type KeyChangeRow = typeof keyChangeRequests.$inferSelect;
export type KeyChangeStatus = KeyChangeRow['status'];
export type KeyChangeEventRow = typeof keyChangeEvents.$inferSelect;
export type NewKeyChangeEvent = Omit<typeof keyChangeEvents.$inferInsert, 'id' | 'changeId'>;
/** One changed field, stored as JSON in `changes` (a photo change: before/after are attachment ids). */
export interface KeyChangeEntry {
  field: string;
  before: unknown;
  after: unknown;
}

/** The user-facing text for "this student already has an open request". */
export const openKeyChangeMessage = (open: { id: number; status: string }) =>
  open.status === 'returned'
    ? `该学生已有一份被退回的变更申请（第 ${open.id} 号），请修改后重新提交或撤回后再提交新的申请。`
    : `该学生已有一份待审批的变更申请（第 ${open.id} 号），请等待审批后再提交。`;

/** Thrown by fileKeyChange when the student already has an open request (shown as CONFLICT). */
export class KeyChangeOpenError extends DataError {
  constructor(readonly open: { id: number; status: string }) {
    super('KEY_CHANGE_OPEN', openKeyChangeMessage(open));
    this.name = 'KeyChangeOpenError';
  }
}

export function getKeyChange(db: Db, id: number): KeyChangeRow | undefined {
  return db.select().from(keyChangeRequests).where(eq(keyChangeRequests.id, id)).get();
}

const isOpen = inArray(keyChangeRequests.status, [...OPEN_KEY_CHANGE_STATUSES]);

/** The student's open request (pending or returned), if any (there is at most one). */
export function openKeyChange(db: Db, studentId: number): KeyChangeRow | undefined {
  return db.select().from(keyChangeRequests).where(and(eq(keyChangeRequests.studentId, studentId), isOpen)).get();
}

/** Open request per student, for checks of many students at once (the roster import). */
export function openKeyChangesByStudent(db: Db): Map<number, { id: number; status: string }> {
  const rows = db.select({ id: keyChangeRequests.id, status: keyChangeRequests.status, studentId: keyChangeRequests.studentId }).from(keyChangeRequests).where(isOpen).all();
  return new Map(rows.map((r) => [r.studentId, { id: r.id, status: r.status }]));
}

/** 数据范围: requests about students of these classes only. */
const aboutClasses = (classIds: readonly number[]) =>
  sql`${keyChangeRequests.studentId} IN (SELECT id FROM students WHERE class_id IN (SELECT value FROM json_each(${JSON.stringify(classIds)})))`;

/** Newest first. */
export function listKeyChanges(db: Db, f: { status?: KeyChangeStatus; studentId?: number; limit: number; classScope?: readonly number[] | null }): KeyChangeRow[] {
  const where: SQL[] = [];
  if (f.classScope) where.push(aboutClasses(f.classScope));
  if (f.status) where.push(eq(keyChangeRequests.status, f.status));
  if (f.studentId) where.push(eq(keyChangeRequests.studentId, f.studentId));
  return db.select().from(keyChangeRequests).where(where.length ? and(...where) : undefined).orderBy(desc(keyChangeRequests.id)).limit(f.limit).all();
}

/**
 * Files a request at the first step of the 信息变更申请 chain in force, with its 'filed' event. Call
 * it inside the write transaction that goes with it: the check for an open request then sees
 * everything committed before, by any connection.
 * @throws KeyChangeOpenError when the student already has an open request.
 */
export function fileKeyChange(
  db: Db,
  v: { studentId: number; changes: readonly KeyChangeEntry[]; reason: string; attachmentId?: number | null; requestedBy: string; requestedAt: string },
): KeyChangeRow {
  const open = openKeyChange(db, v.studentId);
  if (open) throw new KeyChangeOpenError(open);
  const chain = chainFor(db, KEY_CHANGES_CHAIN);
  const r = db
    .insert(keyChangeRequests)
    .values({
      studentId: v.studentId, changes: JSON.stringify(v.changes), reason: v.reason, attachmentId: v.attachmentId ?? null, requestedBy: v.requestedBy, requestedAt: v.requestedAt,
      chain: JSON.stringify(chain), stepIndex: 0, stepRole: chain[0]!.role, stepSince: v.requestedAt,
    })
    .returning()
    .get();
  addKeyChangeEvent(db, r.id, { kind: 'filed', via: 'app', actor: v.requestedBy, opinion: v.reason, at: v.requestedAt });
  return r;
}

/**
 * Moves a request on, if it is still where the caller saw it (status, step, and when the step
 * began): a second decider who loaded the same request gets false, not a double decision.
 */
export function moveKeyChange(db: Db, id: number, seen: { status: KeyChangeStatus; stepIndex: number; stepSince?: string }, patch: Partial<typeof keyChangeRequests.$inferInsert>): boolean {
  const r = db.update(keyChangeRequests).set(patch)
    .where(and(eq(keyChangeRequests.id, id), eq(keyChangeRequests.status, seen.status), eq(keyChangeRequests.stepIndex, seen.stepIndex), seen.stepSince ? eq(keyChangeRequests.stepSince, seen.stepSince) : undefined))
    .run();
  return r.changes === 1;
}

/**
 * Withdraws a request still open (pending or returned): it becomes withdrawn (已撤回), with the
 * comment saying why, and the event on its timeline. Returns the request as it was, or null when it
 * is gone or closed.
 */
export function withdrawKeyChange(db: Db, id: number, w: { by: string; at: string; comment: string }): KeyChangeRow | null {
  const r = getKeyChange(db, id);
  if (!r || !(OPEN_KEY_CHANGE_STATUSES as readonly string[]).includes(r.status)) return null;
  if (!moveKeyChange(db, id, { status: r.status, stepIndex: r.stepIndex }, { status: 'withdrawn', stepRole: null, decidedBy: w.by, decidedAt: w.at, decisionComment: w.comment })) return null;
  addKeyChangeEvent(db, id, { kind: 'withdrawn', via: 'app', actor: w.by, opinion: w.comment, at: w.at });
  return r;
}

export function addKeyChangeEvent(db: Db, changeId: number, e: NewKeyChangeEvent): KeyChangeEventRow {
  return db.insert(keyChangeEvents).values({ ...e, changeId }).returning().get();
}

export function listKeyChangeEvents(db: Db, changeId: number): KeyChangeEventRow[] {
  return db.select().from(keyChangeEvents).where(eq(keyChangeEvents.changeId, changeId)).orderBy(asc(keyChangeEvents.id)).all();
}

/** User names compare without case, as sign-in does. */
const notFiledBy = (username: string) => sql`lower(${keyChangeRequests.requestedBy}) <> lower(${username})`;
const filedBy = (username: string) => sql`lower(${keyChangeRequests.requestedBy}) = lower(${username})`;

/**
 * Requests waiting at a step this role decides in the app, except the user's own (nobody approves
 * their own). The oldest first, as they have waited longest; `total` counts them all.
 */
export function awaitingDecision(db: Db, who: { username: string; role: string }, limit: number, classScope: readonly number[] | null = null): { total: number; rows: KeyChangeRow[] } {
  const where = and(eq(keyChangeRequests.status, 'pending'), eq(keyChangeRequests.stepRole, who.role), notFiledBy(who.username), classScope ? aboutClasses(classScope) : undefined);
  const total = db.select({ n: count() }).from(keyChangeRequests).where(where).get()?.n ?? 0;
  const rows = db.select().from(keyChangeRequests).where(where).orderBy(asc(keyChangeRequests.stepSince), asc(keyChangeRequests.id)).limit(limit).all();
  return { total, rows };
}

/** Requests waiting at a step nobody decides in the app: a counselor records the paper decision. */
export function awaitingPaper(db: Db, limit: number, classScope: readonly number[] | null = null): { total: number; rows: KeyChangeRow[] } {
  const where = and(eq(keyChangeRequests.status, 'pending'), sql`${keyChangeRequests.stepRole} IS NULL`, classScope ? aboutClasses(classScope) : undefined);
  const total = db.select({ n: count() }).from(keyChangeRequests).where(where).get()?.n ?? 0;
  const rows = db.select().from(keyChangeRequests).where(where).orderBy(asc(keyChangeRequests.stepSince), asc(keyChangeRequests.id)).limit(limit).all();
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
