/**
 * Key-field change requests (信息变更申请): where a request stands. They run on the approval engine
 * of 学籍异动 (shared/domain/approvals): pending at a step of their chain; returned (退回) to the
 * requester to amend and resubmit, or withdraw; approved (applied); withdrawn — by the requester,
 * or with the import batch that filed it: 已撤回, never a refusal. `rejected` (已驳回) is only found on
 * requests refused before the engine, which closed them.
 */
export const KEY_CHANGE_STATUSES = ['pending', 'returned', 'approved', 'rejected', 'withdrawn'] as const;
export type KeyChangeStatus = (typeof KEY_CHANGE_STATUSES)[number];

export const KEY_CHANGE_STATUS_LABELS: Readonly<Record<KeyChangeStatus, string>> = {
  pending: '待审批',
  returned: '已退回',
  approved: '已批准',
  rejected: '已驳回',
  withdrawn: '已撤回',
};

/** Still being worked on: a student has at most one such request (migration 0016). */
export const OPEN_KEY_CHANGE_STATUSES = ['pending', 'returned'] as const satisfies readonly KeyChangeStatus[];

/**
 * The audit field a request's status is recorded under. Not `status`: that is the student's 学籍状态,
 * whose codes overlap (a student's `withdrawn` is 退学).
 */
export const REQUEST_STATUS_FIELD = 'requestStatus';

/**
 * The audit summary of a filed request: the fields it changes by name, not their values. The values
 * are in the entry's changes, which readers who see identity data masked get masked; a summary is
 * free text that no mask can reach.
 */
export function keyChangeRequestSummary(requestId: number, fieldLabels: readonly string[], reason: string): string {
  return `提交信息变更申请（第 ${requestId} 号）：${fieldLabels.join('、')}；原因：${reason}`;
}
