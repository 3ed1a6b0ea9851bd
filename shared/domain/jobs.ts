import type { Permission } from './permissions';

/**
 * Long work runs as a job (core/jobs.ts): progress events, 取消 that ends with a CANCELLED outcome,
 * and a place in 后台任务 that survives leaving the page. Each kind names what it does in the UI
 * and the permission needed to start, watch or cancel it.
 */
export const JOB_KINDS = {
  'roster.read': { label: '读取名单文件', permission: 'students.write' },
  'roster.check': { label: '检查名单', permission: 'students.write' },
  'roster.commit': { label: '导入名单', permission: 'students.write' },
  'photos.import': { label: '导入照片', permission: 'students.write' },
  'students.export': { label: '导出名单', permission: 'students.export' },
  'audit.export': { label: '导出审计日志', permission: 'audit.read' },
  'keys.rotate': { label: '更换数据密钥', permission: 'users.manage' },
  'proofs.issue': { label: '开具证明', permission: 'students.write' },
  'statusChanges.export': { label: '导出学籍异动月报', permission: 'students.export' },
  'statusChanges.form': { label: '打印学籍异动审批表', permission: 'students.read' },
  // Files that used to travel as base64 in a call's answer: each a job whose output the host saves.
  'attachments.download': { label: '下载附件', permission: 'students.identity.read' },
  'photos.export': { label: '导出照片', permission: 'students.identity.read' },
  'roster.errorReport': { label: '生成问题清单', permission: 'students.write' },
  'roster.template': { label: '生成导入模板', permission: 'students.write' },
  'warnings.run': { label: '运行学业预警', permission: 'warnings.manage' },
  'transcripts.print': { label: '打印成绩单', permission: 'certificates.print' },
  // The grade and plan-course imports (issue 15): the same pipeline, their own permission.
  'gradeImport.read': { label: '读取成绩文件', permission: 'grades.write' },
  'gradeImport.check': { label: '检查成绩', permission: 'grades.write' },
  'gradeImport.commit': { label: '导入成绩', permission: 'grades.write' },
  'gradeImport.errorReport': { label: '生成成绩问题清单', permission: 'grades.write' },
  'gradeImport.template': { label: '生成成绩导入模板', permission: 'grades.write' },
  'courseImport.read': { label: '读取课程文件', permission: 'plans.write' },
  'courseImport.check': { label: '检查培养方案课程', permission: 'plans.write' },
  'courseImport.commit': { label: '导入培养方案课程', permission: 'plans.write' },
  'courseImport.errorReport': { label: '生成课程问题清单', permission: 'plans.write' },
  'courseImport.template': { label: '生成课程导入模板', permission: 'plans.write' },
  // The 体质健康 import (issue 16): scores entered like grades.
  'fitnessImport.read': { label: '读取体质健康测试文件', permission: 'grades.write' },
  'fitnessImport.check': { label: '检查体质健康测试成绩', permission: 'grades.write' },
  'fitnessImport.commit': { label: '导入体质健康测试成绩', permission: 'grades.write' },
  'fitnessImport.errorReport': { label: '生成体质健康测试问题清单', permission: 'grades.write' },
  'fitnessImport.template': { label: '生成体质健康测试导入模板', permission: 'grades.write' },
  'warnings.notice': { label: '打印学业预警通知书', permission: 'warnings.manage' },
  'certificates.print': { label: '套打证书', permission: 'certificates.print' },
  'certificates.calibration': { label: '打印校准页', permission: 'certificates.print' },
  'certificateTemplates.export': { label: '导出证书模板', permission: 'certificates.print' },
  'graduation.audit': { label: '毕业资格审核', permission: 'graduation.audit' },
  'graduation.export': { label: '导出毕业审核结果', permission: 'grades.read' },
} as const satisfies Record<string, { label: string; permission: Permission }>;

export type JobKind = keyof typeof JOB_KINDS;
export const JOB_KIND_KEYS = Object.keys(JOB_KINDS) as [JobKind, ...JobKind[]];
