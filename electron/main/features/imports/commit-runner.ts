/**
 * Where an import is written. A large one goes to the write worker (commit-worker.ts) on its own
 * connection, with the write gate closed so no other call writes meanwhile: this thread stays free
 * (in Electron it also keeps the windows responsive), the write reports real progress and 取消
 * rolls it back. A small one, or any when no worker can start, is written here in one synchronous
 * transaction, past the point where it can be cancelled.
 */
import { Worker } from 'node:worker_threads';
import type { Actor, CallContext } from '../../core/context';
import { AppError } from '../../core/errors';
import { log } from '../../core/log';
import { yieldToLoop, type TaskHandle } from '../../core/tasks';
import { workerSpec } from '../../core/worker-spec';
import { writeImport, type CommitCounts, type CommitMeta, type ImportWrite } from './commit';
import type { CommitJob, CommitMessage } from './commit-worker';

/** From this many rows on, the write goes to the worker (below, it takes well under a second here). */
export const WORKER_MIN_ROWS = 2000;

export interface Planned {
  ev: ImportWrite;
  /** Set when the checks refuse the import (invalid rows and no skipInvalid): nothing is written. */
  refused: boolean;
}

const CANCELLED = '导入已取消，未写入任何数据。';

/**
 * Writes what `plan()` says, calling it again at the last moment so the checks are those of the
 * database as it is when the write starts. Returns that plan and the counts (null when refused).
 */
export async function commitPlanned<P extends Planned>(ctx: CallContext, actor: Actor, task: TaskHandle, plan: () => P, meta: CommitMeta): Promise<{ planned: P; counts: CommitCounts | null }> {
  const now = new Date(ctx.core.now());
  const first = plan();
  if (first.refused) return { planned: first, counts: null };
  if (first.ev.plans.length >= WORKER_MIN_ROWS) {
    return ctx.core.writeGate.hold(async () => {
      task.check();
      const planned = plan(); // with the gate just closed: nothing else writes from here on
      if (planned.refused) return { planned, counts: null };
      task.progress(0, planned.ev.plans.length, WRITING, true);
      const counts = await writeInWorker(ctx, actor, now, planned.ev, meta, task);
      return { planned, counts };
    });
  }
  // 取消 ends here. The event leaves on the next turn of the loop (an HTTP response flushes then),
  // so let it go before the synchronous write, or the client would keep offering 取消 throughout.
  task.beyondCancel(`正在写入数据库：${first.ev.plans.length} 行一次写入，请稍候（写入开始后不能取消）`);
  await yieldToLoop();
  task.check();
  // From here to the end of the transaction nothing awaits: no other call can change the database
  // between these checks and the writes.
  const planned = plan();
  if (planned.refused) return { planned, counts: null };
  return { planned, counts: writeImport(ctx.core.folder, now, actor, planned.ev, meta) };
}

const WRITING = '正在写入数据库（可以取消：取消后不写入任何数据）';

function writeInWorker(ctx: CallContext, actor: Actor, now: Date, write: ImportWrite, meta: CommitMeta, task: TaskHandle): Promise<CommitCounts> {
  const folder = ctx.core.folder;
  const cancel = new Int32Array(new SharedArrayBuffer(4));
  const job: CommitJob = {
    file: folder.dbFile, key: new Uint8Array(folder.dbKey()), now: now.toISOString(), actor,
    write: { rows: write.rows, plans: write.plans, newClasses: write.newClasses }, meta, cancel: cancel.buffer as SharedArrayBuffer,
  };
  let worker: Worker;
  try {
    const { target, options } = workerSpec(import.meta.url, './commit-worker.ts', 'commit-worker');
    worker = new Worker(target, { ...options, workerData: job });
  } catch (e) {
    log.warn('import write worker could not start, writing in process', e);
    return Promise.resolve(writeImport(folder, now, actor, write, meta));
  }
  return new Promise<CommitCounts>((resolve, reject) => {
    let heard = false;
    let settled = false;
    const finish = (fn: () => void) => {
      if (settled) return;
      settled = true;
      clearInterval(poll);
      job.key.fill(0);
      // The log grew by the whole import: the background checkpoint copies it back.
      folder.checkpoint.afterWrite();
      fn();
    };
    const poll = setInterval(() => {
      if (task.cancelled) Atomics.store(cancel, 0, 1);
    }, 100);
    worker.on('message', (m: CommitMessage) => {
      heard = true;
      switch (m.type) {
        case 'progress':
          // Every row is in: the worker no longer checks for 取消 (search index, then COMMIT).
          if (m.done === m.total) task.beyondCancel('正在完成写入：更新搜索索引并保存，请稍候（此时不能取消）');
          else task.progress(m.done, m.total, WRITING, true);
          break;
        case 'done':
          finish(() => resolve(m.counts));
          break;
        case 'cancelled':
          finish(() => reject(new AppError('CONFLICT', CANCELLED)));
          break;
        case 'error':
          finish(() => reject(new Error(`import write worker: ${m.message}`)));
          break;
      }
    });
    worker.on('error', (e) => {
      if (!heard) {
        // The worker never ran (e.g. its file is missing from a package): write here instead.
        log.warn('import write worker failed to start, writing in process', e);
        finish(() => {
          try {
            resolve(writeImport(folder, now, actor, write, meta));
          } catch (err) {
            reject(err);
          }
        });
      } else finish(() => reject(e));
    });
    worker.on('exit', (code) => finish(() => reject(new Error(`import write worker exited (${code}) without an answer`))));
  });
}
