import { describe, it, expect } from 'vitest';
import {
  idCheckChar,
  looksLikeNumericPrecisionLoss,
  maskAddress,
  maskBirthDate,
  maskIdNumber,
  maskPhone,
  normaliseIdNumber,
  upgradeLegacyId,
  validateIdNumber,
  type IdValidationResult,
} from '../../../shared/domain/idcard';

const asOf = new Date(2025, 5, 1, 12, 0, 0); // 2025-06-01 local noon
/** Build an 18-digit number with a correct check character. */
const withCheck = (first17: string): string => first17 + idCheckChar(first17);

function expectOk(r: IdValidationResult) {
  if (!r.ok) throw new Error(`expected ok, got ${r.code}: ${r.message}`);
  return r;
}
function expectErr(r: IdValidationResult) {
  if (r.ok) throw new Error(`expected error, got ok for ${r.id}`);
  return r;
}

describe('normaliseIdNumber', () => {
  it('trims, removes spaces, converts full-width and upper-cases x', () => {
    expect(normaliseIdNumber('  110105 19491231\u3000002x ')).toBe('11010519491231002X');
    expect(normaliseIdNumber('１１０１０５１９４９１２３１００２ｘ')).toBe('11010519491231002X');
  });
});

describe('idCheckChar', () => {
  it('matches the published GB 11643 examples', () => {
    expect(idCheckChar('11010519491231002')).toBe('X');
    expect(idCheckChar('44052418800101001')).toBe('4');
  });

  it('throws on input that is not 17 digits', () => {
    expect(() => idCheckChar('1101051949123100')).toThrow(RangeError);
    expect(() => idCheckChar('1101051949123100A')).toThrow(RangeError);
  });
});

describe('upgradeLegacyId', () => {
  it('inserts 19 and appends the check character', () => {
    expect(upgradeLegacyId('110105491231002')).toBe('11010519491231002X');
  });

  it('throws on input that is not 15 digits', () => {
    expect(() => upgradeLegacyId('11010549123100')).toThrow(RangeError);
  });
});

describe('validateIdNumber: valid numbers', () => {
  it('accepts 11010519491231002X and extracts birth date, gender and region', () => {
    const r = expectOk(validateIdNumber('11010519491231002X', { asOf }));
    expect(r).toEqual({
      ok: true,
      id: '11010519491231002X',
      birthDate: '1949-12-31',
      gender: '2',
      regionCode: '110105',
      legacyConverted: false,
      warnings: [],
    });
  });

  it('accepts 440524188001010014 (male, historical 汕头 code)', () => {
    const r = expectOk(validateIdNumber('440524188001010014', { asOf }));
    expect(r.birthDate).toBe('1880-01-01');
    expect(r.gender).toBe('1');
    expect(r.regionCode).toBe('440524');
  });

  it('accepts lower-case x, full-width characters and spaces', () => {
    expect(expectOk(validateIdNumber('11010519491231002x', { asOf })).id).toBe('11010519491231002X');
    expect(expectOk(validateIdNumber('１１０１０５１９４９１２３１００２Ｘ', { asOf })).id).toBe('11010519491231002X');
    expect(expectOk(validateIdNumber(' 110105 19491231 002X ', { asOf })).id).toBe('11010519491231002X');
  });

  it('derives gender from the parity of the 17th digit', () => {
    expect(expectOk(validateIdNumber(withCheck('11010520050101001'), { asOf })).gender).toBe('1');
    expect(expectOk(validateIdNumber(withCheck('11010520050101002'), { asOf })).gender).toBe('2');
  });

  it('accepts 港澳台居民居住证 codes 810000, 820000, 830000', () => {
    for (const region of ['810000', '820000', '830000']) {
      const r = expectOk(validateIdNumber(withCheck(`${region}20000101001`), { asOf }));
      expect(r.regionCode).toBe(region);
    }
  });

  it('skips the province check for foreign permanent-resident numbers (first digit 9) but warns', () => {
    const r = expectOk(validateIdNumber(withCheck('91515620050101001'), { asOf }));
    expect(r.regionCode).toBe('915156');
    expect(r.warnings).toHaveLength(1);
    expect(r.warnings[0]).toContain('外国人永久居留身份证');
  });

  it('still checks birth date and checksum of foreign permanent-resident numbers', () => {
    expect(expectErr(validateIdNumber(withCheck('91515620050231001'), { asOf })).code).toBe('BIRTH_INVALID');
    const good = withCheck('91515620050101001');
    const bad = good.slice(0, 17) + (good[17] === '0' ? '1' : '0');
    expect(expectErr(validateIdNumber(bad, { asOf })).code).toBe('CHECKSUM');
  });

  it('accepts a valid number that happens to end in 000', () => {
    expect(expectOk(validateIdNumber('110105200501016000', { asOf })).gender).toBe('2');
  });

  it('accepts a birth date equal to the asOf day', () => {
    expect(expectOk(validateIdNumber(withCheck('11010520250601001'), { asOf })).birthDate).toBe('2025-06-01');
  });

  it('warns (but accepts) when a regionTable is given and the code is not in it', () => {
    const table = new Set(['110105']);
    expect(expectOk(validateIdNumber('11010519491231002X', { asOf, regionTable: table })).warnings).toEqual([]);
    const r = expectOk(validateIdNumber('440524188001010014', { asOf, regionTable: table }));
    expect(r.warnings).toEqual(['地址码 440524 不在行政区划代码表中（可能是已撤销的旧代码），请核对']);
    // HK/MO/TW residence-permit codes are never "unknown".
    expect(expectOk(validateIdNumber(withCheck('81000020000101001'), { asOf, regionTable: table })).warnings).toEqual([]);
  });
});

