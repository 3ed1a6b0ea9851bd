import { getUserById } from '../../../db/queries/users';
import { getSettings } from '../../../db/queries/settings';
import { hasPermission, PERMISSIONS, ROLE_LABELS } from '../../../shared/domain/permissions';
import { CHANNELS, type Channel } from '../../../shared/ipc/channels';
import { contract, type CallSpec } from '../../../shared/ipc/contract';
import { fail, ok, type Result } from '../../../shared/ipc/result';
import { makeContext, type AppCore } from './context';
import { AppError, toErrorData } from './errors';
import type { Handlers } from './handlers-type';
import { checkOutput } from './output-check';
import { checkStudentScope } from './student-scope';
import type { Session } from './sessions';

const channelSet = new Set<string>(CHANNELS);
export const isChannel = (c: string): c is Channel => channelSet.has(c);

/**
 * Calls answered even while a long write has the connection to itself (see WriteGate): cancelling
 * it, and the browser host's status poll. Neither writes.
 */
const PASS_WHILE_WRITING = new Set<Channel>(['jobs.cancel', 'app.status']);

/**
 * All a signed-in user may do while their password is one an admin chose (a new account, or after
 * 重置密码): change it, leave, lock and unlock, and the status. Checked here for every channel, so
 * the screens are not the only thing holding the rest back.
 */
const BEFORE_PASSWORD_CHANGE = new Set<Channel>(['app.status', 'auth.changePassword', 'auth.signOut', 'auth.lock', 'auth.unlock', 'auth.touch']);

export type Dispatch = (clientId: string, channel: string, input: unknown) => Promise<Result<unknown>>;

/**
 * The single entry for every call from every host (Electron IPC, the browser host, the CLI, tests):
 * known channel → signed in → not idle-locked → permitted → password not awaiting its change →
 * input valid → handler. Checks happen
 * in that order, before the handler does anything; in tests and development builds the handler's
 * answer is then checked against the contract's output schema (a mismatch is an INTERNAL error).
 */
export function createDispatcher(core: AppCore, handlers: Handlers): Dispatch {
  return async (clientId, channel, rawInput) => {
    if (!isChannel(channel)) return fail({ code: 'UNKNOWN_CHANNEL', message: '未知的请求。' });
    const run = () => call(core, handlers, clientId, channel, rawInput);
    return PASS_WHILE_WRITING.has(channel) ? run() : core.writeGate.admit(run);
  };
}

/** One call, from its checks to its answer. */
async function call(core: AppCore, handlers: Handlers, clientId: string, channel: Channel, rawInput: unknown): Promise<Result<unknown>> {
  const spec: CallSpec = contract[channel];
  try {
    const session = currentSession(core, clientId);
    if (spec.access !== 'public') {
      if (!session) throw new AppError('UNAUTHENTICATED', '登录已失效，请重新登录。');
      if (session.locked && !spec.whileLocked) {
        throw new AppError('SESSION_LOCKED', '由于长时间未操作，系统已自动锁定，请输入密码解锁。');
      }
      if (spec.access !== 'session') {
        const anyOf = typeof spec.access === 'string' ? [spec.access] : spec.access;
        if (!anyOf.some((p) => hasPermission(session.role, p))) {
          throw new AppError('FORBIDDEN', `当前角色（${ROLE_LABELS[session.role]}）没有${anyOf.map((p) => `“${PERMISSIONS[p]}”`).join('或')}的权限。`);
        }
      }
      if (session.mustChangePassword && !BEFORE_PASSWORD_CHANGE.has(channel)) {
        throw new AppError('PASSWORD_CHANGE_REQUIRED', '请先修改密码：管理员设置或重置的密码须由本人修改后才能继续使用。');
      }
    }
    const input = spec.input.parse(rawInput ?? {});
    if (session && !session.locked && channel !== 'app.status') session.lastActivityAt = core.now();
    const handler = handlers[channel] as (input: unknown, ctx: ReturnType<typeof makeContext>) => unknown;
    const ctx = makeContext(core, clientId, session);
    // 数据范围, beside the permission: the students the input names must be the caller's.
    if (session) checkStudentScope(channel, input, core.folder.db(), ctx.scope);
    const value = await handler(input, ctx);
    // Outside the packaged app the answer must match the contract's output schema too (see createCore).
    if (core.checkOutput) checkOutput(channel, spec.output, value);
    return ok(value);
  } catch (e) {
    return fail(toErrorData(e, channel));
  }
}

/**
 * The client's session, brought up to date: the user's current role (an admin may have changed
 * it), ended if the account was disabled, locked if idle too long.
 */
function currentSession(core: AppCore, clientId: string): Session | null {
  const session = core.sessions.get(clientId);
  if (!session || !core.folder.isOpen) return null;
  const db = core.folder.db();
  const user = getUserById(db, session.userId);
  if (!user || user.disabled) {
    core.sessions.end(clientId);
    return null;
  }
  session.role = user.role;
  session.mustChangePassword = user.mustChangePassword;
  lockIdleSessions(core);
  return session;
}

/** Locks every idle session and tells its client; the hosts also call this on a timer. */
export function lockIdleSessions(core: AppCore): void {
  if (!core.folder.isOpen || core.sessions.size === 0) return;
  const idleMs = getSettings(core.folder.db()).idleLockMinutes * 60_000;
  for (const clientId of core.sessions.lockIdle(core.now(), idleMs)) {
    core.events.emit(clientId, 'session.locked', { reason: 'idle' });
  }
}
