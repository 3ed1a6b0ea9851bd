/**
 * Serials of blank pre-printed certificate forms (空白证书): letters then a zero-padded number, e.g.
 * "No.0012001" or "A000123". The ledger keeps the letters and the number apart so it sorts as the
 * stack lies (No.9 before No.10) and a range is every number between its two ends.
 */

export interface FormSerial {
  prefix: string;
  number: number;
  /** Digits printed, zeros included: "0012001" → 7. */
  width: number;
}

/** At most this many sheets in one registration: a typo in a range end must not make a million rows. */
export const MAX_RANGE_SHEETS = 20_000;

const SERIAL = /^(.*?)(\d+)$/;

export function parseFormSerial(input: string): FormSerial | { problem: string } {
  const s = input.trim();
  if (s === '') return { problem: '空白证书编号为空' };
  if (/\s/.test(s)) return { problem: `空白证书编号“${s}”中不能有空格` };
  const m = SERIAL.exec(s);
  if (!m) return { problem: `空白证书编号“${s}”应以数字结尾（如 No.0012001）` };
  if (m[2]!.length > 12) return { problem: `空白证书编号“${s}”的数字部分超过 12 位` };
  return { prefix: m[1]!, number: Number(m[2]), width: m[2]!.length };
}

export const formatFormSerial = (s: FormSerial): string => s.prefix + String(s.number).padStart(s.width, '0');

/** Every serial from `from` to `to`, both included, or why the range is not one. */
export function formSerialRange(from: string, to: string): { ok: true; prefix: string; first: number; last: number; serials: string[] } | { ok: false; problem: string } {
  const a = parseFormSerial(from);
  if ('problem' in a) return { ok: false, problem: `起始编号：${a.problem}` };
  const b = parseFormSerial(to);
  if ('problem' in b) return { ok: false, problem: `结束编号：${b.problem}` };
  if (a.prefix !== b.prefix) return { ok: false, problem: `起始编号“${from.trim()}”与结束编号“${to.trim()}”的字母部分不同` };
  if (a.width !== b.width) return { ok: false, problem: `起始编号“${from.trim()}”与结束编号“${to.trim()}”的数字位数不同` };
  if (b.number < a.number) return { ok: false, problem: `结束编号“${to.trim()}”小于起始编号“${from.trim()}”` };
  const sheets = b.number - a.number + 1;
  if (sheets > MAX_RANGE_SHEETS) return { ok: false, problem: `一次登记 ${sheets} 张，超过上限 ${MAX_RANGE_SHEETS} 张，请分段登记` };
  const serials = Array.from({ length: sheets }, (_, i) => formatFormSerial({ prefix: a.prefix, number: a.number + i, width: a.width }));
  return { ok: true, prefix: a.prefix, first: a.number, last: b.number, serials };
}
