import { ROLE_LABELS, type Role } from '../../../../shared/domain/permissions';
import { formatValue } from '../../components/format';
import { AUDIT_ACTION_LABELS, AUDIT_ENTITY_LABELS, auditActionLabel, auditEntityLabel } from '../../../../shared/domain/audit-actions';
import { fieldLabel as studentFieldLabel } from '../../../../shared/domain/student-fields';

/**
 * Chinese names for the codes the audit trail stores. Display only: an unknown code is shown as
 * it is, so records of features added later still read correctly.
 */
export const ACTION_LABELS = AUDIT_ACTION_LABELS;
export const ENTITY_LABELS = AUDIT_ENTITY_LABELS;

const FIELD_LABELS: Record<string, string> = {
  schoolCode: '学校代码',
  schoolName: '学校名称',
  departmentName: '院系名称',
  idleLockMinutes: '空闲自动锁定（分钟）',
  passwordMaxAgeDays: '密码有效期（天）',
  username: '用户名',
  displayName: '姓名',
  role: '角色',
  disabled: '停用',
};

export const actionLabel = auditActionLabel;
export const entityLabel = auditEntityLabel;
/** Settings and user fields here; student fields by their catalogue label. */
export const fieldLabel = (field: string) => FIELD_LABELS[field] ?? studentFieldLabel(field);

export function changeValue(field: string, value: unknown): string {
  if (field === 'role' && typeof value === 'string' && value in ROLE_LABELS) return ROLE_LABELS[value as Role];
  return formatValue(value);
}

/** What the user typed in a filter, as the stored code when it is one of the Chinese names. */
export function toCode(text: string, labels: Record<string, string>): string {
  const found = Object.entries(labels).find(([, label]) => label === text);
  return found ? found[0] : text;
}
