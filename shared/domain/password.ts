/**
 * Password policy for local accounts. The app stores personal information of
 * minors and adults (PIPL, DOMAIN §9), so weak passwords and unlimited guessing
 * are not acceptable even on an offline desktop install.
 */
import { addDays, isBefore, isValid, parseISO } from 'date-fns';

export const PASSWORD_MIN_LENGTH = 10;
/** Failures tolerated before any delay. */
export const LOCKOUT_THRESHOLD = 5;
const LOCKOUT_BASE_MS = 60_000;
const LOCKOUT_CAP_MS = 60 * 60_000;

export type PasswordPolicyResult = { ok: true } | { ok: false; message: string };

/**
 * ≥ 10 characters (code points, so a Chinese character counts once) with at
 * least one ASCII letter and one digit. All unmet rules are listed together so
 * the user does not fix them one at a time.
 */
export function checkPasswordPolicy(pw: string): PasswordPolicyResult {
  const problems: string[] = [];
  const length = Array.from(pw).length;
  if (length < PASSWORD_MIN_LENGTH) {
    problems.push(`密码至少需要 ${PASSWORD_MIN_LENGTH} 个字符（当前 ${length} 个）`);
  }
  if (!/[A-Za-z]/.test(pw)) problems.push('密码必须包含至少一个英文字母');
  if (!/[0-9]/.test(pw)) problems.push('密码必须包含至少一个数字');
  return problems.length === 0 ? { ok: true } : { ok: false, message: problems.join('；') };
}

/**
 * Delay before the next login attempt after `failures` consecutive failures:
 * none below 5; 1 minute at 5, doubling with each further failure, capped at
 * 60 minutes. Exponential rather than a hard lock so a forgetful user is never
 * locked out for good, while online guessing becomes impractical.
 */
export function lockoutDelayMs(failures: number): number {
  if (!Number.isFinite(failures) || failures < LOCKOUT_THRESHOLD) return 0;
  const doublings = Math.min(Math.floor(failures) - LOCKOUT_THRESHOLD, 16); // 2^16 min ≫ cap; avoids overflow
  return Math.min(LOCKOUT_BASE_MS * 2 ** doublings, LOCKOUT_CAP_MS);
}

/**
 * True when the password was changed `maxAgeDays` or more days before `now`.
 * maxAgeDays ≤ 0 (or not finite) means "never expires" — the school can turn
 * rotation off. A missing or unparseable timestamp counts as expired, so the
 * user is asked to set a new password rather than silently exempted.
 */
export function passwordExpired(
  changedAtIso: string | null | undefined,
  maxAgeDays: number,
  now: Date,
): boolean {
  if (!Number.isFinite(maxAgeDays) || maxAgeDays <= 0) return false;
  if (!changedAtIso) return true;
  const changedAt = parseISO(changedAtIso);
  if (!isValid(changedAt)) return true;
  return !isBefore(now, addDays(changedAt, maxAgeDays));
}
