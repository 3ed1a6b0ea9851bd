import { addDays, differenceInCalendarDays, format, parseISO } from 'date-fns';
import { attemptPassed, computeGpa, creditText, eligibleAttempts, orderAttempts, type CourseGrades, type CourseNature, type GpaMethod, type GradeAttempt, type GradeScale } from '../grades';
import type { CourseFact } from './rules';

/**
 * The facts of one student for the graduation audit (DOMAIN.md §7), segment-aware: a student who
 * changed major, or came back from 休学 into a later cohort, studied under more than one 培养方案.
 * Pure: the storage layer reads the class history, the status history, the plans and the grades;
 * these functions decide which plan each course counts under and what the deciding attempt is.
 */

/** A plan course as the audit needs it (credits as integer tenths, as plans store them). */
export interface SegmentPlanCourse {
  code: string;
  name: string;
  creditTenths: number;
  module: string;
  nature: CourseNature;
  scale: GradeScale;
  countsTowardGpa: boolean;
}

/** One row of the class history: from this day the student was in this class (→ major, cohort, plan). */
export interface ClassPeriod {
  from: string;
  className: string;
  /** The 培养方案 version in force for the class's major and cohort; null when the major has none. */
  planId: number | null;
}

/** One row of the status history: from this day the student's 学籍状态 was this code. */
export interface StatusEvent {
  effective: string;
  status: string;
}

/** A stretch of actual study under one plan. `to` is exclusive; null = still running. */
export interface Segment {
  from: string;
  to: string | null;
  className: string;
  planId: number | null;
}

/** Statuses that are not study: the time is no segment, and a grade dated inside it goes to the segment before. */
const NOT_STUDY = new Set(['suspended', 'retained', 'admission_retained']);

/**
 * The student's study in segments: each class period cut where the status history says the student
 * was not studying (休学, 保留学籍). Days are 'yyyy-MM-dd'; history rows in any order.
 */
export function studySegments(classes: readonly ClassPeriod[], statuses: readonly StatusEvent[]): Segment[] {
  const periods = [...classes].sort((a, b) => (a.from < b.from ? -1 : a.from > b.from ? 1 : 0));
  const events = [...statuses].sort((a, b) => (a.effective < b.effective ? -1 : a.effective > b.effective ? 1 : 0));
  // Breaks: [from, to) intervals without study.
  const breaks: { from: string; to: string | null }[] = [];
  for (const [i, e] of events.entries()) {
    if (!NOT_STUDY.has(e.status)) continue;
    const next = events.slice(i + 1).find((n) => !NOT_STUDY.has(n.status));
    const last = breaks[breaks.length - 1];
    if (last && last.to === null) continue; // already inside a break (休学 → 保留学籍)
    breaks.push({ from: e.effective, to: next?.effective ?? null });
  }
  const out: Segment[] = [];
  for (const [i, p] of periods.entries()) {
    let pieces: { from: string; to: string | null }[] = [{ from: p.from, to: periods[i + 1]?.from ?? null }];
    for (const b of breaks) {
      pieces = pieces.flatMap((x) => {
        const overlaps = (b.to === null || b.to > x.from) && (x.to === null || b.from < x.to);
        if (!overlaps) return [x];
        const left = b.from > x.from ? [{ from: x.from, to: b.from }] : [];
        const right = b.to !== null && (x.to === null || b.to < x.to) ? [{ from: b.to, to: x.to }] : [];
        return [...left, ...right];
      });
    }
    for (const x of pieces) if (x.to === null || x.to > x.from) out.push({ ...x, className: p.className, planId: p.planId });
  }
  return out;
}

/**
 * The day a 学年学期 starts, for placing a grade: '2025-2026-1' → 2025-09-01, '2025-2026-2' →
 * 2026-02-15. Approximate on purpose: a grade is entered against a term, not a day, and a class
 * change or a 休学 takes effect between terms.
 */
