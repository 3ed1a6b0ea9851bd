/**
 * 公民身份号码 (GB 11643-1999) validation, conversion and masking.
 * Implements DOMAIN.md §1.5. Pure: no I/O, no Node/Electron imports.
 *
 * Why in-house rather than an npm validator: the popular ones either accept
 * impossible dates (0230), reject 830000 台湾居民居住证 numbers, or give no
 * reason for a rejection (DOMAIN §1.6). Counselors need to be told exactly
 * which character is wrong, because the fix is usually a typo.
 */
import { format, isAfter, isExists, isValid, parse } from 'date-fns';
import { PROVINCES } from './regions';
import { toHalfWidth } from './text';

export type IdErrorCode =
  | 'EMPTY'
  | 'FORMAT'
  | 'LEGACY_NOT_ALLOWED'
  | 'REGION'
  | 'BIRTH_INVALID'
  | 'BIRTH_FUTURE'
  | 'CHECKSUM'
  | 'NUMERIC_PRECISION';

/** GB/T 2261.1: '1' 男, '2' 女. */
export type IdGender = '1' | '2';

export interface IdValidationOptions {
  /** Reference "today": birth dates after it are rejected. Passed in so the function stays pure/testable. */
  asOf: Date;
  /** Accept 15-digit first-generation numbers and convert them (legacy import only, DOMAIN §1.3). */
  allowLegacy15?: boolean;
  /**
   * Optional set of known 6-digit GB/T 2260 codes. An unknown code only yields a
   * warning: address codes are never re-issued after a district is renamed, so an
   * old-but-genuine code may be missing from any single table (DOMAIN §1.1).
   */
  regionTable?: ReadonlySet<string>;
}

export interface IdValid {
  ok: true;
  /** Normalised 18-character number (upper-case X). */
  id: string;
  /** YYYY-MM-DD */
  birthDate: string;
  gender: IdGender;
  /** Positions 1–6. */
  regionCode: string;
  /** True when a 15-digit number was upgraded to 18 digits. */
  legacyConverted: boolean;
  /** Non-blocking remarks, in Chinese, for display. */
  warnings: string[];
}

export interface IdInvalid {
  ok: false;
  code: IdErrorCode;
  /** Chinese message saying exactly what is wrong. */
  message: string;
}

export type IdValidationResult = IdValid | IdInvalid;

/** W[i] = 2^(17-i) mod 11 (ISO 7064 MOD 11-2). */
const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2] as const;
/** Check character indexed by (Σ A[i]·W[i]) mod 11. */
const CHECK_CHARS = '10X98765432';
/** Birth years before this are certainly typos (the oldest published example is 1880). */
const MIN_BIRTH_YEAR = 1800;
const FORMAT_HINT = '18 位（17 位数字加一位数字或 X）';

/**
 * Trim, drop every kind of space (people type IDs in groups: "110105 19491231 002X"),
 * full-width → half-width, lower-case x → X.
 */
export function normaliseIdNumber(raw: string): string {
  return toHalfWidth(raw)
    .replace(/[\s\u3000\u00a0\u200b]/g, '')
    .replace(/x/g, 'X');
}

/** ISO 7064 MOD 11-2 check character for the first 17 digits. Throws on non-17-digit input (programming error). */
export function idCheckChar(first17: string): string {
  if (!/^\d{17}$/.test(first17)) {
    throw new RangeError(`idCheckChar expects 17 digits, got "${first17}"`);
  }
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(first17.charCodeAt(i) - 48) * WEIGHTS[i]!;
  return CHECK_CHARS[sum % 11]!;
}

/**
 * 15-digit (GB 11643-1989) → 18-digit: insert the century "19" before YYMMDD and
 * append the check character. All 15-digit numbers were issued to people born
 * in the 1900s, so "19" is always right. Throws on non-15-digit input.
 */
export function upgradeLegacyId(id15: string): string {
  const id = normaliseIdNumber(id15);
  if (!/^\d{15}$/.test(id)) {
    throw new RangeError(`upgradeLegacyId expects 15 digits, got "${id15}"`);
  }
  const first17 = `${id.slice(0, 6)}19${id.slice(6)}`;
  return first17 + idCheckChar(first17);
}

/**
 * Detects ID numbers damaged by Excel treating them as numbers. Excel keeps only
 * 15 significant digits, so an 18-digit ID either shows as 1.10105E+17 or has
 * its last three digits replaced with 000. JS numbers ≥ 1e15 are likewise past
 * the point where a full ID can be trusted (and no valid ID is a number anyway
 * once it may end in X).
 */
