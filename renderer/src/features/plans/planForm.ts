import { COURSE_ASSESSMENTS, COURSE_NATURES, GRADE_SCALES, type CourseAssessment, type CourseNature, type GradeScale } from '../../../../shared/domain/grades';
import type { CallInput } from '../../../../shared/ipc/contract';
import type { AppErrorData } from '../../../../shared/ipc/result';
import { PlanCourseInput, SavePlanInput, type PlanCourse, type PlanDetail } from '../../../../shared/ipc/schemas/plans';

/**
 * The plan editor's state as typed, and its checks: each row read by the contract's own schema
 * (PlanCourseInput, the same the main process applies), the server's refusals put back on rows.
 */

export const COURSE_FIELDS = ['code', 'name', 'nameEn', 'credits', 'hours', 'nature', 'module', 'assessment', 'term', 'scale', 'countsTowardGpa'] as const;
export type CourseField = (typeof COURSE_FIELDS)[number];

export interface CourseRow {
  /** The row's identity while editing (rows move and go). */
  key: number;
  code: string;
  name: string;
  nameEn: string;
  credits: string;
  hours: string;
  nature: CourseNature;
  module: string;
  assessment: CourseAssessment;
  term: string;
  scale: GradeScale;
  countsTowardGpa: boolean;
}

export interface PlanForm {
  majorId: string;
  cohortYear: string;
  name: string;
  note: string;
  rows: CourseRow[];
}

let nextKey = 1;
export const newKey = () => nextKey++;

export const emptyRow = (): CourseRow => ({
  key: newKey(),
  code: '',
  name: '',
  nameEn: '',
  credits: '',
  hours: '',
  nature: COURSE_NATURES[0]!,
  module: '',
  assessment: COURSE_ASSESSMENTS[0]!,
  term: '1',
  scale: GRADE_SCALES[0]!,
  countsTowardGpa: true,
});

export const rowOf = (c: PlanCourse): CourseRow => ({
  key: newKey(),
  code: c.code,
  name: c.name,
  nameEn: c.nameEn,
  credits: c.credits,
  hours: String(c.hours),
  nature: c.nature,
  module: c.module,
  assessment: c.assessment,
  term: String(c.term),
  scale: c.scale,
  countsTowardGpa: c.countsTowardGpa,
});

/** A copy of a version to edit: as a new version of it, or (copy) as the start of another cohort's plan. */
export function formOf(plan: PlanDetail | null, copy = false): PlanForm {
  if (!plan) return { majorId: '', cohortYear: '', name: '', note: '', rows: [emptyRow()] };
  return {
    majorId: String(plan.majorId),
    cohortYear: copy ? '' : String(plan.cohortYear),
    name: copy ? '' : plan.name,
    note: copy ? '' : plan.note,
    rows: plan.courses.map(rowOf),
  };
}

/** Text to the number the contract expects; empty stays undefined, so the schema says 请填写…. */
const num = (s: string) => (s.trim() === '' ? undefined : Number(s.trim()));

export const courseInput = ({ key: _key, hours, term, ...r }: CourseRow) => ({ ...r, hours: num(hours), term: num(term) });

export function planInput(form: PlanForm, supersedesId: number | undefined): CallInput<'plans.save'> {
  return {
    ...(supersedesId === undefined ? {} : { supersedesId }),
    majorId: num(form.majorId) as number,
    cohortYear: num(form.cohortYear) as number,
    name: form.name,
    note: form.note,
    courses: form.rows.map(courseInput) as CallInput<'plans.save'>['courses'],
  };
}

export type RowProblems = Partial<Record<CourseField, string>>;

/** The schema's objections to one row, by field (the first for each). */
export function rowProblems(row: CourseRow): RowProblems {
  const r = PlanCourseInput.safeParse(courseInput(row));
  const out: RowProblems = {};
  if (r.success) return out;
  for (const issue of r.error.issues) {
    const field = issue.path[0] as CourseField;
    if (COURSE_FIELDS.includes(field) && out[field] === undefined) out[field] = issue.message;
  }
  return out;
}

export type HeadField = 'majorId' | 'cohortYear' | 'name' | 'note';

/** The schema's objections to the plan's own fields (not the rows'). */
export function headProblems(form: PlanForm): Partial<Record<HeadField | 'courses', string>> {
  const r = SavePlanInput.safeParse(planInput(form, undefined));
  const out: Partial<Record<HeadField | 'courses', string>> = {};
  if (r.success) return out;
  for (const issue of r.error.issues) {
    if (issue.path.length > 1) continue; // a row's, shown on the row
    const field = issue.path[0] as HeadField | 'courses';
    if (out[field] === undefined) out[field] = issue.message;
  }
  return out;
}

/**
 * A refusal from plans.save, split: problems of rows (field courses.i.x, by row key, as the
 * server's rows are the form's rows in order), of the plan's own fields, and anything else.
 */
export function serverProblems(error: AppErrorData | null, rows: readonly CourseRow[]) {
  const byRow = new Map<number, RowProblems>();
  const head: Partial<Record<HeadField, string>> = {};
  let general: string | null = null;
  if (!error) return { byRow, head, general };
  const issues = error.issues?.length ? error.issues : [{ field: error.field, message: error.message }];
  for (const { field, message } of issues) {
    const m = /^courses\.(\d+)\.(\w+)$/.exec(field ?? '');
    const row = m ? rows[Number(m[1])] : undefined;
    if (m && row && COURSE_FIELDS.includes(m[2] as CourseField)) {
      const p = byRow.get(row.key) ?? {};
      // The row is named by the table itself: drop the server's 第 n 行.
      p[m[2] as CourseField] ??= message.replace(/^第 \d+ 行：/, '');
      byRow.set(row.key, p);
    } else if (field === 'majorId' || field === 'cohortYear' || field === 'name' || field === 'note') {
      head[field] ??= message;
    } else {
      general ??= message;
    }
  }
  // A refusal whose issues are all placed still says in one line why nothing was saved.
  if (general === null && (byRow.size > 0 || Object.keys(head).length > 0) && error.issues?.length) general = error.message;
  return { byRow, head, general };
}
