import { differenceInCalendarMonths, isValid, parseISO } from 'date-fns';
import { isDecision, STATUS_CHANGE_TYPES, type StatusChangeType } from './types';

/**
 * What a work order says, besides who it is for and its type. Stored as one JSON column: each type
 * uses the fields its row in STATUS_CHANGE_TYPES asks for.
 */
export interface StatusChangeData {
  reason: string;
  /** yyyy-MM-dd: the day the change takes effect. */
  effectiveDate: string;
  /** 学期 the change takes effect in: 2026-2027-1. */
  term: string;
  /** 休学: 预计复学日期; 保留学籍 / 保留入学资格: 保留至. */
  expectedEnd?: string | null;
  /** The class the student moves into (复学, 转专业, 降级/留级, 转入, 恢复学籍). */
  targetClassId?: number | null;
  /** 转入: the school the student comes from; 转出: the school they go to. */
  otherSchool?: string | null;
  /** 处理决定 number (退学 by decision, 开除学籍, 取消学籍). */
  decisionNo?: string | null;
  /** 送达 date and method of the decision; the appeal window runs from the date. */
  servedOn?: string | null;
  servedMethod?: string | null;
}

export interface DataIssue {
  field: keyof StatusChangeData | 'subtype' | 'attachments';
  message: string;
}

/** The class an order names, as the checks need it. */
export interface ClassFacts {
  id: number;
  name: string;
  majorId: number;
  cohortYear: number;
}

const isDay = (s: string | null | undefined): s is string => !!s && /^\d{4}-\d{2}-\d{2}$/.test(s) && isValid(parseISO(s));

/** The 学期 a day falls in: September–January the first term of the year, February–August the second. */
export function termOf(day: string): string {
  const d = parseISO(day);
  const y = d.getFullYear();
  const m = d.getMonth() + 1;
  return m >= 9 ? `${y}-${y + 1}-1` : m === 1 ? `${y - 1}-${y}-1` : `${y - 1}-${y}-2`;
}

export function isTerm(s: string): boolean {
  const m = /^(\d{4})-(\d{4})-([12])$/.exec(s);
  return !!m && Number(m[2]) === Number(m[1]) + 1;
}

/** Problems with an order as filed (or amended), in the order the form shows its fields. */
export function orderDataIssues(
  type: StatusChangeType,
  subtype: string | null | undefined,
  d: StatusChangeData,
  facts: { current: ClassFacts | null; target: ClassFacts | null },
): DataIssue[] {
  const info = STATUS_CHANGE_TYPES[type];
  const issues: DataIssue[] = [];
  if (info.subtypes && (!subtype || !(subtype in info.subtypes))) {
    issues.push({ field: 'subtype', message: `请选择${info.label}的类别：${Object.values(info.subtypes).join('、')}` });
  }
  if (!d.reason.trim()) issues.push({ field: 'reason', message: '请填写异动原因' });
  if (!isDay(d.effectiveDate)) issues.push({ field: 'effectiveDate', message: '请填写生效日期' });
  if (!isTerm(d.term)) issues.push({ field: 'term', message: `学期应写作“2026-2027-1”的形式` });
  if (info.expectedEnd) {
    if (!isDay(d.expectedEnd)) issues.push({ field: 'expectedEnd', message: type === 'suspend' ? '请填写预计复学日期' : '请填写保留截止日期' });
    else if (isDay(d.effectiveDate) && d.expectedEnd <= d.effectiveDate) issues.push({ field: 'expectedEnd', message: '截止日期应晚于生效日期' });
  }
  if (info.otherSchool && !d.otherSchool?.trim()) issues.push({ field: 'otherSchool', message: type === 'transferIn' ? '请填写转出学校' : '请填写转入学校' });
  if (info.targetClass === 'required' && !d.targetClassId) issues.push({ field: 'targetClassId', message: '请选择转入的班级' });
  // Only the types that place the student in a class may name one: a 休学 that moved the student
  // into another major's class would be a 转专业 without its approvals.
  if (!info.targetClass && d.targetClassId) issues.push({ field: 'targetClassId', message: `${info.label}不改变学生的班级，请不要选择转入班级` });
  const { current, target } = facts;
  if (d.targetClassId && !target) issues.push({ field: 'targetClassId', message: '所选班级不存在' });
  // A 转专业 or 降级 moves the student; a 复学 may well go back to the class they left.
  if (target && current && target.id === current.id && (type === 'transferMajor' || type === 'repeat')) {
    issues.push({ field: 'targetClassId', message: `学生已在${target.name}，请选择另一个班级` });
  }
  if (type === 'transferMajor' && target && current && target.majorId === current.majorId) {
    issues.push({ field: 'targetClassId', message: `转专业应转入其他专业的班级，${target.name}与原班级同一专业` });
  }
  if (type === 'repeat' && target && current && target.cohortYear <= current.cohortYear) {
    issues.push({ field: 'targetClassId', message: `降级/留级应编入更晚年级的班级（原为 ${current.cohortYear} 级，所选为 ${target.cohortYear} 级）` });
  }
  // 送达 is recorded once the decision has been made and served (recordService), never at filing.
  if (d.servedOn) issues.push({ field: 'servedOn', message: isDecision(type, subtype) ? '送达日期在决定生效并送达后登记' : '只有学校作出的处理决定需要登记送达' });
  return issues;
}

/**
 * What must be on file before the last step may approve: the evidence, and for a decision its
 * document number (41号令 第五十五、五十六条).
 */
export function finalApprovalIssues(type: StatusChangeType, subtype: string | null | undefined, d: StatusChangeData, attachmentCount: number): DataIssue[] {
  const issues: DataIssue[] = [];
  if (attachmentCount === 0) issues.push({ field: 'attachments', message: `缺少证明材料（如${STATUS_CHANGE_TYPES[type].evidence.join('、')}），请先上传` });
  if (isDecision(type, subtype) && !d.decisionNo?.trim()) issues.push({ field: 'decisionNo', message: '学校作出的处理决定需要填写决定文号' });
  return issues;
}

/**
 * 接续学业: a student back from 休学 joins the cohort that is where they left off — one cohort later
 * for each full year away (rounded to the nearest year).
 */
export function resumeCohort(originalCohort: number, awayFrom: string, backOn: string): number {
  const months = Math.max(0, differenceInCalendarMonths(parseISO(backOn), parseISO(awayFrom)));
  return originalCohort + Math.round(months / 12);
}
