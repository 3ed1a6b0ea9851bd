/**
 * The grade import's row checks (pure: the file and the mapping only). Each row of a 教务系统 export
 * read as it is written: the student's 学号 or 身份证号, the 课程代码, the 成绩 (a number or a word)
 * and the 考试性质 through the GPA module's parsers (shared/domain/grades), the 学年学期 in one cell
 * or two. What the row means against the records (which student, which course, which attempt) is
 * evaluate.ts.
 */
import {
  courseCode as normaliseCode, parseAttemptCells, parseTermCells, type AttemptKind, type TextGrade,
} from '../../../../../../shared/domain/grades';
import {
  cellRef, cellText, GRADES_CATALOGUE, makeIssue, normaliseIdCell, normaliseIdentifier, normaliseName, normaliseText, type CellValue, type GradeFieldKey,
  type ImportErrorCode, type ImportIssue,
} from '../../../../../../shared/domain/import';
import { normaliseSpaces, toHalfWidth } from '../../../../../../shared/domain/text';
import type { ParsedSheet } from '../../parse-runner';
import { headerOfFor, type SheetLayout } from '../../sheet';
import type { RowChecker } from '../../spec';

export type GradeIssue = ImportIssue<GradeFieldKey>;

/** The attempt a row records, as the GPA module reads it (term aside). */
export interface RowAttempt {
  kind: AttemptKind;
  score: number | TextGrade | null;
  absent: boolean;
  void: boolean;
}

export interface GradeRowChecked {
  /** Index into the sheet's rows; row number as Excel shows it. */
  index: number;
  row: number;
  studentNo: string | null;
  idNumber: string | null;
  name: string | null;
  courseCode: string | null;
  courseName: string | null;
  /** null when its cells have problems. */
  attempt: RowAttempt | null;
  /** 'yyyy-yyyy-n'; null when the file gives none (the plan's term then) or it has a problem. */
  term: string | null;
  issues: GradeIssue[];
}

export interface GradeRows {
  layout: SheetLayout;
  mapping: Record<number, GradeFieldKey>;
  rows: GradeRowChecked[];
}

const blank = (c: CellValue | undefined) => c === null || c === undefined || (typeof c === 'string' && c.trim() === '');

/** 105, '105', '１０５' — a number outside 0–100, said apart from a word no one can read. */
function gradeCode(cell: CellValue | undefined): ImportErrorCode {
  if (blank(cell)) return 'REQUIRED';
  const n = typeof cell === 'number' ? cell : Number(normaliseSpaces(toHalfWidth(cellText(cell))));
  return Number.isFinite(n) && (n < 0 || n > 100) ? 'SCORE_OUT_OF_RANGE' : 'GRADE_FORMAT';
}

/** A cell as a cache key: its type and value (85 and '85' read alike but are kept apart). */
const keyOf = (c: CellValue | undefined): string => (c === null || c === undefined ? '' : typeof c === 'object' ? JSON.stringify(c) : `${typeof c}:${String(c)}`);

type Read<T> = { ok: true; value: T } | { ok: false; problems: { field: GradeFieldKey; code: ImportErrorCode; reason: string }[] };

/**
 * A reader that remembers its answers by the cells' key: an export repeats the same 学号, course,
 * term, 成绩 and 考试性质 thousands of times (100,000 rows read in a third of the time).
 */
function memo<T>(read: () => Read<T>): (key: string) => Read<T> {
  const seen = new Map<string, Read<T>>();
  return (key) => {
    let v = seen.get(key);
    if (!v) seen.set(key, (v = read()));
    return v;
  };
}

const fromNormalised = <T>(field: GradeFieldKey, r: { ok: true; value: T | null } | { ok: false; code: ImportErrorCode; message: string }): Read<T | null> =>
  r.ok ? { ok: true, value: r.value } : { ok: false, problems: [{ field, code: r.code, reason: r.message }] };

export class GradeRowChecker implements RowChecker<GradeRows> {
  readonly rows: GradeRowChecked[] = [];
  private readonly headerOf: (f: GradeFieldKey) => string;
  private readonly col: Partial<Record<GradeFieldKey, number>> = {};
  /** The row being checked: the memoised readers below read its cells. */
  private cells: readonly CellValue[] = [];
  private row = 0;
  private issues: GradeIssue[] = [];

