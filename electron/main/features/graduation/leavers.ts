/**
 * The cohort's students who left (退学, 开除学籍): not audited for graduation (the audit takes those
 * still studying), listed apart with the document the leaving rule gives them — 肄业证书 or 学习证明
 * (shared/domain/graduation/leaving.ts) — and why, so the office issues the right one.
 */
import type { z } from 'zod';
import { cohortStudents, statusHistories } from '../../../../db/queries/graduation';
import { studentStatusName } from '../../../../shared/domain/codes';
import { leavingDocument } from '../../../../shared/domain/graduation/leaving';
import { maskIdNumber } from '../../../../shared/domain/idcard';
import { hasPermission } from '../../../../shared/domain/permissions';
import type { LeaversInput, LeaversOutput } from '../../../../shared/ipc/schemas/graduation';
import type { CallContext } from '../../core/context';

export function cohortLeavers(ctx: CallContext, input: z.output<typeof LeaversInput>): z.output<typeof LeaversOutput> {
  const db = ctx.db();
  const students = cohortStudents(db, input, ctx.scope(), ['withdrawn', 'expelled']);
  const history = statusHistories(db, students.map((s) => s.id));
  const fullId = hasPermission(ctx.actor().role, 'students.identity.read');
  return {
    rows: students.map((s) => {
      const r = leavingDocument({ status: s.status, enrolmentDate: s.enrolmentDate, statusEvents: history.get(s.id) ?? [] });
      return {
        studentId: s.id,
        studentNo: s.studentNo,
        idNumber: fullId ? s.idNumber : maskIdNumber(s.idNumber),
        name: s.name,
        className: s.className,
        status: s.status,
        statusName: studentStatusName(s.status) ?? s.status,
        document: r.ok ? r.decision.document : null,
        title: r.ok ? r.decision.title : null,
        reason: r.ok ? r.decision.reason : r.problem,
      };
    }),
  };
}
