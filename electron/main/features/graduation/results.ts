/**
 * Reading and overruling the audit: the results of a cohort (each row's deficiency lines), one
 * student's checks, and the office's override — a reason required, audited with before and after.
 */
import type { z } from 'zod';
import { getAudit, listResults, setOverride, type ResultRow } from '../../../../db/queries/graduation';
import { getStudent } from '../../../../db/queries/students';
import { hasPermission } from '../../../../shared/domain/permissions';
import { maskIdNumber } from '../../../../shared/domain/idcard';
import type { DetailOutput, OverrideInput, ResultRowSchema, ResultsInput, ResultsOutput } from '../../../../shared/ipc/schemas/graduation';
import type { CallContext } from '../../core/context';
import { AppError } from '../../core/errors';
import { planName } from './facts';

type Row = z.output<typeof ResultRowSchema>;

export function toRow(r: ResultRow, fullId: boolean): Row {
  return {
    studentId: r.studentId,
    studentNo: r.studentNo,
    idNumber: fullId ? r.idNumber : maskIdNumber(r.idNumber),
    name: r.name,
    className: r.className,
    outcome: r.overrideOutcome ?? r.outcome,
    ruleOutcome: r.outcome,
    deficiencies: JSON.parse(r.deficiencies) as string[],
    override: r.overrideOutcome ? { outcome: r.overrideOutcome, reason: r.overrideReason ?? '', by: r.overrideBy ?? '', at: r.overrideAt ?? '' } : null,
    auditedBy: r.auditedBy,
    auditedAt: r.auditedAt,
  };
}

const fullIds = (ctx: CallContext) => hasPermission(ctx.actor().role, 'students.identity.read');

export function graduationResults(ctx: CallContext, input: z.output<typeof ResultsInput>): z.output<typeof ResultsOutput> {
  const all = listResults(ctx.db(), input, ctx.scope()).map((r) => toRow(r, fullIds(ctx)));
  const counts = { 毕业: 0, 结业: 0, 延长学习年限: 0 };
  for (const r of all) counts[r.outcome]++;
  return { rows: input.outcome ? all.filter((r) => r.outcome === input.outcome) : all, counts };
}

/** One row as the results list gives it (the student is in scope: the dispatcher checked). */
function rowOf(ctx: CallContext, studentId: number): { row: Row; audit: NonNullable<ReturnType<typeof getAudit>> } {
  const db = ctx.db();
  const audit = getAudit(db, studentId);
  const s = getStudent(db, studentId);
  if (!audit || !s) throw new AppError('NOT_FOUND', '该学生尚未进行毕业资格审核');
  const row = listResults(db, { cohortYear: audit.cohortYear }, null).find((r) => r.studentId === studentId);
  if (!row) throw new AppError('NOT_FOUND', '该学生尚未进行毕业资格审核');
  return { row: toRow(row, fullIds(ctx)), audit };
}

export function graduationDetail(ctx: CallContext, studentId: number): z.output<typeof DetailOutput> {
  const { row, audit } = rowOf(ctx, studentId);
  const db = ctx.db();
  const rulesSource = audit.ruleSetId === null
    ? '未设置毕业要求，按培养方案的必修课程与学分审核'
    : `毕业要求（第 ${(db.$client.prepare('SELECT version FROM graduation_rule_sets WHERE id = ?').get(audit.ruleSetId) as { version: number } | undefined)?.version ?? '?'} 版）`;
  return { row, checks: JSON.parse(audit.checks), rulesSource, planName: planName(db, audit.planId) };
}

/**
 * 调整结论: the office overrules the rules' outcome for one student, with a reason; giving the rules'
 * own outcome back clears the override. Audited with before and after (the outcome in force).
 */
export function overrideOutcome(ctx: CallContext, input: z.output<typeof OverrideInput>): Row {
  return ctx.write((db, who) => {
    const before = getAudit(db, input.studentId);
    if (!before) throw new AppError('NOT_FOUND', '该学生尚未进行毕业资格审核，请先审核再调整结论');
    const was = before.overrideOutcome ?? before.outcome;
    const clear = input.outcome === before.outcome;
    setOverride(db, input.studentId, clear ? { outcome: null, reason: null, by: null, at: null } : { outcome: input.outcome, reason: input.reason, by: who.username, at: new Date(ctx.core.now()).toISOString() });
    const s = getStudent(db, input.studentId)!;
    const { row } = rowOf(ctx, input.studentId);
    return {
      value: row,
      audit: [{
        action: 'graduation.override', entity: 'student', entityId: input.studentId,
        summary: `调整毕业审核结论：${s.name}${s.studentNo ? `（${s.studentNo}）` : ''} ${was} → ${input.outcome}${clear ? '（恢复审核结论）' : ''}，原因：${input.reason}`,
        changes: [{ field: 'outcome', before: was, after: input.outcome }, { field: 'reason', before: before.overrideReason, after: input.reason }],
      }],
    };
  });
}
