/**
 * The school's configuration of 学籍异动: approval chains (信息变更申请's too), policy versions, the holiday calendar,
 * and the counselor's absence flags.
 */
import { and, asc, eq, isNull } from 'drizzle-orm';
import type { Db } from '../client';
import { absenceFlags, approvalChains, calendarDays, statusPolicies } from '../schema';
import type { ApprovalStep } from '../../shared/domain/approvals/chain';
import { CHAIN_KEYS, defaultChain, type ChainKey } from '../../shared/domain/approval-chains';
import { DEFAULT_POLICY, type StatusPolicy } from '../../shared/domain/status-changes/policy';
import { DEFAULT_HOLIDAY_CALENDAR, type HolidayCalendar } from '../../shared/domain/working-days';

/** Every chain (each 学籍异动 type, 信息变更申请): the admin's where saved, else the shipped default. */
export function allChains(db: Db): Record<ChainKey, ApprovalStep[]> {
  const saved = new Map(db.select().from(approvalChains).all().map((r) => [r.type, JSON.parse(r.steps) as ApprovalStep[]]));
  return Object.fromEntries(CHAIN_KEYS.map((t) => [t, saved.get(t) ?? defaultChain(t)])) as Record<ChainKey, ApprovalStep[]>;
}

export function chainFor(db: Db, type: ChainKey): ApprovalStep[] {
  const r = db.select().from(approvalChains).where(eq(approvalChains.type, type)).get();
  return r ? (JSON.parse(r.steps) as ApprovalStep[]) : defaultChain(type);
}

export function saveChain(db: Db, type: ChainKey, steps: readonly ApprovalStep[], by: string, at: string): void {
  const v = { type, steps: JSON.stringify(steps), updatedBy: by, updatedAt: at };
  db.insert(approvalChains).values(v).onConflictDoUpdate({ target: approvalChains.type, set: v }).run();
}

/** Every saved policy version, oldest first; none saved means the default alone. */
export function listPolicies(db: Db): StatusPolicy[] {
  const rows = db.select().from(statusPolicies).orderBy(asc(statusPolicies.effectiveFrom)).all();
  return rows.length ? rows.map((r) => ({ ...DEFAULT_POLICY, ...(JSON.parse(r.policy) as Partial<StatusPolicy>), effectiveFrom: r.effectiveFrom })) : [DEFAULT_POLICY];
}

export function savePolicy(db: Db, p: StatusPolicy, by: string, at: string): void {
  const v = { effectiveFrom: p.effectiveFrom, policy: JSON.stringify(p), createdBy: by, createdAt: at };
  db.insert(statusPolicies).values(v).onConflictDoUpdate({ target: statusPolicies.effectiveFrom, set: v }).run();
}

export interface NamedDay {
  day: string;
  name: string;
}

/** The holiday calendar: the school's where saved, else the shipped one (State Council arrangements). */
export function calendarDaysList(db: Db): { holidays: NamedDay[]; workdays: NamedDay[] } {
  const rows = db.select().from(calendarDays).orderBy(asc(calendarDays.day)).all();
  if (!rows.length) {
    return { holidays: DEFAULT_HOLIDAY_CALENDAR.holidays.map((day) => ({ day, name: '' })), workdays: DEFAULT_HOLIDAY_CALENDAR.workdays.map((day) => ({ day, name: '' })) };
  }
  return {
    holidays: rows.filter((r) => r.kind === 'holiday').map((r) => ({ day: r.day, name: r.name })),
    workdays: rows.filter((r) => r.kind === 'workday').map((r) => ({ day: r.day, name: r.name })),
  };
}

export function holidayCalendar(db: Db): HolidayCalendar {
  const c = calendarDaysList(db);
  return { holidays: c.holidays.map((d) => d.day), workdays: c.workdays.map((d) => d.day) };
}

/** Replaces the whole calendar (the settings page saves both lists at once). */
export function replaceCalendar(db: Db, c: { holidays: readonly NamedDay[]; workdays: readonly NamedDay[] }): void {
  db.delete(calendarDays).run();
  for (const d of c.holidays) db.insert(calendarDays).values({ day: d.day, kind: 'holiday', name: d.name }).run();
  for (const d of c.workdays) db.insert(calendarDays).values({ day: d.day, kind: 'workday', name: d.name }).run();
}

export type AbsenceFlagRow = typeof absenceFlags.$inferSelect;

export function openAbsence(db: Db, studentId: number): AbsenceFlagRow | undefined {
  return db.select().from(absenceFlags).where(and(eq(absenceFlags.studentId, studentId), isNull(absenceFlags.clearedAt))).get();
}

export function getAbsence(db: Db, id: number): AbsenceFlagRow | undefined {
  return db.select().from(absenceFlags).where(eq(absenceFlags.id, id)).get();
}

export function flagAbsence(db: Db, v: { studentId: number; since: string; note: string; by: string; at: string }): AbsenceFlagRow {
  return db.insert(absenceFlags).values({ studentId: v.studentId, since: v.since, note: v.note, flaggedBy: v.by, flaggedAt: v.at }).returning().get();
}

export function clearAbsence(db: Db, id: number, by: string, at: string): boolean {
  return db.update(absenceFlags).set({ clearedBy: by, clearedAt: at }).where(and(eq(absenceFlags.id, id), isNull(absenceFlags.clearedAt))).run().changes === 1;
}

/** Closes a student's open flag (their 学籍异动 took effect: they are no longer 在籍在校 and absent). */
export function clearAbsenceOf(db: Db, studentId: number, by: string, at: string): boolean {
  return db.update(absenceFlags).set({ clearedBy: by, clearedAt: at }).where(and(eq(absenceFlags.studentId, studentId), isNull(absenceFlags.clearedAt))).run().changes === 1;
}

/** Open flags of 在籍在校 students, longest absent first; with a 数据范围 only its students. */
export function openAbsences(db: Db, classScope?: readonly number[] | null) {
  const scope = classScope ? 'AND s.class_id IN (SELECT value FROM json_each(?))' : '';
  return db.$client
    .prepare(`SELECT f.id, f.student_id AS studentId, f.since, f.note, s.name, s.student_no AS studentNo FROM absence_flags f JOIN students s ON s.id = f.student_id WHERE f.cleared_at IS NULL AND s.status = 'enrolled' ${scope} ORDER BY f.since LIMIT 200`)
    .all(...(classScope ? [JSON.stringify(classScope)] : [])) as { id: number; studentId: number; since: string; note: string; name: string; studentNo: string | null }[];
}
