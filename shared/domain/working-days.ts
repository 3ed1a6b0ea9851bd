import { addDays, differenceInCalendarDays, format, isValid, isWeekend, parseISO } from 'date-fns';

/**
 * Working days (工作日) and calendar days for 学籍异动 deadlines: how long an order has waited at a step,
 * and the appeal windows of 《普通高等学校学生管理规定》(教育部令第41号).
 *
 * Every date is a 'yyyy-MM-dd' string meaning a local calendar day. They are parsed with parseISO (a
 * date-only string becomes local midnight) and stepped with addDays (which moves the calendar day, not
 * 24 hours), so neither a UTC offset (Asia/Shanghai midnight is the previous day in UTC) nor a DST
 * change can move a date.
 */

/**
 * The year's 放假调休 arrangement. China moves weekend days around public holidays, so a weekday can be a
 * day off and a weekend day a working day; both lists are needed.
 */
export interface HolidayCalendar {
  /** Days off that would otherwise be weekdays (the Monday–Friday days of 春节, 国庆…). */
  readonly holidays: readonly string[];
  /** Saturdays and Sundays that are working days (调休上班). */
  readonly workdays: readonly string[];
}

/**
 * 国务院办公厅关于2026年部分节假日安排的通知 (国务院办公厅, 2025-11-04), reduced to the two lists: only the
 * weekdays of each 放假 span are holidays (its weekend days are off anyway), and every 上班 day is a
 * weekend day.
 * 2027 is not here: its arrangement could not be checked against the published notice. Until the school
 * adds it in 设置, 2027 counts weekends only (see `calendarYears`).
 */
export const DEFAULT_HOLIDAY_CALENDAR: HolidayCalendar = {
  holidays: [
    '2026-01-01', '2026-01-02', // 元旦 1月1日（周四）至3日（周六）
    '2026-02-16', '2026-02-17', '2026-02-18', '2026-02-19', '2026-02-20', '2026-02-23', // 春节 2月15日（周日）至23日（周一）
    '2026-04-06', // 清明节 4月4日（周六）至6日（周一）
    '2026-05-01', '2026-05-04', '2026-05-05', // 劳动节 5月1日（周五）至5日（周二）
    '2026-06-19', // 端午节 6月19日（周五）至21日（周日）
    '2026-09-25', // 中秋节 9月25日（周五）至27日（周日）
    '2026-10-01', '2026-10-02', '2026-10-05', '2026-10-06', '2026-10-07', // 国庆节 10月1日（周四）至7日（周三）
  ],
  workdays: [
    '2026-01-04', // 元旦: 1月4日（周日）上班
    '2026-02-14', '2026-02-28', // 春节: 2月14日（周六）、2月28日（周六）上班
    '2026-05-09', // 劳动节: 5月9日（周六）上班
    '2026-09-20', '2026-10-10', // 国庆节: 9月20日（周日）、10月10日（周六）上班
  ],
};

const DAY = /^\d{4}-\d{2}-\d{2}$/;

/** A 'yyyy-MM-dd' day as local midnight; anything else (2026-02-30, a time, 2026-1-5) is a caller's bug. */
function toDate(day: string): Date {
  const d = DAY.test(day) ? parseISO(day) : new Date(NaN);
  if (!isValid(d)) throw new RangeError(`not a yyyy-MM-dd date: ${JSON.stringify(day)}`);
  return d;
}

const toDay = (d: Date): string => format(d, 'yyyy-MM-dd');

function wholeNumber(n: number, what: string, min = -Infinity): void {
  if (!Number.isInteger(n) || n < min) throw new RangeError(`${what} must be a whole number${min === 0 ? ' ≥ 0' : ''}: ${n}`);
}

/** Lookups built once per calendar object (deadlines over many orders reuse the same calendar). */
interface Lookup {
  holidays: Set<string>;
  workdays: Set<string>;
  /** Listed holidays that fall on a weekday and are not also 上班: each takes a working day away. */
  weekdayHolidays: string[];
  /** Listed 上班 days that fall on a weekend: each adds a working day. */
  weekendWorkdays: string[];
}
const lookups = new WeakMap<HolidayCalendar, Lookup>();
function lookup(calendar: HolidayCalendar): Lookup {
  let l = lookups.get(calendar);
  if (!l) {
    const holidays = new Set(calendar.holidays);
    const workdays = new Set(calendar.workdays);
    l = {
      holidays,
      workdays,
      weekdayHolidays: [...holidays].filter((h) => !workdays.has(h) && !isWeekend(toDate(h))),
      weekendWorkdays: [...workdays].filter((w) => isWeekend(toDate(w))),
    };
    lookups.set(calendar, l);
  }
  return l;
}

