import type { ApprovalStep } from '../approvals/chain';
import type { StatusChangeType } from './types';

/** The shipped chain of each 学籍异动 type (the admin's own, once saved, replaces it: approval_chains). */
const dept: ApprovalStep = { label: '院系负责人审批', role: 'manager' };
const office: ApprovalStep = { label: '教务处审核', role: null };
const leader: ApprovalStep = { label: '分管校领导审批', role: null };
/** 41号令 第五十六条: 退学 by decision, 开除学籍 and 取消学籍 are decided by 校长办公会 after 合法性审查. */
const council: ApprovalStep = { label: '校长办公会决定', role: null };
/** 41号令 第二十三条: the receiving school admits a transfer "经学校校长办公会或者专题会议研究决定". */
const transferMeeting: ApprovalStep = { label: '校长办公会或专题会议决定', role: null };

export const DEFAULT_CHAINS: Readonly<Record<StatusChangeType, readonly ApprovalStep[]>> = {
  suspend: [dept, office],
  resume: [dept, office],
  retain: [dept, office],
  restore: [dept, office],
  withdraw: [dept, office, council],
  transferMajor: [dept, office, leader],
  transferIn: [dept, office, transferMeeting],
  transferOut: [dept, office, leader],
  repeat: [dept, office],
  expel: [dept, office, council],
  cancel: [dept, office, council],
  death: [dept, office],
  retainAdmission: [dept, office],
};

