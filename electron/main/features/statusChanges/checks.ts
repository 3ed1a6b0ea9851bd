import { format } from 'date-fns';
import type { Db } from '../../../../db/client';
import { getClass } from '../../../../db/queries/org';
import { appliedForStudent, latestApplied, type StatusChangeRow } from '../../../../db/queries/status-changes';
import { listPolicies } from '../../../../db/queries/status-change-config';
import type { StudentRow } from '../../../../db/queries/students';
import {
  checkTransition, orderDataIssues, policyOn, retainAdmissionLimitYears, suspensionProblem, type ClassFacts, type PastSuspension, type StatusChangeData, type StatusChangeType,
} from '../../../../shared/domain/status-changes';
import { addYears, differenceInCalendarDays, parseISO } from 'date-fns';
import { AppError } from '../../core/errors';
import { dataOf } from './dto';

const facts = (db: Db, id: number | null | undefined): ClassFacts | null => {
  if (!id) return null;
  const c = getClass(db, id);
  return c ? { id: c.id, name: c.name, majorId: c.majorId, cohortYear: c.cohortYear } : null;
};


/** The status model's answer, as the error the CLI and the UI show (code ILLEGAL_TRANSITION). */
export function assertTransition(type: StatusChangeType, s: StudentRow, subtype: string | null | undefined) {
  const t = checkTransition(type, { status: s.status, registered: s.registered }, subtype);
  if (!t.ok) throw new AppError('ILLEGAL_TRANSITION', t.message, 'type');
  return t;
}

/** A student's earlier 休学 (applied), each with the day it really ended: its 复学's day, else its planned end. */
export function pastSuspensions(db: Db, studentId: number, exceptId?: number): PastSuspension[] {
  const resumes = appliedForStudent(db, studentId, 'resume');
  return appliedForStudent(db, studentId, 'suspend')
    .filter((r) => r.id !== exceptId)
    .map((r) => {
      const d = dataOf(r);
      const back = resumes.find((x) => x.endsId === r.id);
      return { effective: d.effectiveDate, end: back ? dataOf(back).effectiveDate : (d.expectedEnd ?? d.effectiveDate) };
    });
}

/**
 * Everything an order as filed (or amended) must pass: the status model, the type's fields and the
 * school's policy. Throws the first problem with every problem listed, each under its form field.
 */
export function assertOrder(db: Db, s: StudentRow, type: StatusChangeType, subtype: string | null | undefined, data: StatusChangeData, exceptId?: number) {
  const t = assertTransition(type, s, subtype);
  const issues = orderDataIssues(type, subtype, data, { current: facts(db, s.classId), target: facts(db, data.targetClassId) });
  const policy = policyOn(listPolicies(db), data.effectiveDate);
  if (!issues.length && type === 'suspend' && data.expectedEnd) {
    const problem = suspensionProblem(data.effectiveDate, data.expectedEnd, pastSuspensions(db, s.id, exceptId), policy);
    if (problem) issues.push({ field: 'expectedEnd', message: problem });
  }
  // 最长学习年限 = 学制 + N years, 含休学和保留学籍 (41号令 第二十八条): the time away, this order's
  // included, may not use up more than those N years (入伍 counts only where the school says so).
  const countsAway = type === 'suspend' || (type === 'retain' && (subtype !== 'military' || policy.militaryCountsTowardMax));
  if (!issues.length && countsAway && data.expectedEnd) {
    const past = [...pastSuspensions(db, s.id, exceptId), ...pastRetentions(db, s.id, policy.militaryCountsTowardMax, exceptId)];
    const used = past.reduce((n, p) => n + Math.max(0, differenceInCalendarDays(parseISO(p.end), parseISO(p.effective))), 0);
    const now = differenceInCalendarDays(parseISO(data.expectedEnd), parseISO(data.effectiveDate));
    const allowed = differenceInCalendarDays(addYears(parseISO(data.effectiveDate), policy.maxStudyYearsBeyondLength), parseISO(data.effectiveDate));
    if (used + now > allowed) {
      issues.push({ field: 'expectedEnd', message: `休学与保留学籍合计将超过最长学习年限允许的 ${policy.maxStudyYearsBeyondLength} 年（学制另加 ${policy.maxStudyYearsBeyondLength} 年；此前已离校 ${used} 天）` });
    }
  }
  if (!issues.length && type === 'retainAdmission' && data.expectedEnd) {
    const years = retainAdmissionLimitYears(subtype, policy);
    const latest = format(addYears(parseISO(data.effectiveDate), years), 'yyyy-MM-dd');
    const why = subtype === 'military' ? '应征入伍保留至退役后规定年限' : '学校规定';
    if (data.expectedEnd > latest) issues.push({ field: 'expectedEnd', message: `保留入学资格不超过 ${years} 年（${why}），最晚保留至 ${latest}` });
  }
  if (issues.length) {
    const field = (f: string) => (f === 'subtype' || f === 'attachments' ? f : `data.${f}`);
    throw new AppError('VALIDATION', issues[0]!.message, field(issues[0]!.field), issues.map((i) => ({ field: field(i.field), message: i.message })));
  }
  return t;
}

/** A student's earlier 保留学籍 (applied) that count toward 最长学习年限, each with the day it ended. */
function pastRetentions(db: Db, studentId: number, militaryCounts: boolean, exceptId?: number): PastSuspension[] {
  const restores = appliedForStudent(db, studentId, 'restore');
  return appliedForStudent(db, studentId, 'retain')
    .filter((r) => r.id !== exceptId && (militaryCounts || r.subtype !== 'military'))
    .map((r) => {
      const d = dataOf(r);
      const back = restores.find((x) => x.endsId === r.id);
      return { effective: d.effectiveDate, end: back ? dataOf(back).effectiveDate : (d.expectedEnd ?? d.effectiveDate) };
    });
}

/** The 休学/保留学籍 order a 复学/恢复学籍 ends (for the pairing and the 接续学业 cohort). */
export function orderItEnds(db: Db, type: StatusChangeType, studentId: number): StatusChangeRow | undefined {
  if (type === 'resume') return latestApplied(db, studentId, ['suspend']);
  if (type === 'restore') return latestApplied(db, studentId, ['retain', 'retainAdmission']);
  return undefined;
}

