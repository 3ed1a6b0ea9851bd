/**
 * The approval chains the admin edits (系统设置 → 学籍异动 → 审批流程): one per 学籍异动 type and one for
 * 信息变更申请 (key-field change requests). All run on the same engine (shared/domain/approvals).
 */
import type { ApprovalStep } from './approvals/chain';
import { DEFAULT_CHAINS } from './status-changes/chains';
import { STATUS_CHANGE_TYPE_KEYS, STATUS_CHANGE_TYPES, type StatusChangeType } from './status-changes/types';

export const KEY_CHANGES_CHAIN = 'keyChanges';
export type ChainKey = StatusChangeType | typeof KEY_CHANGES_CHAIN;
export const CHAIN_KEYS = [...STATUS_CHANGE_TYPE_KEYS, KEY_CHANGES_CHAIN] as [ChainKey, ...ChainKey[]];

/** A key-field change is decided by the department's 负责人 in one step, as it always was. */
export const DEFAULT_KEY_CHANGE_CHAIN: readonly ApprovalStep[] = [{ label: '院系负责人审批', role: 'manager' }];

export function defaultChain(key: ChainKey): ApprovalStep[] {
  return [...(key === KEY_CHANGES_CHAIN ? DEFAULT_KEY_CHANGE_CHAIN : DEFAULT_CHAINS[key])];
}

/** The chain's name as the settings page and the audit trail say it. */
export function chainName(key: ChainKey): string {
  return key === KEY_CHANGES_CHAIN ? '信息变更申请' : STATUS_CHANGE_TYPES[key].label;
}
