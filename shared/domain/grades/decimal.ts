import Decimal from 'decimal.js';

/**
 * The grades module's own Decimal: a clone, so a precision or rounding set elsewhere on the global
 * Decimal cannot change a GPA. 40 significant digits keeps a GPA's repeating quotient (…/3, …/7)
 * far beyond any display; rounding happens only in formatGpa, half up (四舍五入) as schools print.
 */
export const Dec = Decimal.clone({ precision: 40, rounding: Decimal.ROUND_HALF_UP });
export type Dec = Decimal;

const DECIMAL_TEXT = /^\d+(\.\d+)?$/;

/**
 * A credit or score given as a number or decimal text, read exactly. A number goes through its
 * shortest decimal text (0.1 → '0.1'), which is what the user typed, not the binary float.
 */
export function exact(value: number | string, what: string): Dec {
  if (typeof value === 'number') {
    if (!Number.isFinite(value) || value < 0) throw new RangeError(`${what}: ${value}`);
    return new Dec(String(value));
  }
  const text = value.trim();
  if (!DECIMAL_TEXT.test(text)) throw new RangeError(`${what}: ${value}`);
  return new Dec(text);
}
