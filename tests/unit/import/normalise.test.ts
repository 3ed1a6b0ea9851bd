import { describe, expect, it } from 'vitest';
import {
  normaliseCohortYear,
  normaliseDate,
  normaliseEmail,
  normaliseEthnicity,
  normaliseGender,
  normaliseIdCell,
  normaliseIdentifier,
  normaliseName,
  normalisePhone,
  normalisePoliticalStatus,
  normaliseStatus,
  normaliseText,
  type NormaliseResult,
} from '../../../shared/domain/import/normalise';
import { upgradeLegacyId } from '../../../shared/domain/idcard';
import { AS_OF, ID_F, ID_M, makeId } from './helpers';

function value<T>(r: NormaliseResult<T>): T | null {
  if (!r.ok) throw new Error(`expected ok, got ${r.code}: ${r.message}`);
  return r.value;
}

function code<T>(r: NormaliseResult<T>): string {
  if (r.ok) throw new Error(`expected a failure, got ${JSON.stringify(r.value)}`);
  return r.code;
}

describe('common conventions', () => {
  const all: ((v: Parameters<typeof normaliseText>[0]) => NormaliseResult<unknown>)[] = [
    normaliseText, normaliseName, normaliseIdentifier, normaliseDate, normaliseGender, normaliseEthnicity,
    normalisePoliticalStatus, normaliseStatus, normaliseCohortYear, normalisePhone, normaliseEmail,
    (v: Parameters<typeof normaliseText>[0]) => normaliseIdCell(v, AS_OF),
  ];

  it('empty, whitespace-only and missing cells are ok with value null', () => {
    for (const fn of all) {
      expect(fn(null)).toEqual({ ok: true, value: null });
      expect(fn(undefined)).toEqual({ ok: true, value: null });
      expect(fn(' \u3000 ')).toEqual({ ok: true, value: null });
    }
  });

  it('Excel error values are CELL_ERROR', () => {
    for (const fn of all) {
      const r = fn({ formula: 'VLOOKUP(A2,B:C,2,0)', result: { error: '#N/A' } });
      expect(code(r)).toBe('CELL_ERROR');
      expect(r.ok ? '' : r.message).toContain('#N/A');
    }
  });
});

describe('normaliseText', () => {
  it('trims, collapses spaces, folds full-width ASCII and keeps Chinese', () => {
    expect(value(normaliseText('  北京市\u3000朝阳区   建设路１２号 '))).toBe('北京市 朝阳区 建设路12号');
    expect(value(normaliseText('ＡＢＣ（一班）'))).toBe('ABC(一班)');
    expect(value(normaliseText('北京市、朝阳区。'))).toBe('北京市、朝阳区。');
  });

  it('flattens rich text, formulas and numbers', () => {
    expect(value(normaliseText({ richText: [{ text: '计算机' }, { text: '2501班' }] }))).toBe('计算机2501班');
    expect(value(normaliseText({ formula: 'A1', result: '软件技术' }))).toBe('软件技术');
    expect(value(normaliseText(2025010101))).toBe('2025010101');
  });
});

describe('normaliseName / normaliseIdentifier', () => {
  it('removes alignment spaces between Chinese characters but keeps Latin spacing', () => {
    expect(value(normaliseName('张\u3000三'))).toBe('张三');
    expect(value(normaliseName(' 欧阳 娜娜 '))).toBe('欧阳娜娜');
    expect(value(normaliseName('John  Smith'))).toBe('John Smith');
  });

  it('unifies the middle dot in minority names', () => {
    expect(value(normaliseName('阿卜杜•艾力'))).toBe('阿卜杜·艾力');
    expect(value(normaliseName('阿卜杜．艾力'))).toBe('阿卜杜·艾力');
    expect(value(normaliseName('阿卜杜 · 艾力'))).toBe('阿卜杜·艾力');
  });

  it('identifiers lose every space and keep numbers exact', () => {
    expect(value(normaliseIdentifier(' 2025 0101 01 '))).toBe('2025010101');
    expect(value(normaliseIdentifier(25110105150001))).toBe('25110105150001');
    expect(value(normaliseIdentifier('２０２５０１'))).toBe('202501');
  });
});

