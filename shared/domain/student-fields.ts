/**
 * The one catalogue of student fields: the same key in the contract, the same Chinese label in the
 * UI, the export headers and the import mapping. `aliases` are header variants seen in rosters
 * from admissions offices and 学信网. `maxLength` and `format` are the field rules every way in
 * holds to — the form and the server's contract (shared/ipc/schemas/students.ts), the roster
 * import and so the command line (validate-row.ts): checked with fieldTextProblem.
 */
export type FieldKind = 'text' | 'date' | 'code' | 'number';

export interface StudentField {
  key: StudentFieldKey;
  label: string;
  kind: FieldKind;
  aliases: readonly string[];
  /** Identifying data masked in lists for roles without students.identity.read. */
  identifying?: 'id' | 'phone' | 'address';
  /** Locked once the student is registered (注册): changes go through a change request. */
  locked?: boolean;
  required?: boolean;
  /** Excel column width in characters. */
  width: number;
  /** Longest text accepted, in characters (textLength), after trimming. */
  maxLength?: number;
  /** What a text must look like; `rule` completes a sentence after the label (学号只能包含…). */
  format?: { pattern: RegExp; rule: string };
}

export const STUDENT_FIELD_KEYS = [
  'studentNo', 'examNo', 'name', 'formerName', 'gender', 'birthDate', 'idNumber', 'ethnicityCode',
  'politicalStatusCode', 'nativePlace', 'sourceRegion', 'householdAddress', 'homeAddress', 'phone', 'email',
  'enrolmentDate', 'expectedGraduationDate', 'status', 'cohortYear', 'majorName', 'className', 'dormitory',
  'guardianName', 'guardianRelation', 'guardianPhone', 'notes',
] as const;
export type StudentFieldKey = (typeof STUDENT_FIELD_KEYS)[number];

const f = (key: StudentFieldKey, label: string, kind: FieldKind, width: number, aliases: string[] = [], extra: Partial<StudentField> = {}): StudentField => ({
  key, label, kind, width, aliases, ...extra,
});

/** Limits and formats (see StudentField); 班级/专业 as the class and major names themselves (org schemas). */
const max = (maxLength: number, extra: Partial<StudentField> = {}): Partial<StudentField> => ({ maxLength, ...extra });
const CODE_CHARS = { pattern: /^[0-9A-Za-z-]*$/, rule: '只能包含数字、字母和连字符' };
const ALNUM = { pattern: /^[0-9A-Za-z]*$/, rule: '只能包含数字和字母' };

export const STUDENT_FIELDS: readonly StudentField[] = [
  // Not required: admissions rosters have none; the school assigns 学号 after enrolment (学号编排).
  f('studentNo', '学号', 'text', 14, ['学生学号', '学籍号', 'XH'], max(20, { format: CODE_CHARS })),
  f('examNo', '考生号', 'text', 16, ['考生编号', '高考考生号', '考生号码', 'KSH'], max(20, { format: ALNUM })),
  f('name', '姓名', 'text', 10, ['学生姓名', '名字', 'XM'], max(40, { locked: true, required: true })),
  f('formerName', '曾用名', 'text', 10, ['原名'], max(40)),
  f('gender', '性别', 'code', 6, ['XB'], { locked: true, required: true }),
  f('birthDate', '出生日期', 'date', 12, ['出生年月', '出生年月日', '生日', 'CSRQ'], { locked: true, required: true }),
  f('idNumber', '身份证号', 'text', 21, ['身份证号码', '证件号码', '证件号', '身份证', '公民身份号码', '身份证件号', '身份证件号码', 'SFZH'], max(30, { locked: true, required: true, identifying: 'id' })),
  f('ethnicityCode', '民族', 'code', 10, ['民族名称', 'MZ']),
  f('politicalStatusCode', '政治面貌', 'code', 14, ['政治面目', 'ZZMM']),
  f('nativePlace', '籍贯', 'text', 16, [], max(40)),
  f('sourceRegion', '生源地', 'text', 16, ['生源所在地', '生源地区'], max(40)),
  f('householdAddress', '户籍地址', 'text', 30, ['户口所在地', '户籍所在地', '户口地址'], max(120, { identifying: 'address' })),
  f('homeAddress', '家庭住址', 'text', 30, ['家庭地址', '通讯地址', '家庭详细地址'], max(120, { identifying: 'address' })),
  f('phone', '联系电话', 'text', 14, ['手机号', '手机号码', '手机', '电话', '联系方式', '本人电话', '联系手机', '移动电话'], max(20, { identifying: 'phone' })),
  f('email', '电子邮箱', 'text', 24, ['邮箱', 'Email', 'E-mail', '电子邮件'], max(100)),
  f('enrolmentDate', '入学日期', 'date', 12, ['入学时间', '入学年月', 'RXRQ']),
  f('expectedGraduationDate', '预计毕业日期', 'date', 14, ['预计毕业时间', 'YJBYRQ']),
  f('status', '学籍状态', 'code', 10, ['学籍状况', '在籍状态']),
  f('cohortYear', '年级', 'number', 8, ['入学年级', '入学年份']),
  f('majorName', '专业', 'text', 18, ['专业名称', '所学专业', 'ZYMC'], max(50)),
  f('className', '班级', 'text', 18, ['班级名称', '所在班级', '班号', 'BH'], max(40)),
  f('dormitory', '宿舍', 'text', 12, ['宿舍号', '寝室', '寝室号'], max(30)),
  f('guardianName', '监护人姓名', 'text', 10, ['家长姓名', '监护人'], max(20)),
  f('guardianRelation', '监护人关系', 'text', 10, ['与本人关系', '关系', '家长关系'], max(10)),
  f('guardianPhone', '监护人电话', 'text', 14, ['家长电话', '家长联系电话', '监护人联系电话', '家长手机', '家长手机号', '家长手机号码', '监护人手机', '监护人手机号', '监护人手机号码'], max(20, { identifying: 'phone' })),
  f('notes', '备注', 'text', 24, ['BZ'], max(500)),
];

export const FIELD_BY_KEY: Readonly<Record<StudentFieldKey, StudentField>> = Object.fromEntries(STUDENT_FIELDS.map((x) => [x.key, x])) as Record<StudentFieldKey, StudentField>;

export const LOCKED_FIELDS = STUDENT_FIELDS.filter((x) => x.locked).map((x) => x.key);

export function fieldLabel(key: string): string {
  return (FIELD_BY_KEY as Record<string, StudentField | undefined>)[key]?.label ?? key;
}

/** Characters as a person counts them: a rare Chinese character outside the BMP (𠮷) is one, not two. */
export function textLength(text: string): number {
  let n = 0;
  for (const _ of text) n++;
  return n;
}

export interface FieldTextProblem {
  rule: 'maxLength' | 'format';
  /** The end of a sentence after the field's label or cell: 备注 + 不能超过 500 个字符，现有 501 个字符. */
  message: string;
}

/** What is wrong with a (trimmed) text for this field by the table's rules; null when nothing is. */
export function fieldTextProblem(key: StudentFieldKey, text: string): FieldTextProblem | null {
  const { maxLength, format } = FIELD_BY_KEY[key];
  // A text no longer in UTF-16 units than the limit is no longer in characters either: no count needed.
  if (maxLength !== undefined && text.length > maxLength) {
    const length = textLength(text);
    if (length > maxLength) return { rule: 'maxLength', message: `不能超过 ${maxLength} 个字符，现有 ${length} 个字符` };
  }
  if (format && !format.pattern.test(text)) return { rule: 'format', message: format.rule };
  return null;
}
