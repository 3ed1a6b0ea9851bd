import { findEthnicity, findPoliticalStatus, studentStatusName } from './codes';
import { KEY_CHANGE_STATUS_LABELS, REQUEST_STATUS_FIELD } from './key-changes';

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
  'keys.rotate': '更换数据密钥',
  'scopes.set': '设置数据范围',
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
  'audit.export': '导出审计日志',
  'studentNumbers.saveRule': '修改学号规则',
  'studentNumbers.assign': '编排学号',
  'keyChanges.request': '提交变更申请',
  'keyChanges.decide': '审批变更申请',
  'keyChanges.withdraw': '撤回变更申请',
  'keyChanges.amend': '修改后重新提交变更申请',
  'statusChanges.file': '提交学籍异动',
  'statusChanges.amend': '重新提交学籍异动',
  'statusChanges.decide': '审批学籍异动',
  'statusChanges.withdraw': '撤回学籍异动',
  'statusChanges.attach': '上传异动材料',
  'statusChanges.serve': '登记决定送达',
  'statusChanges.export': '导出学籍异动月报',
  'statusChanges.form': '打印学籍异动审批表',
  'statusChanges.saveChain': '修改审批流程',
  'statusChanges.savePolicy': '修改学籍管理参数',
  'statusChanges.saveCalendar': '修改节假日安排',
  'statusChanges.flagAbsent': '登记缺勤',
  'statusChanges.clearAbsent': '解除缺勤登记',
  'yearRollover.apply': '学年升级',
  'yearRollover.undo': '撤销学年升级',
  'attachments.upload': '上传附件',
  'views.save': '保存名册视图',
  'views.remove': '删除名册视图',
  'imports.commit': '导入名单',
  'imports.undo': '撤销导入',
  'photos.import': '导入照片',
  'photos.export': '导出照片',
  'photos.set': '设置照片',
  'photos.undo': '撤销照片导入',
  'proofs.issue': '开具证明',
  'plans.save': '保存人才培养方案',
  'plans.import': '导入培养方案课程',
  'grades.import': '导入成绩',
  'grades.save': '录入成绩',
  'warnings.run': '运行学业预警',
  'warnings.saveRuleSet': '修改学业预警规则',
  'warnings.setAbsence': '登记旷课学时',
  'warnings.saveTalk': '记录预警谈话',
  'warnings.savePlan': '保存帮扶计划',
  'warnings.saveFollowUp': '登记帮扶跟进',
  'warnings.issueNotice': '打印学业预警通知书',
  'warnings.recordSend': '登记通知书送达',
  'warnings.recordReceipt': '登记回执收回',
  'grades.saveMethod': '修改绩点计算方法',
  'transcripts.issue': '打印成绩单',
  'transcripts.saveSettings': '修改成绩单设置',
  'certificateTemplates.save': '保存证书模板',
  'certificateTemplates.delete': '删除证书模板',
  'certificateTemplates.setDefault': '设置默认证书模板',
  'certificateTemplates.setBackground': '更换证书模板底图',
  'certificateTemplates.import': '导入证书模板',
  'certificateTemplates.saveSettings': '修改证书设置',
  'printerProfiles.save': '保存打印机校准',
  'printerProfiles.delete': '删除打印机校准',
  'certificates.print': '套打证书',
  'certificates.saveSettings': '修改学历证书编号设置',
  'certificates.assign': '分配学历证书编号',
  'certificates.void': '作废学历证书',
  'certificates.reissue': '结业换发毕业证书',
  'certificates.proof': '出具学历证明书',
  'certificates.hold': '暂缓发证',
  'certificates.releaseHold': '解除暂缓发证',
  'certificateForms.register': '登记空白证书',
  'certificateForms.spoil': '空白证书登记作废',
  'graduation.audit': '毕业资格审核',
  'graduation.override': '调整毕业审核结论',
  'graduation.saveRules': '保存毕业要求',
  'fitness.import': '导入体质健康测试成绩',
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
  audit: '审计日志',
  keys: '数据密钥',
  plan: '培养方案',
  grades: '成绩',
  certificateTemplate: '证书模板',
  printerProfile: '打印机校准',
  certificate: '学历证书',
  certificateForm: '空白证书',
};

/**
 * Chinese names of the fields an audit entry's changes name, beyond the student fields (which
 * take their catalogue label): settings, users, majors and classes, imports and exports.
 */
