import { describe, it, expect } from 'vitest';
import { checkPasswordPolicy, lockoutDelayMs, passwordExpired } from '../../../shared/domain/password';

describe('checkPasswordPolicy', () => {
  it('accepts 10+ characters with a letter and a digit', () => {
    expect(checkPasswordPolicy('abcdefghi1')).toEqual({ ok: true });
    expect(checkPasswordPolicy('学籍通管理员Admin2025')).toEqual({ ok: true });
  });

  it('rejects short passwords with the length rule', () => {
    const r = checkPasswordPolicy('abc12');
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.message).toBe('密码至少需要 10 个字符（当前 5 个）');
  });

  it('requires a letter', () => {
    const r = checkPasswordPolicy('1234567890');
    expect(r).toEqual({ ok: false, message: '密码必须包含至少一个英文字母' });
  });

  it('requires a digit', () => {
    const r = checkPasswordPolicy('abcdefghij');
    expect(r).toEqual({ ok: false, message: '密码必须包含至少一个数字' });
  });

  it('lists every unmet rule', () => {
    const r = checkPasswordPolicy('');
    expect(r).toEqual({
      ok: false,
      message: '密码至少需要 10 个字符（当前 0 个）；密码必须包含至少一个英文字母；密码必须包含至少一个数字',
    });
  });

  it('counts characters by code point and ignores full-width digits as digits', () => {
    expect(checkPasswordPolicy('密码密码密码密码a1').ok).toBe(true);
    expect(checkPasswordPolicy('abcdefghij１').ok).toBe(false);
  });
});

describe('lockoutDelayMs', () => {
  const MIN = 60_000;
  it('is 0 below 5 failures', () => {
    for (const n of [0, 1, 4]) expect(lockoutDelayMs(n)).toBe(0);
    expect(lockoutDelayMs(-3)).toBe(0);
    expect(lockoutDelayMs(Number.NaN)).toBe(0);
  });

  it('starts at 1 minute and doubles', () => {
    expect(lockoutDelayMs(5)).toBe(1 * MIN);
    expect(lockoutDelayMs(6)).toBe(2 * MIN);
    expect(lockoutDelayMs(7)).toBe(4 * MIN);
    expect(lockoutDelayMs(10)).toBe(32 * MIN);
  });

  it('is capped at 60 minutes', () => {
    expect(lockoutDelayMs(11)).toBe(60 * MIN);
    expect(lockoutDelayMs(1000)).toBe(60 * MIN);
    expect(lockoutDelayMs(Number.MAX_SAFE_INTEGER)).toBe(60 * MIN);
  });
});

describe('passwordExpired', () => {
  const changed = '2025-01-01T08:00:00+08:00';
  it('is false before maxAgeDays have passed', () => {
    expect(passwordExpired(changed, 90, new Date('2025-03-31T07:59:59+08:00'))).toBe(false);
  });

  it('is true once maxAgeDays have passed', () => {
    expect(passwordExpired(changed, 90, new Date('2025-04-01T08:00:00+08:00'))).toBe(true);
    expect(passwordExpired(changed, 90, new Date('2026-01-01T00:00:00+08:00'))).toBe(true);
  });

  it('never expires when maxAgeDays is 0 or negative', () => {
    expect(passwordExpired(changed, 0, new Date('2099-01-01'))).toBe(false);
    expect(passwordExpired(changed, -1, new Date('2099-01-01'))).toBe(false);
  });

  it('treats a missing or unparseable timestamp as expired', () => {
    expect(passwordExpired(null, 90, new Date('2025-01-02'))).toBe(true);
    expect(passwordExpired(undefined, 90, new Date('2025-01-02'))).toBe(true);
    expect(passwordExpired('not a date', 90, new Date('2025-01-02'))).toBe(true);
  });
});
