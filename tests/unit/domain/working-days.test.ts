import { getDay, parseISO } from 'date-fns';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  addCalendarDays,
  addWorkingDays,
  appealDeadline,
  calendarYears,
  DEFAULT_HOLIDAY_CALENDAR as CN,
  holidayCalendarProblems,
  isWorkingDay,
  workingDaysBetween,
  type HolidayCalendar,
} from '../../../shared/domain/working-days';

const NONE: HolidayCalendar = { holidays: [], workdays: [] };
const weekday = (d: string) => getDay(parseISO(d)); // 0 = Sunday … 6 = Saturday

describe('the 2026 calendar (国务院办公厅关于2026年部分节假日安排的通知)', () => {
  it('lists only weekdays as holidays and only weekend days as 调休 working days', () => {
    for (const d of CN.holidays) expect([1, 2, 3, 4, 5], d).toContain(weekday(d));
    for (const d of CN.workdays) expect([0, 6], d).toContain(weekday(d));
    expect(holidayCalendarProblems(CN)).toEqual([]);
    expect(calendarYears(CN)).toEqual([2026]);
  });

  it('gives each 放假 span of the notice as days off, and its 上班 days as working days', () => {
    const off = (from: string, days: number) => Array.from({ length: days }, (_, i) => addCalendarDays(from, i));
    const spans = [off('2026-01-01', 3), off('2026-02-15', 9), off('2026-04-04', 3), off('2026-05-01', 5), off('2026-06-19', 3), off('2026-09-25', 3), off('2026-10-01', 7)];
    for (const d of spans.flat()) expect(isWorkingDay(d, CN), d).toBe(false);
    for (const d of ['2026-01-04', '2026-02-14', '2026-02-28', '2026-05-09', '2026-09-20', '2026-10-10']) expect(isWorkingDay(d, CN), d).toBe(true);
    // Around each span the ordinary days are untouched.
    for (const d of ['2025-12-31', '2026-01-05', '2026-02-13', '2026-02-24', '2026-04-03', '2026-04-07', '2026-04-30', '2026-05-06', '2026-06-18', '2026-06-22', '2026-09-24', '2026-09-28', '2026-09-30', '2026-10-08']) {
      expect(isWorkingDay(d, CN), d).toBe(true);
    }
  });

  it('has 248 working days in 2026: 261 weekdays − 19 weekday holidays + 6 调休 weekend days', () => {
    expect(workingDaysBetween('2025-12-31', '2026-12-31', NONE)).toBe(261);
    expect(workingDaysBetween('2025-12-31', '2026-12-31', CN)).toBe(248);
  });
});

describe('isWorkingDay', () => {
  it('weekends are off, Monday to Friday work, in a week without holidays', () => {
    expect(['2026-03-09', '2026-03-10', '2026-03-11', '2026-03-12', '2026-03-13'].map((d) => isWorkingDay(d, CN))).toEqual([true, true, true, true, true]);
    expect(isWorkingDay('2026-03-14', CN)).toBe(false); // Saturday
    expect(isWorkingDay('2026-03-15', CN)).toBe(false); // Sunday
  });

  it('a holiday on a weekday is off; a 调休 Saturday or Sunday is a working day', () => {
    expect(isWorkingDay('2026-10-01', CN)).toBe(false); // 国庆, Thursday
    expect(isWorkingDay('2026-06-19', CN)).toBe(false); // 端午, Friday
    expect(isWorkingDay('2026-10-10', CN)).toBe(true); // Saturday 上班
    expect(isWorkingDay('2026-09-20', CN)).toBe(true); // Sunday 上班
    expect(isWorkingDay('2026-10-10', NONE)).toBe(false); // the same Saturday with no arrangement
  });

  it('a year the calendar does not cover counts weekends only', () => {
    expect(isWorkingDay('2027-01-01', CN)).toBe(true); // Friday; 2027's arrangement is not in the default
    expect(isWorkingDay('2027-01-01', { holidays: ['2027-01-01'], workdays: [] })).toBe(false);
  });
});

