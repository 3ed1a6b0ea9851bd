import { setUserSlot, unlockWithRecoveryKey } from '../../../../db/keyslots';
import { getUserByName, updateUser } from '../../../../db/queries/users';
import type { FeatureHandlers } from '../../core/handlers-type';
import { AppError } from '../../core/errors';
import { setFailureCount } from './failure-counts';
import { assertStrongPassword } from './password-check';
import { sessionInfo } from './session-info';
import { completeSignIn, upgradeSlotCost, verifyPassword } from './sign-in';

export const authHandlers: FeatureHandlers<'auth'> = {
  'auth.signIn': ({ username, password }, { core, clientId }) => {
    const st = core.folder.state();
    if (st.state === 'not_set_up') throw new AppError('NOT_SET_UP', '尚未初始化，请先完成初始设置。');
    if (st.state === 'problem') throw new AppError('KEY_FILE_MISSING', st.message);
    const key = verifyPassword(core, username, password);
    completeSignIn(core, clientId, username, key);
    upgradeSlotCost(core, username, password, key);
    return sessionInfo(core, core.sessions.get(clientId)!);
  },

  'auth.signOut': (_input, ctx) => {
    const { core, clientId, session } = ctx;
    if (session) {
      // Recorded so the trail shows when each person's work ended.
      ctx.write(() => ({ value: null, audit: [{ action: 'auth.signOut', entity: 'user', entityId: session.userId, summary: '退出登录' }] }));
    }
    core.sessions.end(clientId);
    // With no one signed in, the key leaves memory.
    if (core.sessions.size === 0) core.folder.close();
    return null;
  },

  'auth.unlock': ({ password }, { core, session }) => {
    const s = session!;
    verifyPassword(core, s.username, password, { purpose: 'unlock', userId: s.userId });
    s.locked = false;
    s.lastActivityAt = core.now();
    return sessionInfo(core, s);
  },

  // 立即锁定: the same lock as after the idle time, so only the password opens it again, whichever
  // window or reload asks next.
  'auth.lock': (_input, { session }) => {
    session!.locked = true;
    return null;
  },

  'auth.touch': () => null,

  'auth.changePassword': ({ oldPassword, newPassword }, ctx) => {
    const { core } = ctx;
    const actor = ctx.actor();
    verifyPassword(core, actor.username, oldPassword, { purpose: 'changePassword', userId: actor.userId });
    assertStrongPassword(newPassword, 'newPassword');
    if (newPassword === oldPassword) throw new AppError('WEAK_PASSWORD', '新密码不能与原密码相同。', 'newPassword');
    core.folder.saveKeyFile(setUserSlot(core.folder.keyFile(), actor.username, newPassword, core.folder.dbKey(), core.folder.kdf));
    ctx.write((db) => {
      updateUser(db, actor.userId, { passwordChangedAt: new Date(core.now()).toISOString(), mustChangePassword: false });
      return { value: null, audit: [{ action: 'auth.changePassword', entity: 'user', entityId: actor.userId, summary: '修改了自己的密码' }] };
    });
    return sessionInfo(core, ctx.session!);
  },

  'auth.recover': ({ recoveryKey, username, newPassword }, { core, clientId }) => {
    const st = core.folder.state();
    if (st.state !== 'ready') throw new AppError('NOT_SET_UP', st.state === 'problem' ? st.message : '尚未初始化。');
    const key = unlockWithRecoveryKey(core.folder.keyFile(), recoveryKey);
    if (!key) throw new AppError('WRONG_PASSWORD', '恢复密钥不正确，请核对打印的恢复密钥（不区分大小写，可省略连字符）。', 'recoveryKey');
    assertStrongPassword(newPassword, 'newPassword');
    core.folder.open(key);
    const user = getUserByName(core.folder.db(), username);
    if (!user) {
      // A refused call leaves the database as it found it: closed when no one is signed in.
      if (core.sessions.size === 0) core.folder.close();
      throw new AppError('NOT_FOUND', `没有名为“${username}”的用户。`, 'username');
    }
    core.folder.saveKeyFile(setUserSlot(core.folder.keyFile(), user.username, newPassword, key, core.folder.kdf));
    core.folder.transaction((tx) => updateUser(tx, user.id, { passwordChangedAt: new Date(core.now()).toISOString(), mustChangePassword: false, disabled: false }));
    setFailureCount(core, core.folder.keyFile(), user.username, { failures: 0, lockedUntil: null });
    completeSignIn(core, clientId, user.username, key, 'auth.recover');
    return sessionInfo(core, core.sessions.get(clientId)!);
  },
};
