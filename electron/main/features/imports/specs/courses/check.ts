/**
 * The course import's row checks (pure): each row of a 教学进程表 read into a plan course as
 * plans.save takes it — the words the 教务处 writes (必修课, 限定选修, 考察, 等级制, √…) brought to the
 * plan's own values, then the save's own rules (PlanCourseInput: lengths, credits to one decimal,
 * term 1–10) — and, across rows, a code given twice.
 */
import { courseCode as normaliseCode } from '../../../../../../shared/domain/grades';
import {
  cellNumber, cellRef, COURSES_CATALOGUE, makeIssue, normaliseCohortYear, normaliseText, numberToPlainString, type CellValue, type CourseFieldKey,
  type ImportErrorCode, type ImportIssue,
} from '../../../../../../shared/domain/import';
import { PlanCourseInput } from '../../../../../../shared/ipc/schemas/plans';
import type { ParsedSheet } from '../../parse-runner';
import { headerOfFor, type SheetLayout } from '../../sheet';
import type { RowChecker } from '../../spec';
import type { CourseIn } from '../../../plans/save';

export type CourseIssue = ImportIssue<CourseFieldKey>;

export interface CourseRowChecked {
  index: number;
  row: number;
  /** The course as plans.save takes it; null when a cell has an error. */
  course: CourseIn | null;
  /** As the file has them (for messages before the course is read). */
  code: string | null;
  name: string | null;
  majorName: string | null;
  cohortYear: number | null;
  issues: CourseIssue[];
}

export interface CourseRows {
  layout: SheetLayout;
  mapping: Record<number, CourseFieldKey>;
  rows: CourseRowChecked[];
}

/** The words of a 教学进程表 → the plan's values; anything else is not guessed. */
const NATURES: Readonly<Record<string, CourseIn['nature']>> = {
  必修: '必修', 必修课: '必修', 必: '必修', 公共必修: '必修', 专业必修: '必修',
  限选: '限选', 限选课: '限选', 限定选修: '限选', 限定选修课: '限选', 专业选修: '限选', 专选: '限选',
  任选: '任选', 任选课: '任选', 任意选修: '任选', 任意选修课: '任选', 公选: '任选', 公共选修: '任选', 通识选修: '任选',
};
const ASSESSMENTS: Readonly<Record<string, CourseIn['assessment']>> = { 考试: '考试', 试: '考试', 考查: '考查', 考察: '考查', 查: '考查' };
const SCALES: Readonly<Record<string, CourseIn['scale']>> = {
  百分制: '百分制', 百分: '百分制', 百分制成绩: '百分制',
  五级制: '五级制', 五级: '五级制', 等级制: '五级制', 五级记分: '五级制', 五级记分制: '五级制',
  两级制: '两级制', 二级制: '两级制', 两级: '两级制', 合格制: '两级制', 通过制: '两级制',
};
const YES = new Set(['是', 'y', 'yes', '√', '✓', '1', 'true', '计入']);
const NO = new Set(['否', 'n', 'no', '×', '✗', 'x', '0', 'false', '不计入']);

const NUMBERS: readonly CourseFieldKey[] = ['credits', 'hours', 'term'];

const blank = (c: CellValue | undefined) => c === null || c === undefined || (typeof c === 'string' && c.trim() === '');

export class CourseRowChecker implements RowChecker<CourseRows> {
  readonly rows: CourseRowChecked[] = [];
  private readonly headerOf: (f: CourseFieldKey) => string;
  private readonly col: Partial<Record<CourseFieldKey, number>> = {};

  constructor(
    readonly layout: SheetLayout,
    readonly mapping: Record<number, CourseFieldKey>,
  ) {
    this.headerOf = headerOfFor(layout.headers, mapping, COURSES_CATALOGUE);
    for (const [i, f] of Object.entries(mapping)) this.col[f] = Number(i);
  }

  check(sheet: ParsedSheet, from: number, to: number): void {
    const mapped = Object.values(this.col);
    for (let index = Math.max(from, this.layout.headerIndex + 1); index < to; index++) {
      const cells = sheet.cells[index]!;
      if (mapped.every((c) => blank(cells[c]))) continue;
      this.rows.push(this.checkRow(cells, index, sheet.rowNos[index]!));
    }
  }