  private readonly studentNoOf = memo(() => fromNormalised('studentNo', normaliseIdentifier(this.cell('studentNo'))));
  private readonly idNumberOf = memo(() => fromNormalised('idNumber', normaliseIdCell(this.cell('idNumber'), this.asOf)));
  private readonly nameOf = memo(() => fromNormalised('name', normaliseName(this.cell('name'))));
  private readonly courseNameOf = memo(() => fromNormalised('courseName', normaliseText(this.cell('courseName'))));
  private readonly courseCodeOf = memo((): Read<string | null> => {
    const r = normaliseText(this.cell('courseCode'));
    if (!r.ok) return fromNormalised('courseCode', r);
    return r.value === null ? { ok: false, problems: [{ field: 'courseCode', code: 'REQUIRED', reason: '课程代码为空' }] } : { ok: true, value: normaliseCode(r.value) };
  });
  /** The term first: a problem there is the term's own, not the attempt's. */
  private readonly termOf = memo((): Read<string | null> => {
    const t = parseTermCells(this.cell('term'), this.cell('schoolYear'));
    return t.ok ? t : { ok: false, problems: [{ field: this.col.term !== undefined ? 'term' : 'schoolYear', code: 'TERM_FORMAT', reason: t.problem }] };
  });
  /** 成绩 and 考试性质 through the GPA module's parser (the term is the row's own, above). */
  private readonly attemptOf = memo((): Read<RowAttempt> => {
    const a = parseAttemptCells(this.cell('score'), this.cell('kind'), '');
    if (a.ok) {
      const { term: _term, ...attempt } = a.value;
      return { ok: true, value: attempt };
    }
    return {
      ok: false,
      problems: a.problems.map((p) =>
        p.cell === 'grade'
          ? { field: 'score' as const, code: gradeCode(this.cell('score')), reason: p.problem }
          : { field: 'kind' as const, code: blank(this.cell('kind')) ? ('REQUIRED' as const) : ('ATTEMPT_KIND_UNKNOWN' as const), reason: p.problem },
      ),
    };
  });

  constructor(
    readonly layout: SheetLayout,
    readonly mapping: Record<number, GradeFieldKey>,
    private readonly asOf: Date,
  ) {
    this.headerOf = headerOfFor(layout.headers, mapping, GRADES_CATALOGUE);
    for (const [i, f] of Object.entries(mapping)) this.col[f] = Number(i);
  }

  check(sheet: ParsedSheet, from: number, to: number): void {
    const mapped = Object.values(this.col);
    for (let index = Math.max(from, this.layout.headerIndex + 1); index < to; index++) {
      const cells = sheet.cells[index]!;
      // Rows whose mapped cells are all empty are not data (a note under the table).
      if (mapped.every((c) => blank(cells[c]))) continue;
      this.rows.push(this.checkRow(cells, index, sheet.rowNos[index]!));
    }
  }

  private cell(f: GradeFieldKey): CellValue | undefined {
    const c = this.col[f];
    return c === undefined ? undefined : (this.cells[c] ?? null);
  }

  private problem(field: GradeFieldKey, code: ImportErrorCode, reason: string): void {
    const column = this.headerOf(field);
    this.issues.push(makeIssue({ row: this.row, column, field, code, message: `${cellRef(this.row, column)}：${reason}` }));
  }

  /** The reader's answer for this row's cells; its problems become the row's issues. */
  private read<T>(reader: (key: string) => Read<T>, key: string): T | null {
    const r = reader(key);
    if (r.ok) return r.value;
    for (const p of r.problems) this.problem(p.field, p.code, p.reason);
    return null;
  }

  private checkRow(cells: readonly CellValue[], index: number, row: number): GradeRowChecked {
    this.cells = cells;
    this.row = row;
    const issues: GradeIssue[] = (this.issues = []);
    const key = (f: GradeFieldKey) => keyOf(this.cell(f));
    const mapped = (f: GradeFieldKey) => this.col[f] !== undefined;

    const studentNo = mapped('studentNo') ? this.read(this.studentNoOf, key('studentNo')) : null;
    const idNumber = mapped('idNumber') ? this.read(this.idNumberOf, key('idNumber')) : null;
    if (!studentNo && !idNumber && !issues.length) {
      const which = mapped('studentNo') ? 'studentNo' : 'idNumber';
      this.problem(which, 'REQUIRED', mapped('studentNo') && mapped('idNumber') ? '学号和身份证号都为空，无法确定是哪名学生' : `${which === 'studentNo' ? '学号' : '身份证号'}为空，无法确定是哪名学生`);
    }
    const name = mapped('name') ? this.read(this.nameOf, key('name')) : null;
    const courseCode = this.read(this.courseCodeOf, key('courseCode'));
    const courseName = mapped('courseName') ? this.read(this.courseNameOf, key('courseName')) : null;
    const term = this.read(this.termOf, `${key('term')}\u0000${key('schoolYear')}`);
    const attempt = this.read(this.attemptOf, `${key('score')}\u0000${key('kind')}`);
    return { index, row, studentNo, idNumber, name, courseCode, courseName, attempt, term, issues };
  }

  finish(): GradeRows {
    return { layout: this.layout, mapping: this.mapping, rows: this.rows };
  }
}
