import { listUsers } from '../../../../db/queries/users';
import type { Slot } from '../../../../db/keyslots';
import { startJob, yieldToLoop } from '../../core/jobs';
import type { FeatureHandlers } from '../../core/handlers-type';
import { rotateDataKey, type RotationOutcome } from './rotation';

function summary(r: RotationOutcome): string {
  return (
    `数据密钥已更换：${r.accounts} 个账户保留访问（密码不变），${r.attachments} 个附件和照片已重新加密；旧的密钥文件和已停用账户的密码从此打不开数据` +
    (r.needPasswordReset.length ? `。以下账户的密钥由旧版本创建，须由管理员重置密码后才能登录：${r.needPasswordReset.join('、')}` : '') +
    (r.recoveryKey ? '。已生成新的恢复密钥，旧的恢复密钥作废' : '')
  );
}

export const keysHandlers: FeatureHandlers<'keys'> = {
  /**
   * 更换数据密钥, on the admin's demand or right after disabling a user: the accounts that keep
   * access are the enabled ones; everything else loses its slot (features/keys/rotation.ts).
   */
  'keys.rotate': async (input, ctx) => {
    ctx.actor(); // signed in, before any work
    const { core } = ctx;
    const task = startJob(ctx, 'keys.rotate', input.jobId, '已取消，数据密钥未更换。');
    return task.run(
      () =>
        // The database and the files change key under everyone: nothing else may run meanwhile.
        core.writeGate.exclusive(async () => {
          task.progress(0, 0, '正在准备新的数据密钥…', true);
          const enabled = new Set(listUsers(core.folder.db()).filter((u) => !u.disabled).map((u) => u.username.toLowerCase()));
          const keep = (s: Slot) => (s.kind === 'recovery' ? !input.newRecoveryKey : enabled.has(s.username ?? ''));
          const outcome = await rotateDataKey(
            core.folder.dir,
            core.folder.keyFile(),
            core.folder.dbKey(),
            { keep, newRecoveryKey: input.newRecoveryKey ?? false, kdf: core.folder.kdf, now: new Date(core.now()) },
            {
              progress: (done, total, message) => task.progress(done, total, message),
              check: () => task.check(),
              beyondCancel: (message) => task.beyondCancel(message),
              breathe: yieldToLoop,
              rekey: (newKey) => core.folder.changeKey(newKey),
            },
          );
          ctx.write(() => ({
            value: null,
            audit: [{
              action: 'keys.rotate', entity: 'keys', entityId: null,
              summary: `更换数据密钥：${outcome.accounts} 个账户保留访问，${outcome.attachments} 个附件和照片重新加密${outcome.recoveryKey ? '，生成新的恢复密钥' : ''}${outcome.needPasswordReset.length ? `，须重置密码：${outcome.needPasswordReset.join('、')}` : ''}`,
            }],
          }));
          return outcome;
        }),
      summary,
    );
  },
};