export function looksLikeNumericPrecisionLoss(raw: string | number): boolean {
  if (typeof raw === 'number') return Number.isFinite(raw) && Math.abs(raw) >= 1e15;
  const s = normaliseIdNumber(raw);
  if (/^\d+(\.\d+)?E\+?\d+$/i.test(s)) return true;
  return /^\d{15}000$/.test(s) && idCheckChar(s.slice(0, 17)) !== s[17];
}

function fail(code: IdErrorCode, message: string): IdInvalid {
  return { ok: false, code, message };
}

function numericPrecisionError(shown: string): IdInvalid {
  return fail(
    'NUMERIC_PRECISION',
    `身份证号“${shown}”已被 Excel 当作数字处理，末尾数字已丢失（Excel 只保留 15 位有效数字）。` +
      '请将该列的单元格格式设置为“文本”，然后重新录入身份证号',
  );
}

/** Explain a malformed value: wrong length, or which position holds an illegal character. */
function formatError(id: string): IdInvalid {
  const chars = Array.from(id);
  if (chars.length !== 18) {
    return fail('FORMAT', `身份证号应为 ${FORMAT_HINT}，实际为 ${chars.length} 位`);
  }
  const bad = chars.findIndex((c, i) => !(i < 17 ? /\d/.test(c) : /[\dX]/.test(c)));
  const pos = bad + 1;
  const rule = bad < 17 ? '前 17 位只能是数字' : '第 18 位只能是数字或 X';
  return fail('FORMAT', `身份证号第 ${pos} 位“${chars[bad] ?? ''}”无效：${rule}`);
}

/**
 * Validate and explain an ID number (DOMAIN §1.5). Accepts the raw cell value
 * (string or, from spreadsheets, number). Order of checks follows the spec so
 * the first message is the most useful one: emptiness, Excel damage, shape,
 * province, birth date, then check character.
 */
export function validateIdNumber(
  raw: string | number | null | undefined,
  opts: IdValidationOptions,
): IdValidationResult {
  if (raw === null || raw === undefined) return fail('EMPTY', '身份证号不能为空');
  if (typeof raw === 'number') {
    if (looksLikeNumericPrecisionLoss(raw)) return numericPrecisionError(String(raw));
  }
  const original = String(raw);
  let id = normaliseIdNumber(original);
  if (id === '') return fail('EMPTY', '身份证号不能为空');
  if (/^\d+(\.\d+)?E\+?\d+$/i.test(id)) return numericPrecisionError(original.trim());

  const warnings: string[] = [];
  let legacyConverted = false;

  if (/^\d{15}$/.test(id)) {
    if (!opts.allowLegacy15) {
      return fail(
        'LEGACY_NOT_ALLOWED',
        '这是 15 位的第一代身份证号，新录入的记录必须填写 18 位身份证号（15 位号码仅在导入历史数据时自动转换为 18 位）',
      );
    }
    const yymmdd = id.slice(6, 12);
    if (!isValid(parse(`19${yymmdd}`, 'yyyyMMdd', new Date(0)))) {
      return fail('BIRTH_INVALID', `15 位身份证号中的出生日期 ${yymmdd}（即 19${yymmdd}）不是有效日期`);
    }
    const upgraded = upgradeLegacyId(id);
    warnings.push(`已将 15 位身份证号 ${id} 转换为 18 位 ${upgraded}`);
    id = upgraded;
    legacyConverted = true;
  }

  if (!/^\d{17}[\dX]$/.test(id)) return formatError(id);

  const regionCode = id.slice(0, 6);
  if (id[0] === '9') {
    // 外国人永久居留身份证 (2023版): positions 2–6 carry province + nationality codes whose
    // exact layout is not confirmed (DOMAIN §1.4 [V]), so only date and checksum are checked.
    warnings.push('号码以 9 开头，按外国人永久居留身份证号码校验，未核对地址码');
  } else {
    const province = id.slice(0, 2);
    if (PROVINCES[province] === undefined) {
      return fail('REGION', `身份证号前 2 位“${province}”不是有效的省级行政区划代码`);
    }
    const isHkMoTw = regionCode === '810000' || regionCode === '820000' || regionCode === '830000';
    if (opts.regionTable && !isHkMoTw && !opts.regionTable.has(regionCode)) {
      warnings.push(`地址码 ${regionCode} 不在行政区划代码表中（可能是已撤销的旧代码），请核对`);
    }
  }

  const ymd = id.slice(6, 14);
  const by = Number(ymd.slice(0, 4));
  const bm = Number(ymd.slice(4, 6));
  const bd = Number(ymd.slice(6, 8));
  // date-fns isExists checks the calendar (month lengths, leap years) without parsing a string,
  // which matters when this runs for every row of a 50,000-row import.
  if (!isExists(by, bm - 1, bd)) {
    return fail('BIRTH_INVALID', `身份证号中的出生日期 ${ymd} 不是有效日期`);
  }
  if (by < MIN_BIRTH_YEAR) {
    return fail('BIRTH_INVALID', `身份证号中的出生日期 ${ymd} 不是有效日期（年份早于 ${MIN_BIRTH_YEAR} 年）`);
  }
  const birthDate = `${ymd.slice(0, 4)}-${ymd.slice(4, 6)}-${ymd.slice(6, 8)}`;
  if (isAfter(new Date(by, bm - 1, bd), opts.asOf)) {
    return fail(
      'BIRTH_FUTURE',
      `身份证号中的出生日期 ${birthDate} 晚于当前日期 ${format(opts.asOf, 'yyyy-MM-dd')}，不可能是真实的出生日期`,
    );
  }

  const expected = idCheckChar(id.slice(0, 17));
  const actual = id[17]!;
  if (expected !== actual) {
    // Excel damage replaces the last three digits with 000; say so instead of "wrong check digit".
    if (id.endsWith('000')) return numericPrecisionError(original.trim());
    return fail('CHECKSUM', `身份证号校验位错误：按 GB 11643 计算，第 18 位应为 ${expected}，实际为 ${actual}`);
  }

  const gender: IdGender = Number(id[16]) % 2 === 1 ? '1' : '2';
  return { ok: true, id, birthDate, gender, regionCode, legacyConverted, warnings };
}

