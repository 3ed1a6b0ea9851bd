import { readGradeEntry, type AttemptKind, type GradeScale } from '../../../../shared/domain/grades';
import type { CallInput } from '../../../../shared/ipc/contract';
import type { AppErrorData } from '../../../../shared/ipc/result';
import type { GradeGrid } from '../../../../shared/ipc/schemas/grades';

/**
 * The grade grid's state, apart from its look: which recorded attempt each cell shows, what the
 * user typed, the problem with it (read by shared/domain/grades' readGradeEntry, as the main
 * process reads it again), the entries a save sends, and the server's refusals put back on their
 * cells. No rule of its own about grades.
 */

export type Attempt = GradeGrid['rows'][number]['attempts'][number];
export type Row = GradeGrid['rows'][number];
type Entry = CallInput<'grades.save'>['entries'][number];

/** The grid's columns: the first sitting (正考, which also takes 免修), 缓考, 补考, 重修. */
export type ColumnKind = Extract<AttemptKind, '正考' | '缓考' | '补考' | '重修'>;
export const COLUMN_KINDS: readonly ColumnKind[] = ['正考', '缓考', '补考', '重修'];

/** A column and the 学年学期 its new attempts are recorded in. */
export interface Column {
  kind: ColumnKind;
  term: string;
}

/** What a cell holds as typed: the 成绩 text and the two marks. */
export interface CellValue {
  score: string;
  absent: boolean;
  void: boolean;
}

export const EMPTY: CellValue = { score: '', absent: false, void: false };

/** The recorded attempt a cell edits; for 正考, the student's 正考 or 免修 (both the first sitting). */
export function recordedFor(row: Row, column: Column): Attempt | null {
  const mine = row.attempts.filter((a) => (column.kind === '正考' ? a.kind === '正考' || a.kind === '免修' : a.kind === column.kind));
  if (column.kind === '正考' || column.kind === '缓考') return mine[0] ?? null;
  // 补考 and 重修 may be sat more than once: the cell is the one of the column's term (the latest).
  return mine.filter((a) => a.term === column.term).at(-1) ?? null;
}

/** The same kind's attempts in other terms, shown beside the cell (a 补考 column set to another term). */
export function otherAttempts(row: Row, column: Column, recorded: Attempt | null): Attempt[] {
  if (column.kind === '正考' || column.kind === '缓考') return [];
  return row.attempts.filter((a) => a.kind === column.kind && a !== recorded);
}

/** A recorded attempt as the cell shows it for editing: a mark alone, or its grade (免修 as the word). */
export function valueOf(a: Attempt | null): CellValue {
  if (!a) return EMPTY;
  if (a.absent) return { score: '', absent: true, void: false };
  if (a.kind === '免修') return { score: '免修', absent: false, void: false };
  return { score: a.score ?? '', absent: false, void: a.void };
}

/** A recorded attempt in words, for reading: '85', '缺考', '78（作弊）', '免修'. */
export function attemptText(a: Attempt): string {
  if (a.absent) return '缺考';
  if (a.void) return a.score === null ? '作弊' : `${a.score}（作弊）`;
  return a.score ?? (a.kind === '免修' ? '免修' : '—');
}

const blank = (v: CellValue) => v.score.trim() === '' && !v.absent && !v.void;
export const sameValue = (a: CellValue, b: CellValue) => a.score.trim() === b.score.trim() && a.absent === b.absent && a.void === b.void;

/** Whether a mark is on: set, or typed as the word itself. */
export const markOn = (v: CellValue, mark: 'absent' | 'void') => v[mark] || v.score.trim() === (mark === 'absent' ? '缺考' : '作弊');

/**
 * The cell after clicking a mark. 缺考 has no grade, so marking it clears the score; 作弊 keeps the
 * score the paper got (void all the same). Unmarking takes the word away too.
 */
export function toggleMark(v: CellValue, mark: 'absent' | 'void'): CellValue {
  const word = mark === 'absent' ? '缺考' : '作弊';
  if (markOn(v, mark)) return { ...v, [mark]: false, score: v.score.trim() === word ? '' : v.score };
  if (mark === 'absent') return { score: '', absent: true, void: false };
  return { score: v.score.trim() === '缺考' ? '' : v.score, absent: false, void: true };
}

export type CellState =
  | { kind: 'same' }
  | { kind: 'problem'; message: string }
  | { kind: 'remove' }
  | { kind: 'change' };

/** What the cell's value means against what is recorded, read by the server's own rule. */
export function cellState(value: CellValue, recorded: Attempt | null, column: Column, scale: GradeScale): CellState {
  if (sameValue(value, valueOf(recorded))) return { kind: 'same' };
  if (blank(value)) return recorded ? { kind: 'remove' } : { kind: 'same' };
  const read = readGradeEntry({ kind: column.kind, score: value.score, absent: value.absent, void: value.void }, scale, recorded?.term ?? column.term);
  return read.ok ? { kind: 'change' } : { kind: 'problem', message: read.problem };
}

export const cellKey = (studentId: number, kind: ColumnKind) => `${studentId}:${kind}`;

/** The entry a changed cell sends: a recorded attempt by its number, a new one with the column's term. */
export function entryOf(studentId: number, value: CellValue, recorded: Attempt | null, column: Column): Entry {
  if (blank(value) && recorded) return { studentId, attempt: recorded.kind, attemptNo: recorded.attemptNo, remove: true, score: '' };
  return {
    studentId,
    attempt: column.kind,
    score: value.score.trim(),
    ...(value.absent ? { absent: true } : {}),
    ...(value.void ? { void: true } : {}),
    ...(recorded ? { attemptNo: recorded.attemptNo } : { term: column.term }),
  };
}

/**
 * The server refused a save: each issue names its entry (row = entry number, field entries.i.…);
 * put it back on the cell that entry came from, without the entry's own 第 n 行 (the grid's rows
 * differ from the order sent) and the student and attempt the cell already shows.
 */
export function issuesByCell(error: AppErrorData | null, sent: readonly string[]): Map<string, string> {
  const out = new Map<string, string>();
  for (const issue of error?.issues ?? []) {
    const index = issue.row !== undefined ? issue.row - 1 : Number(/^entries\.(\d+)\./.exec(issue.field ?? '')?.[1] ?? NaN);
    const key = sent[index];
    if (key === undefined || out.has(key)) continue;
    out.set(key, issueText(issue.message));
  }
  return out;
}

/** '第 3 行 王五（2026…）正考：成绩应在…' → '成绩应在…'. */
export function issueText(message: string): string {
  const m = /^第 \d+ 行[^：]*：(.+)$/s.exec(message);
  return m ? m[1]! : message;
}

/** '第 3 行 王五（2026…）正考：…' → '王五（2026…）正考：…' (the list above the grid names the student). */
export function issueLine(message: string): string {
  return message.replace(/^第 \d+ 行 ?/, '');
}