describe('validateIdNumber: 15-digit legacy numbers', () => {
  it('rejects 15-digit numbers unless allowLegacy15 is set', () => {
    const r = expectErr(validateIdNumber('110105491231002', { asOf }));
    expect(r.code).toBe('LEGACY_NOT_ALLOWED');
    expect(r.message).toContain('15 位');
    expect(r.message).toContain('18 位');
  });

  it('converts 110105491231002 → 11010519491231002X in legacy mode', () => {
    const r = expectOk(validateIdNumber('110105491231002', { asOf, allowLegacy15: true }));
    expect(r.id).toBe('11010519491231002X');
    expect(r.legacyConverted).toBe(true);
    expect(r.birthDate).toBe('1949-12-31');
    expect(r.gender).toBe('2');
    expect(r.warnings).toEqual(['已将 15 位身份证号 110105491231002 转换为 18 位 11010519491231002X']);
  });

  it('accepts a 15-digit number given as a JS number (exactly representable)', () => {
    expect(expectOk(validateIdNumber(110105491231002, { asOf, allowLegacy15: true })).id).toBe('11010519491231002X');
  });

  it('rejects an impossible legacy birth date', () => {
    const r = expectErr(validateIdNumber('110105490231002', { asOf, allowLegacy15: true }));
    expect(r.code).toBe('BIRTH_INVALID');
    expect(r.message).toBe('15 位身份证号中的出生日期 490231（即 19490231）不是有效日期');
  });

  it('rejects an invalid legacy province', () => {
    expect(expectErr(validateIdNumber('000105491231002', { asOf, allowLegacy15: true })).code).toBe('REGION');
  });
});

