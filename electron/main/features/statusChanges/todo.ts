import { addDays, differenceInCalendarDays, format, parseISO, setDate, subDays, subMonths } from 'date-fns';
import { monthBounds } from './month';
import { appliedOfTypes, countAppliedBetween, endingBy, returnedTo, studentBriefs, waitingForPaper, waitingForRole, waitingSince, type StatusChangeRow } from '../../../../db/queries/status-changes';
import { holidayCalendar, listPolicies, openAbsences } from '../../../../db/queries/status-change-config';
import { hasPermission } from '../../../../shared/domain/permissions';
import { isDecision, policyOn, statusChangeTitle, type StatusChangeType } from '../../../../shared/domain/status-changes';
import { workingDaysBetween } from '../../../../shared/domain/working-days';
import type { StatusChangeTodo } from '../../../../shared/ipc/schemas/status-changes';
import type { CallContext } from '../../core/context';
import type { z } from 'zod';
import { localDay } from '../../core/local-day';
import { isFiler } from '../approvals/step';
import { appealDeadlineOn, chainOf, dataOf, typeOf } from './dto';

/** What to start when a 休学/保留 runs out: come back, or leave (41号令 第三十条（二）). */
const NEXT: Record<string, StatusChangeType[]> = {
  suspended: ['resume', 'withdraw'],
  retained: ['restore', 'withdraw'],
  admission_retained: ['restore', 'withdraw'],
};

/**
 * 待办 for the signed-in user: orders at a step their role decides; orders stuck longer than the
 * policy's working days (for those who file or approve); their own returned orders; 休学/保留学籍
 * ending soon or overdue; appeal windows running; students flagged absent. Each list keeps to the
 * user's 数据范围.
 */
export function statusChangeTodo(ctx: CallContext): z.output<typeof StatusChangeTodo> {
  const db = ctx.db();
  const actor = ctx.actor();
  const scope = ctx.scope();
  const now = ctx.core.now();
  const today = localDay(now);
  const policy = policyOn(listPolicies(db), today);
  const calendar = holidayCalendar(db);
  const files = hasPermission(actor.role, 'changes.request');
  const approves = hasPermission(actor.role, 'changes.approve');

  let names = new Map<number, { name: string; studentNo: string | null }>();
  const order = (r: StatusChangeRow) => {
    const s = names.get(r.studentId)!;
    return {
      id: r.id, studentId: r.studentId, studentName: s.name, studentNo: s.studentNo, title: statusChangeTitle(typeOf(r), r.subtype),
      stepLabel: r.state === 'pending' ? (chainOf(r)[r.stepIndex]?.label ?? null) : null, since: r.stepSince,
      workingDays: Math.max(0, workingDaysBetween(localDay(Date.parse(r.stepSince)), today, calendar)),
    };
  };

  // Fewer working days than calendar days have passed: a calendar-day cut first keeps the scan short.
  // Waiting for me: steps my role decides in the app (not my own orders), and for those who record
  // paper decisions, the steps decided on paper (教务处, 校长办公会) — someone has to enter them.
  const waiting = [
    ...waitingForRole(db, actor.role, scope).filter((r) => !isFiler(r, actor)),
    ...(files ? waitingForPaper(db, scope) : []),
  ];
  const stuck = files || approves ? waitingSince(db, subDays(new Date(now), policy.stepOverdueWorkingDays).toISOString(), scope) : [];
  const returned = files ? returnedTo(db, actor.username, scope) : [];
  const appliedDecisions = files || approves ? appliedOfTypes(db, ['withdraw', 'expel', 'cancel'], subDays(new Date(now), 120).toISOString(), scope) : [];
  names = studentBriefs(db, [...waiting, ...stuck, ...returned, ...appliedDecisions].map((r) => r.studentId));
  const waitingForMe = waiting.map(order);
  const overdue = stuck.map(order).filter((o) => o.workingDays > policy.stepOverdueWorkingDays);
  const returnedToMe = returned.map(order);

  const horizon = format(addDays(parseISO(today), policy.endingSoonDays), 'yyyy-MM-dd');
  const ending = files || approves
    ? endingBy(db, horizon, scope).map((s) => ({
      studentId: s.id, studentName: s.name, studentNo: s.studentNo, status: s.status, until: s.statusUntil,
      daysLeft: differenceInCalendarDays(parseISO(s.statusUntil), parseISO(today)), next: NEXT[s.status] ?? [],
    }))
    : [];

  const appeals = appliedDecisions
    .filter((r) => isDecision(typeOf(r), r.subtype) && dataOf(r).servedOn)
    .map((r) => {
      const servedOn = dataOf(r).servedOn!;
      const deadline = appealDeadlineOn(servedOn, calendar);
      return { id: r.id, studentId: r.studentId, studentName: names.get(r.studentId)!.name, title: statusChangeTitle(typeOf(r), r.subtype), servedOn, deadline, daysLeft: differenceInCalendarDays(parseISO(deadline), parseISO(today)) };
    })
    .filter((a) => a.daysLeft >= 0);

  const absent = files || approves
    ? openAbsences(db, scope).map((f) => {
      const days = differenceInCalendarDays(parseISO(today), parseISO(f.since)) + 1;
      return { flagId: f.id, studentId: f.studentId, studentName: f.name, studentNo: f.studentNo, since: f.since, days, overThreshold: days >= policy.absenceWithdrawThresholdDays, note: f.note };
    })
    : [];

  return { waitingForMe, overdue, returnedToMe, ending, appeals, absent, monthReport: monthReportDue(ctx, today) };
}

/**
 * 上报提醒: from the 1st to the 15th, last month's applied changes are due on the national platform
 * (the month's summary is what is reported). Shown to those who may export it, when there is something.
 */
function monthReportDue(ctx: CallContext, today: string): z.output<typeof StatusChangeTodo>['monthReport'] {
  if (!hasPermission(ctx.actor().role, 'students.export')) return null;
  const d = parseISO(today);
  if (d.getDate() > 15) return null;
  const month = format(subMonths(d, 1), 'yyyy-MM');
  const { from, before, label } = monthBounds(month);
  const count = countAppliedBetween(ctx.db(), from, before, ctx.scope());
  if (!count) return null;
  const dueOn = format(setDate(d, 15), 'yyyy-MM-dd');
  return { month, label, count, dueOn, daysLeft: differenceInCalendarDays(parseISO(dueOn), d) };
}