function working(d: Date, calendar: HolidayCalendar): boolean {
  const { holidays, workdays } = lookup(calendar);
  const day = toDay(d);
  // A day in both lists is a mistake `holidayCalendarProblems` reports; the explicit 上班 wins meanwhile.
  if (workdays.has(day)) return true;
  return !isWeekend(d) && !holidays.has(day);
}

/** Monday–Friday unless a listed holiday, plus the listed 调休 weekend days. */
export function isWorkingDay(date: string, calendar: HolidayCalendar): boolean {
  return working(toDate(date), calendar);
}

/**
 * The n-th working day after `start` (start itself is never counted): 30 个工作日 from a day received is
 * `addWorkingDays(received, 30)`. n = 0 returns `start` unchanged, whatever kind of day it is, so that
 * `workingDaysBetween(start, addWorkingDays(start, n)) === n` for every n ≥ 0.
 */
export function addWorkingDays(start: string, n: number, calendar: HolidayCalendar): string {
  wholeNumber(n, 'working days', 0);
  let d = toDate(start);
  for (let left = n; left > 0; ) {
    d = addDays(d, 1);
    if (working(d, calendar)) left--;
  }
  return toDay(d);
}

/**
 * How many working days lie after `from` up to and including `to`: the half-open span (from, to].
 * So the same day is 0, and an order that arrived on a Friday and is looked at on the next Monday has
 * waited 1 working day (that Monday). When `from` is after `to` the count is negative, −(working days
 * in (to, from]), so that swapping the two only flips the sign.
 */
export function workingDaysBetween(from: string, to: string, calendar: HolidayCalendar): number {
  const a = toDate(from);
  const b = toDate(to);
  if (a > b) return -workingDaysBetween(to, from, calendar);
  // Monday–Friday in (from, to] counted by calendar day (differenceInCalendarDays and getDay are
  // local-calendar, so a DST change cannot drop a day), then corrected by the listed days in the
  // span: the 待办 list measures hundreds of waits, and a day-by-day walk made it slow.
  const days = differenceInCalendarDays(b, a);
  const startDow = a.getDay();
  let count = Math.floor(days / 7) * 5;
  for (let i = 1; i <= days % 7; i++) {
    const dow = (startDow + i) % 7;
    if (dow !== 0 && dow !== 6) count++;
  }
  const { weekdayHolidays, weekendWorkdays } = lookup(calendar);
  const lo = toDay(a);
  const hi = toDay(b);
  for (const h of weekdayHolidays) if (h > lo && h <= hi) count--;
  for (const w of weekendWorkdays) if (w > lo && w <= hi) count++;
  return count;
}

/** `date` moved by n calendar days (n may be negative); 日 in the regulations are calendar days. */
export function addCalendarDays(date: string, n: number): string {
  wholeNumber(n, 'calendar days');
  return toDay(addDays(toDate(date), n));
}

/** 申诉期限 in calendar days from the day the decision was served (41号令第六十条: 接到决定书之日起10日内). */
export const APPEAL_WINDOW_DAYS = 10;

/**
 * The last day a student may appeal a 处理或者处分决定 to the school: 10 calendar days after it was
 * served (送达). The day of service is not counted (期间开始的当日不计入), so served on 3月1日 → 3月11日.
 */
export function appealDeadline(servedOn: string): string {
  return addCalendarDays(servedOn, APPEAL_WINDOW_DAYS);
}

/** The years the calendar says anything about; a deadline in any other year counts weekends only. */
export function calendarYears(calendar: HolidayCalendar): number[] {
  const years = new Set([...calendar.holidays, ...calendar.workdays].map((d) => Number(d.slice(0, 4))));
  return [...years].sort((x, y) => x - y);
}

/** What is wrong with a calendar the school edited, in words for 设置; empty when it is fine. */
export function holidayCalendarProblems(calendar: HolidayCalendar): string[] {
  const problems: string[] = [];
  const check = (day: string, list: string): Date | null => {
    const d = DAY.test(day) ? parseISO(day) : new Date(NaN);
    if (isValid(d)) return d;
    problems.push(`${list}中的“${day}”不是有效日期，请按 2026-10-01 的格式填写。`);
    return null;
  };
  const workdays = new Set(calendar.workdays);
  for (const day of new Set(calendar.holidays)) {
    const d = check(day, '放假日期');
    if (d && isWeekend(d)) problems.push(`${day} 本来就是周末，不必列为放假日期。`);
    if (d && workdays.has(day)) problems.push(`${day} 同时列为放假和调休上班，请只保留一处。`);
  }
  for (const day of workdays) {
    const d = check(day, '调休上班日期');
    if (d && !isWeekend(d)) problems.push(`${day} 本来就是工作日，不必列为调休上班日期。`);
  }
  return problems;
}
