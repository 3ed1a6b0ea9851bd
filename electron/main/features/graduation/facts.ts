/**
 * One cohort's graduation facts, read in bulk and audited with the pure rules: the class and status
 * histories become study segments, each course counts under its segment's plan (final plan first),
 * attempts collapse as the GPA picks them, the rules are the plan's saved 毕业要求 or those derived
 * from it, 最长学习年限 from the status policy in force on the audit day.
 */
import type { Db } from '../../../../db/client';
import { getGpaMethod } from '../../../../db/queries/grades';
import {
  classHistories, gradesOf, fitnessScores, latestRuleSet, statusHistories, type AuditStudent, type RuleSetRow,
} from '../../../../db/queries/graduation';
import { allPlanCourses } from '../../../../db/queries/warnings';
import { coursesOf, getPlan, planInForce, type PlanCourseRow } from '../../../../db/queries/plans';
import { listPolicies } from '../../../../db/queries/status-change-config';
import type { AttemptKind, GradeAttempt } from '../../../../shared/domain/grades';
import { scoreFromText } from '../../../../shared/domain/grades';
import { derivedRules, derivedRulesText } from '../../../../shared/domain/graduation/defaults';
import { auditGraduation, type GraduationAudit, type GraduationRule } from '../../../../shared/domain/graduation/rules';
import { graduationFitnessScore } from '../../../../shared/domain/graduation/fitness';
import {
  courseFacts, finalPlanId, maxStudyYears, studySegments, yearsStudied, type ClassPeriod, type CourseAttempts, type SegmentPlanCourse,
} from '../../../../shared/domain/graduation/segments';
import { policyOn } from '../../../../shared/domain/status-changes/policy';

export type GraduationOutcome = '毕业' | '结业' | '延长学习年限';

export interface StudentAudit {
  studentId: number;
  outcome: GraduationOutcome;
  audit: GraduationAudit;
  planId: number | null;
  ruleSetId: number | null;
}

const asPlanCourse = (c: PlanCourseRow): SegmentPlanCourse => ({
  code: c.code, name: c.name, creditTenths: c.creditTenths, module: c.module, nature: c.nature, scale: c.scale, countsTowardGpa: c.countsTowardGpa,
});

/** The rules a plan is audited against: its latest saved 毕业要求, else the ones derived from it. */
export interface PlanRules {
  rules: GraduationRule[];
  ruleSet: RuleSetRow | null;
  /** "毕业要求第 2 版（张三 2026-06-01 保存）" or "未设置毕业要求，按培养方案：…". */
  source: string;
}

export function rulesOfPlan(db: Db, planId: number | null, courses: readonly SegmentPlanCourse[]): PlanRules {
  const saved = planId === null ? undefined : latestRuleSet(db, planId);
  if (saved) return { rules: JSON.parse(saved.rules) as GraduationRule[], ruleSet: saved, source: `毕业要求第 ${saved.version} 版（${saved.savedBy} ${saved.savedAt.slice(0, 10)} 保存）` };
  return { rules: derivedRules(courses), ruleSet: null, source: derivedRulesText(courses) };
}

/**
 * Audits the students given (one cohort's, already limited to the caller's 数据范围) on `day`. A
 * few statements for the whole set; the pure rules per student. `step` lets a job report and yield.
 */
