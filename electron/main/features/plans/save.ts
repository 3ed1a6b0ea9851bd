/**
 * Saving a 人才培养方案 version, as plans.save and the course import (imports/specs/courses) both do:
 * a first version of a major and 年级, or the next version over the newest one — never an edit.
 * Saved unchanged, nothing is written. Run inside the caller's write transaction.
 */
import type { z } from 'zod';
import type { Db } from '../../../../db/client';
import type { AuditEntry } from '../../../../db/queries/audit';
import { coursesOf, getPlan, insertPlanVersion, latestPlanOf, type NewPlanCourse } from '../../../../db/queries/plans';
import { courseCode, creditText, creditTenths } from '../../../../shared/domain/grades';
import type { PlanCourseInput, SavePlanInput } from '../../../../shared/ipc/schemas/plans';
import type { Actor } from '../../core/context';
import { AppError } from '../../core/errors';
import { courseLine, toPlanCourse } from './dto';

export type CourseIn = z.output<typeof PlanCourseInput>;
export type PlanVersionInput = z.output<typeof SavePlanInput>;

export const toCourseRow = ({ credits, ...c }: CourseIn): Required<NewPlanCourse> => ({ ...c, code: courseCode(c.code), creditTenths: creditTenths(credits)! });

/** Two rows of one plan with the same code: refused with both rows named. */
export function duplicateCodes(courses: readonly CourseIn[]): AppError | null {
  const seen = new Map<string, number>();
  const issues = [];
  for (const [i, c] of courses.entries()) {
    const code = courseCode(c.code);
    const first = seen.get(code);
    if (first === undefined) seen.set(code, i);
    else issues.push({ row: i + 1, field: `courses.${i}.code`, message: `第 ${i + 1} 行：课程代码 ${code} 与第 ${first + 1} 行重复` });
  }
  return issues.length ? new AppError('VALIDATION', `${issues[0]!.message}（共 ${issues.length} 处），方案未保存`, issues[0]!.field, issues) : null;
}

type Audit = Omit<AuditEntry, 'userId' | 'username'>;

/**
 * Writes the version `input` describes; `majorName` for the audit line. Returns the version's id
 * (the superseded one when nothing changed), its number, and the audit entry (none when unchanged).
 */
export function writePlanVersion(db: Db, actor: Actor, at: string, input: PlanVersionInput, majorName: string): { id: number; version: number; written: boolean; audit: Audit[] } {
  const courses = input.courses.map(toCourseRow);
  const what = `${majorName} ${input.cohortYear} 级`;
  // Read inside the transaction: two windows saving over the same version cannot both win.
  const latest = latestPlanOf(db, input.majorId, input.cohortYear);
  const prev = input.supersedesId === undefined ? undefined : getPlan(db, input.supersedesId);
  if (input.supersedesId === undefined && latest) {
    throw new AppError('CONFLICT', `${what}已有人才培养方案（第 ${latest.version} 版），请在该方案上修改并保存为新版本。`);
  }
  if (input.supersedesId !== undefined) {
    if (!prev) throw new AppError('NOT_FOUND', '找不到要修改的培养方案');
    if (prev.majorId !== input.majorId || prev.cohortYear !== input.cohortYear) {
      throw new AppError('VALIDATION', '新版本的专业和适用年级应与原方案相同；其他专业或年级请新建方案。', 'cohortYear');
    }
    if (latest && latest.id !== prev.id) throw new AppError('CONFLICT', `该方案已有更新的版本（第 ${latest.version} 版），请刷新后在最新版本上修改。`);
  }
  const before = prev ? coursesOf(db, prev.id).map((c) => courseLine(toPlanCourse(c))) : [];
  const after = courses.map((c) => courseLine({ ...c, credits: creditText(c.creditTenths) }));
  // Saved unchanged: no version that says nothing new.
  if (prev && prev.name === input.name && prev.note === input.note && before.join('\n') === after.join('\n')) return { id: prev.id, version: prev.version, written: false, audit: [] };
  const version = (latest?.version ?? 0) + 1;
  const row = insertPlanVersion(db, { majorId: input.majorId, cohortYear: input.cohortYear, version, name: input.name, note: input.note, supersedesId: prev?.id ?? null, createdBy: actor.username, createdAt: at }, courses);
  const old = new Set(before);
  const now = new Set(after);
  const removed = before.filter((l) => !now.has(l));
  const added = after.filter((l) => !old.has(l));
  const total = creditText(courses.reduce((n, c) => n + c.creditTenths, 0));
  return {
    id: row.id,
    version,
    written: true,
    audit: [{
      action: 'plans.save', entity: 'plan', entityId: row.id,
      summary: `保存人才培养方案“${input.name}”（${what}）第 ${version} 版${prev ? `，取代第 ${prev.version} 版` : ''}：${courses.length} 门课程，共 ${total} 学分`,
      changes: [
        { field: 'version', before: prev?.version ?? null, after: version },
        ...(prev && prev.name !== input.name ? [{ field: 'planName', before: prev.name, after: input.name }] : []),
        ...(prev && prev.note !== input.note ? [{ field: 'note', before: prev.note, after: input.note }] : []),
        // The courses that differ, each as a line (all of them for a first version).
        ...(removed.length || added.length ? [{ field: 'courses', before: removed.length ? removed : null, after: added.length ? added : null }] : []),
      ],
    }],
  };
}
