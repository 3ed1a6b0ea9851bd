import { addMonths, format, parseISO } from 'date-fns';
import type { Db } from '../../../../db/client';
import { diffFields, type AuditEntry } from '../../../../db/queries/audit';
import { getClass } from '../../../../db/queries/org';
import { clearAbsenceOf } from '../../../../db/queries/status-change-config';
import { isGraduatingClass } from '../../../../db/queries/year-rollover';
import { addClassHistory, addStatusHistory, getStudent, updateStudentRow } from '../../../../db/queries/students';
import type { students } from '../../../../db/schema';
import { studentStatusName } from '../../../../shared/domain/codes';
import { studentNoText } from '../../../../shared/domain/student-no';
import { statusChangeTitle, type StatusChangeData, type StatusChangeType } from '../../../../shared/domain/status-changes';
import { AppError } from '../../core/errors';

/** Moves a yyyy-MM-dd date by whole months (null stays null). */
const shiftMonths = (d: string | null, months: number) => (d && months ? format(addMonths(parseISO(d), months), 'yyyy-MM-dd') : d);
/** 学制 as months (the text is 3, 2.5 …). */
const lengthMonths = (text: string | undefined) => Math.round((Number.parseFloat(text ?? '') || 0) * 12);

/**
 * The final approval's effect on the student, inside the decision's transaction: status, class
 * (and with it major and cohort), the end date of a 休学/保留, the expected graduation date, and
 * the status and class history. Returns the audit entry of the change to the record.
 */
export function applyOrder(
  db: Db,
  order: { id: number; studentId: number; type: StatusChangeType; subtype: string | null; toStatus: string; data: StatusChangeData },
  by: string,
  at: string,
): Omit<AuditEntry, 'userId' | 'username'> {
  const s = getStudent(db, order.studentId);
  if (!s) throw new AppError('NOT_FOUND', '找不到该学生，可能已被删除');
  const { type, data } = order;
  const from = s.classId ? getClass(db, s.classId) : undefined;
  const target = data.targetClassId ? getClass(db, data.targetClassId) : undefined;
  if (data.targetClassId && !target) throw new AppError('CONFLICT', '转入的班级已不存在，请退回修改后重新提交');

  const patch: Partial<typeof students.$inferInsert> = { status: order.toStatus, updatedAt: at };
  // The date the student is expected back (or kept until) lives on the record while it runs.
  if (type === 'suspend' || type === 'retain' || type === 'retainAdmission') patch.statusUntil = data.expectedEnd ?? null;
  else patch.statusUntil = null;
  if (type === 'transferIn') patch.registered = true;
  if (target) {
    patch.classId = target.id;
    // 接续学业: a later cohort graduates later — by the cohorts between, and by any difference in
    // 学制 (counted in months: 2.5 against 3 years is half a year).
    const months = 12 * (target.cohortYear - (from?.cohortYear ?? target.cohortYear)) + lengthMonths(target.lengthYears) - lengthMonths(from?.lengthYears ?? target.lengthYears);
    patch.expectedGraduationDate = shiftMonths(s.expectedGraduationDate, months);
  }
  // 毕业年级 follows the class the student is in, and ends with leaving 在籍在校.
  patch.graduating = order.toStatus === 'enrolled' ? (target ? isGraduatingClass(db, target.id) : s.graduating) : false;
  const after = updateStudentRow(db, s.id, patch);
  const title = statusChangeTitle(type, order.subtype);
  // The reason stays on the order (shown to those who may see it), not in the history every reader sees.
  addStatusHistory(db, { studentId: s.id, fromStatus: s.status, toStatus: order.toStatus, effective: data.effectiveDate, reason: `${title}（异动第 ${order.id} 号）`, createdBy: by, createdAt: at });
  // An absence flag ends with the change that answers it (退学, 休学 …): the student is no longer 在校.
  const absenceCleared = order.toStatus !== 'enrolled' && clearAbsenceOf(db, s.id, by, at);
  if (target && target.id !== s.classId) addClassHistory(db, { studentId: s.id, classId: target.id, className: target.name, fromDate: data.effectiveDate, createdBy: by });
  const fields = ['status', 'classId', 'statusUntil', 'registered', 'expectedGraduationDate', 'graduating'] as const;
  return {
    action: 'students.update',
    entity: 'student',
    entityId: s.id,
    summary: `学籍异动第 ${order.id} 号（${title}）生效：${after.name}（${studentNoText(after.studentNo)}）${studentStatusName(s.status)} → ${studentStatusName(order.toStatus)}${target && target.id !== s.classId ? `，编入${target.name}` : ''}${absenceCleared ? '；缺勤登记随之解除' : ''}`,
    changes: diffFields(s, after, [...fields]),
  };
}
