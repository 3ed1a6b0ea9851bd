import { addYears, differenceInCalendarDays, format, parseISO } from 'date-fns';
import type { StatusChangeType } from './types';

/**
 * The school's 学籍 parameters (DOMAIN.md §5.1: "set by the school"). A policy takes effect on a
 * date; the one in force on an order's effective date is the one that applies, so a rule changed
 * this year does not rewrite last year's orders.
 */
export interface StatusPolicy {
  /** yyyy-MM-dd */
  effectiveFrom: string;
  /** 休学 length per time, in years (default 1). */
  suspensionYearsPerTime: number;
  /** How many times a student may 休学 (default 2). */
  suspensionMaxTimes: number;
  /** Total 休学 in years over the whole study (default 2). */
  suspensionMaxTotalYears: number;
  /** 最长学习年限 = 学制 + this many years (含休学和保留学籍, 41号令 第二十八条). */
  maxStudyYearsBeyondLength: number;
  /** Whether 入伍 counts toward 最长学习年限 (usually not: "不计入最长学习年限"). */
  militaryCountsTowardMax: boolean;
  /** 保留学籍（入伍）: kept until this many years after discharge (第二十七条: 2). */
  militaryYearsAfterDischarge: number;
  /** 保留入学资格 at most this many years. */
  retainAdmissionMaxYears: number;
  /** 连续缺勤 this many days without leave may lead to 退学 (第三十条（四）: two weeks = 14). */
  absenceWithdrawThresholdDays: number;
  /** An order waiting at one step longer than this many working days shows on the 待办 list. */
  stepOverdueWorkingDays: number;
  /** 休学/保留学籍 ending within this many days shows on the 待办 list. */
  endingSoonDays: number;
}

export const DEFAULT_POLICY: StatusPolicy = {
  effectiveFrom: '2017-09-01', // 41号令 took effect on this day
  suspensionYearsPerTime: 1,
  suspensionMaxTimes: 2,
  suspensionMaxTotalYears: 2,
  maxStudyYearsBeyondLength: 2,
  militaryCountsTowardMax: false,
  militaryYearsAfterDischarge: 2,
  retainAdmissionMaxYears: 2,
  absenceWithdrawThresholdDays: 14,
  stepOverdueWorkingDays: 5,
  endingSoonDays: 30,
};

/** The policy in force on a day: the latest that took effect on or before it (else the default). */
export function policyOn(policies: readonly StatusPolicy[], day: string): StatusPolicy {
  let best: StatusPolicy | null = null;
  for (const p of policies) if (p.effectiveFrom <= day && (!best || p.effectiveFrom > best.effectiveFrom)) best = p;
  return best ?? DEFAULT_POLICY;
}

const day = (d: Date) => format(d, 'yyyy-MM-dd');

/**
 * The end date an order suggests: 休学 one policy term; 入伍 the 2 years of service plus the years
 * kept after discharge; 保留入学资格 its maximum. The filer may change it within the policy.
 */
export function suggestedEnd(type: StatusChangeType, subtype: string | null | undefined, effective: string, p: StatusPolicy): string | null {
  const from = parseISO(effective);
  if (type === 'suspend') return day(addYears(from, p.suspensionYearsPerTime));
  if (type === 'retain') return day(addYears(from, subtype === 'military' ? 2 + p.militaryYearsAfterDischarge : 1));
  if (type === 'retainAdmission') return day(addYears(from, subtype === 'military' ? 2 + p.militaryYearsAfterDischarge : Math.min(1, p.retainAdmissionMaxYears)));
  return null;
}

/**
 * The longest a 保留入学资格 may run: the school's limit, except for a 新生 who enlists, whose 入学资格
 * is kept until the years after discharge have passed (41号令 第二十七条: "应当" — not the school's
 * choice; 2 years of service assumed, as for 保留学籍).
 */
export function retainAdmissionLimitYears(subtype: string | null | undefined, p: StatusPolicy): number {
  return subtype === 'military' ? 2 + p.militaryYearsAfterDischarge : p.retainAdmissionMaxYears;
}

/** A 休学 the student already had, for the count and total limits. */
export interface PastSuspension {
  effective: string;
  end: string;
}

/**
 * Refuses a 休学 beyond the school's limits (times, length per time, total), with the reason a
 * counselor can read out to the student.
 */
export function suspensionProblem(effective: string, end: string, past: readonly PastSuspension[], p: StatusPolicy): string | null {
  if (end <= effective) return '预计复学日期应晚于休学生效日期';
  const days = differenceInCalendarDays(parseISO(end), parseISO(effective));
  const maxDays = differenceInCalendarDays(addYears(parseISO(effective), p.suspensionYearsPerTime), parseISO(effective));
  if (days > maxDays) return `每次休学不超过 ${p.suspensionYearsPerTime} 年（学校规定），预计复学日期最晚为 ${day(addYears(parseISO(effective), p.suspensionYearsPerTime))}`;
  if (past.length >= p.suspensionMaxTimes) return `该学生已休学 ${past.length} 次，学校规定最多 ${p.suspensionMaxTimes} 次`;
  const usedDays = past.reduce((n, s) => n + Math.max(0, differenceInCalendarDays(parseISO(s.end), parseISO(s.effective))), 0);
  const totalMax = differenceInCalendarDays(addYears(parseISO(effective), p.suspensionMaxTotalYears), parseISO(effective));
  if (usedDays + days > totalMax) return `累计休学将超过学校规定的 ${p.suspensionMaxTotalYears} 年（已休学 ${usedDays} 天）`;
  return null;
}

/** Problems with a policy the admin wrote, or null. */
export function policyProblem(p: StatusPolicy): string | null {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(p.effectiveFrom)) return '请填写生效日期';
  if (p.suspensionYearsPerTime <= 0 || p.suspensionMaxTotalYears < p.suspensionYearsPerTime) return '累计休学年限不能少于每次休学年限';
  if (p.suspensionMaxTimes < 1) return '休学次数至少为 1 次';
  return null;
}
