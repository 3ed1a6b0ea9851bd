import type { Db } from '../../../../db/client';
import { coursesOf, listPlans, type PlanCourseRow, type PlanListRow } from '../../../../db/queries/plans';
import { creditText } from '../../../../shared/domain/grades';
import type { PlanCourse, PlanDetail, PlanSummary } from '../../../../shared/ipc/schemas/plans';

/** Plan rows as the contract shows them: credits as text ('2.5'), never tenths. */

export const toPlanCourse = (c: PlanCourseRow): PlanCourse => ({
  id: c.id,
  planId: c.planId,
  code: c.code,
  name: c.name,
  nameEn: c.nameEn,
  credits: creditText(c.creditTenths),
  hours: c.hours,
  nature: c.nature,
  module: c.module,
  assessment: c.assessment,
  term: c.term,
  scale: c.scale,
  countsTowardGpa: c.countsTowardGpa,
});

export const toPlanSummary = ({ creditTenths, ...p }: PlanListRow): PlanSummary => ({ ...p, totalCredits: creditText(creditTenths) });

/** One version with its courses; undefined when there is no such version. */
export function planDetail(db: Db, id: number): PlanDetail | undefined {
  const row = listPlans(db, { id }).at(0);
  return row ? { ...toPlanSummary(row), courses: coursesOf(db, id).map(toPlanCourse) } : undefined;
}

/** A course in one line, for the audit trail: what a plan version said about it. */
export function courseLine(c: Omit<PlanCourse, 'id' | 'planId'>): string {
  const en = c.nameEn ? `（${c.nameEn}）` : '';
  return `${c.code} ${c.name}${en} ${c.credits} 学分 ${c.hours} 学时 ${c.nature} ${c.module} ${c.assessment} 第 ${c.term} 学期 ${c.scale}${c.countsTowardGpa ? '' : ' 不计绩点'}`;
}
