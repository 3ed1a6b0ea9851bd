/**
 * The course import's database checks: which plan the file becomes the next version of (the one
 * chosen, or the one its 专业 and 年级 columns name), and how the file's courses differ from the
 * version in force (new, changed, unchanged, left out). The version itself is written as plans.save
 * writes one (plans/save.ts).
 */
import type { Db } from '../../../../../../db/client';
import { orgForImport, type OrgMajor } from '../../../../../../db/queries/imports';
import { coursesOf, getPlan, latestPlanOf, type PlanRow } from '../../../../../../db/queries/plans';
import { creditText, creditTenths } from '../../../../../../shared/domain/grades';
import { cellRef, COURSES_CATALOGUE, makeIssue, type CourseFieldKey, type ImportErrorCode } from '../../../../../../shared/domain/import';
import type { ImportOptions } from '../../../../../../shared/ipc/schemas/imports';
import { AppError } from '../../../../core/errors';
import { courseLine, toPlanCourse } from '../../../plans/dto';
import type { CourseIn } from '../../../plans/save';
import { headerOfFor } from '../../sheet';
import type { EvaluationBase } from '../../spec';
import { findMajor } from '../roster/validate';
import type { CourseIssue, CourseRows } from './check';
import type { z } from 'zod';

export type PlanChoice = z.output<typeof ImportOptions>['plan'];
export interface CourseSettings {
  plan: PlanChoice;
}

/** The plan a file becomes a version of. */
export interface CourseTarget {
  major: OrgMajor;
  cohortYear: number;
  name: string;
  /** The version in force, which the new one supersedes (none: the first version). */
  current: PlanRow | null;
}

export interface CourseEvaluation extends EvaluationBase {
  target: CourseTarget | null;
  /** The file's courses in file order (the plan prints in this order). */
  courses: CourseIn[];
  added: number;
  changed: number;
  unchanged: number;
  removed: { code: string; name: string }[];
}

/** A plan holds at most this many courses (plans.save's limit). */
const MAX_COURSES = 400;

const planName = (major: OrgMajor, cohortYear: number) => `${major.name}专业${cohortYear}级人才培养方案`;

/** The plan chosen in the call (a version, or a major and 年级); null when the call names none. */
function chosenTarget(db: Db, majors: OrgMajor[], choice: PlanChoice): CourseTarget | null {
  if (!choice) return null;
  if ('planId' in choice) {
    const plan = getPlan(db, choice.planId);
    if (!plan) throw new AppError('NOT_FOUND', '找不到要导入的培养方案', 'plan');
    const latest = latestPlanOf(db, plan.majorId, plan.cohortYear)!;
    if (latest.id !== plan.id) throw new AppError('CONFLICT', `所选培养方案已有更新的版本（第 ${latest.version} 版），请在最新版本上导入。`, 'plan');
    const major = majors.find((m) => m.id === plan.majorId)!;
    return { major, cohortYear: plan.cohortYear, name: plan.name, current: plan };
  }
  const major = majors.find((m) => m.id === choice.majorId);
  if (!major) throw new AppError('VALIDATION', '所选专业不存在', 'plan');
  const current = latestPlanOf(db, major.id, choice.cohortYear) ?? null;
  return { major, cohortYear: choice.cohortYear, name: current?.name ?? planName(major, choice.cohortYear), current };
}

