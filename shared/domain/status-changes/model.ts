import { studentStatusName, type StudentStatusCode } from '../codes';
import { STATUS_CHANGE_TYPES, statusChangeTitle, type StatusChangeType } from './types';

/**
 * The status model (DOMAIN.md §5.2) as one pure function: may this order be filed for a student in
 * this state, and what status does it lead to. Checked when an order is filed, resubmitted and
 * finally approved (the student may have changed in between).
 */
export interface TransitionStudent {
  status: string;
  /** 已注册: a 新生 not yet registered has no 学籍 to suspend, and is the only one who may 转入 or 保留入学资格. */
  registered: boolean;
}

export type TransitionResult =
  | { ok: true; from: StudentStatusCode; to: StudentStatusCode }
  | { ok: false; code: 'ILLEGAL_TRANSITION'; message: string };

export function checkTransition(type: StatusChangeType, student: TransitionStudent, subtype?: string | null): TransitionResult {
  const info = STATUS_CHANGE_TYPES[type];
  const title = statusChangeTitle(type, subtype);
  const now = studentStatusName(student.status) ?? student.status;
  const refuse = (why: string): TransitionResult => ({ ok: false, code: 'ILLEGAL_TRANSITION', message: `不能办理${title}：${why}` });

  if (!(info.from as readonly string[]).includes(student.status)) {
    const allowed = info.from.map((s) => studentStatusName(s)).join('或');
    return refuse(`该学生当前学籍状态为“${now}”，${info.label}只适用于“${allowed}”的学生`);
  }
  if (info.newStudentOnly && student.registered) return refuse(`${info.label}只适用于尚未注册的新生，该学生已注册`);
  // Everything else that leaves an in-school student in school needs a registered 学籍: a 新生 who
  // has not registered is handled by 保留入学资格, 转入 or the registration itself.
  if (!info.newStudentOnly && student.status === 'enrolled' && !student.registered && type !== 'death' && type !== 'cancel' && type !== 'withdraw') {
    return refuse('该学生尚未注册，还没有学籍；新生请先注册，或办理保留入学资格');
  }
  return { ok: true, from: student.status as StudentStatusCode, to: info.to };
}
