import { format, parseISO, subDays } from 'date-fns';
import type { z } from 'zod';
import { followUpsOverdue, receiptsOutstanding } from '../../../../db/queries/warning-followups';
import { daysBetween, RECEIPT_DUE_DAYS } from '../../../../shared/domain/warnings';
import type { WarningTodo } from '../../../../shared/ipc/schemas/warning-followups';
import type { CallContext } from '../../core/context';
import { localDay } from '../../core/local-day';

/**
 * 学业预警 on the home 待办, for those who follow warnings up, within their 数据范围: parent notices
 * sent RECEIPT_DUE_DAYS or more days ago whose 回执 has not come back, and follow-ups past their due
 * date and not done. Oldest first.
 */
export function warningTodo(ctx: CallContext): z.output<typeof WarningTodo> {
  const db = ctx.db();
  const scope = ctx.scope();
  const today = localDay(ctx.core.now());
  const sentBy = format(subDays(parseISO(today), RECEIPT_DUE_DAYS), 'yyyy-MM-dd');
  return {
    receiptsOverdue: receiptsOutstanding(db, sentBy, scope).map((r) => ({
      noticeId: r.noticeId, studentId: r.studentId, studentName: r.name, studentNo: r.studentNo, term: r.term, noticeNo: r.noticeNo, tier: r.tier,
      firstSentOn: r.firstSentOn, days: daysBetween(r.firstSentOn, today),
    })),
    followUpsOverdue: followUpsOverdue(db, today, scope).map((f) => ({
      id: f.id, studentId: f.studentId, studentName: f.name, studentNo: f.studentNo, term: f.term, dueOn: f.dueOn, note: f.note, daysLate: daysBetween(f.dueOn, today),
    })),
  };
}
