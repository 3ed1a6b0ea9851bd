/**
 * Per-kind normalisers for imported spreadsheet cells. Each takes the raw cell
 * (as exceljs yields it) and returns either the canonical value or an error code
 * with a Chinese reason. The reason describes the value only; validate-row.ts
 * prefixes it with the row and column (`第 5 行“出生年月”：…`).
 *
 * Conventions shared by every normaliser:
 * - An empty cell (or one holding only spaces) is `{ ok: true, value: null }`;
 *   whether it may be empty is the caller's decision (REQUIRED).
 * - A cell holding an Excel error value (#N/A, #REF!…) is CELL_ERROR.
 * - Full-width ASCII (１２３ＡＢＣ（）) is folded to half-width before parsing.
 *
 * Pure: no I/O, no Node/Electron imports.
 */
import { addDays, getDaysInMonth, isExists } from 'date-fns';
import { findEthnicity, findGender, findPoliticalStatus, STUDENT_STATUSES, type GenderCode, type StudentStatusCode } from '../codes';
import { validateIdNumber, type IdErrorCode } from '../idcard';
import { unescapeFormulaText } from '../spreadsheet-text';
import { normaliseSpaces, toHalfWidth } from '../text';
import { cellDisplayValue, cellNumber, cellText, isErrorCell, isNumericCell, type CellValue } from './cells';
import type { ImportErrorCode } from './errors';

export interface NormaliseWarning {
  code: ImportErrorCode;
  message: string;
}

export interface NormaliseOk<T> {
  ok: true;
  /** null when the cell is empty. */
  value: T | null;
  /** Non-blocking remarks (e.g. a 15-digit ID was converted). */
  warnings?: NormaliseWarning[];
}

export interface NormaliseFail {
  ok: false;
  code: ImportErrorCode;
  /** Chinese reason about the value, without the row/column prefix. */
  message: string;
}

export type NormaliseResult<T> = NormaliseOk<T> | NormaliseFail;

type Input = CellValue | undefined;

const EMPTY: NormaliseOk<never> = Object.freeze({ ok: true, value: null }) as NormaliseOk<never>;

function ok<T>(value: T, warnings?: NormaliseWarning[]): NormaliseOk<T> {
  return warnings && warnings.length > 0 ? { ok: true, value, warnings } : { ok: true, value };
}

function fail(code: ImportErrorCode, message: string): NormaliseFail {
  return { ok: false, code, message };
}

/** Shortens long values quoted in messages. */
function quote(s: string): string {
  const chars = Array.from(s);
  return `“${chars.length > 40 ? `${chars.slice(0, 40).join('')}…` : s}”`;
}

/**
 * Common preamble: error cells fail, empty cells yield null, otherwise the
 * half-width, space-normalised text.
 */
function prepare(v: Input): { kind: 'fail'; result: NormaliseFail } | { kind: 'empty' } | { kind: 'text'; text: string } {
  if (isErrorCell(v)) {
    return { kind: 'fail', result: fail('CELL_ERROR', `单元格是错误值 ${cellText(v)}（通常是公式引用出错），请改为实际内容`) };
  }
  // A quote the app's own workbooks put before formula-like text (spreadsheet-text.ts) is not part of it.
  const text = unescapeFormulaText(normaliseSpaces(toHalfWidth(cellText(v))));
  return text === '' ? { kind: 'empty' } : { kind: 'text', text };
}

// ---------------------------------------------------------------------------
// Text

/** Trim, collapse whitespace, full-width ASCII → half-width (Chinese kept); empty → null. */
export function normaliseText(v: Input): NormaliseResult<string> {
  const p = prepare(v);
  if (p.kind === 'fail') return p.result;
  if (p.kind === 'empty') return EMPTY;
  return ok(p.text);
}

const CJK = '\\u3400-\\u9fff\\uf900-\\ufaff';
const SPACE_BETWEEN_CJK = new RegExp(`(?<=[${CJK}]) (?=[${CJK}·])|(?<=[${CJK}·]) (?=[${CJK}])`, 'g');
/** Middle-dot look-alikes typed in minority names (阿卜杜•艾力, 阿卜杜.艾力) → U+00B7 as on ID cards. */
const DOT_VARIANTS = /[•‧・∙⋅●.·]/g;
const HAS_CJK = new RegExp(`[${CJK}]`);
const DOT_BETWEEN_CJK = new RegExp(`(?<=[${CJK}]) ?${DOT_VARIANTS.source} ?(?=[${CJK}])`, 'g');

