/**
 * 学业预警 run for a term (issue 15, DOMAIN.md §6): every student in the caller's 数据范围 against the
 * rule set in force today — courses still failed after 补考, GPA (cumulative and the term's), 旷课
 * hours, 处分 in force — with the exact reasons, compared with the latest run of an earlier term
 * (new, raised, lowered, cleared). A job: read in bulk, evaluate with turns of the event loop and
 * 取消 between, then one transaction writes the run, its results and one audit entry.
 */
import type { z } from 'zod';
import type { Db } from '../../../../db/client';
import { getGpaMethod } from '../../../../db/queries/grades';
import {
  absenceHoursOf, allPlanCourses, gradesByStudent, insertResults, insertRun, lastRunBefore, listRuleSets, punishments, runStudents, tiersOf,
} from '../../../../db/queries/warnings';
import type { PlanCourseRow } from '../../../../db/queries/plans';
import { computeGpa, type GpaMethod } from '../../../../shared/domain/grades';
import {
  combinedTierOrder, compareWithLastTerm, evaluateWarning, exclusionReason, ruleSetOn, strongestReasons, ruleSetProblems, sanctionActiveOn, sanctionLevelOf, stillFailedCourses,
  type SanctionLevel, type TierChange, type WarningResult, type WarningRuleSet,
} from '../../../../shared/domain/warnings';
import type { RunWarningsInput, WarningRunSummary } from '../../../../shared/ipc/schemas/warnings';
import type { CallContext } from '../../core/context';
import { AppError } from '../../core/errors';
import { newJobId, startJob, yieldToLoop } from '../../core/jobs';
import { localDay } from '../../core/local-day';
import { assembleCourses, planOfStudent } from '../grades/gpa';

/** Students evaluated between two turns of the event loop. */
const STEP = 2000;

/** The rule set in force on a day, refused with a Chinese reason when there is none or it is unusable. */
export function ruleSetInForce(db: Db, day: string): WarningRuleSet {
  const rs = ruleSetOn(listRuleSets(db), day);
  if (!rs) throw new AppError('VALIDATION', `没有在 ${day} 生效的学业预警规则，请先在“系统设置 → 学业预警”中设置。`);
  const problems = ruleSetProblems(rs);
  if (problems.length) throw new AppError('VALIDATION', `学业预警规则“${rs.name}”有问题：${problems.join('；')}`);
  return rs;
}

interface Inputs {
  method: GpaMethod;
  /** Which GPAs the rule set compares (a GPA not read is not computed). */
  reads: { cumulativeGpa: boolean; termGpa: boolean };
  planOfClass: (classId: number | null) => ReadonlyMap<string, PlanCourseRow>;
  grades: ReturnType<typeof gradesByStudent>;
  absence: Map<number, number>;
  sanctions: Map<number, SanctionLevel[]>;
}

/** One student's result: the facts assembled from what was read in bulk, then the pure rules. */
function evaluateStudent(s: { id: number; status: string; classId: number | null }, term: string, rs: WarningRuleSet, inp: Inputs): WarningResult {
  // Not evaluated (休学, graduated …): the rules say so without any grade being read.
  if (exclusionReason(s.status)) return evaluateWarning({ status: s.status, term, failedCourses: [], gpa: { cumulative: null, term: null }, absenceHours: 0, activeSanctions: [] }, rs);
  const { courses } = assembleCourses(inp.grades.get(s.id) ?? [], inp.planOfClass(s.classId));
  const ofTerm = courses.filter((c) => c.first === term);
  const gpa = (list: typeof courses) => {
    const g = computeGpa(list, inp.method).gpa;
    return g === null ? null : g.toFixed();
  };
  // GPA only where the rule set reads it (the shipped presets do not): decimal GPA over every
  // student is most of a run's time. A student whose courses were all first taken this term has one GPA.
  const cumulative = inp.reads.cumulativeGpa || (inp.reads.termGpa && ofTerm.length === courses.length) ? gpa(courses) : null;
  const ofTermGpa = !inp.reads.termGpa ? null : ofTerm.length === courses.length ? cumulative : gpa(ofTerm);
  return evaluateWarning(
    {
      status: s.status, term, failedCourses: stillFailedCourses(courses), gpa: { cumulative, term: ofTermGpa },
      absenceHours: inp.absence.get(s.id) ?? 0, activeSanctions: inp.sanctions.get(s.id) ?? [],
    },
    rs,
  );
}

