import { normaliseSpaces, toHalfWidth } from '../text';
import type { AttemptKind, GradeAttempt, TextGrade } from './types';

/**
 * Reading the 成绩 and 考试性质 cells of a 教务系统 export as they are (issue 15 "Grades"): the 成绩
 * column holds numbers or text (缺考, 作弊, 免修, 五级制 and 两级制 words), numbers sometimes as text
 * ('85.5', full-width '８５'). Anything else gets a Chinese problem for the import's error list.
 */

export type CellParse<T> = { ok: true; value: T } | { ok: false; problem: string };

/** What a 成绩 cell says. exempt = the cell reads 免修 (the attempt is then a 免修). */
export interface GradeCell {
  score: number | TextGrade | null;
  absent: boolean;
  void: boolean;
  exempt: boolean;
}

const WORDS: Readonly<Record<string, GradeCell>> = {
  缺考: { score: null, absent: true, void: false, exempt: false },
  作弊: { score: null, absent: false, void: true, exempt: false },
  免修: { score: null, absent: false, void: false, exempt: true },
  ...Object.fromEntries(
    (['优秀', '良好', '中等', '及格', '不及格', '合格', '不合格'] as const).map((g) => [g, { score: g, absent: false, void: false, exempt: false }]),
  ),
  // 两级制 is also written 通过/未通过 (DOMAIN.md §8.2); stored as 合格/不合格.
  通过: { score: '合格', absent: false, void: false, exempt: false },
  未通过: { score: '不合格', absent: false, void: false, exempt: false },
};

const NUMBER_TEXT = /^[+-]?\d+(\.\d+)?$/;
/** Scores are kept to two decimals at most; more means a formula's float leaked into the export. */
const TWO_DECIMALS = /^\d+(\.\d{1,2})?$/;

const cellText = (s: string) => normaliseSpaces(toHalfWidth(s));

function scoreProblem(n: number, shown: string): string | null {
  if (n < 0 || n > 100) return `成绩应在 0–100 之间（读到 ${shown}）`;
  if (!TWO_DECIMALS.test(String(n))) return `成绩最多保留两位小数（读到 ${shown}）`;
  return null;
}

export function parseGradeCell(cell: unknown): CellParse<GradeCell> {
  const number = (n: number, shown: string): CellParse<GradeCell> => {
    const problem = scoreProblem(n, shown);
    return problem ? { ok: false, problem } : { ok: true, value: { score: n, absent: false, void: false, exempt: false } };
  };
  if (typeof cell === 'number') return Number.isFinite(cell) ? number(cell, String(cell)) : { ok: false, problem: '无法识别的成绩' };
  if (cell === null || cell === undefined) return { ok: false, problem: '成绩为空' };
  if (typeof cell !== 'string') return { ok: false, problem: '无法识别的成绩' };
  const text = cellText(cell);
  if (text === '') return { ok: false, problem: '成绩为空' };
  const word = WORDS[text];
  if (word) return { ok: true, value: { ...word } };
  if (NUMBER_TEXT.test(text)) return number(Number(text), text);
  if (text === '缓考') return { ok: false, problem: '成绩为“缓考”：尚未考试，没有成绩可记' };
  return { ok: false, problem: `无法识别的成绩“${text}”` };
}

const KINDS: Readonly<Record<string, AttemptKind>> = {
  正考: '正考',
  正常考试: '正考',
  补考: '补考',
  重修: '重修',
  缓考: '缓考',
  免修: '免修',
};

export function parseAttemptKindCell(cell: unknown): CellParse<AttemptKind> {
  if (cell === null || cell === undefined) return { ok: false, problem: '考试性质为空' };
  if (typeof cell !== 'string') return { ok: false, problem: '无法识别的考试性质' };
  const text = cellText(cell);
  if (text === '') return { ok: false, problem: '考试性质为空' };
  const kind = KINDS[text];
  return kind ? { ok: true, value: kind } : { ok: false, problem: `无法识别的考试性质“${text}”（应为正考、补考、重修、缓考或免修）` };
}

export interface AttemptCellProblem {
  cell: 'grade' | 'kind';
  problem: string;
}

const isBlank = (cell: unknown) => cell === null || cell === undefined || (typeof cell === 'string' && cellText(cell) === '');

/**
 * One export row's attempt from its 成绩 and 考试性质 cells (term already read by the caller).
 * 免修 may be written in either cell; a 免修 row may leave 成绩 empty. Problems name their cell so
 * the import can point at row and column.
 */
export function parseAttemptCells(grade: unknown, kind: unknown, term: string): { ok: true; value: GradeAttempt } | { ok: false; problems: AttemptCellProblem[] } {
  const k = parseAttemptKindCell(kind);
  const exemptRow = k.ok && k.value === '免修';
  const g: CellParse<GradeCell> = exemptRow && isBlank(grade) ? { ok: true, value: { score: null, absent: false, void: false, exempt: true } } : parseGradeCell(grade);
  const problems: AttemptCellProblem[] = [];
  if (!g.ok) problems.push({ cell: 'grade', problem: g.problem });
  if (!k.ok) problems.push({ cell: 'kind', problem: k.problem });
  if (!g.ok || !k.ok) return { ok: false, problems };
  if (g.value.exempt && k.value !== '正考' && k.value !== '免修') {
    return { ok: false, problems: [{ cell: 'grade', problem: `${k.value}记录的成绩不能是“免修”` }] };
  }
  if (exemptRow && (g.value.absent || g.value.void)) {
    return { ok: false, problems: [{ cell: 'grade', problem: `免修记录的成绩不能是“${g.value.absent ? '缺考' : '作弊'}”` }] };
  }
  const { exempt, ...rest } = g.value;
  return { ok: true, value: { kind: exempt ? '免修' : k.value, ...rest, term } };
}
