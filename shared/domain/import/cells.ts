/**
 * Spreadsheet cell values as exceljs yields them, and their flattening to text.
 *
 * Why a separate module: every normaliser starts from "what did the user see in the
 * cell?", and exceljs answers with six different shapes (rich text, formulas,
 * hyperlinks, error values, dates, numbers). Numbers in particular must come out as
 * the digits the user typed (20050901, not 2.0050901e7), while the fact that the
 * cell *was* a number must survive, because a numeric ID-number cell has already
 * lost digits (DOMAIN §1.5).
 *
 * Pure: no I/O, no Node/Electron imports.
 */

export interface RichTextCell {
  richText: { text: string }[];
}
export interface FormulaCell {
  formula?: string;
  result?: unknown;
}
export interface HyperlinkCell {
  text: string;
  hyperlink: string;
}
export interface ErrorCell {
  error: string;
}

export type CellValue =
  | string
  | number
  | boolean
  | Date
  | null
  | RichTextCell
  | FormulaCell
  | HyperlinkCell
  | ErrorCell;

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !(v instanceof Date);
}

function isRichText(v: unknown): v is RichTextCell {
  return isObject(v) && Array.isArray(v['richText']);
}

function isError(v: unknown): v is ErrorCell {
  return isObject(v) && typeof v['error'] === 'string';
}

function isHyperlink(v: unknown): v is { text: unknown; hyperlink: string } {
  return isObject(v) && typeof v['hyperlink'] === 'string' && 'text' in v;
}

/** Formula cells: `{ formula, result }` or exceljs' shared-formula variant `{ sharedFormula, result }`. */
function isFormula(v: unknown): v is FormulaCell {
  return isObject(v) && ('formula' in v || 'sharedFormula' in v || 'result' in v);
}

/**
 * Unwraps formula results (a formula whose result is itself a hyperlink, etc.) down
 * to the value the user sees. Depth-limited as a guard against malformed input.
 */
export function cellDisplayValue(v: unknown): unknown {
  let cur = v;
  for (let i = 0; i < 5 && isFormula(cur) && !isRichText(cur) && !isError(cur) && !isHyperlink(cur); i++) {
    cur = cur.result;
  }
  return cur;
}

/** The cell holds (or its formula evaluates to) a JS number. */
export function isNumericCell(v: unknown): boolean {
  const d = cellDisplayValue(v);
  return typeof d === 'number';
}

/** The cell holds (or its formula evaluates to) an Excel error value such as #N/A. */
export function isErrorCell(v: unknown): boolean {
  return isError(cellDisplayValue(v));
}

/** The numeric value of a numeric cell, else null. */
export function cellNumber(v: unknown): number | null {
  const d = cellDisplayValue(v);
  return typeof d === 'number' ? d : null;
}

/**
 * Expands exponent notation so numbers never print as 2.0050901e+7 or 1e-7.
 * Integers up to 2^53 print exactly; larger ones print the digits the double
 * actually holds (which is why ID numbers must not be numbers at all).
 */
export function numberToPlainString(n: number): string {
  if (!Number.isFinite(n)) return String(n);
  if (Object.is(n, -0)) return '0';
  const s = String(n);
  const m = /^(-?)(\d)(?:\.(\d+))?e([+-]\d+)$/.exec(s);
  if (!m) return s;
  const sign = m[1]!;
  const digits = m[2]! + (m[3] ?? '');
  const exp = Number(m[4]);
  // The decimal point sits after the first digit; move it by `exp`.
  const point = 1 + exp;
  if (point <= 0) return `${sign}0.${'0'.repeat(-point)}${digits}`;
  if (point >= digits.length) return sign + digits + '0'.repeat(point - digits.length);
  return `${sign}${digits.slice(0, point)}.${digits.slice(point)}`;
}

function dateText(d: Date): string {
  if (Number.isNaN(d.getTime())) return '';
  const iso = new Date(Math.round(d.getTime() / 1000) * 1000).toISOString();
  const time = iso.slice(11, 19);
  // exceljs gives date-only cells as UTC midnight.
  return time === '00:00:00' ? iso.slice(0, 10) : `${iso.slice(0, 10)} ${time}`;
}

/**
 * Flattens any cell value to the text the user sees: rich-text runs joined,
 * formula → its cached result, hyperlink → its text, error → the error literal
 * (#N/A), number → plain digits, Date → `YYYY-MM-DD` (UTC, as exceljs stores
 * dates), boolean → TRUE/FALSE, empty → ''. Not trimmed: normalisers decide that.
 * Typed `unknown` so exceljs' own CellValue can be passed without a cast.
 */
export function cellText(v: unknown): string {
  const d = cellDisplayValue(v);
  if (d === null || d === undefined) return '';
  if (typeof d === 'string') return d;
  if (typeof d === 'number') return numberToPlainString(d);
  if (typeof d === 'boolean') return d ? 'TRUE' : 'FALSE';
  if (d instanceof Date) return dateText(d);
  if (isRichText(d)) return d.richText.map((r) => (typeof r?.text === 'string' ? r.text : '')).join('');
  if (isHyperlink(d)) return cellText(d.text);
  if (isError(d)) return d.error;
  if (isFormula(d)) return '';
  return '';
}

const NOT_BLANK = /[^\s\u3000\u00a0\u200b]/;

/** Empty after flattening and trimming (a cell holding only spaces counts as empty). */
export function isEmptyCell(v: unknown): boolean {
  // Fast answers for the plain values that make up nearly every cell.
  if (v === null || v === undefined) return true;
  if (typeof v === 'string') return !NOT_BLANK.test(v);
  if (v instanceof Date) return Number.isNaN(v.getTime());
  if (typeof v === 'number') return false;
  return cellText(v).replace(/[\s\u3000\u00a0\u200b]/g, '') === '';
}
