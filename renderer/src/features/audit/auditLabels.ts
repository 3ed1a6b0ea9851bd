import { ROLE_LABELS, type Role } from '../../../../shared/domain/permissions';
import { formatValue } from '../../components/format';

/**
 * Chinese names for the codes the audit trail stores. Display only: an unknown code is shown as
 * it is, so records of features added later still read correctly.
 */
export const ACTION_LABELS: Record<string, string> = {
  'setup.create': '初始化设置',
  'setup.loadDemo': '加载演示数据',
  'auth.signIn': '登录',
  'auth.signOut': '退出登录',
  'auth.recover': '恢复密钥重设密码',
  'auth.changePassword': '修改密码',
  'auth.unlock': '解锁',
  'users.create': '新建用户',
  'users.update': '修改用户',
  'users.unlock': '解除锁定',
  'users.resetPassword': '重置密码',
  'settings.update': '修改系统设置',
};

export const ENTITY_LABELS: Record<string, string> = {
  user: '用户',
  settings: '系统设置',
  students: '学生',
  student: '学生',
  major: '专业',
  class: '班级',
};

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

export const actionLabel = (code: string) => ACTION_LABELS[code] ?? code;
export const entityLabel = (code: string) => ENTITY_LABELS[code] ?? code;
export const fieldLabel = (field: string) => FIELD_LABELS[field] ?? field;

export function changeValue(field: string, value: unknown): string {
  if (field === 'role' && typeof value === 'string' && value in ROLE_LABELS) return ROLE_LABELS[value as Role];
  return formatValue(value);
}

/** What the user typed in a filter, as the stored code when it is one of the Chinese names. */
export function toCode(text: string, labels: Record<string, string>): string {
  const found = Object.entries(labels).find(([, label]) => label === text);
  return found ? found[0] : text;
}
