import type { Db } from '../../../../db/client';
import { studentTag, studentNoPhrase } from '../../../../shared/domain/student-no';
import { getClass } from '../../../../db/queries/org';
import { findActiveByIdNumber, findByExamNo, findByStudentNo } from '../../../../db/queries/students';
import { isActiveStatus, studentStatusName } from '../../../../shared/domain/codes';
import { maskIdNumber } from '../../../../shared/domain/idcard';
import { checkStudentRules, type StudentRuleInput } from '../../../../shared/domain/student-rules';
import { AppError } from '../../core/errors';

export interface StudentCandidate extends StudentRuleInput {
  /** null until assigned (待编学号). */
  studentNo: string | null;
  examNo?: string | null;
  classId?: number | null;
}

/**
 * The checks every save of a student passes (form, approval of a change request, import, CLI):
 * the domain rules, then uniqueness against the database. Throws one VALIDATION/CONFLICT error
 * listing every problem, the first one named as the field. Returns the normalised ID number.
 */
export function assertStudentValid(db: Db, s: StudentCandidate, asOf: Date, excludeId?: number): string {
  const { issues, idNumber } = checkStudentRules(s, asOf);
  if (issues.length) {
    throw new AppError('VALIDATION', issues.map((i) => i.message).join('；'), issues[0]!.field, issues.map((i) => ({ field: i.field, message: i.message })));
  }
  const byNo = s.studentNo ? findByStudentNo(db, s.studentNo) : undefined;
  if (byNo && byNo.id !== excludeId) throw new AppError('CONFLICT', `学号 ${s.studentNo} 已被 ${byNo.name} 使用`, 'studentNo');
  if (s.examNo) {
    const byExam = findByExamNo(db, s.examNo, excludeId);
    if (byExam) throw new AppError('CONFLICT', `考生号 ${s.examNo} 已被 ${studentTag(byExam.name, byExam.studentNo)}使用`, 'examNo');
  }
  if (isActiveStatus(s.status ?? 'enrolled')) {
    const active = findActiveByIdNumber(db, idNumber, excludeId);
    if (active) {
      throw new AppError(
        'CONFLICT',
        `身份证号 ${maskIdNumber(idNumber)} 已有在籍学籍：${active.name}（${studentNoPhrase(active.studentNo)}，${studentStatusName(active.status) ?? active.status}）。同一身份证号只能有一个在籍学籍。`,
        'idNumber',
      );
    }
  }
  if (s.classId != null && !getClass(db, s.classId)) throw new AppError('VALIDATION', '所选班级不存在', 'classId');
  return idNumber;
}
