import { getSignInRecord, setSignInRecord } from '../../../../db/signin-state';
import { findUserSlot, unlockWithPassword } from '../../../../db/keyslots';
import { getUserByName, updateUser, type UserRecord } from '../../../../db/queries/users';
import { appendAudit } from '../../../../db/queries/audit';
import { lockoutDelayMs } from '../../../../shared/domain/password';
import type { AppCore } from '../../core/context';
import { AppError } from '../../core/errors';
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
  const dir = core.folder.dir;
  const now = core.now();
  const userId = check.purpose === 'signIn' ? null : check.userId;
  const what = FAILED_WHAT[check.purpose];
  const keyFile = core.folder.keyFile();
  const known = findUserSlot(keyFile, username) !== undefined;
  // A name no account has is not written down: it is often a password typed into the wrong box.
  const named = known ? username : UNKNOWN_USERNAME;
  const record = (action: SignInFailure['action'], summary: string) => recordSignInFailure(core, { username: named, userId, action, summary });
  const signInRecord = getSignInRecord(dir, username);
  if (signInRecord.lockedUntil && Date.parse(signInRecord.lockedUntil) > now) {
    const until = Date.parse(signInRecord.lockedUntil);
    record(FAILED_ACTION[check.purpose], `${what}：账户已锁定，约 ${minutesLeft(until, now)} 分钟后解除`);
    throw new AppError('ACCOUNT_LOCKED', lockedMessage(until, now));
  }
  const key = unlockWithPassword(keyFile, username, password);
  if (key) {
    if (signInRecord.failures > 0 || signInRecord.lockedUntil) setSignInRecord(dir, username, { failures: 0, lockedUntil: null });
    return key;
  }
  const failures = signInRecord.failures + 1;
  const delay = lockoutDelayMs(failures);
  const lockedUntil = delay > 0 ? new Date(now + delay).toISOString() : null;
  setSignInRecord(dir, username, { failures, lockedUntil });
  const outcome = known ? `密码错误（连续第 ${failures} 次）` : '用户不存在';
  if (lockedUntil) {
    record('auth.lockout', `${what}：${outcome}，账户已锁定 ${minutesLeft(now + delay, now)} 分钟`);
    throw new AppError('ACCOUNT_LOCKED', lockedMessage(now + delay, now));
  }
  record(FAILED_ACTION[check.purpose], `${what}：${outcome}`);
  const left = MAX_FAILURES_BEFORE_LOCK - failures;
  const warning = `再输错 ${left} 次，账户将被暂时锁定。`;
  if (check.purpose === 'signIn') throw new AppError('WRONG_PASSWORD', `用户名或密码错误。${warning}`, 'password');
  throw new AppError('WRONG_PASSWORD', `当前密码不正确。${warning}`, check.purpose === 'changePassword' ? 'oldPassword' : 'password');
}

/** Opens the database if needed, then finds the (enabled) account; records the sign-in. */
export function completeSignIn(core: AppCore, clientId: string, username: string, key: Buffer, action = 'auth.signIn'): UserRecord {
  core.folder.open(key);
  // Failures while the database was closed go in first, so the trail keeps the order they happened in.
  writePendingSignInEvents(core);
  const db = core.folder.db();
  const user = getUserByName(db, username);
  if (!user) {
    recordSignInFailure(core, { username, userId: null, action: 'auth.signInFailed', summary: '登录失败：用户不存在' });
    throw new AppError('WRONG_PASSWORD', '用户名或密码错误。', 'password');
  }
  if (user.disabled) {
    recordSignInFailure(core, { username, userId: null, action: 'auth.signInFailed', summary: '登录失败：账户已停用' });
    throw new AppError('ACCOUNT_DISABLED', '该账户已被停用，请联系管理员。');
  }
  const now = new Date(core.now());
  core.folder.transaction((tx) => {
    updateUser(tx, user.id, { lastSignInAt: now.toISOString() });
    appendAudit(tx, { userId: user.id, username: user.username, action, entity: 'user', entityId: user.id, summary: action === 'auth.recover' ? '使用恢复密钥重设密码并登录' : '登录' }, now);
  });
  core.sessions.start(clientId, user, core.now());
  return user;
}
