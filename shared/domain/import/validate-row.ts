/**
 * Validation of one imported roster row, and duplicate detection within a file.
 *
 * Applies the per-kind normalisers to every mapped cell, then the cross-field
 * rules of DOMAIN §1.5: 出生日期 must equal ID positions 7–14 and 性别 must match the
 * parity of position 17. These are blocked here, at entry, because 学信网 only lets
 * 姓名/性别/出生日期/身份证号 change after provincial review. When the 出生日期 or 性别
 * column is absent or empty, the value is taken from the ID number.
 *
 * Pure: no I/O, no Node/Electron imports.
 */
import type { GenderCode, StudentStatusCode } from '../codes';
import { maskIdNumber, normaliseIdNumber } from '../idcard';
import { startsLikeFormula } from '../spreadsheet-text';
import { FIELD_BY_KEY, STUDENT_FIELD_KEYS, fieldTextProblem, type StudentFieldKey } from '../student-fields';
import { normaliseSpaces, toHalfWidth } from '../text';
import { isEmptyCell, type CellValue } from './cells';
import { cellRef, makeIssue, type ImportIssue } from './errors';
import {
  normaliseCohortYear,
  normaliseDate,
  normaliseEmail,
  normaliseEthnicity,
  normaliseGender,
  normaliseIdCell,
  normaliseIdentifier,
  normaliseName,
  normalisePhone,
  normalisePoliticalStatus,
  normaliseStatus,
  normaliseText,
  type DatePrecision,
  type IdCellInfo,
  type NormaliseResult,
} from './normalise';

/**
 * A student record after import normalisation: gender '1'|'2' (GB/T 2261.1),
 * dates ISO `YYYY-MM-DD`, ethnicity/political status as 2-digit code strings,
 * status as a STUDENT_STATUSES code, cohortYear a number, everything else text.
 */
export type NormalisedStudent = {
  [K in StudentFieldKey]: K extends 'gender'
    ? GenderCode
    : K extends 'cohortYear'
      ? number
      : K extends 'status'
        ? StudentStatusCode
        : string;
};

export interface ValidateRowContext {
  /** 1-based row number as Excel shows it. */
  row: number;
  /** Header text of the field's column as in the file (the field label when the column is absent). */
  headerOf(field: StudentFieldKey): string;
  /** Reference "today" for the ID birth-date check. */
  asOf: Date;
}

export interface ValidatedRow {
  values: Partial<NormalisedStudent>;
  issues: ImportIssue[];
}

type Normaliser = (v: CellValue | undefined, asOf: Date) => NormaliseResult<string | number>;

/** Normaliser per field; fields not listed use the one for their catalogue kind. */
const BY_FIELD: Partial<Record<StudentFieldKey, Normaliser>> = {
  studentNo: normaliseIdentifier,
  examNo: normaliseIdentifier,
  name: normaliseName,
  formerName: normaliseName,
  guardianName: normaliseName,
  gender: normaliseGender,
  idNumber: normaliseIdCell,
  ethnicityCode: normaliseEthnicity,
  politicalStatusCode: normalisePoliticalStatus,
  phone: normalisePhone,
  guardianPhone: normalisePhone,
  email: normaliseEmail,
  status: normaliseStatus,
  cohortYear: normaliseCohortYear,
};

function pickNormaliser(field: StudentFieldKey): Normaliser {
  const own = BY_FIELD[field];
  if (own) return own;
  switch (FIELD_BY_KEY[field].kind) {
    case 'date':
      return normaliseDate;
    case 'number':
      return normaliseCohortYear;
    case 'code':
    case 'text':
      return normaliseText;
  }
}

/** Chosen once per field (looked up for every cell of every row). */
const NORMALISER = new Map(STUDENT_FIELD_KEYS.map((f) => [f, pickNormaliser(f)]));
const normaliserFor = (field: StudentFieldKey): Normaliser => NORMALISER.get(field)!;

