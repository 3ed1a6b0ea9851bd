/**
 * Chinese names of the actions the audit trail records, for every screen that shows the trail
 * (审计日志, a student's 修改历史) and the CLI. Display only: an unknown code is shown as it is.
 */
export const AUDIT_ACTION_LABELS: Readonly<Record<string, string>> = {
  'setup.create': '初始化设置',
  'setup.loadDemo': '加载演示数据',
  'auth.signIn': '登录',
  'auth.signOut': '退出登录',
  'auth.recover': '恢复密钥重设密码',
  'auth.changePassword': '修改密码',
  'auth.unlock': '解锁',
  'auth.signInFailed': '登录失败',
  'auth.lockout': '账户锁定',
  'auth.unlockFailed': '解锁失败',
  'auth.changePasswordFailed': '修改密码失败',
  'users.create': '新建用户',
  'users.update': '修改用户',
  'users.unlock': '解除锁定',
  'users.resetPassword': '重置密码',
  'settings.update': '修改系统设置',
  'org.createMajor': '新建专业',
  'org.updateMajor': '修改专业',
  'org.createClass': '新建班级',
  'org.updateClass': '修改班级',
  'students.create': '新建档案',
  'students.update': '修改档案',
  'students.register': '注册学籍',
  'students.bulkUpdate': '批量修改',
  'students.addRecord': '添加奖惩记录',
  'students.removeRecord': '删除奖惩记录',
  'students.export': '导出名单',
  'studentNumbers.saveRule': '修改学号规则',
  'studentNumbers.assign': '编排学号',
  'keyChanges.request': '提交变更申请',
  'keyChanges.decide': '审批变更申请',
  'attachments.upload': '上传附件',
  'views.save': '保存名册视图',
  'views.remove': '删除名册视图',
  'imports.commit': '导入名单',
  'imports.undo': '撤销导入',
  'photos.import': '导入照片',
  'photos.export': '导出照片',
};

export const AUDIT_ENTITY_LABELS: Readonly<Record<string, string>> = {
  user: '用户',
  settings: '系统设置',
  students: '学生',
  student: '学生',
  major: '专业',
  class: '班级',
  view: '名册视图',
  import: '导入批次',
  photos: '照片',
};

export const auditActionLabel = (code: string) => AUDIT_ACTION_LABELS[code] ?? code;
export const auditEntityLabel = (code: string) => AUDIT_ENTITY_LABELS[code] ?? code;
