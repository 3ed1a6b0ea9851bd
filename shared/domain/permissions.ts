/**
 * Roles and what each may do. This table is the single source: the main process enforces it on
 * every call, the renderer uses it only to hide what a role may not do.
 */
export const ROLES = ['admin', 'counselor', 'clerk', 'manager', 'viewer'] as const;
export type Role = (typeof ROLES)[number];

export const ROLE_LABELS: Record<Role, string> = {
  admin: '管理员',
  counselor: '学籍管理员',
  clerk: '证书与成绩管理员',
  manager: '负责人',
  viewer: '只读',
};

export const PERMISSIONS = {
  'users.manage': '管理用户账户',
  'settings.manage': '修改系统设置',
  'audit.read': '查看审计日志',
  'org.read': '查看专业与班级',
  'org.write': '维护专业与班级',
  'students.read': '查看学生名册',
  'students.write': '编辑学生档案',
  'students.identity.read': '查看完整身份证号、电话与住址',
  'students.export': '导出学生名单',
  'changes.request': '提交信息变更申请',
  'changes.approve': '审批信息变更与学籍异动',
  'grades.read': '查看成绩与绩点',
  'grades.write': '录入成绩',
  'plans.write': '维护人才培养方案',
  'certificates.print': '打印成绩单与证书',
  // 暂缓发证 withholds a certificate the student earned (DOMAIN §7.3: legally contested): a decision
  // for the 负责人 or the admin, not for the clerk who prints.
  'certificates.hold': '暂缓发证与解除',
  'warnings.manage': '学业预警：运行、登记旷课与跟进',
  'reports.read': '查看统计报表',
  'graduation.audit': '毕业资格审核',
  'graduation.override': '调整毕业审核结论',
} as const;
export type Permission = keyof typeof PERMISSIONS;

const ALL = Object.keys(PERMISSIONS) as Permission[];

export const ROLE_PERMISSIONS: Record<Role, readonly Permission[]> = {
  // The admin keeps the system running; it can see everything so it can help anyone.
  admin: ALL,
  counselor: [
    'org.read', 'org.write', 'students.read', 'students.write', 'students.identity.read',
    'students.export', 'changes.request', 'reports.read', 'grades.read', 'warnings.manage',
  ],
  // 证书与成绩管理员: keeps the training plans and enters the grades.
  clerk: ['org.read', 'students.read', 'students.identity.read', 'grades.read', 'grades.write', 'plans.write', 'certificates.print', 'students.export', 'graduation.audit'],
  // 调整毕业审核结论 is the manager's (and the admin's), not the clerk's: the clerk runs the audit,
  // so overruling its outcome is left to someone else (four eyes on every exception).
  manager: ['audit.read', 'org.read', 'students.read', 'students.identity.read', 'students.export', 'changes.approve', 'reports.read', 'grades.read', 'certificates.hold', 'graduation.override'],
  viewer: ['org.read', 'students.read', 'reports.read'],
};

export function hasPermission(role: Role, permission: Permission): boolean {
  return ROLE_PERMISSIONS[role].includes(permission);
}

export function permissionsOf(role: Role): Permission[] {
  return [...ROLE_PERMISSIONS[role]];
}
