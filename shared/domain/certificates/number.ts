/**
 * 学历证书编号 (毕业/结业证书) = 电子注册号, 18 digits (DOMAIN.md §2.1, 教学〔2001〕4号 and
 * 教学司〔2001〕80号): 学校代码(5) + 办学类型(1) + 年份(4) + 培养层次(2) + 序号(6).
 * Pure rules only: the ledger of used numbers lives in the database, which hands `next` in.
 */

/** 办学类型代码 (position 6). */
export const RUN_TYPES = {
  '1': '普通高等教育',
  '5': '成人高等教育',
  '6': '高等教育自学考试/学历文凭考试',
  '7': '网络教育',
} as const;
export type RunTypeCode = keyof typeof RUN_TYPES;

/** 培养层次代码 (positions 11–12). 03 is not used by the rule. */
export const LEVELS = {
  '01': '博士研究生',
  '02': '硕士研究生',
  '04': '第二学士学位',
  '05': '本科',
  '06': '专科（含高职）',
} as const;
export type LevelCode = keyof typeof LEVELS;

export interface CertificateNoParts {
  /** 学校(教育机构)国标代码, 5 digits, e.g. '10223'. */
  schoolCode: string;
  runType: RunTypeCode;
  /** Year of graduation (issue). A 结业 → 毕业 re-issue keeps the original year. */
  year: number;
  level: LevelCode;
  /** 学校编排的证书序号, 1–999999, printed zero-padded. */
  sequence: number;
}

export type CertNoResult<T> = { ok: true; value: T } | { ok: false; problems: string[] };

/** 18-digit numbers exist from 2002 (some schools still issued 17 digits that year). */
export const FIRST_18_DIGIT_YEAR = 2002;
export const MAX_SEQUENCE = 999_999;

/** The latest year a number may carry: next year, since numbers are planned before graduation. */
const lastYear = (today: Date) => today.getFullYear() + 1;

const isRunType = (c: string): c is RunTypeCode => Object.hasOwn(RUN_TYPES, c);
const isLevel = (c: string): c is LevelCode => Object.hasOwn(LEVELS, c);

function yearProblem(year: number, today: Date): string | null {
  if (!Number.isInteger(year) || year < FIRST_18_DIGIT_YEAR || year > lastYear(today))
    return `年份 ${year} 不在 ${FIRST_18_DIGIT_YEAR}–${lastYear(today)} 之间`;
  return null;
}

/** Every problem with the parts, in field order; empty when they make a valid number. */
export function certificatePartsProblems(parts: CertificateNoParts, today: Date = new Date()): string[] {
  const problems: string[] = [];
  if (!/^\d{5}$/.test(parts.schoolCode)) problems.push(`学校代码“${parts.schoolCode}”应为 5 位数字`);
  if (!isRunType(parts.runType)) problems.push(`办学类型代码“${parts.runType}”不存在（可用：${codeList(RUN_TYPES)}）`);
  const y = yearProblem(parts.year, today);
  if (y) problems.push(y);
  if (!isLevel(parts.level)) problems.push(`培养层次代码“${parts.level}”不存在（可用：${codeList(LEVELS)}）`);
  if (!Number.isInteger(parts.sequence) || parts.sequence < 1 || parts.sequence > MAX_SEQUENCE)
    problems.push(`证书序号 ${parts.sequence} 应在 1–${MAX_SEQUENCE} 之间`);
  return problems;
}

const codeList = (table: Record<string, string>) =>
  Object.entries(table)
    .map(([code, name]) => `${code} ${name}`)
    .join('、');

/** The 18-digit number for valid parts, zero-padding the sequence ("以'0'代替,不得出现其它字符"). */
export function assembleCertificateNo(parts: CertificateNoParts, today: Date = new Date()): CertNoResult<string> {
  const problems = certificatePartsProblems(parts, today);
  if (problems.length) return { ok: false, problems };
  return {
    ok: true,
    value: parts.schoolCode + parts.runType + String(parts.year) + parts.level + String(parts.sequence).padStart(6, '0'),
  };
}

/** A 17-digit number from the 2001–2002 era: shown as stored, never split or issued. */
export const isLegacyCertificateNo = (s: string): boolean => /^\d{17}$/.test(s.trim());

/**
 * Splits a typed or imported number into its parts, or says in Chinese everything that is wrong
 * with it. Surrounding blanks (from a pasted cell) are ignored; blanks inside are not.
 */
