import { parseAttemptCells } from './parse';
import { FIVE_LEVEL_GRADES, PASS_FAIL_GRADES, type AttemptKind, type GradeAttempt, type GradeScale, type TextGrade } from './types';

/**
 * One cell of the grade grid (issue 15 "Grades": validation as you type, and again in the main
 * process before anything is written). The text goes through the 成绩 parser the imports use; the
 * 缺考 / 作弊 marks may also be given beside it (作弊 may keep the score the paper got, void all the
 * same). On top of the parser: the grade must be in the course's own scale, as a person typing in
 * the grid means it — a 百分制 course takes a score, a 五级制 one 优秀…不及格, a 两级制 one 合格/不合格.
 */
export interface GradeEntryCell {
  kind: AttemptKind;
  /** As typed: '85', '优秀', '缺考', '' (only with a mark, or for 免修). */
  score: string;
  absent?: boolean | undefined;
  void?: boolean | undefined;
}

export type EntryRead = { ok: true; value: GradeAttempt } | { ok: false; problem: string };

const isFiveLevel = (s: unknown) => (FIVE_LEVEL_GRADES as readonly unknown[]).includes(s);
const isPassFail = (s: unknown) => (PASS_FAIL_GRADES as readonly unknown[]).includes(s);

/** The grade a course of this scale cannot take, in words; null when it fits. */
export function scaleProblem(scale: GradeScale, score: GradeAttempt['score']): string | null {
  if (score === null) return null;
  if (scale === '百分制' && typeof score !== 'number') return `该课程为百分制，应填写 0–100 的分数（读到“${score}”）`;
  if (scale === '五级制' && !isFiveLevel(score)) return `该课程为五级制，应填写优秀、良好、中等、及格或不及格（读到“${score}”）`;
  if (scale === '两级制' && !isPassFail(score)) return `该课程为两级制，应填写合格或不合格（读到“${score}”）`;
  return null;
}

export function readGradeEntry(cell: GradeEntryCell, scale: GradeScale, term: string): EntryRead {
  const text = cell.score.trim();
  if (cell.absent && cell.void) return { ok: false, problem: '缺考与作弊不能同时标记' };
  if (cell.absent && text !== '' && text !== '缺考') return { ok: false, problem: '标记为缺考的记录不应有成绩' };
  // A mark alone stands for the word the exports write in the 成绩 column.
  const shown = text !== '' ? cell.score : cell.absent ? '缺考' : cell.void ? '作弊' : cell.score;
  const r = parseAttemptCells(shown, cell.kind, term);
  if (!r.ok) return { ok: false, problem: r.problems.map((p) => p.problem).join('；') };
  const a = r.value;
  if (cell.void && a.absent) return { ok: false, problem: '缺考与作弊不能同时标记' };
  const attempt: GradeAttempt = { ...a, void: a.void || Boolean(cell.void) };
  if (attempt.kind === '免修' && attempt.void) return { ok: false, problem: '免修记录不能标记作弊' };
  const problem = scaleProblem(scale, attempt.score);
  return problem ? { ok: false, problem } : { ok: true, value: attempt };
}

/** How a grade is stored: a score as its shortest decimal text ('85', '85.5'), a text grade as it is. */
export function scoreToText(score: GradeAttempt['score']): string | null {
  return score === null ? null : String(score);
}

/** Back from storage: digits are a score, anything else a text grade. */
export function scoreFromText(text: string | null): number | TextGrade | null {
  if (text === null) return null;
  return /^\d/.test(text) ? Number(text) : (text as TextGrade);
}
