import { normaliseSpaces, toHalfWidth } from '../text';
import { isTerm } from './plan';
import type { CellParse } from './parse';

/**
 * Reading the 学年学期 of a 教务系统 export as it is written (issue 15 "Grades"): one cell
 * ('2025-2026-1', '2025-2026学年第一学期', '2025—2026(2)', '2025-2026 秋'), or a 学年 cell
 * ('2025-2026', '2025-2026学年', '2025') beside a 学期 cell ('1', '第二学期', '二', '春'). The
 * answer is the stored form 'yyyy-yyyy-n'.
 */

const NUMERALS: Readonly<Record<string, 1 | 2>> = { '1': 1, '2': 2, 一: 1, 二: 2, 上: 1, 下: 2, 秋: 1, 春: 2 };

const clean = (cell: unknown): string => {
  if (cell === null || cell === undefined) return '';
  if (typeof cell === 'number') return Number.isFinite(cell) ? String(cell) : '';
  if (typeof cell !== 'string') return '';
  // Dashes and tildes of every width between the years; no spaces.
  return normaliseSpaces(toHalfWidth(cell)).replace(/[—–－~～至到]/g, '-').replace(/\s+/g, '');
};

/** '2025-2026', '2025-2026学年', '2025学年' (the year it starts), 2025 → 2025; null otherwise. */
function readYear(text: string): number | null {
  const m = /^(\d{4})(?:-(\d{4}))?(?:学年(?:度)?)?$/.exec(text);
  if (!m) return null;
  const from = Number(m[1]);
  if (m[2] !== undefined && Number(m[2]) !== from + 1) return null;
  return from >= 1990 && from <= 2100 ? from : null;
}

/**
 * A 学年 cell on its own ('2025-2026', '2025—2026学年', '2025', 2025) → the year it starts; null
 * when it is not one (the 体质健康 import's 测试学年).
 */
export const parseSchoolYear = (cell: unknown): number | null => readYear(clean(cell));

/** '1', '01', '第一学期', '第2学期', '二', '秋季学期', '上学期' → 1 or 2; null otherwise. */
function readHalf(text: string): 1 | 2 | null {
  const m = /^(?:第)?0?([12一二上下秋春])(?:季)?(?:学期)?$/.exec(text);
  return m ? NUMERALS[m[1]!]! : null;
}

const term = (from: number, half: 1 | 2) => `${from}-${from + 1}-${half}`;

/** One cell holding the whole 学年学期. */
function readWhole(text: string): string | null {
  if (isTerm(text)) return text;
  // 2025-2026-1, 2025-2026学年第一学期, 2025-2026(1), 2025-2026第二学期, 2025-2026秋
  const m = /^(\d{4}-\d{4}(?:学年(?:度)?)?)[-_/]?(?:\((.+)\)|(.+))$/.exec(text);
  if (!m) return null;
  const from = readYear(m[1]!);
  const half = readHalf(m[2] ?? m[3]!);
  return from !== null && half !== null ? term(from, half) : null;
}

const isBlank = (cell: unknown) => clean(cell) === '';

/**
 * The 学年学期 from a 学期 cell and, when the export splits it, a 学年 cell. Both blank: null (the
 * caller decides the default). A 学期 of 1 or 2 alone, without its 学年, cannot be placed.
 */
export function parseTermCells(termCell: unknown, yearCell?: unknown): CellParse<string | null> {
  const t = clean(termCell);
  const y = clean(yearCell);
  if (t === '' && y === '') return { ok: true, value: null };
  const shown = [y, t].filter(Boolean).join(' ');
  const whole = t !== '' ? readWhole(t) : null;
  if (whole) return { ok: true, value: whole };
  const from = y !== '' ? readYear(y) : null;
  const half = t !== '' ? readHalf(t) : null;
  if (from !== null && half !== null) return { ok: true, value: term(from, half) };
  if (half !== null && isBlank(yearCell)) return { ok: false, problem: `学期“${t}”没有学年，应写作 2025-2026-1 的形式，或另有“学年”列` };
  return { ok: false, problem: `无法识别的学年学期“${shown}”，应写作 2025-2026-1 或 2025-2026学年第一学期` };
}
