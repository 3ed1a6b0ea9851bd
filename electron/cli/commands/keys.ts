import { CliError } from '../prompt';
import type { CliSession } from '../session';

/**
 * `keys rotate`: 更换数据密钥 from a script, the same job as in 用户管理 (features/keys). The accounts
 * that keep access are the enabled ones; disable a user first to take theirs away.
 */
export async function keysCommand(session: CliSession, sub: string | undefined, opts: { newRecoveryKey: boolean; json: boolean }): Promise<number> {
  if (sub !== 'rotate') throw new CliError(`未知的 keys 子命令“${sub ?? ''}”，可用：rotate。`, 2);
  const started = Date.now();
  const r = await session.call('keys.rotate', { newRecoveryKey: opts.newRecoveryKey });
  const lines = [
    `数据密钥已更换（${Date.now() - started} ms）：${r.accounts} 个账户保留访问，${r.attachments} 个附件和照片已重新加密。`,
    '旧的 keyslots.json 副本和已停用账户的密码从此打不开这份数据。',
    ...(r.needPasswordReset.length ? [`以下账户的密钥由旧版本创建，须重置密码后才能登录：${r.needPasswordReset.join('、')}`] : []),
    ...(r.recoveryKey ? ['', '新的恢复密钥（只显示这一次，请打印或抄写后妥善保管；旧的恢复密钥已作废）：', '', `    ${r.recoveryKey}`, ''] : []),
  ];
  console.log(opts.json ? JSON.stringify({ ...r, ms: Date.now() - started }, null, 2) : lines.join('\n'));
  return 0;
}
