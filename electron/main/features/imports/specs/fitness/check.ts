/**
 * The 体质健康 import's row checks (pure: the file and the mapping only): the student's 学号 or
 * 身份证号 (姓名 when given), the 测试学年 and the 总分 (shared/domain/graduation/fitness.ts). Which
 * student that is, and what is already recorded, is evaluate.ts.
 */
import { parseFitnessScore, parseFitnessYear } from '../../../../../../shared/domain/graduation/fitness';
import {
  cellRef, FITNESS_CATALOGUE, makeIssue, normaliseIdCell, normaliseIdentifier, normaliseName, type CellValue, type FitnessFieldKey, type ImportErrorCode, type ImportIssue,
} from '../../../../../../shared/domain/import';
import type { ParsedSheet } from '../../parse-runner';
import { headerOfFor, type SheetLayout } from '../../sheet';
import type { RowChecker } from '../../spec';

export type FitnessIssue = ImportIssue<FitnessFieldKey>;

export interface FitnessRowChecked {
  /** Index into the sheet's rows; row number as Excel shows it. */
  index: number;
  row: number;
  studentNo: string | null;
  idNumber: string | null;
  name: string | null;
  /** The year the 学年 starts; null when its cell has a problem. */
  schoolYear: number | null;
  score: number | null;
  issues: FitnessIssue[];
}

export interface FitnessRows {
  layout: SheetLayout;
  mapping: Record<number, FitnessFieldKey>;
  rows: FitnessRowChecked[];
}

const blank = (c: CellValue | undefined) => c === null || c === undefined || (typeof c === 'string' && c.trim() === '');

export class FitnessRowChecker implements RowChecker<FitnessRows> {
  readonly rows: FitnessRowChecked[] = [];
  private readonly headerOf: (f: FitnessFieldKey) => string;
  private readonly col: Partial<Record<FitnessFieldKey, number>> = {};

  constructor(
    readonly layout: SheetLayout,
    readonly mapping: Record<number, FitnessFieldKey>,
    private readonly asOf: Date,
  ) {
    this.headerOf = headerOfFor(layout.headers, mapping, FITNESS_CATALOGUE);
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

  private checkRow(cells: readonly CellValue[], index: number, row: number): FitnessRowChecked {
    const issues: FitnessIssue[] = [];
    const cell = (f: FitnessFieldKey): CellValue | undefined => (this.col[f] === undefined ? undefined : (cells[this.col[f]!] ?? null));
    const mapped = (f: FitnessFieldKey) => this.col[f] !== undefined;
    const problem = (field: FitnessFieldKey, code: ImportErrorCode, reason: string) => {
      const column = this.headerOf(field);
      issues.push(makeIssue({ row, column, field, code, message: `${cellRef(row, column)}：${reason}` }));
    };
    const read = <T>(field: FitnessFieldKey, r: { ok: true; value: T | null } | { ok: false; code: ImportErrorCode; message: string }): T | null => {
      if (r.ok) return r.value;
      problem(field, r.code, r.message);
      return null;
    };

    const studentNo = mapped('studentNo') ? read('studentNo', normaliseIdentifier(cell('studentNo'))) : null;
    const idNumber = mapped('idNumber') ? read('idNumber', normaliseIdCell(cell('idNumber'), this.asOf)) : null;
    if (!studentNo && !idNumber && !issues.length) {
      const which = mapped('studentNo') ? 'studentNo' : 'idNumber';
      problem(which, 'REQUIRED', mapped('studentNo') && mapped('idNumber') ? '学号和身份证号都为空，无法确定是哪名学生' : `${which === 'studentNo' ? '学号' : '身份证号'}为空，无法确定是哪名学生`);
    }
    const name = mapped('name') ? read('name', normaliseName(cell('name'))) : null;
    const year = parseFitnessYear(cell('schoolYear'), this.asOf);
    if (!year.ok) problem('schoolYear', year.code, year.reason);
    const score = parseFitnessScore(cell('score'));
    if (!score.ok) problem('score', score.code, score.reason);
    return { index, row, studentNo, idNumber, name, schoolYear: year.ok ? year.value : null, score: score.ok ? score.value : null, issues };
  }

  finish(): FitnessRows {
    return { layout: this.layout, mapping: this.mapping, rows: this.rows };
  }
}