describe('addWorkingDays: the n-th working day after start', () => {
  it('skips the weekend', () => {
    expect(addWorkingDays('2026-03-12', 1, CN)).toBe('2026-03-13'); // Thu → Fri
    expect(addWorkingDays('2026-03-13', 1, CN)).toBe('2026-03-16'); // Fri → Mon
    expect(addWorkingDays('2026-03-14', 1, CN)).toBe('2026-03-16'); // from a Saturday
    expect(addWorkingDays('2026-03-13', 5, CN)).toBe('2026-03-20');
  });

  it('spans 国庆, landing on its 调休 Saturday', () => {
    expect(addWorkingDays('2026-09-30', 1, CN)).toBe('2026-10-08');
    expect(addWorkingDays('2026-09-30', 3, CN)).toBe('2026-10-10');
    expect(addWorkingDays('2026-09-30', 4, CN)).toBe('2026-10-12');
    expect(addWorkingDays('2026-09-18', 1, CN)).toBe('2026-09-20'); // Friday → the Sunday 上班
  });

  it('spans 春节', () => {
    expect(addWorkingDays('2026-02-13', 1, CN)).toBe('2026-02-14'); // Friday → Saturday 上班
    expect(addWorkingDays('2026-02-13', 2, CN)).toBe('2026-02-24'); // then nine days off
    expect(addWorkingDays('2026-02-14', 1, CN)).toBe('2026-02-24');
  });

  it('省级教育行政部门 30 个工作日: served 9月15日 (Tuesday), across 中秋 and 国庆, due 11月2日', () => {
    expect(addWorkingDays('2026-09-15', 30, CN)).toBe('2026-11-02');
    expect(addWorkingDays('2026-09-15', 30, NONE)).toBe('2026-10-27'); // what ignoring the holidays would say
  });

  it('crosses month and year ends', () => {
    expect(addWorkingDays('2026-01-30', 1, CN)).toBe('2026-02-02');
    expect(addWorkingDays('2026-04-30', 1, CN)).toBe('2026-05-06'); // 劳动节 1–5 May
    expect(addWorkingDays('2025-12-31', 1, CN)).toBe('2026-01-04'); // 元旦, then the Sunday 上班
    const withNewYear2027: HolidayCalendar = { holidays: ['2027-01-01'], workdays: [] };
    expect(addWorkingDays('2026-12-31', 1, withNewYear2027)).toBe('2027-01-04');
    expect(addWorkingDays('2026-12-31', 1, NONE)).toBe('2027-01-01');
  });

  it('knows leap years', () => {
    expect(addWorkingDays('2028-02-28', 1, NONE)).toBe('2028-02-29'); // Monday → Tuesday 29th
    expect(addWorkingDays('2028-02-28', 2, NONE)).toBe('2028-03-01');
    expect(addWorkingDays('2027-02-26', 1, NONE)).toBe('2027-03-01'); // Friday → Monday, no 29th
  });

  it('n = 0 is the start itself, even a holiday', () => {
    expect(addWorkingDays('2026-10-01', 0, CN)).toBe('2026-10-01');
    expect(addWorkingDays('2026-03-14', 0, CN)).toBe('2026-03-14');
  });

  it('is undone by workingDaysBetween, and lands on a working day, for every n', () => {
    for (const start of ['2025-12-20', '2026-02-10', '2026-04-30', '2026-09-18', '2026-10-03', '2026-12-25']) {
      for (let n = 0; n <= 40; n++) {
        const end = addWorkingDays(start, n, CN);
        expect(workingDaysBetween(start, end, CN), `${start} + ${n}`).toBe(n);
        if (n > 0) expect(isWorkingDay(end, CN), `${start} + ${n}`).toBe(true);
      }
    }
  });

  it('refuses a negative or fractional n', () => {
    expect(() => addWorkingDays('2026-03-12', -1, CN)).toThrow(RangeError);
    expect(() => addWorkingDays('2026-03-12', 1.5, CN)).toThrow(RangeError);
    expect(() => addWorkingDays('2026-03-12', Number.NaN, CN)).toThrow(RangeError);
  });
});

