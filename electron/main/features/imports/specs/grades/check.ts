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

export class GradeRowChecker implements RowChecker<GradeRows> {
  readonly rows: GradeRowChecked[] = [];
  private readonly headerOf: (f: GradeFieldKey) => string;
  private readonly col: Partial<Record<GradeFieldKey, number>> = {};

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

  private checkRow(cells: readonly CellValue[], index: number, row: number): GradeRowChecked {
    const issues: GradeIssue[] = [];
    const cell = (f: GradeFieldKey): CellValue | undefined => {
      const c = this.col[f];
      return c === undefined ? undefined : (cells[c] ?? null);
    };
    const problem = (field: GradeFieldKey, code: ImportErrorCode, reason: string) =>
      issues.push(makeIssue({ row, column: this.headerOf(field), field, code, message: `${cellRef(row, this.headerOf(field))}：${reason}` }));
    const text = (field: GradeFieldKey, read: typeof normaliseText): string | null => {
      const r = read(cell(field));
      if (!r.ok) {
        problem(field, r.code, r.message);
        return null;
      }
      return r.value;
    };

    const studentNo = text('studentNo', normaliseIdentifier);
    let idNumber: string | null = null;
    if (this.col.idNumber !== undefined) {
      const r = normaliseIdCell(cell('idNumber'), this.asOf);
      if (!r.ok) problem('idNumber', r.code, r.message);
      else idNumber = r.value;
    }
    const idFailed = issues.some((i) => i.field === 'idNumber');
    if (!studentNo && !idNumber && !idFailed && !issues.some((i) => i.field === 'studentNo')) {
      const which = this.col.studentNo !== undefined ? 'studentNo' : 'idNumber';
      problem(which, 'REQUIRED', this.col.studentNo !== undefined && this.col.idNumber !== undefined ? '学号和身份证号都为空，无法确定是哪名学生' : `${which === 'studentNo' ? '学号' : '身份证号'}为空，无法确定是哪名学生`);
    }
    const name = text('name', normaliseName);

    const rawCode = text('courseCode', normaliseText);
    const courseCode = rawCode ? normaliseCode(rawCode) : null;
    if (!courseCode && !issues.some((i) => i.field === 'courseCode')) problem('courseCode', 'REQUIRED', '课程代码为空');
    const courseName = text('courseName', normaliseText);

    // The term first: the attempt parser takes it, and a problem there is the term's own.
    const t = parseTermCells(cell('term'), cell('schoolYear'));
    if (!t.ok) problem(this.col.term !== undefined ? 'term' : 'schoolYear', 'TERM_FORMAT', t.problem);
    const term = t.ok ? t.value : null;

    let attempt: RowAttempt | null = null;
    const a = parseAttemptCells(cell('score'), cell('kind'), term ?? '');
    if (a.ok) {
      const { term: _term, ...rest } = a.value;
      attempt = rest;
    } else {
      for (const p of a.problems) {
        if (p.cell === 'grade') problem('score', gradeCode(cell('score')), p.problem);
        else problem('kind', blank(cell('kind')) ? 'REQUIRED' : 'ATTEMPT_KIND_UNKNOWN', p.problem);
      }
    }
    return { index, row, studentNo, idNumber, name, courseCode, courseName, attempt, term, issues };
  }

  finish(): GradeRows {
    return { layout: this.layout, mapping: this.mapping, rows: this.rows };
  }
}