describe('validateIdNumber: errors', () => {
  it('EMPTY for null, undefined, empty and blank input', () => {
    for (const raw of [null, undefined, '', '   ', '\u3000']) {
      const r = expectErr(validateIdNumber(raw, { asOf }));
      expect(r.code).toBe('EMPTY');
      expect(r.message).toBe('身份证号不能为空');
    }
  });

  it('FORMAT with the actual length', () => {
    const r = expectErr(validateIdNumber('1101051949123100', { asOf }));
    expect(r.code).toBe('FORMAT');
    expect(r.message).toBe('身份证号应为 18 位（17 位数字加一位数字或 X），实际为 16 位');
    expect(expectErr(validateIdNumber('1101051949123100211', { asOf })).message).toContain('实际为 19 位');
  });

  it('FORMAT naming the offending position and character', () => {
    const r = expectErr(validateIdNumber('1101A519491231002X', { asOf }));
    expect(r.code).toBe('FORMAT');
    expect(r.message).toBe('身份证号第 5 位“A”无效：前 17 位只能是数字');
    const x = expectErr(validateIdNumber('11010519491231X025', { asOf }));
    expect(x.message).toBe('身份证号第 15 位“X”无效：前 17 位只能是数字');
    const last = expectErr(validateIdNumber('11010519491231002Y', { asOf }));
    expect(last.message).toBe('身份证号第 18 位“Y”无效：第 18 位只能是数字或 X');
  });

  it('FORMAT counts Chinese characters as single positions', () => {
    expect(expectErr(validateIdNumber('身份证', { asOf })).message).toContain('实际为 3 位');
  });

  it('REGION for an unknown province code', () => {
    const r = expectErr(validateIdNumber(withCheck('00010519491231002'), { asOf }));
    expect(r.code).toBe('REGION');
    expect(r.message).toBe('身份证号前 2 位“00”不是有效的省级行政区划代码');
    expect(expectErr(validateIdNumber(withCheck('72000020000101001'), { asOf })).code).toBe('REGION');
  });

  it('BIRTH_INVALID for 20050231', () => {
    const r = expectErr(validateIdNumber(withCheck('11010520050231002'), { asOf }));
    expect(r.code).toBe('BIRTH_INVALID');
    expect(r.message).toBe('身份证号中的出生日期 20050231 不是有效日期');
  });

  it('BIRTH_INVALID for month 13, day 00 and years before 1800', () => {
    expect(expectErr(validateIdNumber(withCheck('11010520051301002'), { asOf })).code).toBe('BIRTH_INVALID');
    expect(expectErr(validateIdNumber(withCheck('11010520050100002'), { asOf })).code).toBe('BIRTH_INVALID');
    const old = expectErr(validateIdNumber(withCheck('11010507000101002'), { asOf }));
    expect(old.code).toBe('BIRTH_INVALID');
    expect(old.message).toContain('早于 1800 年');
  });

  it('Feb 29 is valid only in leap years (incl. the 100/400 rules)', () => {
    expect(validateIdNumber(withCheck('11010520040229002'), { asOf }).ok).toBe(true);
    expect(validateIdNumber(withCheck('11010520000229002'), { asOf }).ok).toBe(true);
    expect(expectErr(validateIdNumber(withCheck('11010520050229002'), { asOf })).code).toBe('BIRTH_INVALID');
    expect(expectErr(validateIdNumber(withCheck('11010519000229002'), { asOf })).code).toBe('BIRTH_INVALID');
  });

  it('BIRTH_FUTURE for a date after asOf', () => {
    const r = expectErr(validateIdNumber(withCheck('11010520250602001'), { asOf }));
    expect(r.code).toBe('BIRTH_FUTURE');
    expect(r.message).toBe('身份证号中的出生日期 2025-06-02 晚于当前日期 2025-06-01，不可能是真实的出生日期');
    expect(expectErr(validateIdNumber(withCheck('11010530000101001'), { asOf })).code).toBe('BIRTH_FUTURE');
  });

  it('CHECKSUM says which character was expected', () => {
    const r = expectErr(validateIdNumber('110105194912310025', { asOf }));
    expect(r.code).toBe('CHECKSUM');
    expect(r.message).toBe('身份证号校验位错误：按 GB 11643 计算，第 18 位应为 X，实际为 5');
    const r2 = expectErr(validateIdNumber('44052418800101001X', { asOf }));
    expect(r2.message).toBe('身份证号校验位错误：按 GB 11643 计算，第 18 位应为 4，实际为 X');
  });

  it('NUMERIC_PRECISION for Excel-mangled values', () => {
    const fromNumber = expectErr(validateIdNumber(110105194912310000, { asOf }));
    expect(fromNumber.code).toBe('NUMERIC_PRECISION');
    expect(fromNumber.message).toContain('文本');
    expect(fromNumber.message).toContain('重新录入');

    const sci = expectErr(validateIdNumber('1.10105E+17', { asOf }));
    expect(sci.code).toBe('NUMERIC_PRECISION');
    expect(sci.message).toContain('1.10105E+17');

    // Last three digits replaced by 000 → checksum fails → explained as Excel damage, not a typo.
    expect(expectErr(validateIdNumber('110105194912310000', { asOf })).code).toBe('NUMERIC_PRECISION');
  });
});