export async function runWarnings(ctx: CallContext, input: z.output<typeof RunWarningsInput>): Promise<z.output<typeof WarningRunSummary>> {
  const job = startJob(ctx, 'warnings.run', input.jobId ?? newJobId(), '已取消，未保存预警结果。');
  return job.run(async () => {
    const db = ctx.db();
    const scope = ctx.scope();
    const day = localDay(ctx.core.now());
    const rs = ruleSetInForce(db, day);
    job.progress(0, 0, '正在读取成绩与记录…', true);
    await yieldToLoop();
    const students = runStudents(db, scope);
    const plans = new Map<number | null, ReadonlyMap<string, PlanCourseRow>>();
    const sanctions = new Map<number, SanctionLevel[]>();
    for (const p of punishments(db, scope)) {
      const level = sanctionLevelOf(p.title);
      if (level && sanctionActiveOn(p.endDate, day)) sanctions.set(p.studentId, [...(sanctions.get(p.studentId) ?? []), level]);
    }
    const gpaTriggers = rs.tiers.flatMap((t) => t.triggers).filter((g) => g.kind === 'gpaBelow');
    const inp: Inputs = {
      method: getGpaMethod(db),
      reads: { cumulativeGpa: gpaTriggers.some((g) => g.scope === 'cumulative'), termGpa: gpaTriggers.some((g) => g.scope === 'term') },
      planOfClass: (classId) => {
        if (!plans.has(classId)) plans.set(classId, classId === null ? new Map() : planOfStudent(db, classId));
        return plans.get(classId)!;
      },
      grades: gradesByStudent(db, scope, allPlanCourses(db)),
      absence: absenceHoursOf(db, input.term),
      sanctions,
    };
    const previous = lastRunBefore(db, input.term);
    const before = previous ? tiersOf(db, previous.id) : new Map<number, string>();
    const order = combinedTierOrder(rs, previous ? (JSON.parse(previous.ruleSet) as WarningRuleSet) : null);

    const rows: { studentId: number; tier: string | null; colour: string | null; previousTier: string | null; change: TierChange; reasons: string }[] = [];
    const changes = { new: 0, raised: 0, lowered: 0, cleared: 0, same: 0 };
    let excluded = 0;
    for (const [i, s] of students.entries()) {
      if (i % STEP === 0) {
        job.progress(i, students.length, `正在评估：${i} / ${students.length} 人`);
        await yieldToLoop();
        job.check();
      }
      const r = evaluateStudent(s, input.term, rs, inp);
      if (r.excluded) excluded++;
      const prev = before.get(s.id) ?? null;
      if (!r.tier && !prev) continue;
      const change = compareWithLastTerm(prev, r.tier, order);
      changes[change]++;
      rows.push({
        studentId: s.id, tier: r.tier, colour: r.colour, previousTier: prev, change,
        // For each measure the highest tier it reached: what a counselor reads out and the notice prints.
        reasons: JSON.stringify({ excluded: r.excluded, reasons: strongestReasons(r).map((x) => ({ tier: x.tier, text: x.text })) }),
      });
    }
    job.beyondCancel('正在保存预警结果…');
    const warned = rows.filter((r) => r.tier).length;
    const now = new Date(ctx.core.now()).toISOString();
    const run = ctx.write((tx, actor) => {
      const run = insertRun(tx, {
        term: input.term, ruleSet: JSON.stringify(rs), scope: scope ? JSON.stringify(scope) : null, runBy: actor.username, runAt: now,
        evaluated: students.length - excluded, excluded, warned,
      });
      insertResults(tx, rows.map((r) => ({ ...r, runId: run.id })));
      const summary = `运行学业预警（${input.term}，${rs.name}）：评估 ${students.length - excluded} 人，预警 ${warned} 人（新增 ${changes.new}，升级 ${changes.raised}，降级 ${changes.lowered}，解除 ${changes.cleared}）`;
      return { value: run, audit: [{ action: 'warnings.run', entity: 'settings', entityId: null, summary }] };
    });
    return {
      runId: run.id, term: input.term, ruleSetName: rs.name, evaluated: run.evaluated, excluded, warned, comparedWithTerm: previous?.term ?? null, changes,
    };
  }, (s) => `学业预警（${s.term}）：预警 ${s.warned} 人，新增 ${s.changes.new} 人，解除 ${s.changes.cleared} 人`);
}