export function termStart(term: string): string {
  const [from, , half] = term.split('-');
  return half === '2' ? `${Number(from) + 1}-02-15` : `${from}-09-01`;
}

/**
 * The segment a term was studied in: the one running on the term's first day; a term inside a
 * break (a grade entered for the 休学 term) or before the first segment goes to the nearest
 * segment before it, else the first. null only when there are no segments.
 */
export function segmentOfTerm(segments: readonly Segment[], term: string): Segment | null {
  const day = termStart(term);
  let before: Segment | null = null;
  for (const s of segments) {
    if (s.from <= day && (s.to === null || day < s.to)) return s;
    if (s.from <= day) before = s;
  }
  return before ?? segments[0] ?? null;
}

/** A student's attempts at one course code, with the plan course each was entered against (the fallback). */
export interface CourseAttempts {
  code: string;
  attempts: readonly GradeAttempt[];
  /** The plan course the latest attempt was entered against: used when no segment's plan has the code. */
  enteredAs: SegmentPlanCourse;
}

export interface FactsInput {
  segments: readonly Segment[];
  /** Plan courses by plan id, then by code. */
  plans: ReadonlyMap<number, ReadonlyMap<string, SegmentPlanCourse>>;
  courses: readonly CourseAttempts[];
  method: GpaMethod;
}

export interface PlacedFact extends CourseFact {
  /** The plan id the course counts under (null: the plan it was entered against, no segment's plan has it). */
  planId: number | null;
  /** The term first taken. */
  term: string;
}

/** The plan of the last segment: the one the student graduates under. */
export const finalPlanId = (segments: readonly Segment[]): number | null => segments[segments.length - 1]?.planId ?? null;

/** '45 分', '良好', '缺考', '作弊' — the deciding attempt as a line of the audit prints it. */
function scoreText(a: GradeAttempt | null): string {
  if (!a) return '没有成绩';
  if (a.void) return '作弊';
  if (a.absent) return '缺考';
  if (a.score === null) return a.kind === '免修' ? '' : '没有成绩';
  return typeof a.score === 'number' ? `${a.score} 分` : a.score;
}

/**
 * 作弊 still outstanding: the course is not earned and its latest void attempt has no 重修 after it
 * (only a 重修 may replace a void grade, shared/domain/grades rule 3). A pass before the void sitting
 * stands (the void spoils its own sitting), so an earned course is never outstanding.
 */
function voidOutstanding(attempts: readonly GradeAttempt[], earned: boolean): boolean {
  if (earned) return false;
  const ordered = orderAttempts(attempts);
  const lastVoid = ordered.map((a) => a.void).lastIndexOf(true);
  return lastVoid >= 0 && !ordered.slice(lastVoid + 1).some((a) => a.kind === '重修' && (a.absent || a.void || a.score !== null));
}

/**
 * Whether a course is earned and the attempt that decides it, as the GPA decides (computeGpa). A
 * single sitting decides itself (earned when it passed or is a 免修), without the GPA's decimal
 * grade points: most courses have one, and a cohort has hundreds of thousands. A failed course is
 * reported by its latest sitting (the GPA keeps the earliest of equal zeros): "补考 45 分" is what
 * the student last did and what a 重修 would follow.
 */
function decide(grades: CourseGrades, ordered: readonly GradeAttempt[], method: GpaMethod): { earned: boolean; deciding: GradeAttempt | null } {
  if (ordered.length === 1) {
    const a = ordered[0]!;
    const has = a.kind === '免修' || a.absent || a.void || a.score !== null;
    return { earned: a.kind === '免修' || attemptPassed(a), deciding: has ? a : null };
  }
  const line = computeGpa([grades], method).courses[0]!;
  return { earned: line.earned, deciding: line.earned ? line.attempt : (eligibleAttempts(ordered).at(-1) ?? line.attempt) };
}

