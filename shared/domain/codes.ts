/**
 * Standard code tables (DOMAIN.md §4.3) and the student status model (§5.2).
 *
 * Why hard-coded: these are the fallback when no table exported from 学信网
 * has been loaded (§4.1 prefers the platform's own tables). Codes are always
 * strings ("01", not 1) because 学信网/就业 specs require the leading zero.
 * Lookups are forgiving (full-width, spaces, short names, legacy names)
 * because they serve spreadsheet imports typed by hand.
 */
import { normaliseSpaces, toHalfWidth } from './text';

export interface CodeItem<C extends string = string> {
  readonly code: C;
  readonly name: string;
}

/** Normalise user input for lookups: half-width, no spaces at all (names never contain spaces). */
function key(input: string): string {
  return normaliseSpaces(toHalfWidth(input)).replace(/ /g, '');
}

/** "1", "01", "001" → "01"; anything else → null. */
function twoDigitCode(input: string): string | null {
  const m = /^0*(\d{1,2})$/.exec(input);
  return m ? m[1]!.padStart(2, '0') : null;
}

// ---------------------------------------------------------------------------
// 性别 GB/T 2261.1-2003. Only 男/女 are used in student records (学信网 XB is 男/女).

export type GenderCode = '1' | '2';

export const GENDERS: readonly CodeItem<GenderCode>[] = Object.freeze([
  { code: '1', name: '男' },
  { code: '2', name: '女' },
]);

/** Accepts '1'/'2', 男/女, 男性/女性 (the GB/T 2261.1 full names). */
export function findGender(input: string): CodeItem<GenderCode> | null {
  const k = key(input).replace(/性$/, '');
  return GENDERS.find((g) => g.code === k || g.name === k) ?? null;
}

// ---------------------------------------------------------------------------
// 民族 GB 3304-91: 56 nationalities + 97 其他 + 98 外国血统中国籍人士.

export const ETHNICITIES: readonly CodeItem[] = Object.freeze(
  [
    '汉族', '蒙古族', '回族', '藏族', '维吾尔族', '苗族', '彝族', '壮族',
    '布依族', '朝鲜族', '满族', '侗族', '瑶族', '白族', '土家族', '哈尼族',
    '哈萨克族', '傣族', '黎族', '傈僳族', '佤族', '畲族', '高山族', '拉祜族',
    '水族', '东乡族', '纳西族', '景颇族', '柯尔克孜族', '土族', '达斡尔族', '仫佬族',
    '羌族', '布朗族', '撒拉族', '毛南族', '仡佬族', '锡伯族', '阿昌族', '普米族',
    '塔吉克族', '怒族', '乌孜别克族', '俄罗斯族', '鄂温克族', '德昂族', '保安族', '裕固族',
    '京族', '塔塔尔族', '独龙族', '鄂伦春族', '赫哲族', '门巴族', '珞巴族', '基诺族',
  ]
    .map((name, i) => ({ code: String(i + 1).padStart(2, '0'), name }))
    .concat([
      { code: '97', name: '其他' },
      { code: '98', name: '外国血统中国籍人士' },
    ])
    .map((e) => Object.freeze(e)),
);

/**
 * Names found in legacy data. 毛难族 and 崩龙族 were renamed (毛南族 1986, 德昂族 1985)
 * but old records still carry them; 其它/未识别民族 are common spellings of 97.
 * Province-local groups such as 穿青人 are deliberately absent (not GB 3304).
 */
const ETHNICITY_ALIASES: Readonly<Record<string, string>> = {
  毛难族: '36',
  崩龙族: '46',
  其它: '97',
  未识别民族: '97',
};

const ETHNICITY_BY_NAME: ReadonlyMap<string, CodeItem> = (() => {
  const m = new Map<string, CodeItem>();
  const byCode = new Map(ETHNICITIES.map((e) => [e.code, e]));
  const add = (name: string, item: CodeItem): void => {
    m.set(name, item);
    if (name.endsWith('族') && name.length >= 2) m.set(name.slice(0, -1), item);
  };
  for (const e of ETHNICITIES) add(e.name, e);
  for (const [alias, code] of Object.entries(ETHNICITY_ALIASES)) add(alias, byCode.get(code)!);
  return m;
})();

/** Accepts code ('1', '01'), full name (柯尔克孜族), name without 族 (柯尔克孜) or a legacy name (毛难族). */
export function findEthnicity(input: string): CodeItem | null {
  const k = key(input);
  if (k === '') return null;
  const code = twoDigitCode(k);
  if (code !== null) return ETHNICITIES.find((e) => e.code === code) ?? null;
  return ETHNICITY_BY_NAME.get(k) ?? null;
}

// ---------------------------------------------------------------------------
// 政治面貌 GB/T 4762-1984.

export interface PoliticalStatus extends CodeItem {
  /** 简称 used on forms and in most spreadsheets. */
  readonly shortName: string;
}