/** Saved as typed; only the workbooks the app writes put it behind a quote (spreadsheet-text.ts). */
function formulaWarning(text: string): string {
  return `以“${text[0]}”开头，将按原样保存为文字；导出的 Excel 文件中会在它前面加单引号（'），以免文件另存为 CSV 后被当作公式`;
}

const GENDER_NAME: Readonly<Record<GenderCode, string>> = { '1': '男', '2': '女' };

/**
 * Validates one row. `cells` holds the mapped cells by field; a field absent from
 * `cells` means the file has no such column, `null` an empty cell.
 */
export function validateImportRow(
  cells: Partial<Record<StudentFieldKey, CellValue | undefined>>,
  ctx: ValidateRowContext,
): ValidatedRow {
  const values: Partial<Record<StudentFieldKey, string | number>> = {};
  const issues: ImportIssue[] = [];
  const empty = new Set<StudentFieldKey>();
  const failed = new Set<StudentFieldKey>();
  let idInfo: IdCellInfo | undefined;
  let birthPrecision: DatePrecision = 'day';

  for (const field of STUDENT_FIELD_KEYS) {
    if (!Object.prototype.hasOwnProperty.call(cells, field) || isEmptyCell(cells[field])) {
      empty.add(field);
      if (!Object.prototype.hasOwnProperty.call(cells, field)) continue;
    }
    const cell = cells[field];
    let r: NormaliseResult<string | number>;
    if (field === 'idNumber') {
      const ir = normaliseIdCell(cell, ctx.asOf);
      if (ir.ok && ir.id) idInfo = ir.id;
      r = ir;
    } else if (field === 'birthDate') {
      const dr = normaliseDate(cell);
      if (dr.ok && dr.precision) birthPrecision = dr.precision;
      r = dr;
    } else {
      r = normaliserFor(field)(cell, ctx.asOf);
    }
    const column = ctx.headerOf(field);
    if (!r.ok) {
      failed.add(field);
      issues.push(makeIssue({ row: ctx.row, column, field, code: r.code, reason: r.message }));
      continue;
    }
    // The rules of the form (length, format), on the value as it would be saved.
    const problem = typeof r.value === 'string' ? fieldTextProblem(field, r.value) : null;
    if (problem) {
      failed.add(field);
      issues.push(makeIssue({ row: ctx.row, column, field, code: problem.rule === 'maxLength' ? 'TEXT_TOO_LONG' : 'TEXT_FORMAT', reason: problem.message }));
      continue;
    }
    if (typeof r.value === 'string' && startsLikeFormula(r.value)) {
      issues.push(makeIssue({ row: ctx.row, column, field, code: 'FORMULA_LIKE_TEXT', reason: formulaWarning(r.value), severity: 'warning' }));
    }
    for (const w of r.warnings ?? []) {
      issues.push(makeIssue({ row: ctx.row, column, field, code: w.code, reason: w.message, severity: 'warning' }));
    }
    if (r.value === null) {
      empty.add(field);
      continue;
    }
    values[field] = r.value;
  }

  // Cross-field rules with the ID number (DOMAIN §1.5).
  if (idInfo) {
    const birth = values.birthDate;
    if (typeof birth === 'string') {
      const same = birthPrecision === 'month' ? birth.slice(0, 7) === idInfo.birthDate.slice(0, 7) : birth === idInfo.birthDate;
      if (same) {
        // "出生年月" columns often carry only the month; the ID supplies the day.
        values.birthDate = idInfo.birthDate;
      } else {
        const shown = birthPrecision === 'month' ? birth.slice(0, 7) : birth;
        const column = ctx.headerOf('birthDate');
        issues.push(
          makeIssue({
            row: ctx.row,
            column,
            field: 'birthDate',
            code: 'BIRTH_MISMATCH',
            message: `${cellRef(ctx.row, column)}为 ${shown}，与身份证号中的出生日期 ${idInfo.birthDate} 不一致`,
          }),
        );
      }
    } else if (!failed.has('birthDate')) {
      values.birthDate = idInfo.birthDate;
      empty.delete('birthDate');
    }

    const gender = values.gender;
    if (typeof gender === 'string') {
      if (gender !== idInfo.gender) {
        const column = ctx.headerOf('gender');
        issues.push(
          makeIssue({
            row: ctx.row,
            column,
            field: 'gender',
            code: 'GENDER_MISMATCH',
            message:
              `${cellRef(ctx.row, column)}为 ${GENDER_NAME[gender as GenderCode]}，` +
              `与身份证号第 17 位（奇数为男、偶数为女）对应的性别 ${GENDER_NAME[idInfo.gender]} 不一致`,
          }),
        );
      }
    } else if (!failed.has('gender')) {
      values.gender = idInfo.gender;
      empty.delete('gender');
    }
  }

  // REQUIRED. 出生日期/性别 are not reported when a present-but-invalid ID number
  // is already reported: fixing the ID fills them.
  const idBroken = failed.has('idNumber');
  for (const field of STUDENT_FIELD_KEYS) {
    if (!FIELD_BY_KEY[field].required || !empty.has(field) || failed.has(field)) continue;
    if (idBroken && (field === 'birthDate' || field === 'gender')) continue;
    const column = ctx.headerOf(field);
    const message = Object.prototype.hasOwnProperty.call(cells, field)
      ? `${cellRef(ctx.row, column)}为空，该项必须填写`
      : `第 ${ctx.row} 行缺少“${column}”：文件中没有该列，该项必须填写`;
    issues.push(makeIssue({ row: ctx.row, column, field, code: 'REQUIRED', message }));
  }

  issues.sort((a, b) => STUDENT_FIELD_KEYS.indexOf(a.field) - STUDENT_FIELD_KEYS.indexOf(b.field));
  return { values: values as Partial<NormalisedStudent>, issues };
}