describe('workingDaysBetween: working days in (from, to]', () => {
  it('counts after `from`, up to and including `to`', () => {
    expect(workingDaysBetween('2026-03-12', '2026-03-12', CN)).toBe(0);
    expect(workingDaysBetween('2026-03-12', '2026-03-13', CN)).toBe(1);
    expect(workingDaysBetween('2026-03-13', '2026-03-14', CN)).toBe(0); // Fri → Sat
    expect(workingDaysBetween('2026-03-13', '2026-03-16', CN)).toBe(1); // Fri → Mon
    expect(workingDaysBetween('2026-03-14', '2026-03-15', CN)).toBe(0);
  });

  it('across 国庆 and 春节', () => {
    expect(workingDaysBetween('2026-09-30', '2026-10-07', CN)).toBe(0);
    expect(workingDaysBetween('2026-09-30', '2026-10-08', CN)).toBe(1);
    expect(workingDaysBetween('2026-09-30', '2026-10-10', CN)).toBe(3);
    expect(workingDaysBetween('2026-09-30', '2026-10-31', CN)).toBe(18); // 22 weekdays − 5 off + 1 Saturday
    expect(workingDaysBetween('2026-02-13', '2026-02-24', CN)).toBe(2);
    expect(workingDaysBetween('2026-01-31', '2026-02-28', CN)).toBe(16); // 20 weekdays − 6 off + 2 Saturdays
  });

  it('across month and year ends and leap days', () => {
    expect(workingDaysBetween('2026-12-31', '2027-01-04', NONE)).toBe(2);
    expect(workingDaysBetween('2025-12-26', '2026-01-05', CN)).toBe(5); // 29, 30, 31 Dec, Sunday 4 Jan, 5 Jan
    expect(workingDaysBetween('2028-02-27', '2028-03-05', NONE)).toBe(5); // includes Tuesday 29 Feb
    expect(workingDaysBetween('2027-02-27', '2027-03-06', NONE)).toBe(5);
  });

  it('is negative when from is after to: swapping only flips the sign', () => {
    expect(workingDaysBetween('2026-10-08', '2026-09-30', CN)).toBe(-1);
    expect(workingDaysBetween('2026-03-16', '2026-03-13', CN)).toBe(-1);
    expect(workingDaysBetween('2026-10-31', '2026-09-30', CN)).toBe(-18);
  });
});