export const POLITICAL_STATUSES: readonly PoliticalStatus[] = Object.freeze(
  [
    { code: '01', name: '中国共产党党员', shortName: '中共党员' },
    { code: '02', name: '中国共产党预备党员', shortName: '中共预备党员' },
    { code: '03', name: '中国共产主义青年团团员', shortName: '共青团员' },
    { code: '04', name: '中国国民党革命委员会会员', shortName: '民革会员' },
    { code: '05', name: '中国民主同盟盟员', shortName: '民盟盟员' },
    { code: '06', name: '中国民主建国会会员', shortName: '民建会员' },
    { code: '07', name: '中国民主促进会会员', shortName: '民进会员' },
    { code: '08', name: '中国农工民主党党员', shortName: '农工党党员' },
    { code: '09', name: '中国致公党党员', shortName: '致公党党员' },
    { code: '10', name: '九三学社社员', shortName: '九三学社社员' },
    { code: '11', name: '台湾民主自治同盟盟员', shortName: '台盟盟员' },
    { code: '12', name: '无党派民主人士', shortName: '无党派人士' },
    { code: '13', name: '群众', shortName: '群众' },
  ].map((p) => Object.freeze(p)),
);

/** Everyday spellings seen in hand-typed sheets. */
const POLITICAL_ALIASES: Readonly<Record<string, string>> = {
  党员: '01',
  中共正式党员: '01',
  预备党员: '02',
  团员: '03',
  共青团员: '03',
  民革党员: '04',
};

/** Accepts code ('3', '03'), full name, short name (共青团员) or a common alias (团员). */
export function findPoliticalStatus(input: string): PoliticalStatus | null {
  const k = key(input);
  if (k === '') return null;
  const code = twoDigitCode(k) ?? POLITICAL_ALIASES[k];
  if (code !== undefined && code !== null) return POLITICAL_STATUSES.find((p) => p.code === code) ?? null;
  return POLITICAL_STATUSES.find((p) => p.name === k || p.shortName === k) ?? null;
}

// ---------------------------------------------------------------------------
// 学籍状态 (DOMAIN §5.2). ASCII codes are stored in the database so labels can
// change without a migration. 保留入学资格 is a state of a 新生's record, not a 学籍 (41号令
// 第十条): it is not active, and only a 恢复学籍 order (入学) or a 死亡注销 leaves it.

export const STUDENT_STATUSES = Object.freeze([
  { code: 'enrolled', name: '在籍在校' },
  { code: 'suspended', name: '休学' },
  { code: 'retained', name: '保留学籍' },
  { code: 'admission_retained', name: '保留入学资格' },
  { code: 'withdrawn', name: '退学' },
  { code: 'transferred_out', name: '转出' },
  { code: 'expelled', name: '开除学籍' },
  { code: 'graduated', name: '毕业' },
  { code: 'completed', name: '结业' },
  { code: 'dropped_out', name: '肄业' },
  { code: 'deceased', name: '死亡注销' },
  { code: 'cancelled', name: '取消学籍' },
] as const);

export type StudentStatusCode = (typeof STUDENT_STATUSES)[number]['code'];

/**
 * Statuses in which the student still holds a 学籍: 休学 and 保留学籍 keep it
 * (41号令 第二十六、二十七条). Used for the "one active 学籍 per ID" check.
 */
const ACTIVE_STATUSES: ReadonlySet<string> = new Set<StudentStatusCode>(['enrolled', 'suspended', 'retained']);

export function isActiveStatus(code: string): boolean {
  return ACTIVE_STATUSES.has(code);
}

export function isStudentStatusCode(code: string): code is StudentStatusCode {
  return STUDENT_STATUSES.some((s) => s.code === code);
}

/** Chinese label for a status code, or null if the code is unknown. */
export function studentStatusName(code: string): string | null {
  return STUDENT_STATUSES.find((s) => s.code === code)?.name ?? null;
}

// ---------------------------------------------------------------------------
// 学习形式 / 层次 / 学制. 学信网 stores these as text (XXXS, CC, XZ in §4.1) and no
// national numeric code is confirmed, so the code *is* the exported text.

export const STUDY_FORMS = Object.freeze(
  (['普通全日制', '非全日制', '函授', '业余', '脱产', '网络教育'] as const).map((n) => Object.freeze({ code: n, name: n })),
);
export type StudyForm = (typeof STUDY_FORMS)[number]['code'];

export const EDUCATION_LEVELS = Object.freeze(
  (['专科', '本科'] as const).map((n) => Object.freeze({ code: n, name: n })),
);
export type EducationLevel = (typeof EDUCATION_LEVELS)[number]['code'];

/** 学制 values allowed by 学信网 (XZ, §4.1); name is the display form "3 年". */
export const PROGRAM_LENGTHS = Object.freeze(
  (['1.5', '2', '2.5', '3', '3.5', '4', '4.5', '5', '5.5', '6', '7', '8'] as const).map((c) =>
    Object.freeze({ code: c, name: `${c} 年` }),
  ),
);
export type ProgramLength = (typeof PROGRAM_LENGTHS)[number]['code'];
