import { addFile } from '../../electron/main/core/files';
import { jobOutput } from '../../electron/main/core/jobs';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Channel } from '../../shared/ipc/channels';
import type { CallInput, CallOutput } from '../../shared/ipc/contract';
import type { AppErrorData, Result } from '../../shared/ipc/result';
import { createCore, type CoreOptions } from '../../electron/main/core/create-core';
import type { KdfParams } from '../../db/keyslots';

export const ADMIN = { username: 'admin', displayName: '王建国', password: 'Admin12345xy' };
export const PROFILE = { schoolCode: '12345', schoolName: '示范职业技术学院', departmentName: '信息工程系' };
/** The department's counselor and manager most feature tests work with, and the clients they use. */
export const COUNSELOR = { username: 'zhao', displayName: '赵辅导员', role: 'counselor', password: 'Counsel12345', client: 'counselor-client' } as const;
export const MANAGER = { username: 'qian', displayName: '钱主任', role: 'manager', password: 'Manager12345', client: 'manager-client' } as const;

/**
 * The key-slot cost the harness uses: the app's former default (scrypt N=2^15). The production cost
 * (N=2^17, about 4 times the processor time) would add half a second to each of the suite’s many
 * sign-ins and password changes; the tests of the cost itself (keys.test.ts) pass { kdf: DEFAULT_KDF }.
 */
export const HARNESS_KDF: KdfParams = { name: 'scrypt', N: 2 ** 15, r: 8, p: 1, keyLen: 32 };

/** A real core over a real encrypted data folder in a temp directory, with a clock the test moves. */
export function makeApp(dir = mkdtempSync(join(tmpdir(), 'xueji-test-')), options: Pick<CoreOptions, 'kdf'> = {}) {
  let now = Date.parse('2026-09-01T08:00:00Z');
  const { core, dispatch } = createCore(dir, { now: () => now, kdf: options.kdf ?? HARNESS_KDF });
  const raw = (clientId: string, channel: string, input: unknown): Promise<Result<unknown>> => dispatch(clientId, channel, input);
  async function call<C extends Channel>(clientId: string, channel: C, input: CallInput<C>): Promise<CallOutput<C>> {
    const r = await dispatch(clientId, channel, input);
    if (!r.ok) throw new Error(`${channel} failed: ${r.error.code} ${r.error.message}`);
    return r.value as CallOutput<C>;
  }
  async function fails(clientId: string, channel: Channel, input: unknown): Promise<AppErrorData> {
    const r = await dispatch(clientId, channel, input);
    if (r.ok) throw new Error(`${channel} unexpectedly succeeded`);
    return r.error;
  }
  /**
   * The admin creates the user with a first password; the user signs in on clientId and replaces
   * it with user.password, as the app asks at the first sign-in. Stays signed in there.
   */
  async function addUser(user: { username: string; displayName: string; role: CallInput<'users.create'>['role']; password: string }, clientId: string) {
    const first = `First${user.password}`;
    const created = await call('admin-client', 'users.create', { ...user, password: first });
    await call(clientId, 'auth.signIn', { username: user.username, password: first });
    await call(clientId, 'auth.changePassword', { oldPassword: first, newPassword: user.password });
    return created;
  }
  return {
    dir,
    core,
    raw,
    call,
    fails,
    /** A file the user chose, handed to the services as a host does (core/files.ts). */
    upload(clientId: string, fileName: string, bytes: Uint8Array): { fileId: string } {
      return { fileId: addFile(core, clientId, fileName, bytes) };
    },
    /** The file a finished job made (an export), as the host would save it. */
    output(clientId: string, jobId: string): Buffer {
      const out = jobOutput(core, clientId, jobId);
      if (!out) throw new Error(`job ${jobId} has no output for ${clientId}`);
      return Buffer.from(out.bytes);
    },
    advance(ms: number) {
      now += ms;
    },
    async setup(clientId = 'admin-client') {
      return call(clientId, 'setup.create', { ...PROFILE, admin: ADMIN });
    },
    addUser,
    /** After setup: the admin creates COUNSELOR and MANAGER, who sign in on their own clients. */
    async addStaff() {
      for (const { client, ...user } of [COUNSELOR, MANAGER]) await addUser(user, client);
    },
    close() {
      core.folder.close();
    },
    remove() {
      core.folder.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
export type TestApp = ReturnType<typeof makeApp>;
