import { APPROVAL_STATES, type ApprovalState } from '../approvals/advance';
import type { StudentStatusCode } from '../codes';

/**
 * 学籍异动 (status changes, DOMAIN.md §5): the kinds of work order, what each needs, and what it does
 * to a student once finally approved. One table, read by the status model (model.ts), the order
 * checks (order-data.ts), the forms and the UI.
 */
export type StatusChangeType =
  | 'suspend' | 'resume' | 'retain' | 'restore' | 'withdraw' | 'transferMajor' | 'transferIn'
  | 'transferOut' | 'repeat' | 'expel' | 'cancel' | 'death' | 'retainAdmission';

export interface StatusChangeTypeInfo {
  label: string;
  /** Sub-kinds a filer must choose between (保留学籍: 入伍 / 联合培养 / 创业; 退学: 本人申请 / 学校决定). */
  subtypes?: Readonly<Record<string, string>>;
  /** The statuses a student may be in for this order to be filed. */
  from: readonly StudentStatusCode[];
  /** Only for a student not yet registered (新生): 转入, 保留入学资格. */
  newStudentOnly?: boolean;
  /** The status the final approval sets. */
  to: StudentStatusCode;
  /** A class the student moves into (复学, 转专业, 降级/留级, 转入; optional for 恢复学籍). */
  targetClass?: 'required' | 'optional';
  /** An end date the student is expected back by (休学, 保留学籍, 保留入学资格). */
  expectedEnd?: boolean;
  /** The other school (转入: from, 转出: to). */
  otherSchool?: boolean;
  /**
   * A 处理决定 the school serves on the student: a decision number is needed before the final
   * approval, and a 送达 date starts the appeal window (41号令 第五十五、六十条). For 退学 only when
   * the school decides it.
   */
  decision?: true | { subtypes: readonly string[] };
  /** The evidence a filer is asked for; at least one attachment is needed before the final step. */
  evidence: readonly string[];
}

const ACTIVE: readonly StudentStatusCode[] = ['enrolled', 'suspended', 'retained'];

export const STATUS_CHANGE_TYPES: Readonly<Record<StatusChangeType, StatusChangeTypeInfo>> = {
  suspend: { label: '休学', from: ['enrolled'], to: 'suspended', expectedEnd: true, evidence: ['休学申请书', '医院诊断证明', '家长意见'] },
  resume: { label: '复学', from: ['suspended'], to: 'enrolled', targetClass: 'required', evidence: ['复学申请书', '复查合格证明'] },
  retain: {
    label: '保留学籍', subtypes: { military: '应征入伍', joint: '联合培养', startup: '休学创业' },
    from: ['enrolled', 'suspended'], to: 'retained', expectedEnd: true, evidence: ['申请书', '入伍通知书', '联合培养协议'],
  },
  restore: { label: '恢复学籍', from: ['retained', 'admission_retained'], to: 'enrolled', targetClass: 'optional', evidence: ['申请书', '退役证明'] },
  withdraw: {
    label: '退学', subtypes: { voluntary: '本人申请', decision: '学校决定' },
    from: ACTIVE, to: 'withdrawn', decision: { subtypes: ['decision'] }, evidence: ['退学申请书', '退学处理决定书', '送达回证'],
  },
  transferMajor: { label: '转专业', from: ['enrolled'], to: 'enrolled', targetClass: 'required', evidence: ['转专业申请书', '考核结果'] },
  transferIn: { label: '转入', from: ['enrolled'], newStudentOnly: true, to: 'enrolled', targetClass: 'required', otherSchool: true, evidence: ['转学申请书', '转出学校同意函', '省级教育行政部门备案'] },
  transferOut: { label: '转出', from: ['enrolled', 'suspended'], to: 'transferred_out', otherSchool: true, evidence: ['转学申请书', '转入学校接收函'] },
  repeat: { label: '降级/留级', from: ['enrolled'], to: 'enrolled', targetClass: 'required', evidence: ['申请书或学业情况说明'] },
  expel: { label: '开除学籍', from: ACTIVE, to: 'expelled', decision: true, evidence: ['处分决定书', '陈述申辩记录', '送达回证'] },
  cancel: { label: '取消学籍', from: ACTIVE, to: 'cancelled', decision: true, evidence: ['取消学籍决定书', '复查材料', '送达回证'] },
  death: { label: '死亡注销', from: ['enrolled', 'suspended', 'retained', 'admission_retained'], to: 'deceased', evidence: ['死亡证明'] },
  retainAdmission: {
    label: '保留入学资格', subtypes: { military: '应征入伍', other: '其他原因' },
    from: ['enrolled'], newStudentOnly: true, to: 'admission_retained', expectedEnd: true, evidence: ['申请书', '入伍通知书'],
  },
};

export const STATUS_CHANGE_TYPE_KEYS = Object.keys(STATUS_CHANGE_TYPES) as [StatusChangeType, ...StatusChangeType[]];

/** The type by its Chinese name or code ('休学' or 'suspend'), for the CLI and imports. */
export function findStatusChangeType(text: string): StatusChangeType | null {
  const t = text.trim();
  if ((STATUS_CHANGE_TYPE_KEYS as string[]).includes(t)) return t as StatusChangeType;
  const hit = STATUS_CHANGE_TYPE_KEYS.find((k) => STATUS_CHANGE_TYPES[k].label === t || STATUS_CHANGE_TYPES[k].label.split('/').includes(t));
  return hit ?? null;
}

/** Whether this order (type and sub-kind) is a school decision served on the student. */
export function isDecision(type: StatusChangeType, subtype: string | null | undefined): boolean {
  const d = STATUS_CHANGE_TYPES[type].decision;
  if (!d) return false;
  return d === true || (subtype != null && d.subtypes.includes(subtype));
}

/** The order's name with its sub-kind: 保留学籍（应征入伍）. */
export function statusChangeTitle(type: StatusChangeType, subtype?: string | null): string {
  const info = STATUS_CHANGE_TYPES[type];
  const sub = subtype && info.subtypes?.[subtype];
  return sub ? `${info.label}（${sub}）` : info.label;
}

/** Where a work order stands: the approval engine's states (shared/domain/approvals). */
export const STATUS_CHANGE_STATES = APPROVAL_STATES;
export type StatusChangeState = ApprovalState;
export const STATUS_CHANGE_STATE_LABELS: Readonly<Record<StatusChangeState, string>> = {
  pending: '审批中',
  returned: '已退回',
  approved: '已生效',
  withdrawn: '已撤回',
};

/** 送达方式 (41号令 第五十六条, in the order the law tries them). */
export const SERVICE_METHODS = ['直接送达', '留置送达', '邮寄送达', '公告送达'] as const;