describe('looksLikeNumericPrecisionLoss', () => {
  it('flags JS numbers of 16 or more digits', () => {
    expect(looksLikeNumericPrecisionLoss(110105194912310000)).toBe(true);
    expect(looksLikeNumericPrecisionLoss(1e15)).toBe(true);
    expect(looksLikeNumericPrecisionLoss(999999999999999)).toBe(false);
    expect(looksLikeNumericPrecisionLoss(Number.NaN)).toBe(false);
  });

  it('flags scientific notation strings', () => {
    expect(looksLikeNumericPrecisionLoss('1.10105E+17')).toBe(true);
    expect(looksLikeNumericPrecisionLoss('1.10105e17')).toBe(true);
    expect(looksLikeNumericPrecisionLoss(' 4.40524E+17 ')).toBe(true);
  });

  it('flags 18-digit strings ending in 000 only when the checksum fails', () => {
    expect(looksLikeNumericPrecisionLoss('110105194912310000')).toBe(true);
    expect(looksLikeNumericPrecisionLoss('110105200501016000')).toBe(false);
  });

  it('does not flag ordinary valid or invalid IDs', () => {
    expect(looksLikeNumericPrecisionLoss('11010519491231002X')).toBe(false);
    expect(looksLikeNumericPrecisionLoss('110105194912310025')).toBe(false);
    expect(looksLikeNumericPrecisionLoss('abc')).toBe(false);
  });
});

describe('masking', () => {
  it('maskBirthDate keeps the year only: the masked digits of an ID number are the birth date', () => {
    expect(maskBirthDate('1949-12-31')).toBe('1949-**-**');
    expect(maskBirthDate('')).toBe('');
    expect(maskBirthDate(null)).toBe('');
    expect(maskBirthDate('12/31/1949')).toBe('****-**-**');
  });
  it('maskIdNumber shows first 6 and last 4 of an 18-digit number', () => {
    expect(maskIdNumber('11010519491231002X')).toBe('110105********002X');
    expect(maskIdNumber('11010519491231002x')).toBe('110105********002X');
  });

  it('maskIdNumber masks other lengths safely', () => {
    expect(maskIdNumber('110105491231002')).toBe('110105*****1002');
    expect(maskIdNumber('12345')).toBe('1***5');
    expect(maskIdNumber('123')).toBe('***');
    expect(maskIdNumber('')).toBe('');
    expect(maskIdNumber(null)).toBe('');
    expect(maskIdNumber(undefined)).toBe('');
  });

  it('maskPhone', () => {
    expect(maskPhone('13812345678')).toBe('138****5678');
    expect(maskPhone('138 1234 5678')).toBe('138****5678');
    expect(maskPhone('１３８１２３４５６７８')).toBe('138****5678');
    expect(maskPhone('12345')).toBe('***45');
    expect(maskPhone('110')).toBe('***');
    expect(maskPhone(null)).toBe('');
  });

  it('maskAddress keeps the first 6 characters', () => {
    expect(maskAddress('广东省深圳市南山区科技园路 1 号')).toBe('广东省深圳市****');
    expect(maskAddress('北京市朝阳区')).toBe('北京市****');
    expect(maskAddress('  ')).toBe('');
    expect(maskAddress(undefined)).toBe('');
  });
});