/**
 * Person names: as normaliseText, plus the spaces that rosters insert to align
 * two-character names ("张　三" → "张三") are removed and dot look-alikes between
 * Chinese characters become "·". Latin names keep their spaces.
 */
export function normaliseName(v: Input): NormaliseResult<string> {
  const r = normaliseText(v);
  if (!r.ok || r.value === null) return r;
  let name = r.value.replace(SPACE_BETWEEN_CJK, '');
  if (HAS_CJK.test(name)) name = name.replace(DOT_BETWEEN_CJK, '·');
  return ok(name);
}

/** Codes such as 学号/考生号: as normaliseText, with every space removed. */
export function normaliseIdentifier(v: Input): NormaliseResult<string> {
  const r = normaliseText(v);
  if (!r.ok || r.value === null) return r;
  return ok(r.value.replace(/ /g, ''));
}

// ---------------------------------------------------------------------------
// Dates

export type DatePrecision = 'day' | 'month';

export type DateResult = (NormaliseOk<string> & { precision?: DatePrecision }) | NormaliseFail;

const MIN_YEAR = 1900;
const MAX_YEAR = 2100;
/** Excel's last serial (9999-12-31). */
const MAX_SERIAL = 2958465;

function dateFromParts(y: number, m: number, d: number, precision: DatePrecision, shown: string): DateResult {
  if (y < MIN_YEAR || y > MAX_YEAR) {
    return fail('DATE_INVALID', `${quote(shown)}的年份 ${y} 超出合理范围（${MIN_YEAR}–${MAX_YEAR}）`);
  }
  if (m < 1 || m > 12) return fail('DATE_INVALID', `${quote(shown)}不是有效日期：月份应为 1–12，实际为 ${m}`);
  if (!isExists(y, m - 1, d)) {
    const days = getDaysInMonth(new Date(y, m - 1, 1));
    return fail('DATE_INVALID', `${quote(shown)}不是有效日期：${y} 年 ${m} 月只有 ${days} 天`);
  }
  return { ok: true, value: isoDate(y, m, d), precision };
}

/**
 * YYYY-MM-DD (y is 1900–2100 wherever a value is kept: four digits). Formatted by hand: date-fns
 * format costs ~10 µs, and this runs for every date cell of a 50,000-row import.
 */
