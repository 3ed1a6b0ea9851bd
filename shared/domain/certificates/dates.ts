import { getDate, getMonth, getYear, isValid, parse } from 'date-fns';

/**
 * The two date forms printed on diplomas (出生日期, 入学/毕业日期): 二〇〇五年九月一日 and
 * 2005年9月1日. Input is the stored ISO day 'yyyy-MM-dd'; date-fns decides whether it exists.
 */

export type DateText = { ok: true; text: string } | { ok: false; problem: string };

const DIGITS = ['〇', '一', '二', '三', '四', '五', '六', '七', '八', '九'] as const;

/** 1–31 as written in dates: 九, 十, 十一, 二十, 二十一, 三十一 (never 一十 or 二十〇). */
function numeral(n: number): string {
  if (n < 10) return DIGITS[n]!;
  const tens = Math.floor(n / 10);
  const ones = n % 10;
  return (tens === 1 ? '' : DIGITS[tens]!) + '十' + (ones === 0 ? '' : DIGITS[ones]!);
}

/** Reads 'yyyy-MM-dd' strictly (two-digit month and day), or says why not. */
function readDay(iso: string): { ok: true; date: Date } | { ok: false; problem: string } {
  const s = iso.trim();
  if (!/^\d{4}-\d{2}-\d{2}$/.test(s)) return { ok: false, problem: `日期“${iso}”格式应为 年-月-日，如 2005-09-01` };
  const date = parse(s, 'yyyy-MM-dd', new Date(2000, 0, 1));
  if (!isValid(date) || getYear(date) < 1) return { ok: false, problem: `日期“${iso}”不存在` };
  return { ok: true, date };
}

/** '2005-09-01' → '二〇〇五年九月一日'; year digits one by one, month and day as numbers. */
export function chineseNumeralDate(iso: string): DateText {
  const r = readDay(iso);
  if (!r.ok) return r;
  const year = String(getYear(r.date))
    .padStart(4, '0')
    .split('')
    .map((d) => DIGITS[Number(d)])
    .join('');
  return { ok: true, text: `${year}年${numeral(getMonth(r.date) + 1)}月${numeral(getDate(r.date))}日` };
}

/** '2005-09-01' → '2005年9月1日' (no leading zeros). */
export function arabicChineseDate(iso: string): DateText {
  const r = readDay(iso);
  if (!r.ok) return r;
  return { ok: true, text: `${getYear(r.date)}年${getMonth(r.date) + 1}月${getDate(r.date)}日` };
}