export async function auditStudents(db: Db, students: readonly AuditStudent[], day: string, step?: (done: number) => Promise<void>): Promise<StudentAudit[]> {
  const ids = students.map((s) => s.id);
  const method = getGpaMethod(db);
  const policy = policyOn(listPolicies(db), day);
  const classHist = classHistories(db, ids);
  const statusHist = statusHistories(db, ids);
  const fitness = fitnessScores(db, ids);
  const byId = allPlanCourses(db);

  // Plans by (major, cohort) and their courses by code, each read once.
  const planIdOf = new Map<string, number | null>();
  const planFor = (majorId: number | null, cohortYear: number | null): number | null => {
    if (majorId === null || cohortYear === null) return null;
    const key = `${majorId}:${cohortYear}`;
    if (!planIdOf.has(key)) planIdOf.set(key, planInForce(db, majorId, cohortYear)?.id ?? null);
    return planIdOf.get(key)!;
  };
  const planCourses = new Map<number, Map<string, SegmentPlanCourse>>();
  const coursesOfPlan = (planId: number) => {
    if (!planCourses.has(planId)) planCourses.set(planId, new Map(coursesOf(db, planId).map((c) => [c.code, asPlanCourse(c)])));
    return planCourses.get(planId)!;
  };
  const rulesCache = new Map<number | null, PlanRules>();
  const rulesFor = (planId: number | null) => {
    if (!rulesCache.has(planId)) rulesCache.set(planId, rulesOfPlan(db, planId, planId === null ? [] : [...coursesOfPlan(planId).values()]));
    return rulesCache.get(planId)!;
  };

  // Grades by student, then by course code (each student's rows come in code and attempt order).
  const gradesBy = new Map<number, CourseAttempts[]>();
  const enteredAsOf = new Map<number, SegmentPlanCourse>();
  for (const [studentId, rows] of gradesOf(db, ids)) {
    const list: CourseAttempts[] = [];
    gradesBy.set(studentId, list);
    for (const [, courseId, code, , kind, score, absent, isVoid, term] of rows) {
      const attempt: GradeAttempt = { kind: kind as AttemptKind, score: scoreFromText(score), absent: absent === 1, void: isVoid === 1, term };
      const last = list[list.length - 1];
      let enteredAs = enteredAsOf.get(courseId);
      if (!enteredAs) {
        const course = byId.get(courseId);
        enteredAs = course ? asPlanCourse(course) : { code, name: code, creditTenths: 0, module: '', nature: '必修' as const, scale: '百分制' as const, countsTowardGpa: true };
        enteredAsOf.set(courseId, enteredAs);
      }
      if (last && last.code === code) (last.attempts as GradeAttempt[]).push(attempt), (last.enteredAs = enteredAs);
      else list.push({ code, attempts: [attempt], enteredAs });
    }
  }

  const out: StudentAudit[] = [];
  for (const [i, s] of students.entries()) {
    if (step && i % 500 === 0) await step(i);
    const hist = classHist.get(s.id) ?? [];
    const enrolment = s.enrolmentDate ?? hist[0]?.fromDate ?? day;
    const currentPlan = planFor(s.majorId, s.cohortYear);
    // The class history as periods; the first starts at 入学 (a record created after 入学 dates its
    // first row on the day it was typed in). No history: the current class throughout. The current
    // class always decides the last period's plan (an imported history may lack its row).
    const periods: ClassPeriod[] = hist.length
      ? hist.map((h, k) => ({ from: k === 0 && enrolment < h.fromDate ? enrolment : h.fromDate, className: h.className, planId: planFor(h.majorId, h.cohortYear) }))
      : [{ from: enrolment, className: s.className, planId: currentPlan }];
    periods[periods.length - 1] = { ...periods[periods.length - 1]!, className: s.className, planId: currentPlan };
    const segments = studySegments(dedupe(periods), statusHist.get(s.id) ?? []);
    const plans = new Map<number, Map<string, SegmentPlanCourse>>();
    for (const seg of segments) if (seg.planId !== null) plans.set(seg.planId, coursesOfPlan(seg.planId));
    const courses = courseFacts({ segments, plans, courses: gradesBy.get(s.id) ?? [], method });
    const planId = finalPlanId(segments) ?? currentPlan;
    const rules = rulesFor(planId);
    // 最长学习年限 counts 休学 and 保留学籍 (41号令 第二十八条: "含休学和保留学籍"; the policy's own
    // wording), so no stretch is taken out of the years studied.
    const audit = auditGraduation(
      {
        courses, fitnessScore: graduationFitnessScore(fitness.get(s.id) ?? []), certificates: [],
        yearsStudied: yearsStudied(enrolment, day), maxYears: maxStudyYears(s.lengthYears, policy.maxStudyYearsBeyondLength),
      },
      rules.rules,
    );
    const outcome: GraduationOutcome = audit.outcome === '毕业' ? '毕业' : audit.mayExtend ? '延长学习年限' : '结业';
    out.push({ studentId: s.id, outcome, audit, planId, ruleSetId: rules.ruleSet?.id ?? null });
  }
  return out;
}

/** Two rows for the same class in a row (a re-save of the class) are one period. */
function dedupe(periods: ClassPeriod[]): ClassPeriod[] {
  const out: ClassPeriod[] = [];
  for (const p of [...periods].sort((a, b) => (a.from < b.from ? -1 : a.from > b.from ? 1 : 0))) {
    const last = out[out.length - 1];
    if (last && last.className === p.className && last.planId === p.planId) continue;
    if (last && last.from === p.from) out[out.length - 1] = p;
    else out.push(p);
  }
  return out;
}

export const planName = (db: Db, planId: number | null): string | null => {
  const p = planId === null ? undefined : getPlan(db, planId);
  return p ? p.name : null;
};