/**
 * Each course collapsed to its deciding attempt after 补考/重修 — the same attempt the GPA picks
 * (computeGpa: best grade point, a pass beats a fail, a void only replaced by 重修) — and counted
 * under a plan:
 * - a code that is also in the final plan (the last segment's) counts under the final plan, with
 *   its credits and 课程模块. Chosen because the 毕业要求 checked are the final plan's: its module
 *   minimums and required codes are written in its own modules, so a course the student took under
 *   the old major and that the new plan also lists fills the new plan's module, not a module name
 *   the final plan may not have; a corrected credit value in the final plan applies too;
 * - otherwise under the plan of the segment the course was first taken in (a course only the old
 *   major had keeps the old plan's credits and module, and counts toward the total);
 * - otherwise (no segment's plan lists it) as entered.
 */
export function courseFacts(input: FactsInput): PlacedFact[] {
  const finalId = finalPlanId(input.segments);
  const finalPlan = finalId === null ? undefined : input.plans.get(finalId);
  const out: PlacedFact[] = [];
  for (const c of input.courses) {
    const ordered = orderAttempts(c.attempts);
    const first = ordered[0]?.term ?? '';
    let planId: number | null = null;
    let course: SegmentPlanCourse | undefined = finalPlan?.get(c.code);
    if (course) planId = finalId;
    else {
      const seg = first ? segmentOfTerm(input.segments, first) : null;
      const segCourse = seg?.planId == null ? undefined : input.plans.get(seg.planId)?.get(c.code);
      if (segCourse) [course, planId] = [segCourse, seg!.planId];
    }
    const plan = course ?? c.enteredAs;
    const grades: CourseGrades = {
      course: { code: c.code, credits: creditText(plan.creditTenths), scale: plan.scale, countsTowardGpa: plan.countsTowardGpa, nature: plan.nature },
      attempts: c.attempts,
    };
    const { earned, deciding } = decide(grades, ordered, input.method);
    out.push({
      code: c.code,
      name: plan.name,
      credits: creditText(plan.creditTenths),
      module: plan.module,
      passed: earned,
      scoreText: scoreText(deciding),
      attemptKind: deciding?.kind ?? '正考',
      voidOutstanding: voidOutstanding(c.attempts, earned),
      planId: course ? planId : null,
      term: first,
    });
  }
  // Transcript order: by the term first taken, then code (the order the detail lists them in).
  return out.sort((a, b) => (a.term < b.term ? -1 : a.term > b.term ? 1 : a.code < b.code ? -1 : a.code > b.code ? 1 : 0));
}

/** A stretch not counted toward the years of study, [from, to) (to null: still running at the audit day). */
export interface Gap {
  from: string;
  to: string | null;
}

/**
 * Years studied from 入学 to the audit day, less the gaps given (see the service for which), to one
 * decimal, rounded down: 2.96 years is 2.9, so a student is never put past 最长学习年限 by rounding.
 * A day counts as 1/365.25 year.
 */
export function yearsStudied(enrolment: string, auditDay: string, gaps: readonly Gap[] = []): number {
  const start = parseISO(enrolment);
  const end = parseISO(auditDay);
  let days = Math.max(0, differenceInCalendarDays(end, start));
  for (const g of gaps) {
    const from = parseISO(g.from) < start ? start : parseISO(g.from);
    const to = g.to === null || parseISO(g.to) > end ? end : parseISO(g.to);
    days -= Math.max(0, differenceInCalendarDays(to, from));
  }
  return Math.floor((Math.max(0, days) / 365.25) * 10 + 1e-9) / 10;
}

/** 最长学习年限 = 学制 + the policy's extra years (学制 as stored: '3', '2.5'). */
export function maxStudyYears(lengthYears: string, beyond: number): number {
  const n = Number.parseFloat(lengthYears);
  return (Number.isFinite(n) ? n : 0) + beyond;
}

/** The day before `day` ('yyyy-MM-dd'), for printing a segment's last day. */
export const dayBefore = (day: string) => format(addDays(parseISO(day), -1), 'yyyy-MM-dd');
