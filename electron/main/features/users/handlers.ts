import { findUserSlot, setUserSlot } from '../../../../db/keyslots';
import { diffFields } from '../../../../db/queries/audit';
import { countActiveAdmins, getUserById, getUserByName, insertUser, listUsers, updateUser, type UserRecord } from '../../../../db/queries/users';
import { getSignInRecord, setSignInRecord } from '../../../../db/signin-state';
import { ROLE_LABELS } from '../../../../shared/domain/permissions';
import type { UserRow } from '../../../../shared/ipc/schemas/users';
import type { AppCore } from '../../core/context';
import { AppError } from '../../core/errors';
import type { FeatureHandlers } from '../../core/handlers-type';
import { assertStrongPassword } from '../auth/password-check';

function toRow(core: AppCore, u: UserRecord, keyFile = core.folder.keyFile()): UserRow {
  const lock = getSignInRecord(core.folder.dir, u.username).lockedUntil;
  return {
    id: u.id,
    username: u.username,
    displayName: u.displayName,
    role: u.role,
    disabled: u.disabled,
    hasKey: findUserSlot(keyFile, u.username) !== undefined,
    lockedUntil: lock && Date.parse(lock) > core.now() ? lock : null,
    passwordChangedAt: u.passwordChangedAt,
    lastSignInAt: u.lastSignInAt,
    createdAt: u.createdAt,
  };
}

function mustFind(core: AppCore, id: number): UserRecord {
  const user = getUserById(core.folder.db(), id);
  if (!user) throw new AppError('NOT_FOUND', '找不到该用户，可能已被删除。');
  return user;
}

const AUDITED_FIELDS: (keyof UserRecord & string)[] = ['displayName', 'role', 'disabled'];

export const usersHandlers: FeatureHandlers<'users'> = {
  'users.list': (_input, { core }) => {
    const keyFile = core.folder.keyFile();
    return listUsers(core.folder.db()).map((u) => toRow(core, u, keyFile));
  },

  'users.create': (input, ctx) => {
    const { core } = ctx;
    if (getUserByName(core.folder.db(), input.username)) {
      throw new AppError('CONFLICT', `用户名“${input.username}”已存在，请换一个。`, 'username');
    }
    assertStrongPassword(input.password, 'password');
    const now = new Date(core.now()).toISOString();
    const keyFileBefore = core.folder.keyFile();
    core.folder.saveKeyFile(setUserSlot(keyFileBefore, input.username, input.password, core.folder.dbKey(), core.folder.kdf));
    try {
      const user = ctx.write((db) => {
        // A new account's first password was chosen by the admin: the user must replace it.
        const u = insertUser(db, { username: input.username, displayName: input.displayName, role: input.role, mustChangePassword: true, passwordChangedAt: now, createdAt: now });
        return {
          value: u,
          audit: [{ action: 'users.create', entity: 'user', entityId: u.id, summary: `新建用户 ${u.username}（${ROLE_LABELS[u.role]}）`, changes: diffFields(null, u, ['username', ...AUDITED_FIELDS]) }],
        };
      });
      return toRow(core, user);
    } catch (e) {
      core.folder.saveKeyFile(keyFileBefore); // keep slots and users in step
      throw e;
    }
  },

  'users.update': (input, ctx) => {
    const { core } = ctx;
    const actor = ctx.actor();
    const before = mustFind(core, input.id);
    const patch: Partial<UserRecord> = {};
    if (input.displayName !== undefined) patch.displayName = input.displayName;
    if (input.role !== undefined) patch.role = input.role;
    if (input.disabled !== undefined) patch.disabled = input.disabled;
    const losesAdmin = before.role === 'admin' && !before.disabled && ((patch.role && patch.role !== 'admin') || patch.disabled);
    if (losesAdmin && countActiveAdmins(core.folder.db()) <= 1) {
      throw new AppError('CONFLICT', '系统中至少需要保留一个启用的管理员账户。', patch.role ? 'role' : 'disabled');
    }
    if (before.id === actor.userId && patch.disabled) throw new AppError('CONFLICT', '不能停用自己正在使用的账户。', 'disabled');
    const after = ctx.write((db) => {
      const u = Object.keys(patch).length ? updateUser(db, before.id, patch) : before;
      const changes = diffFields(before, u, AUDITED_FIELDS);
      const audit = changes.length
        ? [{ action: 'users.update', entity: 'user', entityId: u.id, summary: `修改用户 ${u.username}`, changes }]
        : [];
      if (input.unlock) audit.push({ action: 'users.unlock', entity: 'user', entityId: u.id, summary: `解除用户 ${u.username} 的登录锁定`, changes: [] });
      return { value: u, audit };
    });
    if (input.unlock) setSignInRecord(core.folder.dir, before.username, { failures: 0, lockedUntil: null });
    // The key slot stays until the data key is changed (keys.rotate, which 用户管理 offers right
    // after): until then sign-in still knows the name, so the audit trail can say 账户已停用.
    if (after.disabled) core.sessions.endForUser(after.id);
    return toRow(core, after);
  },

  'users.resetPassword': (input, ctx) => {
    const { core } = ctx;
    const user = mustFind(core, input.id);
    assertStrongPassword(input.newPassword, 'newPassword');
    core.folder.saveKeyFile(setUserSlot(core.folder.keyFile(), user.username, input.newPassword, core.folder.dbKey(), core.folder.kdf));
    setSignInRecord(core.folder.dir, user.username, { failures: 0, lockedUntil: null });
    ctx.write((db) => {
      updateUser(db, user.id, { mustChangePassword: true, passwordChangedAt: new Date(core.now()).toISOString() });
      return { value: null, audit: [{ action: 'users.resetPassword', entity: 'user', entityId: user.id, summary: `重置用户 ${user.username} 的密码` }] };
    });
    return null;
  },
};