describe('calendar days and 申诉期限', () => {
  it('addCalendarDays moves by calendar days either way, across month, year and leap days', () => {
    expect(addCalendarDays('2026-01-31', 1)).toBe('2026-02-01');
    expect(addCalendarDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(addCalendarDays('2027-01-01', -1)).toBe('2026-12-31');
    expect(addCalendarDays('2028-02-28', 1)).toBe('2028-02-29');
    expect(addCalendarDays('2027-02-28', 1)).toBe('2027-03-01');
    expect(addCalendarDays('2100-02-28', 1)).toBe('2100-03-01'); // a century, not a leap year
    expect(addCalendarDays('2000-02-28', 1)).toBe('2000-02-29'); // divisible by 400: a leap year
    expect(addCalendarDays('2026-03-12', 0)).toBe('2026-03-12');
    expect(() => addCalendarDays('2026-03-12', 0.5)).toThrow(RangeError);
  });

  it('appealDeadline is 10 calendar days after service (第六十条), holidays and weekends included', () => {
    expect(appealDeadline('2026-03-01')).toBe('2026-03-11');
    expect(appealDeadline('2026-09-28')).toBe('2026-10-08'); // runs through 国庆
    expect(appealDeadline('2026-12-25')).toBe('2027-01-04');
    expect(appealDeadline('2028-02-25')).toBe('2028-03-06');
    expect(appealDeadline('2027-02-25')).toBe('2027-03-07');
  });
});

describe('dates are local calendar days', () => {
  it('refuses anything that is not a real yyyy-MM-dd day', () => {
    for (const bad of ['2026-02-30', '2027-02-29', '2026-13-01', '2026-1-5', '20260105', '2026-01-05T10:00', '', '2026/01/05']) {
      expect(() => isWorkingDay(bad, CN), bad).toThrow(RangeError);
      expect(() => addCalendarDays(bad, 1), bad).toThrow(RangeError);
    }
    expect(() => workingDaysBetween('2026-01-05', '2026-02-30', CN)).toThrow(RangeError);
  });

  // Asia/Shanghai midnight is the previous day in UTC; America/Santiago's 2026-04-04 lasts 25 hours and
  // its 2026-09-06 starts at 01:00, which is where adding 24 hours or comparing instants goes wrong.
  for (const zone of ['Asia/Shanghai', 'America/Santiago', 'UTC']) {
    describe(`in ${zone}`, () => {
      const before = process.env.TZ;
      beforeAll(() => {
        process.env.TZ = zone;
      });
      afterAll(() => {
        if (before === undefined) delete process.env.TZ;
        else process.env.TZ = before;
      });

      it('gives the same days', () => {
        expect(addCalendarDays('2026-04-04', 1)).toBe('2026-04-05');
        expect(addCalendarDays('2026-09-05', 1)).toBe('2026-09-06');
        expect(addCalendarDays('2026-09-06', 1)).toBe('2026-09-07');
        expect(addCalendarDays('2026-04-05', -1)).toBe('2026-04-04');
        expect(isWorkingDay('2026-09-07', CN)).toBe(true);
        expect(isWorkingDay('2026-10-01', CN)).toBe(false);
        expect(addWorkingDays('2026-09-04', 1, CN)).toBe('2026-09-07');
        expect(workingDaysBetween('2026-09-04', '2026-09-07', CN)).toBe(1);
        expect(workingDaysBetween('2026-04-03', '2026-04-07', CN)).toBe(1); // 清明 4–6 April
        expect(appealDeadline('2026-09-01')).toBe('2026-09-11');
      });
    });
  }
});

describe('holidayCalendarProblems: the school’s edits in 设置', () => {
  it('names each mistake in words', () => {
    expect(
      holidayCalendarProblems({ holidays: ['2026-10-01', '2026-10-03', '2026-02-30', '2026-10-09'], workdays: ['2026-10-10', '2026-10-09', '2026-10-12', '10/11'] }),
    ).toEqual([
      '2026-10-03 本来就是周末，不必列为放假日期。',
      '放假日期中的“2026-02-30”不是有效日期，请按 2026-10-01 的格式填写。',
      '2026-10-09 同时列为放假和调休上班，请只保留一处。',
      '2026-10-09 本来就是工作日，不必列为调休上班日期。',
      '2026-10-12 本来就是工作日，不必列为调休上班日期。',
      '调休上班日期中的“10/11”不是有效日期，请按 2026-10-01 的格式填写。',
    ]);
  });

  it('a day in both lists is a working day until it is fixed', () => {
    expect(isWorkingDay('2026-10-09', { holidays: ['2026-10-09'], workdays: ['2026-10-09'] })).toBe(true);
  });
});

describe('workingDaysBetween agrees with walking the days one by one', () => {
  it('for 2,000 spans across 2025–2027 with the shipped calendar and a calendar with clashes', async () => {
    const { addDays, format } = await import('date-fns');
    const walk = (from: string, to: string, cal: HolidayCalendar) => {
      let n = 0;
      for (let d = addDays(new Date(`${from}T00:00:00`), 1); format(d, 'yyyy-MM-dd') <= to; d = addDays(d, 1)) if (isWorkingDay(format(d, 'yyyy-MM-dd'), cal)) n++;
      return n;
    };
    const clash: HolidayCalendar = { holidays: ['2026-03-02', '2026-03-07', '2026-05-01'], workdays: ['2026-03-02', '2026-03-08', '2026-05-02'] };
    let seed = 7;
    const rnd = () => ((seed = (seed * 48271) % 2147483647) / 2147483647);
    for (let i = 0; i < 2000; i++) {
      const from = format(addDays(new Date('2025-06-01T00:00:00'), Math.floor(rnd() * 900)), 'yyyy-MM-dd');
      const to = format(addDays(new Date(`${from}T00:00:00`), Math.floor(rnd() * 120)), 'yyyy-MM-dd');
      for (const cal of [CN, clash]) expect(workingDaysBetween(from, to, cal), `${from}→${to}`).toBe(walk(from, to, cal));
    }
  });
});