// ---------------------------------------------------------------------------
// Masking (display/export default, DOMAIN §1.5 and §9): never reveal the
// birth date or the full number; odd input is masked rather than echoed.

/** Keep `head` leading and `tail` trailing characters, star the rest (by code point). */
function maskMiddle(chars: string[], head: number, tail: number): string {
  const stars = chars.length - head - tail;
  return chars.slice(0, head).join('') + '*'.repeat(stars) + chars.slice(chars.length - tail).join('');
}

/**
 * 11010519491231002X → 110105********002X (first 6 + 8 stars + last 4).
 * Other lengths ≥ 12 keep the same head/tail; shorter input keeps at most a
 * quarter at each end so most of it is always hidden.
 */
export function maskIdNumber(id: string | null | undefined): string {
  if (!id) return '';
  const chars = Array.from(normaliseIdNumber(id));
  if (chars.length >= 12) return maskMiddle(chars, 6, 4);
  const keep = Math.floor(chars.length / 4);
  return maskMiddle(chars, keep, keep);
}

/**
 * A birth date shown beside a masked ID number keeps only its year: the masked digits of an ID
 * number are exactly the birth date, so showing it whole would give them back.
 */
export function maskBirthDate(date: string | null | undefined): string {
  if (!date) return '';
  const year = /^\d{4}/.exec(date)?.[0];
  return year ? `${year}-**-**` : '****-**-**';
}

/** 13812345678 → 138****5678. Other lengths keep 3 + 4 when long enough, otherwise only the last 2. */
export function maskPhone(phone: string | null | undefined): string {
  if (!phone) return '';
  const chars = Array.from(toHalfWidth(phone).replace(/\s/g, ''));
  if (chars.length >= 11) return maskMiddle(chars, 3, 4);
  if (chars.length > 4) return maskMiddle(chars, 0, 2);
  return '*'.repeat(chars.length);
}

/**
 * Keeps the first 6 characters (roughly province + city) then "****".
 * Addresses of 6 characters or fewer keep only half, so the mask never
 * shows the whole value.
 */
export function maskAddress(address: string | null | undefined): string {
  if (!address) return '';
  const chars = Array.from(address.trim());
  if (chars.length === 0) return '';
  const keep = chars.length > 6 ? 6 : Math.floor(chars.length / 2);
  return `${chars.slice(0, keep).join('')}****`;
}