function isoDate(y: number, m: number, d: number): string {
  return `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

/**
 * Excel serial day number → date. Excel counts 1900-01-01 as day 1 and keeps the
 * Lotus bug that 1900 was a leap year, so serial 60 is the non-existent
 * 1900-02-29 and every later serial is one day ahead of a true day count.
 */
function dateFromSerial(n: number): DateResult {
  const serial = Math.floor(n);
  const shown = cellText(n);
  if (serial === 60) return fail('DATE_INVALID', `Excel 日期序号 60 对应不存在的 1900-02-29`);
  if (serial < 1 || serial > MAX_SERIAL) {
    return fail('DATE_FORMAT', `数字 ${shown} 不是日期，请填写如 2005-09-01 的日期`);
  }
  const base = serial < 60 ? new Date(1899, 11, 31) : new Date(1899, 11, 30);
  const d = addDays(base, serial);
  return dateFromParts(d.getFullYear(), d.getMonth() + 1, d.getDate(), 'day', shown);
}


/** [regex, precision]; groups are year, month, day (day absent for month precision). */
const DATE_PATTERNS: readonly [RegExp, DatePrecision][] = [
  [/^(\d{4})([-/.])(\d{1,2})\2(\d{1,2})$/, 'day'],
  [/^(\d{4})(\d{2})(\d{2})$/, 'day'],
  [/^(\d{4})年(\d{1,2})月(\d{1,2})[日号]?$/, 'day'],
  [/^(\d{4})年(\d{1,2})月?$/, 'month'],
  [/^(\d{4})[-/.](\d{1,2})$/, 'month'],
  [/^(\d{4})(\d{2})$/, 'month'],
];

/** Trailing time of day as in "2005-09-01 00:00:00" or an ISO timestamp. */
const TIME_SUFFIX = /(?:[ T]\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)$/;

function dateFromText(text: string): DateResult {
  const s = text.replace(TIME_SUFFIX, '').replace(/ /g, '');
  for (const [re, precision] of DATE_PATTERNS) {
    const m = re.exec(s);
    if (!m) continue;
    const nums = m.slice(1).filter((g) => g !== undefined && /^\d+$/.test(g)).map(Number);
    const [y, mo, d] = nums as [number, number, number | undefined];
    return dateFromParts(y, mo, precision === 'day' ? (d ?? 1) : 1, precision, text);
  }
  return fail('DATE_FORMAT', `无法识别日期${quote(text)}，请填写如 2005-09-01、2005/9/1、20050901 或 2005年9月1日 的日期`);
}

/**
 * Dates in every form rosters use, to ISO `YYYY-MM-DD`:
 * - JS Date from exceljs (UTC midnight → the UTC calendar date);
 * - Excel serial numbers (38596 → 2005-09-01), and numbers typed as 20050901;
 * - text 2005-09-01, 2005-9-1, 2005/09/01, 2005.9.1, 20050901, 2005年9月1日, full-width digits;
 * - month precision 2005年09月, 2005-09, 200509 → the 1st of the month, `precision: 'month'`.
 * Impossible dates (2005-02-30, month 13) → DATE_INVALID; anything else → DATE_FORMAT.
 */
export function normaliseDate(v: Input): DateResult {
  const d = cellDisplayValue(v);
  // A date cell (the usual case) is read as it is, without first being formatted to text.
  if (d instanceof Date) {
    if (Number.isNaN(d.getTime())) return fail('DATE_FORMAT', '单元格中的日期无效');
    // Round away sub-second float noise from the serial → Date conversion, then read the UTC date.
    const r = new Date(Math.round(d.getTime() / 1000) * 1000);
    const [y, m, day] = [r.getUTCFullYear(), r.getUTCMonth() + 1, r.getUTCDate()];
    return dateFromParts(y, m, day, 'day', isoDate(y, m, day));
  }
  const p = prepare(v);
  if (p.kind === 'fail') return p.result;
  if (p.kind === 'empty') return EMPTY;
  if (isNumericCell(v)) {
    const n = cellNumber(v)!;
    if (Number.isInteger(n) && n >= 19000101 && n <= 21001231) return dateFromText(String(n));
    if (Number.isInteger(n) && n >= 190001 && n <= 210012) return dateFromText(String(n));
    if (Number.isInteger(n) && n >= MIN_YEAR && n <= MAX_YEAR) {
      return fail('DATE_FORMAT', `只填写了年份 ${n}，请填写完整日期，如 ${n}-09-01`);
    }
    return dateFromSerial(n);
  }
  return dateFromText(p.text);
}

// ---------------------------------------------------------------------------
// Code tables

const GENDER_LATIN: Readonly<Record<string, GenderCode>> = { m: '1', male: '1', f: '2', female: '2' };

/** 男/女/男性/女性/1/2/M/F/Male/Female → '1' | '2' (GB/T 2261.1). */
export function normaliseGender(v: Input): NormaliseResult<GenderCode> {
  const p = prepare(v);
  if (p.kind === 'fail') return p.result;
  if (p.kind === 'empty') return EMPTY;
  const found = findGender(p.text)?.code ?? GENDER_LATIN[p.text.replace(/ /g, '').toLowerCase()];
  if (found) return ok(found);
  return fail('GENDER_UNKNOWN', `无法识别性别${quote(p.text)}，应填写“男”或“女”（或 1 男、2 女）`);
}

/** Code (1, 01) or name with/without 族, old names (毛难族, 崩龙族) → 2-digit GB 3304 code. */
export function normaliseEthnicity(v: Input): NormaliseResult<string> {
  const p = prepare(v);
  if (p.kind === 'fail') return p.result;
  if (p.kind === 'empty') return EMPTY;
  const found = findEthnicity(p.text);
  if (found) return ok(found.code);
  return fail('ETHNICITY_UNKNOWN', `无法识别民族${quote(p.text)}，应填写民族名称（如“汉族”“蒙古族”）或两位代码（如 01）`);
}

/** Code (3, 03), full name, short name or common alias (团员) → 2-digit GB/T 4762 code. */
export function normalisePoliticalStatus(v: Input): NormaliseResult<string> {
  const p = prepare(v);
  if (p.kind === 'fail') return p.result;
  if (p.kind === 'empty') return EMPTY;
  const found = findPoliticalStatus(p.text);
  if (found) return ok(found.code);
  return fail(
    'POLITICAL_UNKNOWN',
    `无法识别政治面貌${quote(p.text)}，应填写如“共青团员”“中共党员”“群众”的名称或两位代码（如 03）`,
  );
}

/**
 * Labels seen in rosters, besides the STUDENT_STATUSES names themselves.
 * 保留入学资格 is deliberately absent: such a student holds no 学籍 (DOMAIN §5.2).
 */
const STATUS_ALIASES: Readonly<Record<string, StudentStatusCode>> = {
  在籍: 'enrolled',
  在校: 'enrolled',
  在读: 'enrolled',
  在籍在读: 'enrolled',
  正常: 'enrolled',
  注册: 'enrolled',
  已注册: 'enrolled',
  保留: 'retained',
  退学: 'withdrawn',
  转学: 'transferred_out',
  转出: 'transferred_out',
  开除: 'expelled',
  死亡: 'deceased',
  注销: 'deceased',
};

/** 学籍状态 label (在籍在校/在籍/在校/休学/…) or its code (enrolled) → status code. */
export function normaliseStatus(v: Input): NormaliseResult<StudentStatusCode> {
  const p = prepare(v);
  if (p.kind === 'fail') return p.result;
  if (p.kind === 'empty') return EMPTY;
  const k = p.text.replace(/ /g, '');
  const byName = STUDENT_STATUSES.find((s) => s.name === k || s.code === k.toLowerCase());
  const code = byName?.code ?? STATUS_ALIASES[k];
  if (code) return ok(code);
  const names = STUDENT_STATUSES.map((s) => s.name).join('、');
  return fail('STATUS_UNKNOWN', `无法识别学籍状态${quote(p.text)}，应为：${names}`);
}

// ---------------------------------------------------------------------------
// Numbers

/** 年级: 2025, “2025级”, “2025年”, “2025届” → 2025. */
export function normaliseCohortYear(v: Input): NormaliseResult<number> {
  const p = prepare(v);
  if (p.kind === 'fail') return p.result;
  if (p.kind === 'empty') return EMPTY;
  const m = /^(\d{4})(?:\.0+)?(?:级|年级|年|届)?$/.exec(p.text.replace(/ /g, ''));
  const y = m ? Number(m[1]) : NaN;
  if (Number.isInteger(y) && y >= MIN_YEAR && y <= MAX_YEAR) return ok(y);
  return fail('NUMBER_FORMAT', `无法识别年级${quote(p.text)}，应填写四位入学年份，如 2025`);
}

// ---------------------------------------------------------------------------
// ID numbers

export interface IdCellInfo {
  /** YYYY-MM-DD from positions 7–14. */
  birthDate: string;
  /** From the parity of position 17. */
  gender: GenderCode;
  legacyConverted: boolean;
}

export type IdCellResult = (NormaliseOk<string> & { id?: IdCellInfo }) | NormaliseFail;

const ID_CODE_MAP: Readonly<Record<Exclude<IdErrorCode, 'EMPTY' | 'LEGACY_NOT_ALLOWED'>, ImportErrorCode>> = {
  FORMAT: 'ID_FORMAT',
  REGION: 'ID_REGION',
  BIRTH_INVALID: 'ID_BIRTH_INVALID',
  BIRTH_FUTURE: 'ID_BIRTH_FUTURE',
  CHECKSUM: 'ID_CHECKSUM',
  NUMERIC_PRECISION: 'ID_AS_NUMBER',
};

const ID_AS_NUMBER_HINT =
  '请将该列的单元格格式设置为“文本”，再按原始证件重新录入身份证号（不能直接把单元格改为文本：丢失的数字无法恢复）';

/**
 * ID number cells (DOMAIN §1.5), for import: legacy 15-digit numbers are accepted
 * and converted to 18 digits with a warning (§1.3).
 * - A numeric cell of 16+ digits, a string like 1.10105E+17, or an 18-digit value
 *   ending in 000 that fails the check digit → ID_AS_NUMBER (Excel kept only 15
 *   significant digits; the rest are gone). A numeric cell of ≤ 15 digits is
 *   exact and is checked like text.
 * - Lower-case x → X, full-width → half-width, spaces removed.
 * - Other failures → ID_FORMAT / ID_REGION / ID_BIRTH_INVALID / ID_BIRTH_FUTURE /
 *   ID_CHECKSUM with validateIdNumber's message.
 */
export function normaliseIdCell(v: Input, asOf: Date): IdCellResult {
  const p = prepare(v);
  if (p.kind === 'fail') return p.result;
  if (p.kind === 'empty') return EMPTY;
  const num = cellNumber(v);
  if (num !== null && Math.abs(num) >= 1e15) {
    // Shown the way Excel's General format shows it.
    const shown = num.toExponential(5).replace(/\.?0+e/, 'e').replace('e+', 'E+');
    return fail('ID_AS_NUMBER', `身份证号“${shown}”被 Excel 当作数字保存，末尾数字已丢失。${ID_AS_NUMBER_HINT}`);
  }
  // Numbers below 1e15 are exact integers (15-digit legacy numbers never contain X).
  const raw = num !== null ? cellText(num) : p.text;
  const r = validateIdNumber(raw, { asOf, allowLegacy15: true });
  if (!r.ok) {
    if (r.code === 'EMPTY') return EMPTY;
    if (r.code === 'NUMERIC_PRECISION') {
      return fail('ID_AS_NUMBER', `${r.message.replace(/。?请将该列.*$/, '')}。${ID_AS_NUMBER_HINT}`);
    }
    const code = r.code === 'LEGACY_NOT_ALLOWED' ? 'ID_FORMAT' : ID_CODE_MAP[r.code];
    return fail(code, r.message);
  }
  const warnings: NormaliseWarning[] = r.warnings.map((message) => ({
    code: r.legacyConverted && message.includes('15 位') ? 'ID_LEGACY_CONVERTED' : 'ID_REGION_UNCHECKED',
    message,
  }));
  return { ...ok(r.id, warnings), id: { birthDate: r.birthDate, gender: r.gender, legacyConverted: r.legacyConverted } };
}

// ---------------------------------------------------------------------------
// Phone and e-mail

const MOBILE = /^1[3-9]\d{9}$/;
/** 0 + area code (2–3 digits after the 0) + 7–8 digit local number. */
const LANDLINE = /^0\d{2,3}\d{7,8}$/;

/**
 * Phone numbers → digits only. Accepts spaces, hyphens and brackets as separators
 * (138 1234 5678, (0755)1234-5678), strips a +86 / 0086 / 86 country prefix.
 * Valid: an 11-digit mobile starting with 1[3-9], or a landline with area code
 * (0 + 2–3 digits + 7–8 digits). Anything else → PHONE_FORMAT.
 */
export function normalisePhone(v: Input): NormaliseResult<string> {
  const p = prepare(v);
  if (p.kind === 'fail') return p.result;
  if (p.kind === 'empty') return EMPTY;
  const text = p.text;
  if (!/^\+?[\d\s()\-]+$/.test(text)) {
    return fail('PHONE_FORMAT', `电话号码${quote(text)}含有数字以外的字符；每格只填一个号码，手机号为 11 位，座机需带区号`);
  }
  let digits = text.replace(/\D/g, '');
  // Country prefix before a mobile number: +86 / 86 / 0086 (a landline never starts with 86 + 11 digits).
  const country = /^(?:0086|86)(1\d{10})$/.exec(digits);
  if (country) digits = country[1]!;
  if (MOBILE.test(digits) || LANDLINE.test(digits)) return ok(digits);
  const numericHint = isNumericCell(v) && /^[1-9]\d{8,10}$/.test(digits) && !digits.startsWith('1')
    ? '（座机号开头的 0 可能因单元格是数字格式而丢失，请将该列设置为“文本”后重新录入）'
    : '';
  return fail('PHONE_FORMAT', `电话号码${quote(text)}格式不正确：手机号应为 1 开头的 11 位数字，座机应带区号（如 010-12345678）${numericHint}`);
}

const EMAIL = /^[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]+@[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?)+$/;

/** E-mail: half-width, no spaces, a `mailto:` prefix dropped, domain lower-cased. */
export function normaliseEmail(v: Input): NormaliseResult<string> {
  const p = prepare(v);
  if (p.kind === 'fail') return p.result;
  if (p.kind === 'empty') return EMPTY;
  const s = p.text.replace(/^mailto:/i, '').replace(/ /g, '').replace(/。/g, '.');
  if (!EMAIL.test(s)) {
    return fail('EMAIL_FORMAT', `电子邮箱${quote(p.text)}格式不正确，应类似 name@example.com，且每格只填一个邮箱`);
  }
  const at = s.lastIndexOf('@');
  return ok(s.slice(0, at) + s.slice(at).toLowerCase());
}
