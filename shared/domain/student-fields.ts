/**
 * The one catalogue of student fields: the same key in the contract, the same Chinese label in the
 * UI, the export headers and the import mapping. `aliases` are header variants seen in rosters
 * from admissions offices and 学信网.
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

export const STUDENT_FIELDS: readonly StudentField[] = [
  // Not required: admissions rosters have none; the school assigns 学号 after enrolment (学号编排).
  f('studentNo', '学号', 'text', 14, ['学生学号', '学籍号', 'XH']),
  f('examNo', '考生号', 'text', 16, ['考生编号', '高考考生号', '考生号码', 'KSH']),
  f('name', '姓名', 'text', 10, ['学生姓名', '名字', 'XM'], { locked: true, required: true }),
  f('formerName', '曾用名', 'text', 10, ['原名']),
  f('gender', '性别', 'code', 6, ['XB'], { locked: true, required: true }),
  f('birthDate', '出生日期', 'date', 12, ['出生年月', '出生年月日', '生日', 'CSRQ'], { locked: true, required: true }),
  f('idNumber', '身份证号', 'text', 21, ['身份证号码', '证件号码', '证件号', '身份证', '公民身份号码', '身份证件号', '身份证件号码', 'SFZH'], { locked: true, required: true, identifying: 'id' }),
  f('ethnicityCode', '民族', 'code', 10, ['民族名称', 'MZ']),
  f('politicalStatusCode', '政治面貌', 'code', 14, ['政治面目', 'ZZMM']),
  f('nativePlace', '籍贯', 'text', 16, []),
  f('sourceRegion', '生源地', 'text', 16, ['生源所在地', '生源地区']),
  f('householdAddress', '户籍地址', 'text', 30, ['户口所在地', '户籍所在地', '户口地址'], { identifying: 'address' }),
  f('homeAddress', '家庭住址', 'text', 30, ['家庭地址', '通讯地址', '家庭详细地址'], { identifying: 'address' }),
  f('phone', '联系电话', 'text', 14, ['手机号', '手机号码', '手机', '电话', '联系方式', '本人电话', '联系手机', '移动电话'], { identifying: 'phone' }),
  f('email', '电子邮箱', 'text', 24, ['邮箱', 'Email', 'E-mail', '电子邮件']),
  f('enrolmentDate', '入学日期', 'date', 12, ['入学时间', '入学年月', 'RXRQ']),
  f('expectedGraduationDate', '预计毕业日期', 'date', 14, ['预计毕业时间', 'YJBYRQ']),
  f('status', '学籍状态', 'code', 10, ['学籍状况', '在籍状态']),
  f('cohortYear', '年级', 'number', 8, ['入学年级', '入学年份']),
  f('majorName', '专业', 'text', 18, ['专业名称', '所学专业', 'ZYMC']),
  f('className', '班级', 'text', 18, ['班级名称', '所在班级', '班号', 'BH']),
  f('dormitory', '宿舍', 'text', 12, ['宿舍号', '寝室', '寝室号']),
  f('guardianName', '监护人姓名', 'text', 10, ['家长姓名', '监护人']),
  f('guardianRelation', '监护人关系', 'text', 10, ['与本人关系', '关系', '家长关系']),
  f('guardianPhone', '监护人电话', 'text', 14, ['家长电话', '家长联系电话', '监护人联系电话', '家长手机', '家长手机号', '家长手机号码', '监护人手机', '监护人手机号', '监护人手机号码'], { identifying: 'phone' }),
  f('notes', '备注', 'text', 24, ['BZ']),
];

export const FIELD_BY_KEY: Readonly<Record<StudentFieldKey, StudentField>> = Object.fromEntries(STUDENT_FIELDS.map((x) => [x.key, x])) as Record<StudentFieldKey, StudentField>;

export const LOCKED_FIELDS = STUDENT_FIELDS.filter((x) => x.locked).map((x) => x.key);

export function fieldLabel(key: string): string {
  return (FIELD_BY_KEY as Record<string, StudentField | undefined>)[key]?.label ?? key;
}
