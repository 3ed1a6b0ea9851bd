import { addMonths, differenceInCalendarDays, parseISO } from 'date-fns';
import { studySegments, type StatusEvent } from './segments';

/**
 * What a student who left without graduating gets (41号令 第三十三条, DOMAIN.md §7.1):
 * - 退学 after studying a full school year or more → 肄业证书; less → 写实性学习证明. 41号令 does not
 *   fix the line: one year is the common school rule (the 1993 规定), so it is a parameter.
 * - 开除学籍 → 学习证明 only (第五十八条), however long the student studied.
 *
 * Time studied runs from 入学 to the day the 退学/开除 took effect, that day excluded (a student who
 * entered on 2023-09-01 and left on 2024-09-01 studied exactly one year, which is a full year). 休学
 * and 保留学籍 are not study (the same breaks the graduation audit cuts out, studySegments): chosen
 * because 学满一学年 speaks of a year of study, and a student who entered, went on 休学 after a month
 * and withdrew a year later has not studied a year. "A year" is the calendar year from 入学 (365 or
 * 366 days, as date-fns adds it), so a student with no 休学 passes the line exactly on the anniversary.
 */

export type LeavingDocument = 'incomplete' | 'studyRecord';
export const LEAVING_DOCUMENT_TITLES: Record<LeavingDocument, string> = { incomplete: '肄业证书', studyRecord: '学习证明' };
export const LEFT_STATUSES = new Set(['withdrawn', 'expelled']);

export interface LeavingPolicy {
  /** 学满 this many school years (may be a half: 0.5) before 退学 → 肄业证书. Default 1. */
  minYears: number;
}
export const DEFAULT_LEAVING_POLICY: LeavingPolicy = { minYears: 1 };

export interface LeavingInput {
  /** 'withdrawn' (退学) or 'expelled' (开除学籍). */
  status: string;
  /** 入学日期 'yyyy-MM-dd'. */
  enrolmentDate: string | null;
  /** The status history (any order); the leaving date is the last change to `status`. */
  statusEvents: readonly StatusEvent[];
}

export interface LeavingDecision {
  document: LeavingDocument;
  title: string;
  enrolmentDate: string;
  leftOn: string;
  /** Days actually studied, 休学 left out. */
  daysStudied: number;
  /** 休学/保留学籍 stretches inside the study, [from, to) clipped to 入学–离校. */
  breaks: { from: string; to: string }[];
  /** Met the policy's line (always false for 开除学籍 unless it was met: reported, not used). */
  fullYears: boolean;
  /** "入学 2023-09-01，退学 2024-12-10，学满一学年以上". */
  reason: string;
}

/** Why the rule cannot decide (no 入学日期, no recorded leaving date), or the decision. */
export type LeavingResult = { ok: true; decision: LeavingDecision } | { ok: false; problem: string };

const NUMERALS = ['零', '一', '两', '三', '四', '五', '六', '七', '八', '九', '十'];
/** 一学年, 两学年, 半学年, 1.5学年. */
export function yearsText(years: number): string {
  if (years === 0.5) return '半学年';
  return `${Number.isInteger(years) && years <= 10 ? NUMERALS[years] : years}学年`;
}

const STATUS_NAME: Record<string, string> = { withdrawn: '退学', expelled: '开除学籍' };

export function leavingDocument(input: LeavingInput, policy: LeavingPolicy = DEFAULT_LEAVING_POLICY): LeavingResult {
  const what = STATUS_NAME[input.status];
  if (!what) return { ok: false, problem: '该生不是退学或开除学籍的学生' };
  if (!input.enrolmentDate) return { ok: false, problem: '档案中没有入学日期，无法计算在校学习时间：请先补填入学日期' };
  const leaving = [...input.statusEvents].filter((e) => e.status === input.status).sort((a, b) => (a.effective < b.effective ? -1 : 1)).at(-1);
  if (!leaving) return { ok: false, problem: `学籍异动中没有记录${what}日期，无法计算在校学习时间：请先在学籍异动中补录` };
  const enrolmentDate = input.enrolmentDate;
  const leftOn = leaving.effective;
  if (leftOn < enrolmentDate) return { ok: false, problem: `${what}日期 ${leftOn} 早于入学日期 ${enrolmentDate}：请先核对档案` };

  // Study = one period from 入学, cut by the breaks, up to the leaving day (exclusive).
  const segments = studySegments([{ from: enrolmentDate, className: '', planId: null }], input.statusEvents.filter((e) => e.effective < leftOn));
  let daysStudied = 0;
  const breaks: { from: string; to: string }[] = [];
  let cursor = enrolmentDate;
  for (const s of segments) {
    if (s.from >= leftOn) break;
    const to = s.to === null || s.to > leftOn ? leftOn : s.to;
    if (s.from > cursor) breaks.push({ from: cursor, to: s.from });
    daysStudied += differenceInCalendarDays(parseISO(to), parseISO(s.from));
    cursor = to;
  }
  if (cursor < leftOn) breaks.push({ from: cursor, to: leftOn });

  const line = addMonths(parseISO(enrolmentDate), Math.round(policy.minYears * 12));
  const fullYears = daysStudied >= differenceInCalendarDays(line, parseISO(enrolmentDate));
  const document: LeavingDocument = input.status === 'withdrawn' && fullYears ? 'incomplete' : 'studyRecord';
  const years = yearsText(policy.minYears);
  const parts = [`入学 ${enrolmentDate}`, `${what} ${leftOn}`];
  if (breaks.length) parts.push(`${breaks.map((b) => `${b.from} 至 ${b.to}`).join('、')} 休学不计，实际在校学习 ${daysStudied} 天`);
  if (input.status === 'expelled') parts.push('开除学籍者只发学习证明（41号令第五十八条）');
  else parts.push(fullYears ? `学满${years}以上` : `未满${years}`);
  return { ok: true, decision: { document, title: LEAVING_DOCUMENT_TITLES[document], enrolmentDate, leftOn, daysStudied, breaks, fullYears, reason: parts.join('，') } };
}
