/**
 * Reading a 体质健康测试 总分 and its 学年 as a sheet writes them (issue 16, the 'fitness' import):
 * 总分 is 0–100 with one decimal at most (《国家学生体质健康标准》 gives 标准分 + 附加分 to one
 * decimal); the 学年 is written 2025-2026 (or 2025-2026学年, 2025) and stored as the year it starts.
 *
 * Pure: no I/O.
 */
import { parseSchoolYear } from '../grades/term';
import { normaliseSpaces, toHalfWidth } from '../text';

export type FitnessProblem = { ok: false; code: 'REQUIRED' | 'NUMBER_FORMAT' | 'SCORE_OUT_OF_RANGE' | 'SCHOOL_YEAR_FORMAT'; reason: string };

const text = (cell: unknown): string =>
  cell === null || cell === undefined ? '' : typeof cell === 'number' ? String(cell) : typeof cell === 'string' ? normaliseSpaces(toHalfWidth(cell)).trim() : '';

/** 85, '85.5', '８５.５', '85.5分' → the score; a number outside 0–100 or with two decimals is refused. */
export function parseFitnessScore(cell: unknown): { ok: true; value: number } | FitnessProblem {
  const t = text(cell);
  if (t === '') return { ok: false, code: 'REQUIRED', reason: '总分为空' };
  const n = typeof cell === 'number' ? cell : /^[+-]?\d+(\.\d+)?分?$/.test(t) ? Number(t.replace(/分$/, '')) : NaN;
  if (!Number.isFinite(n)) return { ok: false, code: 'NUMBER_FORMAT', reason: `总分“${t}”不是数字，应为 0–100 的分数` };
  if (n < 0 || n > 100) return { ok: false, code: 'SCORE_OUT_OF_RANGE', reason: `总分应在 0–100 之间（读到 ${t.replace(/分$/, '')}）` };
  // Tenths compared with a tolerance: 72.3 typed in Excel is not exactly 723/10 in binary.
  const tenths = Math.round(n * 10);
  if (Math.abs(n * 10 - tenths) > 1e-6) return { ok: false, code: 'NUMBER_FORMAT', reason: `总分最多保留一位小数（读到 ${t}）` };
  return { ok: true, value: tenths / 10 };
}

/** '2025-2026' → 2025 (the year the 学年 starts); refused when it cannot be read or lies in the future. */
export function parseFitnessYear(cell: unknown, asOf: Date): { ok: true; value: number } | FitnessProblem {
  const t = text(cell);
  if (t === '') return { ok: false, code: 'REQUIRED', reason: '测试学年为空' };
  const from = parseSchoolYear(cell);
  if (from === null) return { ok: false, code: 'SCHOOL_YEAR_FORMAT', reason: `无法识别的学年“${t}”，应写作 2025-2026` };
  if (from > asOf.getFullYear()) return { ok: false, code: 'SCHOOL_YEAR_FORMAT', reason: `测试学年 ${schoolYearText(from)} 还没有开始` };
  return { ok: true, value: from };
}

/** 2025 → '2025-2026'. */
export const schoolYearText = (from: number) => `${from}-${from + 1}`;

/** A stored score as shown: 85, 85.5. */
export const fitnessScoreText = (score: number) => String(Math.round(score * 10) / 10);

/**
 * The 体质健康 score at graduation, from every 学年's 总分: 《国家学生体质健康标准（2014年修订）》
 * rates a graduate by "毕业当年学年总分的 50% 与其他学年总分平均得分的 50% 之和". The latest 学年
 * recorded stands for the graduating year; with only one year recorded, that year's score is it.
 * Worked in tenths (scores have one decimal) and rounded half up to one decimal.
 */
export function graduationFitnessScore(scores: readonly { schoolYear: number; score: number }[]): number | null {
  if (scores.length === 0) return null;
  const byYear = [...scores].sort((a, b) => a.schoolYear - b.schoolYear);
  const last = byYear.at(-1)!;
  const others = byYear.slice(0, -1);
  if (others.length === 0) return last.score;
  const tenths = (s: number) => Math.round(s * 10);
  // (last + mean(others)) / 2 in tenths = (last·n + Σothers) / 2n, exact in integers until the rounding.
  const n = others.length;
  const num = tenths(last.score) * n + others.reduce((sum, o) => sum + tenths(o.score), 0);
  return Math.floor((num + n) / (2 * n)) / 10;
}
