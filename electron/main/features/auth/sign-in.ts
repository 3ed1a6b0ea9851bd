import { findUserSlot, setUserSlot, slotNeedsRewrap, unlockWithPassword, type KeyFile } from '../../../../db/keyslots';
import { getUserByName, updateUser, type UserRecord } from '../../../../db/queries/users';
import type { SignInRecord } from '../../../../db/signin-state';
import { appendAudit } from '../../../../db/queries/audit';
import { lockoutDelayMs } from '../../../../shared/domain/password';
import type { AppCore } from '../../core/context';
import { AppError } from '../../core/errors';
import { log } from '../../core/log';
import { failureCount, setFailureCount } from './failure-counts';
import { recordSignInFailure, writePendingSignInEvents, type SignInFailure } from './signin-audit';

const MAX_FAILURES_BEFORE_LOCK = 5;

const minutesLeft = (until: number, now: number) => Math.max(1, Math.ceil((until - now) / 60_000));

function lockedMessage(until: number, now: number): string {
  return `密码连续输错次数过多，该账户已暂时锁定，请约 ${minutesLeft(until, now)} 分钟后再试，或请管理员解除锁定。`;
}

/**
 * Why the password is asked for. A sign-in names no one yet, so its refusal must not tell a wrong
 * name from a wrong password; on the lock screen and in 修改密码 the user is known and the password
 * is their current one. Each failure has its own audit action.
 */
export type PasswordCheck =
  | { purpose: 'signIn' }
  | { purpose: 'unlock' | 'changePassword'; userId: number };

const FAILED_ACTION = { signIn: 'auth.signInFailed', unlock: 'auth.unlockFailed', changePassword: 'auth.changePasswordFailed' } as const;
const FAILED_WHAT = { signIn: '登录失败', unlock: '锁屏解锁失败', changePassword: '修改密码失败' } as const;

/** How an audit entry names a sign-in with a user name no account has. */
export const UNKNOWN_USERNAME = '（不存在的用户名）';

/**
 * Checks a password against the user's key slot, counting failures per account: after 5 wrong
 * attempts the account is locked, for longer after each further failure. Returns the database key.
 * Every refusal is recorded in the audit trail before it is thrown (see signin-audit.ts).
 */
export function verifyPassword(core: AppCore, username: string, password: string, check: PasswordCheck = { purpose: 'signIn' }): Buffer {
  const now = core.now();
  const keyFile = core.folder.keyFile();
  const known = findUserSlot(keyFile, username) !== undefined;
  const count = failureCount(core, keyFile, username);
  if (count.lockedUntil && Date.parse(count.lockedUntil) > now) {
    const until = Date.parse(count.lockedUntil);
    recordSignInFailure(core, {
      username: nameForTrail(known, username),
      userId: check.purpose === 'signIn' ? null : check.userId,
      action: FAILED_ACTION[check.purpose],
      summary: `${FAILED_WHAT[check.purpose]}：账户已锁定，约 ${minutesLeft(until, now)} 分钟后解除`,
    });
    throw new AppError('ACCOUNT_LOCKED', lockedMessage(until, now));
  }
  const key = unlockWithPassword(keyFile, username, password, core.folder.kdf);
  if (key) {
    // A sign-in's count is cleared once the account turns out enabled too (completeSignIn).
    if (check.purpose !== 'signIn') clearFailures(core, keyFile, username, count);
    return key;
  }
  throw countFailure(core, keyFile, username, check, (failures) => (known ? `密码错误（连续第 ${failures} 次）` : '用户不存在'));
}

function clearFailures(core: AppCore, keyFile: KeyFile, username: string, count: SignInRecord): void {
  if (count.failures > 0 || count.lockedUntil) setFailureCount(core, keyFile, username, { failures: 0, lockedUntil: null });
}

/** A name no account has is not written down: it is often a password typed into the wrong box. */
const nameForTrail = (known: boolean, username: string) => (known ? username : UNKNOWN_USERNAME);

