import { getSignInRecord, setSignInRecord } from '../../../../db/signin-state';
import { unlockWithPassword } from '../../../../db/keyslots';
import { getUserByName, updateUser, type UserRecord } from '../../../../db/queries/users';
import { appendAudit } from '../../../../db/queries/audit';
import { lockoutDelayMs } from '../../../../shared/domain/password';
import type { AppCore } from '../../core/context';
import { AppError } from '../../core/errors';

const MAX_FAILURES_BEFORE_LOCK = 5;

function lockedMessage(until: number, now: number): string {
  const minutes = Math.max(1, Math.ceil((until - now) / 60_000));
  return `密码连续输错次数过多，该账户已暂时锁定，请约 ${minutes} 分钟后再试，或请管理员解除锁定。`;
}

/**
 * Checks a password against the user's key slot, counting failures per account: after 5 wrong
 * attempts the account is locked, for longer after each further failure. Returns the database key.
 */
export function verifyPassword(core: AppCore, username: string, password: string): Buffer {
  const dir = core.folder.dir;
  const now = core.now();
  const record = getSignInRecord(dir, username);
  if (record.lockedUntil && Date.parse(record.lockedUntil) > now) {
    throw new AppError('ACCOUNT_LOCKED', lockedMessage(Date.parse(record.lockedUntil), now));
  }
  const key = unlockWithPassword(core.folder.keyFile(), username, password);
  if (key) {
    if (record.failures > 0 || record.lockedUntil) setSignInRecord(dir, username, { failures: 0, lockedUntil: null });
    return key;
  }
  const failures = record.failures + 1;
  const delay = lockoutDelayMs(failures);
  const lockedUntil = delay > 0 ? new Date(now + delay).toISOString() : null;
  setSignInRecord(dir, username, { failures, lockedUntil });
  if (lockedUntil) throw new AppError('ACCOUNT_LOCKED', lockedMessage(now + delay, now));
  const left = MAX_FAILURES_BEFORE_LOCK - failures;
  throw new AppError('WRONG_PASSWORD', `用户名或密码错误。再输错 ${left} 次，账户将被暂时锁定。`, 'password');
}

/** Opens the database if needed, then finds the (enabled) account; records the sign-in. */
export function completeSignIn(core: AppCore, clientId: string, username: string, key: Buffer, action = 'auth.signIn'): UserRecord {
  core.folder.open(key);
  const db = core.folder.db();
  const user = getUserByName(db, username);
  if (!user) throw new AppError('WRONG_PASSWORD', '用户名或密码错误。', 'password');
  if (user.disabled) throw new AppError('ACCOUNT_DISABLED', '该账户已被停用，请联系管理员。');
  const now = new Date(core.now());
  core.folder.transaction((tx) => {
    updateUser(tx, user.id, { lastSignInAt: now.toISOString() });
    appendAudit(tx, { userId: user.id, username: user.username, action, entity: 'user', entityId: user.id, summary: action === 'auth.recover' ? '使用恢复密钥重设密码并登录' : '登录' }, now);
  });
  core.sessions.start(clientId, user, core.now());
  return user;
}