describe('normaliseDate', () => {
  it.each([
    ['2005-09-01', '2005-09-01'],
    ['2005-9-1', '2005-09-01'],
    ['2005/09/01', '2005-09-01'],
    ['2005/9/1', '2005-09-01'],
    ['2005.9.1', '2005-09-01'],
    ['20050901', '2005-09-01'],
    ['2005年9月1日', '2005-09-01'],
    ['2005年09月01号', '2005-09-01'],
    ['2005 年 9 月 1 日', '2005-09-01'],
    ['２００５－０９－０１', '2005-09-01'],
    ['２００５年９月１日', '2005-09-01'],
    ['2005-09-01 00:00:00', '2005-09-01'],
    ['2005-09-01T00:00:00.000Z', '2005-09-01'],
    ['2004-02-29', '2004-02-29'],
  ])('day precision: %s → %s', (input, expected) => {
    const r = normaliseDate(input);
    expect(r).toMatchObject({ ok: true, value: expected, precision: 'day' });
  });

  it.each([
    ['2005年09月', '2005-09-01'],
    ['2005年9月', '2005-09-01'],
    ['2005年9', '2005-09-01'],
    ['2005-09', '2005-09-01'],
    ['2005.9', '2005-09-01'],
    ['200509', '2005-09-01'],
  ])('month precision: %s → first day', (input, expected) => {
    expect(normaliseDate(input)).toMatchObject({ ok: true, value: expected, precision: 'month' });
  });

  it('reads JS Dates from exceljs as their UTC date', () => {
    expect(value(normaliseDate(new Date(Date.UTC(2005, 8, 1))))).toBe('2005-09-01');
    // float noise from serial → Date conversion
    expect(value(normaliseDate(new Date(Date.UTC(2005, 8, 1) - 1)))).toBe('2005-09-01');
    expect(value(normaliseDate({ formula: 'DATE(2005,9,1)', result: new Date(Date.UTC(2005, 8, 1)) }))).toBe('2005-09-01');
  });

  it('converts Excel serial numbers, including around the 1900 leap-year bug', () => {
    expect(value(normaliseDate(38596))).toBe('2005-09-01');
    expect(value(normaliseDate(38596.75))).toBe('2005-09-01');
    expect(value(normaliseDate(1))).toBe('1900-01-01');
    expect(value(normaliseDate(59))).toBe('1900-02-28');
    expect(value(normaliseDate(61))).toBe('1900-03-01');
    expect(value(normaliseDate(45901))).toBe('2025-09-01');
    expect(code(normaliseDate(60))).toBe('DATE_INVALID');
  });

  it('reads numbers typed as yyyymmdd / yyyymm', () => {
    expect(value(normaliseDate(20050901))).toBe('2005-09-01');
    expect(normaliseDate(200509)).toMatchObject({ ok: true, value: '2005-09-01', precision: 'month' });
  });

  it.each(['2005-02-30', '2005-13-01', '2005-00-10', '2005年2月29日', '20050230', '2005-04-31', '1899-12-31', '2101-01-01', '2005-13'])(
    'DATE_INVALID: %s',
    (input) => {
      expect(code(normaliseDate(input))).toBe('DATE_INVALID');
    },
  );

  it('explains the day count of the month', () => {
    const r = normaliseDate('2005-02-30');
    expect(r.ok ? '' : r.message).toBe('“2005-02-30”不是有效日期：2005 年 2 月只有 28 天');
  });

  it.each(['2005', '05-09-01', '九月一日', '2005-09/01', '2005年', 'abc', '2005-09-01-01', '1/9/2005'])('DATE_FORMAT: %s', (input) => {
    expect(code(normaliseDate(input))).toBe('DATE_FORMAT');
  });

  it('rejects a bare year number and out-of-range numbers as DATE_FORMAT', () => {
    const r = normaliseDate(2005);
    expect(code(r)).toBe('DATE_FORMAT');
    expect(r.ok ? '' : r.message).toContain('只填写了年份 2005');
    expect(code(normaliseDate(0))).toBe('DATE_FORMAT');
    expect(code(normaliseDate(-5))).toBe('DATE_FORMAT');
    expect(code(normaliseDate(99999999))).toBe('DATE_FORMAT');
  });
});