  private checkRow(cells: readonly CellValue[], index: number, row: number): CourseRowChecked {
    const issues: CourseIssue[] = [];
    const cell = (f: CourseFieldKey): CellValue | undefined => (this.col[f] === undefined ? undefined : (cells[this.col[f]!] ?? null));
    const problem = (field: CourseFieldKey, code: ImportErrorCode, reason: string) =>
      issues.push(makeIssue({ row, column: this.headerOf(field), field, code, message: `${cellRef(row, this.headerOf(field))}：${reason}` }));
    const text = (f: CourseFieldKey): string | null => {
      const r = normaliseText(cell(f));
      if (!r.ok) {
        problem(f, r.code, r.message);
        return null;
      }
      return r.value;
    };
    /** A number cell as its digits (2.5, not 2.4999…), a text cell as typed, without a unit after it. */
    const numberText = (f: CourseFieldKey, unit: RegExp): string | null => {
      const n = cellNumber(cell(f));
      if (n !== null && typeof cell(f) === 'number') return numberToPlainString(n);
      return text(f)?.replace(unit, '') ?? null;
    };
    const pick = <T>(f: CourseFieldKey, table: Readonly<Record<string, T>>, fallback: T | undefined, choices: string): T | undefined => {
      const t = text(f);
      if (t === null) return fallback;
      const v = table[t.replace(/\s+/g, '')];
      if (v === undefined) problem(f, 'VALUE_UNKNOWN', `无法识别“${t}”，应为${choices}`);
      return v;
    };

    const code = text('code');
    const name = text('name');
    const credits = numberText('credits', /\s*学分$/);
    const hoursText = numberText('hours', /\s*学时$/);
    const termText = text('term');
    const nature = pick('nature', NATURES, undefined, '必修、限选或任选（“选修”请写明限选或任选）');
    const assessment = pick('assessment', ASSESSMENTS, undefined, '考试或考查');
    const scale = pick('scale', SCALES, '百分制', '百分制、五级制或两级制');
    const counts = text('countsTowardGpa');
    let countsTowardGpa = true;
    if (counts !== null) {
      const k = counts.toLowerCase();
      if (YES.has(k)) countsTowardGpa = true;
      else if (NO.has(k)) countsTowardGpa = false;
      else problem('countsTowardGpa', 'VALUE_UNKNOWN', `无法识别“${counts}”，应为“是”或“否”`);
    }
    const majorName = text('majorName');
    let cohortYear: number | null = null;
    const cy = normaliseCohortYear(cell('cohortYear'));
    if (!cy.ok) problem('cohortYear', cy.code, cy.message);
    else cohortYear = cy.value;

    let hours: number | undefined;
    if (hoursText !== null) {
      if (/^\d+$/.test(hoursText)) hours = Number(hoursText);
      else problem('hours', 'NUMBER_FORMAT', `学时应为整数（读到“${hoursText}”）`);
    }
    let term: number | undefined;
    if (termText !== null) {
      const m = /^第?(\d{1,2})(?:学期)?$/.exec(termText);
      if (m) term = Number(m[1]);
      else problem('term', 'NUMBER_FORMAT', `开课学期应为 1–10 的数字，如 3 或“第3学期”（读到“${termText}”）`);
    }

    // The save's own rules on what was read (lengths, one decimal, 1–10…), each on its column.
    const candidate = {
      code: code === null ? undefined : normaliseCode(code), name: name ?? undefined, nameEn: text('nameEn') ?? '', credits: credits ?? undefined,
      hours, nature, module: text('module') ?? undefined, assessment, term, scale, countsTowardGpa,
    };
    let course: CourseIn | null = null;
    const parsed = PlanCourseInput.safeParse(candidate);
    if (parsed.success) course = parsed.data;
    else {
      for (const i of parsed.error.issues) {
        const field = String(i.path[0]) as CourseFieldKey;
        if (issues.some((x) => x.field === field)) continue;
        const value = (candidate as Record<string, unknown>)[field];
        const code: ImportErrorCode =
          value === undefined ? 'REQUIRED' : NUMBERS.includes(field) ? 'NUMBER_FORMAT' : i.code === 'too_big' ? 'TEXT_TOO_LONG' : 'TEXT_FORMAT';
        problem(field, code, i.message);
      }
    }
    if (issues.length) course = null;
    return { index, row, course, code: candidate.code ?? null, name, majorName, cohortYear, issues };
  }

  /** A code given twice: both rows (which one is right only the file's author knows). */
  finish(): CourseRows {
    const byCode = new Map<string, CourseRowChecked[]>();
    for (const r of this.rows) {
      if (!r.code) continue;
      byCode.set(r.code, [...(byCode.get(r.code) ?? []), r]);
    }
    const column = this.headerOf('code');
    for (const [code, rows] of byCode) {
      if (rows.length < 2) continue;
      for (const r of rows) {
        const others = rows.filter((x) => x !== r).map((x) => x.row).join('、');
        r.issues.push(makeIssue({ row: r.row, column, field: 'code', code: 'DUPLICATE_IN_FILE', message: `${cellRef(r.row, column)}：课程代码 ${code} 与第 ${others} 行重复` }));
        r.course = null;
      }
    }
    return { layout: this.layout, mapping: this.mapping, rows: this.rows };
  }
}
