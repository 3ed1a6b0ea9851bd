import { describe, expect, it } from 'vitest';
import { arabicChineseDate, chineseNumeralDate } from '../../../../shared/domain/certificates/dates';

const numeral = (iso: string) => {
  const r = chineseNumeralDate(iso);
  return r.ok ? r.text : r.problem;
};

describe('chineseNumeralDate', () => {
  it('writes year digits one by one and months/days as numbers', () => {
    expect(numeral('2005-09-01')).toBe('二〇〇五年九月一日');
    expect(numeral('2000-01-10')).toBe('二〇〇〇年一月十日');
    expect(numeral('2010-10-11')).toBe('二〇一〇年十月十一日');
    expect(numeral('2010-11-20')).toBe('二〇一〇年十一月二十日');
    expect(numeral('1999-12-21')).toBe('一九九九年十二月二十一日');
    expect(numeral('2024-06-30')).toBe('二〇二四年六月三十日');
    expect(numeral('2023-07-31')).toBe('二〇二三年七月三十一日');
    expect(numeral('2024-02-29')).toBe('二〇二四年二月二十九日');
  });

  it('rejects days that do not exist or are badly written', () => {
    expect(chineseNumeralDate('2023-02-29')).toEqual({ ok: false, problem: '日期“2023-02-29”不存在' });
    expect(chineseNumeralDate('2023-04-31')).toEqual({ ok: false, problem: '日期“2023-04-31”不存在' });
    expect(chineseNumeralDate('2023-13-01')).toEqual({ ok: false, problem: '日期“2023-13-01”不存在' });
    expect(chineseNumeralDate('2005-9-1')).toEqual({ ok: false, problem: '日期“2005-9-1”格式应为 年-月-日，如 2005-09-01' });
    expect(chineseNumeralDate('')).toMatchObject({ ok: false });
  });
});

describe('arabicChineseDate', () => {
  it('drops leading zeros', () => {
    expect(arabicChineseDate('2005-09-01')).toEqual({ ok: true, text: '2005年9月1日' });
    expect(arabicChineseDate('2010-10-31')).toEqual({ ok: true, text: '2010年10月31日' });
    expect(arabicChineseDate('1900-02-29')).toEqual({ ok: false, problem: '日期“1900-02-29”不存在' });
  });
});
