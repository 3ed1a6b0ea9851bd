/**
 * zod's own messages in Chinese, for every process that validates (main process, CLI, renderer,
 * tests): imported for its effect by the contract and by schemas/common.ts, so whoever loads a
 * schema has it. A message written in a schema still wins; this only fills in the rest.
 *
 * zod's zh-CN locale is the base, but it names types and sizes in English ("期望 string <=30 字符",
 * "实际接收 undefined"), so the issues people actually meet are worded here, naming the field in
 * Chinese when the path ends at one we know. Field keys themselves never appear in a message.
 */
import { z } from 'zod';
import { FIELD_BY_KEY } from '../domain/student-fields';

const LABELS: Readonly<Record<string, string>> = {
  ...Object.fromEntries(Object.values(FIELD_BY_KEY).map((f) => [f.key, f.label])),
  // Keys whose meaning depends on where they sit are labelled below (guardians) or left out (name, code, id).
  username: '用户名',
  password: '密码',
  oldPassword: '原密码',
  newPassword: '新密码',
  displayName: '姓名',
  role: '角色',
  recoveryKey: '恢复密钥',
  schoolCode: '学校代码',
  schoolName: '学校名称',
  departmentName: '院系名称',
  idleLockMinutes: '自动锁定时间',
  passwordMaxAgeDays: '密码有效期',
  classId: '班级',
  majorId: '专业',
  headTeacher: '班主任',
  establishedOn: '建班日期',
  lengthYears: '学制',
  studyForm: '学习形式',
  level: '层次',
  reason: '申请理由',
  comment: '审批意见',
  ids: '所选学生',
  fileName: '文件名',
  sheet: '工作表',
  page: '页码',
  pageSize: '每页条数',
  students: '学生人数',
  from: '开始时间',
  to: '结束时间',
};

const GUARDIAN_LABELS: Readonly<Record<string, string>> = {
  name: '监护人姓名',
  relation: '监护人关系',
  phone: '监护人电话',
  workUnit: '工作单位',
};

/** The Chinese name of the field an issue is about, or '' when the path ends somewhere unnamed. */
export function fieldLabelOf(path: readonly PropertyKey[] | undefined): string {
  if (!path) return '';
  const keys = path.filter((k): k is string => typeof k === 'string' && !/^\d+$/.test(k));
  const last = keys.at(-1);
  if (last === undefined) return '';
  if (keys.at(-2) === 'guardians') return GUARDIAN_LABELS[last] ?? '';
  if (last === 'guardians') return '监护人';
  return LABELS[last] ?? '';
}

const TYPE_NAMES: Readonly<Record<string, string>> = {
  string: '文字',
  number: '数字',
  int: '整数',
  bigint: '整数',
  boolean: '是或否',
  array: '列表',
  object: '一组内容',
  date: '日期',
  null: '空值',
};

const SIZE_UNITS: Readonly<Record<string, string>> = { string: '个字符', array: '项', set: '项', file: '字节', map: '项' };

type Issue = z.core.$ZodRawIssue;

/** The message for one issue zod raised without a message of its own; undefined leaves it to zh-CN. */
export function chineseMessage(issue: Issue): string | undefined {
  const label = fieldLabelOf(issue.path);
  const the = (fallback: string) => label || fallback;
  switch (issue.code) {
    case 'invalid_type': {
      if (issue.input === undefined) return label ? `请填写${label}` : '缺少必填的内容';
      const type = TYPE_NAMES[issue.expected] ?? '其他类型';
      return `${the('输入的内容')}应为${type}`;
    }
    case 'too_big': {
      const max = String(issue.maximum);
      const unit = SIZE_UNITS[issue.origin];
      if (unit) return `${the(issue.origin === 'string' ? '内容' : '列表')}不能超过 ${max} ${unit}`;
      if (issue.origin === 'date') return `${the('日期')}不能晚于 ${max}`;
      return issue.inclusive ? `${the('数值')}不能大于 ${max}` : `${the('数值')}应小于 ${max}`;
    }
    case 'too_small': {
      const min = String(issue.minimum);
      const unit = SIZE_UNITS[issue.origin];
      if (issue.origin === 'string' && Number(issue.minimum) <= 1 && issue.inclusive !== false) return label ? `请填写${label}` : '内容不能为空';
      if (issue.origin === 'array' && Number(issue.minimum) <= 1 && issue.inclusive !== false) return `${the('列表')}不能为空`;
      if (unit) return `${the(issue.origin === 'string' ? '内容' : '列表')}至少 ${min} ${unit}`;
      if (issue.origin === 'date') return `${the('日期')}不能早于 ${min}`;
      return issue.inclusive ? `${the('数值')}不能小于 ${min}` : `${the('数值')}应大于 ${min}`;
    }
    case 'invalid_format':
      if (issue.format === 'email') return '电子邮箱格式不正确';
      return `${the('输入的内容')}格式不正确`;
    case 'invalid_value':
      return `${the('所选的值')}不在可选范围内`;
    case 'not_multiple_of':
      return `${the('数值')}应为 ${String(issue.divisor)} 的倍数`;
    case 'unrecognized_keys':
      return `包含无法识别的内容（${issue.keys.length} 项）`;
    case 'invalid_union':
      return `${the('输入的内容')}格式不正确`;
    case 'invalid_key':
    case 'invalid_element':
      return `${the('输入的内容')}中有无效的项`;
    case 'custom':
      return `${the('输入的内容')}无效`;
    default:
      return undefined;
  }
}

z.config(z.locales.zhCN());
z.config({ customError: chineseMessage });
