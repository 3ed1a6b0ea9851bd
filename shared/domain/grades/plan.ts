import { isTerm } from '../status-changes/order-data';
import { normaliseSpaces, toHalfWidth } from '../text';

/**
 * 人才培养方案 (training plan) rules the storage and the forms share: credits, the plan's 学期 1..10
 * against a cohort's 学年学期, and the lists a course's fields take (issue 15 "Training plans").
 */

export type CourseAssessment = '考试' | '考查';
export const COURSE_ASSESSMENTS: readonly CourseAssessment[] = ['考试', '考查'];

/** The usual 课程模块; a plan may name others (the field is free text), these are offered first. */
export const COURSE_MODULES = ['公共基础', '专业基础', '专业核心', '专业拓展', '实践', '岗位实习', '毕业设计'] as const;

/** A plan runs over at most 10 terms (a five-year 高职 programme). */
export const PLAN_TERMS = 10;

export { isTerm };

/**
 * Credits are stored as integer tenths (2.5 → 25): plans give credits to one decimal at most, sums
 * in SQL (a module's credits for the graduation audit) stay exact, and no float ever holds one.
 * Text in, so '0.1' is never 0.1000000000000000055.
 */
const CREDIT_TEXT = /^(\d{1,3})(?:\.(\d))?$/;

export function creditTenths(text: string): number | null {
  const m = CREDIT_TEXT.exec(normaliseSpaces(toHalfWidth(text)));
  return m ? Number(m[1]) * 10 + Number(m[2] ?? 0) : null;
}

/** 25 → '2.5', 20 → '2' (as a plan prints it; exact for the GPA module's credit text). */
export function creditText(tenths: number): string {
  const whole = Math.floor(tenths / 10);
  const tenth = tenths % 10;
  return tenth ? `${whole}.${tenth}` : String(whole);
}

/**
 * The 学年学期 in which a cohort takes a plan's term n: term 1 is the cohort's first autumn,
 * term 2 the spring after it (2026 级, 第 3 学期 → '2027-2028-1').
 */
export function cohortTerm(cohortYear: number, planTerm: number): string {
  const year = cohortYear + Math.floor((planTerm - 1) / 2);
  return `${year}-${year + 1}-${((planTerm - 1) % 2) + 1}`;
}

/**
 * A 课程代码 as stored and matched: half-width, upper case, no spaces ('ｍａ１０１ ' → 'MA101'), so
 * the code typed in a plan and the one in a 教务系统 export meet.
 */
export function courseCode(text: string): string {
  return toHalfWidth(text).replace(/\s+/g, '').toUpperCase();
}