describe('normaliseGender', () => {
  it.each([
    ['男', '1'], ['女', '2'], ['男性', '1'], ['女性', '2'], ['1', '1'], ['2', '2'], [1, '1'], [2, '2'],
    ['M', '1'], ['F', '2'], ['m', '1'], ['f', '2'], ['Male', '1'], ['FEMALE', '2'], [' 男 ', '1'], ['１', '1'],
  ] as const)('%s → %s', (input, expected) => {
    expect(value(normaliseGender(input))).toBe(expected);
  });

  it.each(['0', '9', '未知', 'X', '男女', 3])('GENDER_UNKNOWN: %s', (input) => {
    const r = normaliseGender(input);
    expect(code(r)).toBe('GENDER_UNKNOWN');
    expect(r.ok ? '' : r.message).toContain('应填写“男”或“女”');
  });
});

describe('normaliseEthnicity', () => {
  it.each([
    ['汉族', '01'], ['汉', '01'], ['01', '01'], ['1', '01'], [1, '01'], ['柯尔克孜族', '29'], ['柯尔克孜', '29'],
    ['毛难族', '36'], ['崩龙族', '46'], ['崩龙', '46'], ['其他', '97'], ['外国血统中国籍人士', '98'], [' 回 族 ', '03'], ['０８', '08'],
  ] as const)('%s → %s', (input, expected) => {
    expect(value(normaliseEthnicity(input))).toBe(expected);
  });

  it.each(['穿青人', '99', '汉人', 'HA'])('ETHNICITY_UNKNOWN: %s', (input) => {
    expect(code(normaliseEthnicity(input))).toBe('ETHNICITY_UNKNOWN');
  });
});

describe('normalisePoliticalStatus', () => {
  it.each([
    ['中国共产主义青年团团员', '03'], ['共青团员', '03'], ['团员', '03'], ['3', '03'], [3, '03'], ['03', '03'],
    ['中共党员', '01'], ['党员', '01'], ['中共预备党员', '02'], ['预备党员', '02'], ['群众', '13'], ['无党派人士', '12'],
    ['九三学社社员', '10'],
  ] as const)('%s → %s', (input, expected) => {
    expect(value(normalisePoliticalStatus(input))).toBe(expected);
  });

  it.each(['少先队员', '14', '无'])('POLITICAL_UNKNOWN: %s', (input) => {
    expect(code(normalisePoliticalStatus(input))).toBe('POLITICAL_UNKNOWN');
  });
});

describe('normaliseStatus', () => {
  it.each([
    ['在籍在校', 'enrolled'], ['在籍', 'enrolled'], ['在校', 'enrolled'], ['在读', 'enrolled'], ['enrolled', 'enrolled'],
    ['休学', 'suspended'], ['保留学籍', 'retained'], ['退学', 'withdrawn'], ['转出', 'transferred_out'],
    ['开除学籍', 'expelled'], ['毕业', 'graduated'], ['结业', 'completed'], ['肄业', 'dropped_out'],
    ['死亡注销', 'deceased'], ['取消学籍', 'cancelled'], [' 在 籍 ', 'enrolled'],
  ] as const)('%s → %s', (input, expected) => {
    expect(value(normaliseStatus(input))).toBe(expected);
  });

  it.each(['请假', '1'])('STATUS_UNKNOWN: %s', (input) => {
    const r = normaliseStatus(input);
    expect(code(r)).toBe('STATUS_UNKNOWN');
    expect(r.ok ? '' : r.message).toContain('在籍在校');
  });
});