export function parseCertificateNo(input: string, today: Date = new Date()): CertNoResult<CertificateNoParts> {
  const s = input.trim();
  if (s === '') return { ok: false, problems: ['证书编号为空'] };
  if (!/^\d+$/.test(s)) return { ok: false, problems: ['证书编号只能由数字组成，不能有字母、连字符或空格'] };
  if (s.length !== 18) {
    const legacy = s.length === 17 ? '（17 位是 2002 年前的旧编号，只能查看，不能再发放）' : '';
    return { ok: false, problems: [`证书编号应为 18 位数字，现为 ${s.length} 位${legacy}`] };
  }
  const runType = s.slice(5, 6);
  const level = s.slice(10, 12);
  const problems: string[] = [];
  if (!isRunType(runType)) problems.push(`第 6 位办学类型代码“${runType}”不存在（可用：${codeList(RUN_TYPES)}）`);
  const year = Number(s.slice(6, 10));
  const y = yearProblem(year, today);
  if (y) problems.push(`第 7–10 位${y}`);
  if (!isLevel(level)) problems.push(`第 11–12 位培养层次代码“${level}”不存在（可用：${codeList(LEVELS)}）`);
  const sequence = Number(s.slice(12));
  if (sequence === 0) problems.push('第 13–18 位证书序号不能为 000000');
  if (problems.length || !isRunType(runType) || !isLevel(level)) return { ok: false, problems };
  return { ok: true, value: { schoolCode: s.slice(0, 5), runType, year, level, sequence } };
}

// ---------------------------------------------------------------------------
// 编号编排: which student gets which number

/** The order numbers are handed out in; 按身份证号 is the default most schools use. */
export type CertificateNoOrder = 'idNumber' | 'studentNo' | 'namePinyin';

export const CERTIFICATE_NO_ORDER_LABELS: Record<CertificateNoOrder, string> = {
  idNumber: '按身份证号',
  studentNo: '按学号',
  namePinyin: '按姓名拼音',
};

export interface CertificateCandidate {
  id: number;
  name: string;
  namePinyin: string;
  idNumber: string;
  studentNo: string | null;
  /** 毕业 and 结业 certificates share one sequence (80号). */
  kind: '毕业' | '结业';
  /** A number already issued (e.g. the 结业 number on a 结业 → 毕业 re-issue): kept, never changed. */
  existingNo: string | null;
}

export interface NumberPlanOptions {
  schoolCode: string;
  runType: RunTypeCode;
  year: number;
  level: LevelCode;
  order?: CertificateNoOrder;
  /** The first unused sequence for (school, type, year, level): one past the highest ever issued, voided ones included. */
  next: number;
  today?: Date;
}

export interface PlannedNumber {
  id: number;
  certificateNo: string;
  sequence: number;
}

export type NumberPlan =
  | { ok: true; assigned: PlannedNumber[]; kept: { id: number; certificateNo: string }[] }
  | { ok: false; problems: string[] };

const zhCollator = new Intl.Collator('zh-CN-u-co-pinyin', { numeric: true });
const byText = (a: string | null, b: string | null) => (a === b ? 0 : a == null ? 1 : b == null ? -1 : a < b ? -1 : 1);

/** Candidates in the configured order; ties (and missing 学号, which go last) fall back to ID number, then id. */
export function certificateOrder(list: readonly CertificateCandidate[], order: CertificateNoOrder = 'idNumber'): CertificateCandidate[] {
  const tail = (a: CertificateCandidate, b: CertificateCandidate) => byText(a.idNumber, b.idNumber) || a.id - b.id;
  return [...list].sort((a, b) => {
    if (order === 'studentNo') return byText(a.studentNo || null, b.studentNo || null) || tail(a, b);
    if (order === 'namePinyin') return byText(a.namePinyin, b.namePinyin) || zhCollator.compare(a.name, b.name) || tail(a, b);
    return tail(a, b);
  });
}

/**
 * Gapless numbers from `next` on, in the configured order. All or nothing: when the 6-digit
 * sequence would run past 999999 nothing is planned, so no cohort is ever half-numbered.
 */
export function planNumbers(students: readonly CertificateCandidate[], options: NumberPlanOptions): NumberPlan {
  const { next, today = new Date() } = options;
  const problems: string[] = [];
  if (!Number.isInteger(next) || next < 1) problems.push(`起始序号 ${next} 应为不小于 1 的整数`);
  const probe = certificatePartsProblems({ ...options, sequence: 1 }, today);
  problems.push(...probe);
  if (problems.length) return { ok: false, problems };

  const kept = students.filter((s) => s.existingNo).map((s) => ({ id: s.id, certificateNo: s.existingNo! }));
  const toNumber = certificateOrder(
    students.filter((s) => !s.existingNo),
    options.order,
  );
  const last = next + toNumber.length - 1;
  if (toNumber.length && last > MAX_SEQUENCE)
    return {
      ok: false,
      problems: [`序号将用到 ${last}，超过 6 位序号上限 ${MAX_SEQUENCE}（还可编 ${Math.max(0, MAX_SEQUENCE - next + 1)} 个，需要 ${toNumber.length} 个）`],
    };

  const assigned = toNumber.map((s, i) => {
    const sequence = next + i;
    const r = assembleCertificateNo({ ...options, sequence }, today);
    if (!r.ok) throw new Error(r.problems.join('；')); // unreachable: parts were checked above
    return { id: s.id, certificateNo: r.value, sequence };
  });
  return { ok: true, assigned, kept };
}
