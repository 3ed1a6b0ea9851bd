import type { Channel } from '../../shared/ipc/channels';
import type { CallInput, CallOutput } from '../../shared/ipc/contract';
import { fieldLabelOf } from '../../shared/ipc/zod-locale';
import { createCore } from '../main/core/create-core';
import { jobOutput } from '../main/core/jobs';
import { addFile } from '../main/core/files';
import { CliError, promptHidden } from './prompt';

/**
 * A CLI run is one client of the same dispatcher the app uses: it signs in like the app, so the
 * same permissions and audit apply.
 */
export class CliSession {
  readonly clientId = `cli:${process.pid}`;
  private readonly api: ReturnType<typeof createCore>;

  constructor(readonly dataDir: string) {
    this.api = createCore(dataDir);
  }

  async call<C extends Channel>(channel: C, input: CallInput<C>): Promise<CallOutput<C>> {
    const result = await this.api.dispatch(this.clientId, channel, input);
    if (!result.ok) {
      // The field by its Chinese name, when the message does not already say which it is; never the contract's key.
      const { code, field, message } = result.error;
      const label = code === 'VALIDATION' && field ? fieldLabelOf(field.split('.')) : '';
      throw new CliError(label && !message.includes(label) ? `${message}（${label}）` : message, code === 'VALIDATION' ? 2 : 1, code);
    }
    return result.value as CallOutput<C>;
  }

  /** Hands a file to the services, as a host does with the file a user chose; returns its id. */
  /** The progress of this session's long calls (reading a file, checking, writing), as a window gets it. */
  onProgress(fn: (p: { message: string; done: number; total: number }) => void): () => void {
    return this.api.core.events.subscribe((client, event, payload) => {
      if (client === this.clientId && event === 'progress') fn(payload as { message: string; done: number; total: number });
    });
  }

  addFile(fileName: string, bytes: Uint8Array): string {
    return addFile(this.api.core, this.clientId, fileName, bytes);
  }

  /** A finished job's file (an export), for the CLI to write where --out says: the CLI is its own host. */
  jobOutput(jobId: string) {
    return jobOutput(this.api.core, this.clientId, jobId);
  }

  /**
   * Signs in; returns the password used (the current one, for `users passwd`). An account whose
   * password an admin set may do nothing but change it (the dispatcher holds everything else), so
   * any other command stops here and says how to change it from a script.
   */
  async signIn(username: string, options: { toChangePassword?: boolean } = {}): Promise<string> {
    const password = process.env.XUEJI_PASSWORD ?? (await promptHidden(`用户 ${username} 的密码：`));
    const info = await this.call('auth.signIn', { username, password });
    if (info.mustChangePassword && !options.toChangePassword) {
      throw new CliError(
        `用户 ${username} 须先修改密码（管理员设置或重置的密码须由本人修改后才能继续使用）：请运行 npm run cli -- users passwd --user ${username}，当前密码取自 XUEJI_PASSWORD，新密码取自 XUEJI_NEW_PASSWORD。`,
      );
    }
    return password;
  }

  async close(): Promise<void> {
    if (this.api.core.sessions.get(this.clientId)) await this.call('auth.signOut', {});
    this.api.core.folder.close();
  }
}

export async function newPassword(envName: string, label: string): Promise<string> {
  const fromEnv = process.env[envName];
  if (fromEnv) return fromEnv;
  const first = await promptHidden(`${label}：`);
  const again = await promptHidden(`再次输入${label}：`);
  if (first !== again) throw new CliError('两次输入的密码不一致。', 2);
  return first;
}