describe('normaliseCohortYear', () => {
  it.each([[2025, 2025], ['2025', 2025], ['2025级', 2025], ['２０２５级', 2025], ['2025年', 2025], ['2025届', 2025]] as const)(
    '%s → %s',
    (input, expected) => {
      expect(value(normaliseCohortYear(input))).toBe(expected);
    },
  );

  it.each(['25级', '二〇二五级', 1850, 'abc'])('NUMBER_FORMAT: %s', (input) => {
    expect(code(normaliseCohortYear(input))).toBe('NUMBER_FORMAT');
  });
});

describe('normaliseIdCell', () => {
  it('accepts a valid ID and returns its birth date and gender', () => {
    expect(normaliseIdCell(ID_M, AS_OF)).toEqual({
      ok: true,
      value: ID_M,
      id: { birthDate: '2005-09-01', gender: '1', legacyConverted: false },
    });
    expect(normaliseIdCell(ID_F, AS_OF)).toMatchObject({ ok: true, id: { birthDate: '2006-02-28', gender: '2' } });
  });

  it('folds lower-case x, full-width characters and spaces', () => {
    expect(value(normaliseIdCell('11010519491231002x', AS_OF))).toBe('11010519491231002X');
    expect(value(normaliseIdCell('１１０１０５１９４９１２３１００２ｘ', AS_OF))).toBe('11010519491231002X');
    expect(value(normaliseIdCell(' 110105 19491231 002X ', AS_OF))).toBe('11010519491231002X');
    expect(value(normaliseIdCell({ richText: [{ text: '110105' }, { text: '19491231002X' }] }, AS_OF))).toBe('11010519491231002X');
  });

  it('rejects an 18-digit numeric cell as ID_AS_NUMBER, telling the user to use 文本 and re-enter', () => {
    const r = normaliseIdCell(110105200509011230, AS_OF);
    expect(code(r)).toBe('ID_AS_NUMBER');
    const msg = r.ok ? '' : r.message;
    expect(msg).toContain('1.10105E+17');
    expect(msg).toContain('文本');
    expect(msg).toContain('重新录入');
    expect(msg).toContain('丢失');
    expect(code(normaliseIdCell({ formula: 'A1', result: 4.40524188001e17 }, AS_OF))).toBe('ID_AS_NUMBER');
    expect(code(normaliseIdCell(1101052005090112, AS_OF))).toBe('ID_AS_NUMBER');
  });

  it('rejects text showing precision loss: 1.10105E+17 and …000 with a wrong check digit', () => {
    const r = normaliseIdCell('1.10105E+17', AS_OF);
    expect(code(r)).toBe('ID_AS_NUMBER');
    expect(r.ok ? '' : r.message).toContain('文本');
    expect(code(normaliseIdCell('1.10105e17', AS_OF))).toBe('ID_AS_NUMBER');
    expect(code(normaliseIdCell('110105200509011000', AS_OF))).toBe('ID_AS_NUMBER');
  });

  it('accepts an exact numeric cell of 15 digits as a legacy number', () => {
    expect(value(normaliseIdCell(110105491231002, AS_OF))).toBe('11010519491231002X');
  });

  it('converts 15-digit legacy numbers to 18 digits with a warning', () => {
    const r = normaliseIdCell('110105491231002', AS_OF);
    expect(r).toMatchObject({ ok: true, value: upgradeLegacyId('110105491231002'), id: { legacyConverted: true, gender: '2' } });
    expect(r.ok && r.warnings).toEqual([
      { code: 'ID_LEGACY_CONVERTED', message: '已将 15 位身份证号 110105491231002 转换为 18 位 11010519491231002X' },
    ]);
  });

  it('keeps a note for foreign permanent-residence numbers (starting with 9)', () => {
    const id = makeId('931000', '19900101', '123');
    const r = normaliseIdCell(id, AS_OF);
    expect(r.ok && r.warnings?.[0]?.code).toBe('ID_REGION_UNCHECKED');
  });

  it.each([
    ['1101051949123100', 'ID_FORMAT'],
    ['11010519491231002Y', 'ID_FORMAT'],
    ['1101051949123A002X', 'ID_FORMAT'],
    [12345, 'ID_FORMAT'],
    [makeId('000000', '20050901', '123'), 'ID_REGION'],
    [makeId('990000', '20050901', '123').replace(/^99/, '20'), 'ID_REGION'],
    [makeId('110105', '20050230', '123'), 'ID_BIRTH_INVALID'],
    ['110105490230002', 'ID_BIRTH_INVALID'],
    [makeId('110105', '20300101', '123'), 'ID_BIRTH_FUTURE'],
    ['110105194912310021', 'ID_CHECKSUM'],
  ] as const)('%s → %s, with validateIdNumber’s message', (input, expected) => {
    const r = normaliseIdCell(input, AS_OF);
    expect(code(r)).toBe(expected);
    expect(r.ok ? '' : r.message).toMatch(/身份证号/);
  });

  it('explains a checksum error', () => {
    const r = normaliseIdCell('110105194912310021', AS_OF);
    expect(r.ok ? '' : r.message).toBe('身份证号校验位错误：按 GB 11643 计算，第 18 位应为 X，实际为 1');
  });
});