export function evaluateCourses(db: Db, checked: CourseRows, settings: CourseSettings): CourseEvaluation {
  const headerOf = headerOfFor(checked.layout.headers, checked.mapping, COURSES_CATALOGUE);
  const mapped = new Set(Object.values(checked.mapping));
  if (checked.rows.length > MAX_COURSES) throw new AppError('VALIDATION', `一个培养方案最多 ${MAX_COURSES} 门课程，文件中有 ${checked.rows.length} 行，请检查是否选错了工作表`, 'sheet');
  const { majors } = orgForImport(db);
  let target = chosenTarget(db, majors, settings.plan);
  if (!target && !(mapped.has('majorName') && mapped.has('cohortYear'))) {
    throw new AppError('VALIDATION', '请指定要导入到哪个培养方案（专业和年级），或在文件中加“专业”“年级”两列', 'plan');
  }

  const issuesOf = new Map(checked.rows.map((r) => [r.row, [...r.issues]]));
  const add = (row: number, field: CourseFieldKey, code: ImportErrorCode, reason: string) =>
    issuesOf.get(row)!.push(makeIssue({ row, column: headerOf(field), field, code, message: `${cellRef(row, headerOf(field))}：${reason}` }));

  // The file's own 专业 and 年级: the first row that names them decides, the others must agree.
  if (mapped.has('majorName') || mapped.has('cohortYear')) {
    let major: OrgMajor | null = target?.major ?? null;
    let cohortYear: number | null = target?.cohortYear ?? null;
    const fromChoice = target !== null;
    for (const r of checked.rows) {
      if (r.majorName) {
        const m = findMajor(majors, r.majorName);
        if (!m) add(r.row, 'majorName', 'UNKNOWN_MAJOR', `系统中没有专业“${r.majorName}”（按专业名称或专业代码查找）`);
        else if (!major) major = m;
        else if (m.id !== major.id) add(r.row, 'majorName', 'PLAN_MIXED', `专业“${r.majorName}”与${fromChoice ? '所选培养方案' : '前面各行'}的专业（${major.name}）不同，一个文件只能导入一个培养方案`);
      }
      if (r.cohortYear !== null) {
        if (cohortYear === null) cohortYear = r.cohortYear;
        else if (r.cohortYear !== cohortYear) add(r.row, 'cohortYear', 'PLAN_MIXED', `年级 ${r.cohortYear} 与${fromChoice ? '所选培养方案' : '前面各行'}的年级（${cohortYear}）不同，一个文件只能导入一个培养方案`);
      }
    }
    if (!target && major && cohortYear !== null) {
      const current = latestPlanOf(db, major.id, cohortYear) ?? null;
      target = { major, cohortYear, name: current?.name ?? planName(major, cohortYear), current };
    }
    if (!target) {
      // No row names a major (or a 年级) the department has: every row says so on its cell.
      const missing: CourseFieldKey = major ? 'cohortYear' : 'majorName';
      for (const r of checked.rows) {
        if (!issuesOf.get(r.row)!.some((i) => i.field === missing)) add(r.row, missing, 'REQUIRED', missing === 'majorName' ? '没有可用的专业，无法确定导入到哪个培养方案' : '没有年级，无法确定导入到哪个培养方案');
      }
    }
  }

  const issues: CourseIssue[] = [];
  const issuesByIndex = new Map<number, CourseIssue[]>();
  const names = new Map<number, string>();
  const courses: CourseIn[] = [];
  for (const r of checked.rows) {
    if (r.name) names.set(r.row, r.name);
    const list = issuesOf.get(r.row)!;
    if (list.length) {
      issuesByIndex.set(r.index, list);
      issues.push(...list);
    }
    if (r.course && !list.some((i) => i.severity === 'error')) courses.push(r.course);
  }

  // Against the version in force: by code, each course new, changed or the same.
  const before = new Map((target?.current ? coursesOf(db, target.current.id) : []).map((c) => [c.code, toPlanCourse(c)]));
  let added = 0;
  let changed = 0;
  let unchanged = 0;
  for (const c of courses) {
    const old = before.get(c.code);
    if (!old) added++;
    else if (courseLine(old) === courseLine({ ...c, credits: creditText(creditTenths(c.credits)!) })) unchanged++;
    else changed++;
  }
  const inFile = new Set(courses.map((c) => c.code));
  const valid = courses.length;
  return {
    rows: checked.rows.length, valid, invalid: checked.rows.length - valid, names, issues, issuesByIndex,
    // One version, written whole.
    writes: target && valid ? 1 : 0,
    target, courses, added, changed, unchanged,
    removed: [...before.values()].filter((c) => !inFile.has(c.code)).map((c) => ({ code: c.code, name: c.name })),
  };
}
