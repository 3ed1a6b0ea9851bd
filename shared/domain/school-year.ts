import { format, parseISO } from 'date-fns';

/**
 * 学年 and 学年升级 (year roll-over). A student's 在读年级 is the school year's distance from their
 * cohort: a 2025级 student is in 一年级 in 2025-2026 and in 二年级 after the roll-over. A student who
 * repeats a year or comes back from 休学 moves to a later cohort's class (接续学业), so the same sum
 * stays right for them. The roll-over moves the department into the next 学年 on a date the admin
 * confirms and marks the cohorts now in their last year for the graduation work.
 */

/** The month and day a 学年 starts on by default (1 August). */
export const ROLLOVER_DEFAULT_MONTH_DAY = '08-01';

/** The 学年 a day falls in, by its first calendar year: 2026-07-31 → 2025, 2026-08-01 → 2026. */
export function schoolYearOf(day: string): number {
  const d = parseISO(day);
  return d.getMonth() + 1 >= 8 ? d.getFullYear() : d.getFullYear() - 1;
}

/** 2026 → 2026-2027学年. */
export const schoolYearLabel = (year: number) => `${year}-${year + 1}学年`;

/** The default day a roll-over into `year` takes effect. */
export const rolloverDefaultDay = (year: number) => `${year}-${ROLLOVER_DEFAULT_MONTH_DAY}`;

/** 在读年级 (1 = 一年级) of a cohort in a 学年. */
export const studyYear = (cohortYear: number, schoolYear: number) => schoolYear - cohortYear + 1;

const GRADE_NAMES = ['', '一', '二', '三', '四', '五', '六', '七', '八'];
export function studyYearLabel(n: number): string {
  if (n < 1) return '未入学';
  return `${GRADE_NAMES[n] ?? String(n)}年级`;
}

/** One class as the preview counts it: its 在籍在校 students. */
export interface RolloverClass {
  classId: number;
  className: string;
  cohortYear: number;
  /** 学制 in years (a class's length_years text; 3, 2.5 …). */
  lengthYears: number;
  students: number;
}

export interface RolloverLine extends RolloverClass {
  fromStudyYear: number;
  toStudyYear: number;
  /** In the last year of their 学制 after the roll-over: marked for the graduation work. */
  graduating: boolean;
  /** Past the last year (already should have graduated): listed so the office sees them. */
  beyond: boolean;
}

/** What a roll-over from `fromYear` to the next 学年 does, class by class (oldest cohort first). */
export function planRollover(classes: readonly RolloverClass[], fromYear: number): RolloverLine[] {
  return [...classes]
    .sort((a, b) => a.cohortYear - b.cohortYear || a.className.localeCompare(b.className, 'zh-CN'))
    .map((c) => {
      const to = studyYear(c.cohortYear, fromYear + 1);
      const last = Math.ceil(c.lengthYears);
      return { ...c, fromStudyYear: to - 1, toStudyYear: to, graduating: to === last, beyond: to > last };
    });
}

/** Whether a roll-over applied at `appliedAt` (ISO instant) may still be undone at `now` (same local day). */
export function canUndoRollover(appliedAt: string, now: number): boolean {
  return format(new Date(appliedAt), 'yyyy-MM-dd') === format(new Date(now), 'yyyy-MM-dd');
}
