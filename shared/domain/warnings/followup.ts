import { addDays, differenceInCalendarDays, format, parseISO } from 'date-fns';

/**
 * 学业预警 follow-up rules: how a notice reaches the family, and when something is overdue for the
 * 待办 list. Days are calendar days between local dates (yyyy-MM-dd).
 */

/** 送达方式 (DOMAIN.md §6: registered mail with proof of posting, or phone/SMS with a log). */
export const SEND_METHODS = {
  in_person: '当面交付',
  registered_mail: '挂号信',
  phone: '电话',
  sms: '短信',
} as const;
export type SendMethod = keyof typeof SEND_METHODS;
export const SEND_METHOD_KEYS = Object.keys(SEND_METHODS) as [SendMethod, ...SendMethod[]];

/** A parent notice sent this many days ago without its 回执 back is overdue. */
export const RECEIPT_DUE_DAYS = 14;

/** The day a sent parent notice's 回执 becomes overdue. */
export function receiptDueOn(sentOn: string): string {
  return format(addDays(parseISO(sentOn), RECEIPT_DUE_DAYS), 'yyyy-MM-dd');
}

/**
 * Overdue once RECEIPT_DUE_DAYS full days have passed since it was first sent and no 回执 is
 * recorded; a notice never sent is not (it has not reached anyone to answer).
 */
export function receiptOverdue(firstSentOn: string | null, receivedOn: string | null, today: string): boolean {
  return firstSentOn !== null && receivedOn === null && today >= receiptDueOn(firstSentOn);
}

/** A follow-up is overdue the day after its due date while it is not done. */
export function followUpOverdue(dueOn: string, doneOn: string | null, today: string): boolean {
  return doneOn === null && dueOn < today;
}

/** Whole days from `from` to `to` (both yyyy-MM-dd). */
export const daysBetween = (from: string, to: string) => differenceInCalendarDays(parseISO(to), parseISO(from));
