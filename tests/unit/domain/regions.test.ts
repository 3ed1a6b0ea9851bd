import { describe, it, expect } from 'vitest';
import { PROVINCES, SAMPLE_COUNTIES, regionName } from '../../../shared/domain/regions';

describe('PROVINCES', () => {
  it('has exactly the province-level codes of DOMAIN §1.5', () => {
    const expected = [
      '11', '12', '13', '14', '15', '21', '22', '23', '31', '32', '33', '34', '35', '36', '37',
      '41', '42', '43', '44', '45', '46', '50', '51', '52', '53', '54', '61', '62', '63', '64', '65',
      '71', '81', '82', '83',
    ];
    expect(Object.keys(PROVINCES).sort()).toEqual(expected);
  });

  it('uses full official names', () => {
    expect(PROVINCES['11']).toBe('北京市');
    expect(PROVINCES['15']).toBe('内蒙古自治区');
    expect(PROVINCES['45']).toBe('广西壮族自治区');
    expect(PROVINCES['71']).toBe('台湾省');
    expect(PROVINCES['81']).toBe('香港特别行政区');
    expect(PROVINCES['82']).toBe('澳门特别行政区');
  });
});

describe('SAMPLE_COUNTIES', () => {
  it('has about 80 unique 6-digit county codes', () => {
    expect(SAMPLE_COUNTIES.length).toBeGreaterThanOrEqual(75);
    const codes = SAMPLE_COUNTIES.map((c) => c.code);
    expect(new Set(codes).size).toBe(codes.length);
    for (const c of codes) expect(c).toMatch(/^\d{6}$/);
  });

  it('spans at least 25 provinces and each name starts with its province name', () => {
    const provinces = new Set(SAMPLE_COUNTIES.map((c) => c.code.slice(0, 2)));
    expect(provinces.size).toBeGreaterThanOrEqual(25);
    for (const c of SAMPLE_COUNTIES) {
      const province = PROVINCES[c.code.slice(0, 2)];
      expect(province, c.code).toBeDefined();
      expect(c.name.startsWith(province!), c.name).toBe(true);
      // County-level codes never end in 00 (that would be a prefecture or province).
      expect(c.code.endsWith('00'), c.code).toBe(false);
    }
  });

  it('contains the examples from the brief', () => {
    expect(SAMPLE_COUNTIES).toContainEqual({ code: '110105', name: '北京市朝阳区' });
    expect(SAMPLE_COUNTIES).toContainEqual({ code: '440305', name: '广东省深圳市南山区' });
  });
});

describe('regionName', () => {
  it('returns the county name when the code is in the sample', () => {
    expect(regionName('110105')).toBe('北京市朝阳区');
    expect(regionName(' 440305 ')).toBe('广东省深圳市南山区');
  });

  it('falls back to the province name', () => {
    expect(regionName('440524')).toBe('广东省');
    expect(regionName('810000')).toBe('香港特别行政区');
    expect(regionName('830000')).toBe('台湾省');
  });

  it('returns null for unknown or malformed codes', () => {
    expect(regionName('990000')).toBeNull();
    expect(regionName('00')).toBeNull();
    expect(regionName('')).toBeNull();
    expect(regionName('ab0000')).toBeNull();
  });
});