describe('normalisePhone', () => {
  it.each([
    ['13812345678', '13812345678'],
    [13812345678, '13812345678'],
    ['138 1234 5678', '13812345678'],
    ['138-1234-5678', '13812345678'],
    ['+86 138 1234 5678', '13812345678'],
    ['+8613812345678', '13812345678'],
    ['8613812345678', '13812345678'],
    ['0086-13812345678', '13812345678'],
    ['１３８１２３４５６７８', '13812345678'],
    ['010-12345678', '01012345678'],
    ['(0755)12345678', '075512345678'],
    ['（0755）1234-5678', '075512345678'],
    ['0371-6543210', '03716543210'],
  ] as const)('%s → %s', (input, expected) => {
    expect(value(normalisePhone(input))).toBe(expected);
  });

  it.each(['1381234567', '138123456789', '23812345678', '12345678', '13812345678/13912345678', '138 1234 5678（母）', 'abc', '12812345678'])(
    'PHONE_FORMAT: %s',
    (input) => {
      expect(code(normalisePhone(input))).toBe('PHONE_FORMAT');
    },
  );

  it('hints at the lost leading 0 of a landline stored as a number', () => {
    const r = normalisePhone(75512345678);
    expect(code(r)).toBe('PHONE_FORMAT');
    expect(r.ok ? '' : r.message).toContain('开头的 0');
  });
});

describe('normaliseEmail', () => {
  it.each([
    ['zhangsan@example.com', 'zhangsan@example.com'],
    [' ZhangSan@Example.COM ', 'ZhangSan@example.com'],
    ['ｚｓ＠ｑｑ．ｃｏｍ', 'zs@qq.com'],
    ['zs@qq。com', 'zs@qq.com'],
    ['mailto:zs@qq.com', 'zs@qq.com'],
    ['first.last+tag@mail.school.edu.cn', 'first.last+tag@mail.school.edu.cn'],
  ])('%s → %s', (input, expected) => {
    expect(value(normaliseEmail(input))).toBe(expected);
  });

  it('reads hyperlink cells', () => {
    expect(value(normaliseEmail({ text: 'zs@qq.com', hyperlink: 'mailto:zs@qq.com' }))).toBe('zs@qq.com');
  });

  it.each(['zs', 'zs@', '@qq.com', 'zs@qq', 'zs@@qq.com', 'a@qq.com;b@qq.com', '张三@qq.com', 'zs@-qq.com'])('EMAIL_FORMAT: %s', (input) => {
    expect(code(normaliseEmail(input))).toBe('EMAIL_FORMAT');
  });
});
