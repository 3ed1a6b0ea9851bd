import { format } from 'date-fns';
import { STATUS_CHANGE_STATE_LABELS, type StatusChangeState } from '../../../../shared/domain/status-changes';
import type { AppErrorData } from '../../../../shared/ipc/result';
import type { StatusChangeDetail } from '../../../../shared/ipc/schemas/status-changes';

export type StatusChangeEventRow = StatusChangeDetail['events'][number];

export { STATUS_CHANGE_STATE_LABELS as STATE_LABELS };

/** Today as the yyyy-MM-dd the contract speaks. */
export const today = (): string => format(new Date(), 'yyyy-MM-dd');

/** What each timeline entry says happened. */
export const EVENT_LABELS: Record<StatusChangeEventRow['kind'], string> = {
  filed: '提交',
  approved: '批准',
  rejected: '退回',
  amended: '修改后重新提交',
  withdrawn: '撤回',
  applied: '生效',
  attached: '上传材料',
  served: '送达',
};

/** The tab filters of the list: one state or all of them. */
export type StateFilter = StatusChangeState | 'all';
export const STATE_FILTERS: StateFilter[] = ['pending', 'returned', 'approved', 'withdrawn', 'all'];
export const stateFilterLabel = (f: StateFilter): string => (f === 'all' ? '全部' : STATUS_CHANGE_STATE_LABELS[f]);

/**
 * The server's messages by the order field they are about. The contract names them `data.expectedEnd`,
 * `subtype`, `paper.deciderName`…; the form names them without the prefix.
 */
export function orderFieldErrors(error: AppErrorData | null): Record<string, string> {
  const out: Record<string, string> = {};
  if (!error) return out;
  const put = (field: string | undefined, message: string) => {
    if (!field) return;
    const key = field.replace(/^(data|paper)\./, '');
    if (out[key] === undefined) out[key] = message;
  };
  put(error.field, error.message);
  for (const issue of error.issues ?? []) put(issue.field, issue.message);
  return out;
}

/** Whether every message of the error is shown under one of these fields (then no general alert is needed). */
export function coveredByFields(error: AppErrorData | null, fields: readonly string[]): boolean {
  if (!error) return true;
  const all = [error.field, ...(error.issues ?? []).map((i) => i.field)];
  return all.every((f) => f !== undefined && fields.includes(f.replace(/^(data|paper)\./, '')));
}