/**
 * One more failure for this name: counted toward the lockout and recorded with the outcome (for
 * the audit trail only). Returns the refusal to throw, the same whatever the outcome was.
 */
function countFailure(core: AppCore, keyFile: KeyFile, username: string, check: PasswordCheck, outcome: (failures: number) => string): AppError {
  const now = core.now();
  const what = FAILED_WHAT[check.purpose];
  const failures = failureCount(core, keyFile, username).failures + 1;
  const delay = lockoutDelayMs(failures);
  const lockedUntil = delay > 0 ? new Date(now + delay).toISOString() : null;
  setFailureCount(core, keyFile, username, { failures, lockedUntil });
  const record = (action: SignInFailure['action'], summary: string) =>
    recordSignInFailure(core, {
      username: nameForTrail(findUserSlot(keyFile, username) !== undefined, username),
      userId: check.purpose === 'signIn' ? null : check.userId,
      action,
      summary,
    });
  if (lockedUntil) {
    record('auth.lockout', `${what}：${outcome(failures)}，账户已锁定 ${minutesLeft(now + delay, now)} 分钟`);
    return new AppError('ACCOUNT_LOCKED', lockedMessage(now + delay, now));
  }
  record(FAILED_ACTION[check.purpose], `${what}：${outcome(failures)}`);
  const warning = `再输错 ${MAX_FAILURES_BEFORE_LOCK - failures} 次，账户将被暂时锁定。`;
  if (check.purpose === 'signIn') return new AppError('WRONG_PASSWORD', `用户名或密码错误。${warning}`, 'password');
  return new AppError('WRONG_PASSWORD', `当前密码不正确。${warning}`, check.purpose === 'changePassword' ? 'oldPassword' : 'password');
}

/**
 * Opens the database if needed, then finds the account; records the sign-in. A disabled account
 * (or a slot with no account) is refused exactly as a wrong password is, with the same message
 * and count, so the answer does not confirm the password; the database is closed again unless
 * someone else is signed in. Only the audit trail says what it was.
 */
export function completeSignIn(core: AppCore, clientId: string, username: string, key: Buffer, action = 'auth.signIn'): UserRecord {
  core.folder.open(key);
  // Failures while the database was closed go in first, so the trail keeps the order they happened in.
  writePendingSignInEvents(core);
  const db = core.folder.db();
  const user = getUserByName(db, username);
  if (!user || user.disabled) {
    const outcome = user ? '账户已停用' : '用户不存在';
    const refusal = countFailure(core, core.folder.keyFile(), username, { purpose: 'signIn' }, () => outcome);
    if (core.sessions.size === 0) core.folder.close();
    throw refusal;
  }
  clearFailures(core, core.folder.keyFile(), username, failureCount(core, core.folder.keyFile(), username));
  const now = new Date(core.now());
  core.folder.transaction((tx) => {
    updateUser(tx, user.id, { lastSignInAt: now.toISOString() });
    appendAudit(tx, { userId: user.id, username: user.username, action, entity: 'user', entityId: user.id, summary: action === 'auth.recover' ? '使用恢复密钥重设密码并登录' : '登录' }, now);
  });
  core.sessions.start(clientId, user, core.now());
  return user;
}

/**
 * After a successful sign-in: a slot made with a lower cost than the current one (an earlier
 * version's) is rewrapped with it, now that the password is at hand. Other slots are untouched.
 */
export function upgradeSlotCost(core: AppCore, username: string, password: string, key: Buffer): void {
  try {
    const keyFile = core.folder.keyFile();
    const slot = findUserSlot(keyFile, username);
    if (slot && slotNeedsRewrap(slot, core.folder.kdf)) core.folder.saveKeyFile(setUserSlot(keyFile, username, password, key, core.folder.kdf));
  } catch (e) {
    // The old slot still opens the database; the upgrade is tried again at the next sign-in.
    log.error('key slot could not be rewrapped with the current cost', e);
  }
}
