/**
 * A benchmark's app on a data folder: the real services through the dispatcher, with typed calls
 * that throw on failure (a benchmark has no failures to report, only figures).
 */
import { createCore } from '../../electron/main/core/create-core';
import { addFile } from '../../electron/main/core/files';
import { jobOutput } from '../../electron/main/core/jobs';
import type { Channel } from '../../shared/ipc/channels';
import type { CallInput, CallOutput } from '../../shared/ipc/contract';

export const BENCH_USER = { username: 'admin', password: 'Bench1234567' };

/** setup.create input of every benchmark's department. */
export const BENCH_DEPARTMENT = { schoolCode: '12345', schoolName: '基准测试学院', departmentName: '信息工程系', admin: { ...BENCH_USER, displayName: '管理员' } };

export function benchApp(dir: string, client: string) {
  // Measured as installed: without the development-time check of every answer against its schema.
  // The clock can be moved on (学年升级 only happens on or after its day).
  let offset = 0;
  const { core, dispatch } = createCore(dir, { checkOutput: false, now: () => Date.now() + offset });
  const call = async <C extends Channel>(channel: C, input: CallInput<C>): Promise<CallOutput<C>> => {
    const r = await dispatch(client, channel, input);
    if (!r.ok) throw new Error(`${channel}: ${r.error.message}`);
    return r.value as CallOutput<C>;
  };
  /** A file handed to the services as a host does (core/files.ts). */
  const upload = (fileName: string, bytes: Uint8Array) => ({ fileId: addFile(core, client, fileName, bytes) });
  /** A finished job's file (an export). */
  const output = (jobId: string) => jobOutput(core, client, jobId)?.bytes ?? null;
  /** Moves the app's clock to a day (local midnight + 9 h), for work that waits for a date. */
  const setDay = (day: string) => {
    offset = new Date(`${day}T09:00:00`).getTime() - Date.now();
  };
  return { core, call, upload, output, setDay };
}
