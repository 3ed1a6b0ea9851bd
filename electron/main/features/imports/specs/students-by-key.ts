/**
 * Finding the student a row of a grade-like sheet (成绩, 体质健康) names: by 学号, or by 身份证号 when
 * the row has no 学号; a 身份证号 or 姓名 that contradicts the 学号, or a student outside the user's
 * 数据范围, leaves the row without a student and says why on the cell. One piece for every import
 * whose rows belong to existing students.
 */
import type { Db } from '../../../../../db/client';
import { studentKeys, type ExistingStudent } from '../../../../../db/queries/imports';
import { isActiveStatus } from '../../../../../shared/domain/codes';
import type { ImportErrorCode } from '../../../../../shared/domain/import';
import { toHalfWidth } from '../../../../../shared/domain/text';

export interface StudentKeyLookups {
  byNo: Map<string, ExistingStudent>;
  byId: Map<string, ExistingStudent[]>;
}

/** Every student by 学号 and by 身份证号 (a 身份证号 may belong to a past record too), read in one go. */
export function loadStudentKeys(db: Db): StudentKeyLookups {
  const byNo = new Map<string, ExistingStudent>();
  const byId = new Map<string, ExistingStudent[]>();
  for (const s of studentKeys(db)) {
    if (s.studentNo) byNo.set(s.studentNo, s);
    const l = byId.get(s.idNumber);
    if (l) l.push(s);
    else byId.set(s.idNumber, [s]);
  }
  return { byNo, byId };
}

/** Names compared as people write them: full-width letters, blanks and 间隔号 ignored. */
export const nameKey = (s: string) => toHalfWidth(s).replace(/[\s\u3000·]/g, '');

export interface StudentKeysOfRow {
  studentNo: string | null;
  idNumber: string | null;
  name: string | null;
}

export type StudentIssue = (field: 'studentNo' | 'idNumber' | 'name', code: ImportErrorCode, reason: string) => void;

/** The matcher for one evaluation: `inScope` for the user's 数据范围, `find` for a row's student. */
export function studentMatcher(lookups: StudentKeyLookups, scope: readonly number[] | null) {
  const scopeSet = scope ? new Set(scope) : null;
  const inScope = (classId: number | null) => !scopeSet || (classId !== null && scopeSet.has(classId));
  // The student in study with that 身份证号, else the latest record of it.
  const byIdNumber = (id: string) => {
    const list = lookups.byId.get(id);
    return list?.find((s) => isActiveStatus(s.status)) ?? list?.reduce((a, b) => (b.id > a.id ? b : a));
  };
  const find = (r: StudentKeysOfRow, add: StudentIssue): ExistingStudent | undefined => {
    const byNo = r.studentNo ? lookups.byNo.get(r.studentNo) : undefined;
    const byId = r.idNumber ? byIdNumber(r.idNumber) : undefined;
    let student = byNo ?? (r.studentNo ? undefined : byId);
    if (r.studentNo && !byNo) add('studentNo', 'UNKNOWN_STUDENT', `系统中没有学号为 ${r.studentNo} 的学生`);
    else if (!r.studentNo && r.idNumber && !byId) add('idNumber', 'UNKNOWN_STUDENT', '系统中没有该身份证号的学生');
    else if (student && r.idNumber && student.idNumber !== r.idNumber) {
      add('idNumber', 'STUDENT_MISMATCH', `身份证号与学号 ${r.studentNo} 的学生${inScope(student.classId) ? ` ${student.name}` : ''}不符，无法确定是哪名学生`);
      student = undefined;
    }
    if (student && !inScope(student.classId)) {
      add(r.studentNo ? 'studentNo' : 'idNumber', 'OUT_OF_SCOPE', '该学生不在您负责的班级范围内，不能导入其成绩（数据范围由管理员设置）');
      student = undefined;
    }
    if (student && r.name && nameKey(r.name) !== nameKey(student.name)) {
      add('name', 'NAME_MISMATCH', `${r.studentNo ? `学号 ${r.studentNo} ` : '该身份证号'}在系统中是 ${student.name}，与文件中的“${r.name}”不一致`);
      student = undefined;
    }
    return student;
  };
  return { inScope, find };
}
