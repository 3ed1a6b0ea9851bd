/**
 * 毕业资格审核 of a cohort (a job): every student of the 年级 (optionally one major or class) in the
 * caller's 数据范围 whose 学籍 is 在籍在校 (or already 毕业/结业, for a re-audit after 补考/重修),
 * audited on today's date, then ONE transaction writes every student's result and the audit entries
 * (one for the run, one per student under it, as printing a class's transcripts does).
 */
import type { z } from 'zod';
import { auditAppender } from '../../../../db/queries/audit';
import { cohortStudents, upsertAudits } from '../../../../db/queries/graduation';
import { getClass, getMajor } from '../../../../db/queries/org';
import type { RunAuditInput, RunAuditOutput } from '../../../../shared/ipc/schemas/graduation';
import type { CallContext } from '../../core/context';
import { AppError } from '../../core/errors';
import { newJobId, startJob, yieldToLoop } from '../../core/jobs';
import { localDay } from '../../core/local-day';
import { auditStudents } from './facts';

export const GRADUATION_AUDIT_ACTION = 'graduation.audit';
/** Who is audited: 在籍在校, and those already 毕业/结业 (a 结业 student audited again after 重修). */
export const AUDITED_STATUSES = ['enrolled', 'graduated', 'completed'] as const;

/** "2023 级 软件技术专业" / "2023 级 软件2301班" / "2023 级". */
export function selectionLabel(ctx: CallContext, f: { cohortYear: number; majorId?: number | undefined; classId?: number | undefined }): string {
  const db = ctx.db();
  if (f.classId !== undefined) {
    const c = getClass(db, f.classId);
    if (!c) throw new AppError('NOT_FOUND', '找不到该班级', 'classId');
    return `${f.cohortYear} 级 ${c.name}`;
  }
  if (f.majorId !== undefined) {
    const m = getMajor(db, f.majorId);
    if (!m) throw new AppError('NOT_FOUND', '找不到该专业', 'majorId');
    return `${f.cohortYear} 级 ${m.name}专业`;
  }
  return `${f.cohortYear} 级`;
}

export async function runAudit(ctx: CallContext, input: z.output<typeof RunAuditInput>): Promise<z.output<typeof RunAuditOutput>> {
  const job = startJob(ctx, 'graduation.audit', input.jobId ?? newJobId(), '已取消，未保存审核结果。');
  return job.run(async () => {
    const db = ctx.db();
    const label = selectionLabel(ctx, input);
    const students = cohortStudents(db, input, ctx.scope(), AUDITED_STATUSES);
    if (students.length === 0) throw new AppError('VALIDATION', `${label}在您的数据范围内没有在籍学生，无人可审核`, 'cohortYear');
    job.progress(0, students.length, '正在读取成绩与学籍记录…', true);
    await yieldToLoop();
    const day = localDay(ctx.core.now());
    const results = await auditStudents(db, students, day, async (done) => {
      job.progress(done, students.length, `正在审核：${done} / ${students.length} 人`);
      await yieldToLoop();
      job.check();
    });
    job.beyondCancel('正在保存审核结果…');
    const at = new Date(ctx.core.now());
    const counts = { 毕业: 0, 结业: 0, 延长学习年限: 0 };
    for (const r of results) counts[r.outcome]++;
    ctx.write((tx, who) => {
      upsertAudits(tx, results.map((r) => ({
        studentId: r.studentId, cohortYear: input.cohortYear, outcome: r.outcome, deficiencies: JSON.stringify(r.audit.deficiencies), checks: JSON.stringify(r.audit.checks),
        planId: r.planId, ruleSetId: r.ruleSetId, auditedBy: who.username, auditedAt: at.toISOString(),
      })));
      const audit = auditAppender(tx, at);
      const user = { userId: who.userId, username: who.username };
      const parent = audit.add({
        ...user, action: GRADUATION_AUDIT_ACTION, entity: 'settings', entityId: null,
        summary: `毕业资格审核：${label} ${results.length} 人（毕业 ${counts.毕业}，结业 ${counts.结业}，延长学习年限 ${counts.延长学习年限}）`,
      });
      const byId = new Map(students.map((s) => [s.id, s]));
      for (const r of results) {
        const s = byId.get(r.studentId)!;
        audit.add({
          ...user, action: GRADUATION_AUDIT_ACTION, entity: 'student', entityId: s.id, parentId: parent.id,
          summary: `毕业资格审核：${s.name}${s.studentNo ? `（${s.studentNo}）` : ''} ${r.outcome}${r.audit.deficiencies.length ? `：${r.audit.deficiencies.join('；')}` : ''}`,
          changes: [{ field: 'outcome', before: null, after: r.outcome }],
        });
      }
      audit.finish();
      return { value: null, audit: [] };
    });
    return { audited: results.length, graduated: counts.毕业, completed: counts.结业, extended: counts.延长学习年限 };
  }, (o) => `毕业资格审核：${o.audited} 人，毕业 ${o.graduated}，结业 ${o.completed}，延长学习年限 ${o.extended}`);
}
