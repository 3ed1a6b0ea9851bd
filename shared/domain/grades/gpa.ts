import { Dec, exact } from './decimal';
import { DEFAULT_GPA_METHOD, PASS_GRADE_POINT, PASS_MARK, scoreGradePoint, type GpaMethod } from './method';
import { FIVE_LEVEL_GRADES, PASS_FAIL_GRADES, type AttemptKind, type CourseGrades, type FiveLevelGrade, type GradeAttempt, type PassFailGrade, type TextGrade } from './types';

/**
 * The GPA rule (issue 15 "Grades", DOMAIN.md §8.3), pure: the caller brings a student's courses
 * with every attempt, gets the GPA and one line per course saying which attempt counts and why a
 * course is left out. Decimal throughout; only formatGpa rounds.
 *
 * Per course, in this order:
 * 1. No attempt with a grade yet (none, or a 缓考 registered but not sat) → left out, not earned.
 * 2. Any 免修 → left out of GPA, credits earned.
 * 3. Which attempts may count: a void (作弊) attempt counts 0 and only a 重修 after it can replace
 *    it, so a 补考 or 缓考 after a void attempt is not considered. Attempts before it still are
 *    (the void spoils its own sitting, not an earlier pass).
 * 4. 两级制 course, or a 合格/不合格 grade among those attempts → left out of GPA (no grade point);
 *    earned when one of them is 合格.
 * 5. Otherwise the best attempt counts once: the highest grade point under the method; on a tie
 *    the earlier attempt. "Earlier" = earlier term ('yyyy-yyyy-n' text order), then within a term
 *    正考/缓考 before 补考 before 重修, then the order given. A pass always beats a fail (a pass is
 *    worth at least 1.0, a fail 0), so the course is earned exactly when some attempt passed.
 *    Grade point: 缺考 or void → 0; 五级制 text → its score (method.fiveLevelScores); a pass by a
 *    kind in method.fixedPassFor → 1.0 whatever the score; else the method's scale (below 60 → 0).
 * 6. The plan marks it as not counting → left out of GPA (its grade point is still shown), credits
 *    earned if passed. With method.denominator 'earned' a failed course is left out too.
 * GPA = Σ credit × grade point / Σ credit over the counted courses; null when none counts.
 */

export interface GpaCourseLine {
  code: string;
  credits: Dec;
  /** The attempt that counts (or that decides the course when it is left out); null when none. */
  attempt: GradeAttempt | null;
  /** That attempt's recorded grade (null for 缺考, 作弊 without a score, 免修). */
  score: number | TextGrade | null;
  /** null when the course has no grade point (两级制, 免修, no grade yet). */
  gradePoint: Dec | null;
  /** Credits earned (passed, 合格 or 免修). */
  earned: boolean;
  /** In the GPA's sums. */
  counted: boolean;
  /** Why it is left out of the GPA, for the user (Chinese); only when counted is false. */
  reason?: string;
}

export interface GpaResult {
  /** Unrounded; null when no course counts. Round only with formatGpa. */
  gpa: Dec | null;
  /** Σ credit over the courses passed, 合格 or 免修, counted or not (已获学分). */
  creditsEarned: Dec;
  /** Σ credit over the counted courses: the GPA's denominator. */
  creditsCounted: Dec;
  /** Σ credit × grade point over the counted courses: the GPA's numerator (学分绩点). */
  creditPoints: Dec;
  courses: GpaCourseLine[];
}

export const GPA_REASONS = {
  noGrade: '尚无成绩',
  exempt: '免修，不计入绩点',
  passFailCourse: '两级制课程不计入绩点',
  passFailGrade: '成绩为合格/不合格，不计入绩点',
  planExcluded: '培养方案规定不计入绩点',
  failedEarnedOnly: '未获学分，按已获学分计算时不计入',
} as const;

const KIND_ORDER: Readonly<Record<AttemptKind, number>> = { 正考: 0, 缓考: 0, 免修: 0, 补考: 1, 重修: 2 };

const isFiveLevel = (s: GradeAttempt['score']): s is FiveLevelGrade => typeof s === 'string' && (FIVE_LEVEL_GRADES as readonly string[]).includes(s);
const isPassFail = (s: GradeAttempt['score']): s is PassFailGrade => typeof s === 'string' && (PASS_FAIL_GRADES as readonly string[]).includes(s);

/** Attempts in time order (see 5. above); the sort is stable, so the given order breaks ties. */
export function orderAttempts(attempts: readonly GradeAttempt[]): GradeAttempt[] {
  return [...attempts].sort((a, b) => (a.term < b.term ? -1 : a.term > b.term ? 1 : KIND_ORDER[a.kind] - KIND_ORDER[b.kind]));
}

