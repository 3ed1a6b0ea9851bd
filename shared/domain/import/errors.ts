/**
 * Stable error codes of the spreadsheet import (花名册导入) and the issue type every
 * importer stage reports. Codes are part of the contract: the renderer, the error
 * report workbook and saved import logs refer to them, so never rename one — add
 * a new code instead. Descriptions are the short Chinese explanation shown next to
 * the code (e.g. in the legend of the error report); the per-cell `message` of an
 * issue says what exactly is wrong in that cell.
 *
 * Pure: no I/O, no Node/Electron imports.
 */
import type { StudentFieldKey } from '../student-fields';

export const IMPORT_ERROR_CODES = Object.freeze({
  REQUIRED: '必填项为空',
  CELL_ERROR: '单元格是公式错误值（如 #N/A、#REF!）',
  TEXT_FORMAT: '文本格式不正确',
  TEXT_TOO_LONG: '文字超过该项的长度上限（与手工录入相同）',
  FORMULA_LIKE_TEXT: '以 =、+、-、@ 开头的文字：按原样保存，导出时前面加单引号（提示）',
  NUMBER_FORMAT: '数字格式不正确',
  DATE_FORMAT: '无法识别的日期格式',
  DATE_INVALID: '日期不存在或超出合理范围',
  GENDER_UNKNOWN: '无法识别的性别',
  ETHNICITY_UNKNOWN: '无法识别的民族（应为 GB 3304 民族名称或代码）',
  POLITICAL_UNKNOWN: '无法识别的政治面貌（应为 GB/T 4762 名称或代码）',
  STATUS_UNKNOWN: '无法识别的学籍状态',
  PHONE_FORMAT: '电话号码格式不正确',
  EMAIL_FORMAT: '电子邮箱格式不正确',
  ID_AS_NUMBER: '身份证号被 Excel 当作数字保存，末尾数字已丢失',
  ID_FORMAT: '身份证号位数或字符不正确',
  ID_REGION: '身份证号地址码（前 2 位省级代码）无效',
  ID_BIRTH_INVALID: '身份证号中的出生日期不存在',
  ID_BIRTH_FUTURE: '身份证号中的出生日期晚于当前日期',
  ID_CHECKSUM: '身份证号校验位（第 18 位）错误',
  ID_LEGACY_CONVERTED: '15 位身份证号已自动转换为 18 位（提示）',
  ID_REGION_UNCHECKED: '身份证号地址码未核对（提示）',
  BIRTH_MISMATCH: '出生日期与身份证号不一致',
  GENDER_MISMATCH: '性别与身份证号不一致',
  DUPLICATE_IN_FILE: '与文件中其他行重复',
  DUPLICATE_IN_DB: '与系统中已有学生重复',
  UNKNOWN_CLASS: '系统中没有该班级',
  UNKNOWN_MAJOR: '系统中没有该专业',
  OUT_OF_SCOPE: '不在您负责的班级范围内（数据范围）',
  KEY_FIELD_LOCKED: '学生已注册，关键字段（姓名、性别、出生日期、身份证号）不能通过导入修改，需走变更审批',
  STATUS_NOT_IMPORTED: '学籍状态不能通过导入修改，须办理学籍异动',
  STUDENT_NO_UNASSIGNABLE: '无法按学号编排规则为该生编排学号',
  // Grade sheets (成绩导入) and plan course lists (培养方案课程导入), issue 15.
  UNKNOWN_STUDENT: '系统中没有该学生（按学号或身份证号查找）',
  STUDENT_MISMATCH: '学号与身份证号不是系统中的同一名学生',
  NAME_MISMATCH: '姓名与系统中该学号（身份证号）的学生不一致',
  NO_PLAN: '学生没有班级，或班级没有适用的人才培养方案',
  UNKNOWN_COURSE: '课程代码不在该生所在班级适用的人才培养方案中',
  COURSE_NAME_MISMATCH: '课程名称与培养方案中的名称不同（提示）',
  SCORE_OUT_OF_RANGE: '成绩超出 0–100',
  GRADE_FORMAT: '无法识别的成绩',
  ATTEMPT_KIND_UNKNOWN: '无法识别的考试性质（应为正考、补考、重修、缓考或免修）',
  TERM_FORMAT: '无法识别的学年学期（应如 2025-2026-1）',
  GRADE_SCALE_MISMATCH: '成绩与课程的记分方式不同，按文件原样记录（提示）',
  ATTEMPT_EXISTS: '系统中已有这次考试的成绩（每门课程只能有一条正考、缓考、免修；同一学期的补考、重修只能有一条）',
  ALREADY_RECORDED: '系统中已有完全相同的成绩，该行不再导入（提示）',
  VALUE_UNKNOWN: '不是该项可选的值',
  PLAN_MIXED: '一个文件只能导入一个培养方案：各行的专业、年级应相同',
  // 体质健康测试成绩导入, issue 16.
  SCHOOL_YEAR_FORMAT: '无法识别的学年（应如 2025-2026）',
  SCORE_REPLACES: '系统中已有该学生该学年的体质健康测试成绩，导入后替换（提示）',
} as const);

export type ImportErrorCode = keyof typeof IMPORT_ERROR_CODES;

export type ImportSeverity = 'error' | 'warning';

/** A problem with one cell; K is the import's field keys (the roster's student fields by default). */
export interface ImportIssue<K extends string = StudentFieldKey> {
  /** 1-based row number as Excel shows it. */
  row: number;
  /** Column header text as it appears in the file (or the field label when the column is absent). */
  column: string;
  field: K;
  code: ImportErrorCode;
  /** Complete Chinese sentence naming the row, the column and the reason. */
  message: string;
  severity: ImportSeverity;
}

export function isImportErrorCode(code: string): code is ImportErrorCode {
  return Object.prototype.hasOwnProperty.call(IMPORT_ERROR_CODES, code);
}

/** `第 5 行“出生年月”` — the common prefix of every cell message. */
export function cellRef(row: number, column: string): string {
  return `第 ${row} 行“${column}”`;
}

/**
 * Builds an issue whose message is `第 5 行“出生年月”：<reason>`. Stages that need a
 * different sentence shape (e.g. BIRTH_MISMATCH) pass `message` directly instead.
 */
export function makeIssue<K extends string = StudentFieldKey>(
  args: Omit<ImportIssue<K>, 'message' | 'severity'> & { reason?: string; message?: string; severity?: ImportSeverity },
): ImportIssue<K> {
  const { reason, message, severity, ...rest } = args;
  const text = message ?? `${cellRef(rest.row, rest.column)}：${reason ?? IMPORT_ERROR_CODES[rest.code]}`;
  return { ...rest, message: text, severity: severity ?? 'error' };
}