// ---------------------------------------------------------------------------
// Duplicates within one file

export interface DuplicateCheckRow {
  /** 1-based row number as Excel shows it. */
  row: number;
  idNumber?: string | null;
  studentNo?: string | null;
}

type KeyField = 'idNumber' | 'studentNo';

function keyOf(field: KeyField, value: string | null | undefined): string | null {
  if (value === null || value === undefined) return null;
  const k = field === 'idNumber' ? normaliseIdNumber(value) : normaliseSpaces(toHalfWidth(value)).replace(/ /g, '');
  return k === '' ? null : k;
}

/**
 * Rows sharing an ID number or a 学号. Every row of a duplicate group gets a
 * DUPLICATE_IN_FILE error naming the other rows (`第 7 行“身份证号码”与第 3 行身份证号重复`):
 * the importer cannot know which of them is right. ID numbers in messages are masked.
 */
export function findDuplicatesInFile(
  rows: readonly DuplicateCheckRow[],
  headerOf: (field: StudentFieldKey) => string,
): ImportIssue[] {
  const issues: ImportIssue[] = [];
  for (const field of ['idNumber', 'studentNo'] as const) {
    const groups = new Map<string, number[]>();
    for (const r of rows) {
      const k = keyOf(field, r[field]);
      if (k === null) continue;
      const g = groups.get(k);
      if (g) g.push(r.row);
      else groups.set(k, [r.row]);
    }
    const column = headerOf(field);
    const label = FIELD_BY_KEY[field].label;
    for (const [k, rowNos] of groups) {
      if (rowNos.length < 2) continue;
      const shown = field === 'idNumber' ? maskIdNumber(k) : k;
      for (const row of rowNos) {
        const others = rowNos.filter((r) => r !== row);
        const otherText = others.length > 0 ? others.join('、') : String(row);
        issues.push(
          makeIssue({
            row,
            column,
            field,
            code: 'DUPLICATE_IN_FILE',
            message: `${cellRef(row, column)}（${shown}）与第 ${otherText} 行${label}重复`,
          }),
        );
      }
    }
  }
  return issues.sort((a, b) => a.row - b.row || (a.field === b.field ? 0 : a.field === 'idNumber' ? -1 : 1));
}