export const AUDIT_FIELD_LABELS: Readonly<Record<string, string>> = {
  schoolCode: '学校代码',
  certificateNo: '证书编号',
  certificateKind: '证书类别',
  certificateStatus: '证书状态',
  graduationDate: '毕业日期',
  runType: '办学类型',
  certificateOrder: '编号顺序',
  certificateHold: '暂缓发证',
  formSerial: '空白证书编号',
  formStatus: '空白证书状态',
  outcome: '审核结论',
  reason: '原因',
  rules: '毕业要求',
  absenceHours: '旷课学时',
  talkedOn: '谈话日期',
  talkedBy: '谈话人',
  content: '内容',
  studyPlan: '学习计划',
  dueOn: '跟进日期',
  doneOn: '完成日期',
  recipient: '通知对象',
  noticeNo: '通知书编号',
  tier: '预警等级',
  method: '送达方式',
  sentOn: '送达日期',
  mailNo: '挂号信号码',
  phoneLog: '通话记录',
  receivedOn: '回执收回日期',
  schoolName: '学校名称',
  departmentName: '院系名称',
  idleLockMinutes: '空闲自动锁定（分钟）',
  passwordMaxAgeDays: '密码有效期（天）',
  importMaxRows: '单次导入行数上限',
  scope: '数据范围',
  username: '用户名',
  displayName: '姓名',
  role: '角色',
  disabled: '停用',
  code: '代码',
  level: '层次',
  lengthYears: '学制（年）',
  studyForm: '学习形式',
  majorId: '专业',
  headTeacher: '班主任',
  establishedOn: '建班年月',
  classType: '班级类型',
  classId: '班级',
  registered: '已注册学籍',
  guardians: '监护人',
  photo: '照片',
  kind: '类别',
  title: '名称',
  date: '日期',
  endDate: '结束日期',
  docNo: '文号',
  term: '学期',
  fileName: '文件名',
  sheet: '工作表',
  mode: '导入方式',
  rows: '行数',
  imported: '新增人数',
  updated: '更新人数',
  skipped: '跳过行数',
  keyChangeRequests: '提交变更申请数',
  studentNumbers: '编排学号人数',
  undoneAt: '撤销时间',
  columns: '导出的列',
  filter: '筛选条件',
  studentIds: '学生',
  rule: '学号规则',
  photoState: '照片',
  proofKind: '证明种类',
  proofNo: '证明编号',
  [REQUEST_STATUS_FIELD]: '申请状态',
  version: '版本',
  planName: '方案名称',
  note: '说明',
  courses: '课程',
  course: '课程',
  grade: '成绩',
  gpaMethod: '绩点计算方法',
};

/** Student code fields (学籍状态, 性别, 民族, 政治面貌) by their names. */
function codeName(field: string, value: string): string | undefined {
  switch (field) {
    case 'status':
      return studentStatusName(value) ?? undefined;
    case 'gender':
      return value === '1' ? '男' : value === '2' ? '女' : undefined;
    case 'ethnicityCode':
      return findEthnicity(value)?.name;
    case 'politicalStatusCode':
      return findPoliticalStatus(value)?.name;
    default:
      return undefined;
  }
}

/** Stored codes among audit values, by field: shown by their Chinese names. */
const VALUE_LABELS: Readonly<Record<string, Readonly<Record<string, string>>>> = {
  mode: { add: '只添加新学生', update: '更新已有学生' },
  photoState: { present: '有照片', missing: '无照片' },
  proofKind: { enrolment: '在读证明', status: '学籍证明' },
  [REQUEST_STATUS_FIELD]: KEY_CHANGE_STATUS_LABELS,
};

export const auditActionLabel = (code: string) => AUDIT_ACTION_LABELS[code] ?? code;
export const auditEntityLabel = (code: string) => AUDIT_ENTITY_LABELS[code] ?? code;

/** A field of an audit entry by its Chinese name (student fields through `studentLabel`). */
export function auditFieldLabel(field: string, studentLabel: (key: string) => string): string {
  return AUDIT_FIELD_LABELS[field] ?? studentLabel(field);
}

/**
 * An audit value as a person reads it: codes by name, lists joined with 、, a roster filter or a
 * column list by the fields' names, never raw JSON. `label` names fields (as auditFieldLabel does).
 */
export function auditValueText(field: string, value: unknown, label: (key: string) => string): string {
  if (value === null || value === undefined || value === '') return '（空）';
  if (typeof value === 'boolean') return value ? '是' : '否';
  if (typeof value === 'string') return VALUE_LABELS[field]?.[value] ?? codeName(field, value) ?? value;
  if (typeof value === 'number') return String(value);
  if (Array.isArray(value)) {
    if (field === 'columns') return value.map((v) => label(String(v))).join('、');
    if (field === 'studentIds') return `${value.length} 名`;
    return value.map((v) => auditValueText(field, v, label)).join('、');
  }
  if (typeof value === 'object') {
    const parts = Object.entries(value as Record<string, unknown>).filter(([, v]) => v !== undefined && v !== null && v !== '');
    if (parts.length === 0) return field === 'filter' ? '全部学生' : '（空）';
    return parts.map(([k, v]) => `${label(k)}：${auditValueText(k, v, label)}`).join('；');
  }
  return String(value);
}
