import type { CreditValue } from '../grades';

/**
 * 学业预警 rules as data (DOMAIN.md §6: no national rule, every school sets its own tiers and
 * thresholds), so a school edits them in settings and a new version takes effect on a date.
 */

/** 'term' = the term the run is for; 'cumulative' = everything up to now. */
export type WarningScope = 'term' | 'cumulative';
/** Which courses a failure count or credit sum looks at: 必修 only, or every nature. */
export type WarningCourseSet = 'required' | 'all';

/** 纪律处分 below 开除学籍, mildest first (41号令 第五十一条). 开除学籍 ends the 学籍, so it never meets a 在籍 student. */
export type SanctionLevel = '警告' | '严重警告' | '记过' | '留校察看';
export const SANCTION_LEVELS: readonly SanctionLevel[] = ['警告', '严重警告', '记过', '留校察看'];

/** The UI's colour for a tier; 曲阜师大 uses a 绿色提示, most schemes 蓝/黄/橙/红. */
export type WarningColour = 'green' | 'blue' | 'yellow' | 'orange' | 'red';
export const WARNING_COLOURS: readonly WarningColour[] = ['green', 'blue', 'yellow', 'orange', 'red'];
export const WARNING_COLOUR_LABELS: Readonly<Record<WarningColour, string>> = {
  green: '绿色',
  blue: '蓝色',
  yellow: '黄色',
  orange: '橙色',
  red: '红色',
};

/** One condition; any one of a tier's triggers puts the student in that tier. */
export type WarningTrigger =
  /** Courses still failed after 补考 ≥ atLeast (a whole number ≥ 1). */
  | { kind: 'failedCourses'; scope: WarningScope; courses: WarningCourseSet; atLeast: number }
  /** Σ credits of the courses still failed after 补考 ≥ atLeast (decimal, > 0). */
  | { kind: 'failedCredits'; scope: WarningScope; courses: WarningCourseSet; atLeast: CreditValue }
  /** GPA, as printed (2 decimals), < below (decimal text, at most 2 decimals). */
  | { kind: 'gpaBelow'; scope: WarningScope; below: string }
  /** 旷课 学时 this term ≥ atLeast (a whole number ≥ 1). */
  | { kind: 'absenceHours'; atLeast: number }
  /** An active (not yet lifted) 处分 at or above this level. */
  | { kind: 'sanction'; atLeast: SanctionLevel };

export type WarningTriggerKind = WarningTrigger['kind'];

export interface WarningTier {
  /** What the notice and the list say, e.g. '黄色预警'; unique within a rule set, it names the tier. */
  label: string;
  colour: WarningColour;
  triggers: WarningTrigger[];
}

/** One version of a school's rule set. */
export interface WarningRuleSet {
  name: string;
  /** yyyy-MM-dd: the version in force on a day is the latest that took effect on or before it. */
  effectiveFrom: string;
  /** Mildest first; the student's tier is the highest one with a trigger that fired. */
  tiers: WarningTier[];
}

/**
 * A course the student has still failed after 补考 (and any 重修 so far), one entry per course.
 * stillFailedCourses (facts.ts) builds these from the grade records.
 */
export interface FailedCourse {
  code: string;
  credits: CreditValue;
  /** 课程性质 必修 */
  required: boolean;
  /** The term the course was taken in ('2025-2026-1'): 'term' scope counts the run's term only. */
  term: string;
}

/** What the rules look at for one student in one run; the storage step supplies it. */
export interface WarningFacts {
  /** students.status code (shared/domain/codes STUDENT_STATUSES); only 'enrolled' is evaluated. */
  status: string;
  /** The term the run is for, '2026-2027-1'. */
  term: string;
  failedCourses: readonly FailedCourse[];
  /**
   * GPA as decimal text from shared/domain/grades (computeGpa(...).gpa.toString() or formatGpa);
   * null or '—' when no course counts. term = this term's courses only.
   */
  gpa: { cumulative: string | null; term: string | null };
  /** 旷课 学时 recorded this term. */
  absenceHours: number;
  /** Levels of the 处分 not yet lifted on the run day (any order, repeats allowed). */
  activeSanctions: readonly SanctionLevel[];
}

export interface WarningReason {
  /** Label of the tier whose trigger fired. */
  tier: string;
  trigger: WarningTrigger;
  /** What the student has: '3' (门), '7.5' (学分), '1.62' (GPA as printed), '24' (学时), '记过'. */
  actual: string;
  /** The trigger's threshold as printed: '3', '7', '1.80', '13', '记过'. */
  threshold: string;
  /** The sentence for the list and the notices. */
  text: string;
}

export interface WarningResult {
  /** Label of the highest tier reached; null when none (or excluded). */
  tier: string | null;
  colour: WarningColour | null;
  /** Why the student was not evaluated (休学, 保留学籍, not 在籍); null when evaluated. */
  excluded: string | null;
  /** Every trigger that fired, highest tier first, then in the tier's trigger order. */
  reasons: WarningReason[];
}

export type TierChange = 'new' | 'raised' | 'lowered' | 'cleared' | 'same';
