import { addMonths, format, parse } from 'date-fns';
import type { Db } from '../../../../db/client';
import { getClass, getMajor } from '../../../../db/queries/org';
import { appliedBetween, type StatusChangeRow } from '../../../../db/queries/status-changes';
import { getStudent } from '../../../../db/queries/students';
import { displayNameLookup } from '../../../../db/queries/users';
import { studentStatusName } from '../../../../shared/domain/codes';
import { maskIdNumber } from '../../../../shared/domain/idcard';
import { statusChangeTitle } from '../../../../shared/domain/status-changes';
import { localDay } from '../../core/local-day';
import { dataOf, typeOf } from './dto';

/** One line of the month's summary: the applied order as the platform report needs it. */
export interface MonthLine {
  studentNo: string;
  name: string;
  gender: string;
  idNumber: string;
  className: string;
  majorName: string;
  title: string;
  fromStatus: string;
  toStatus: string;
  effectiveDate: string;
  term: string;
  reason: string;
  targetClass: string;
  until: string;
  decisionNo: string;
  approvedOn: string;
  filedBy: string;
}

export const MONTH_COLUMNS: readonly { key: keyof MonthLine; header: string; width: number; pdf?: boolean }[] = [
  { key: 'studentNo', header: '学号', width: 14, pdf: true },
  { key: 'name', header: '姓名', width: 10, pdf: true },
  { key: 'gender', header: '性别', width: 6, pdf: true },
  { key: 'idNumber', header: '身份证号', width: 21 },
  { key: 'className', header: '原班级', width: 18, pdf: true },
  { key: 'majorName', header: '专业', width: 18 },
  { key: 'title', header: '异动类型', width: 14, pdf: true },
  { key: 'fromStatus', header: '异动前状态', width: 10 },
  { key: 'toStatus', header: '异动后状态', width: 10, pdf: true },
  { key: 'effectiveDate', header: '生效日期', width: 12, pdf: true },
  { key: 'term', header: '学期', width: 12 },
  { key: 'reason', header: '异动原因', width: 30, pdf: true },
  { key: 'targetClass', header: '转入班级', width: 18, pdf: true },
  { key: 'until', header: '预计复学/保留至', width: 14, pdf: true },
  { key: 'decisionNo', header: '决定文号', width: 16 },
  { key: 'approvedOn', header: '批准日期', width: 12, pdf: true },
  { key: 'filedBy', header: '经办人', width: 10 },
];

/** The month as local-time instants [from, before), since orders store when they closed in ISO (UTC). */
export function monthBounds(month: string): { from: string; before: string; label: string } {
  const start = parse(`${month}-01`, 'yyyy-MM-dd', new Date());
  return { from: start.toISOString(), before: addMonths(start, 1).toISOString(), label: format(start, 'yyyy年M月') };
}

/** The month's applied orders, oldest first, as lines; ID numbers masked for a reader who may not see them. */
export function monthLines(db: Db, month: string, classScope: readonly number[] | null, identity: boolean): MonthLine[] {
  const { from, before } = monthBounds(month);
  const nameOf = displayNameLookup(db);
  return appliedBetween(db, from, before, classScope).map((r: StatusChangeRow) => {
    const s = getStudent(db, r.studentId)!;
    const d = dataOf(r);
    const cls = r.fromClassId ? getClass(db, r.fromClassId) : undefined;
    const major = cls ? getMajor(db, cls.majorId) : undefined;
    const target = d.targetClassId ? getClass(db, d.targetClassId) : undefined;
    return {
      studentNo: s.studentNo ?? '', name: s.name, gender: s.gender === '1' ? '男' : '女', idNumber: identity ? s.idNumber : maskIdNumber(s.idNumber),
      className: cls?.name ?? '', majorName: major?.name ?? '', title: statusChangeTitle(typeOf(r), r.subtype),
      fromStatus: studentStatusName(r.fromStatus) ?? r.fromStatus, toStatus: studentStatusName(r.toStatus) ?? r.toStatus,
      effectiveDate: d.effectiveDate, term: d.term, reason: d.reason, targetClass: target?.name ?? '', until: d.expectedEnd ?? '',
      decisionNo: d.decisionNo ?? '', approvedOn: localDay(Date.parse(r.closedAt!)), filedBy: nameOf(r.filedBy),
    };
  });
}