/** Has a result: a score, or 缺考/作弊 (which count 0). A 缓考 not yet sat has none. */
const hasResult = (a: GradeAttempt) => a.absent || a.void || a.score !== null;

/** Rule 3: after a void attempt only 重修 may replace it. Takes attempts in time order. */
export function eligibleAttempts(ordered: readonly GradeAttempt[]): GradeAttempt[] {
  const out: GradeAttempt[] = [];
  let voided = false;
  for (const a of ordered) {
    if (!hasResult(a)) continue;
    if (voided && a.kind !== '重修') continue;
    out.push(a);
    if (a.void) voided = true;
  }
  return out;
}

export function attemptPassed(a: GradeAttempt): boolean {
  if (a.absent || a.void || a.score === null) return false;
  if (typeof a.score === 'number') return a.score >= PASS_MARK;
  return a.score !== '不及格' && a.score !== '不合格';
}

/** The grade point of one attempt with a 百分制 or 五级制 grade (rule 5). */
export function attemptGradePoint(a: GradeAttempt, method: GpaMethod = DEFAULT_GPA_METHOD): Dec {
  if (a.absent || a.void || a.score === null) return new Dec(0);
  if (isPassFail(a.score)) throw new RangeError('合格/不合格 has no grade point');
  if (attemptPassed(a) && (method.fixedPassFor as readonly AttemptKind[]).includes(a.kind)) return PASS_GRADE_POINT;
  const score = isFiveLevel(a.score) ? exact(method.fiveLevelScores[a.score], 'five-level score') : exact(a.score, 'score');
  return scoreGradePoint(score, method.gradePoints);
}

function courseLine(entry: CourseGrades, method: GpaMethod): GpaCourseLine {
  const { course } = entry;
  const credits = exact(course.credits, `credits of ${course.code}`);
  const line = (attempt: GradeAttempt | null, gradePoint: Dec | null, earned: boolean, reason?: string): GpaCourseLine => ({
    code: course.code,
    credits,
    attempt,
    score: attempt?.score ?? null,
    gradePoint,
    earned,
    counted: reason === undefined,
    ...(reason === undefined ? {} : { reason }),
  });

  const ordered = orderAttempts(entry.attempts);
  const exemption = ordered.find((a) => a.kind === '免修');
  if (exemption) return line(exemption, null, true, GPA_REASONS.exempt);
  const eligible = eligibleAttempts(ordered);
  if (eligible.length === 0) return line(null, null, false, GPA_REASONS.noGrade);

  if (course.scale === '两级制' || eligible.some((a) => isPassFail(a.score))) {
    const decisive = eligible.find(attemptPassed) ?? eligible[0]!;
    return line(decisive, null, attemptPassed(decisive), course.scale === '两级制' ? GPA_REASONS.passFailCourse : GPA_REASONS.passFailGrade);
  }

  let best = eligible[0]!;
  let bestPoint = attemptGradePoint(best, method);
  for (const a of eligible.slice(1)) {
    const p = attemptGradePoint(a, method);
    if (p.gt(bestPoint)) [best, bestPoint] = [a, p]; // strictly greater: a tie keeps the earlier one
  }
  const earned = attemptPassed(best);
  if (!course.countsTowardGpa) return line(best, bestPoint, earned, GPA_REASONS.planExcluded);
  if (method.denominator === 'earned' && !earned) return line(best, bestPoint, earned, GPA_REASONS.failedEarnedOnly);
  return line(best, bestPoint, earned);
}

export function computeGpa(courses: readonly CourseGrades[], method: GpaMethod = DEFAULT_GPA_METHOD): GpaResult {
  const lines = courses.map((c) => courseLine(c, method));
  let creditsEarned = new Dec(0);
  let creditsCounted = new Dec(0);
  let creditPoints = new Dec(0);
  for (const l of lines) {
    if (l.earned) creditsEarned = creditsEarned.plus(l.credits);
    if (!l.counted) continue;
    creditsCounted = creditsCounted.plus(l.credits);
    creditPoints = creditPoints.plus(l.credits.times(l.gradePoint!));
  }
  return {
    gpa: creditsCounted.isZero() ? null : creditPoints.div(creditsCounted),
    creditsEarned,
    creditsCounted,
    creditPoints,
    courses: lines,
  };
}

/** For display only: half up (四舍五入) to `places` decimals, '—' when there is no GPA. */
export function formatGpa(x: Dec | null, places = 2): string {
  return x === null ? '—' : x.toFixed(places, Dec.ROUND_HALF_UP);
}
