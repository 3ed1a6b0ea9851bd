/**
 * Worker thread that writes a large import on its own encrypted connection, so the main process
 * (which in Electron also keeps the windows responsive) is free while 50,000 rows are written:
 * the write reports real progress and can be cancelled (the transaction rolls back). Bundled as
 * dist/main/commit-worker.mjs; from source it is started through tsx (see commit-runner.ts).
 */
import { parentPort, workerData } from 'node:worker_threads';
import { toDrizzle } from '../../../../db/client';
import { openEncryptedDatabase } from '../../../../db/open';
import type { Actor } from '../../core/context';
import { writeImport, WriteCancelled, type CommitCounts, type CommitMeta, type ImportWrite } from './commit';

export interface CommitJob {
  file: string;
  key: Uint8Array;
  /** ISO time of the import (the main process's clock, which tests may set). */
  now: string;
  actor: Actor;
  write: ImportWrite;
  meta: CommitMeta;
  /** One Int32, set to 1 by the main thread when the user cancels. */
  cancel: SharedArrayBuffer;
}

export type CommitMessage =
  | { type: 'progress'; done: number; total: number }
  | { type: 'done'; counts: CommitCounts }
  | { type: 'cancelled' }
  | { type: 'error'; message: string };

const port = parentPort;
if (port && workerData) {
  const job = workerData as CommitJob;
  const cancel = new Int32Array(job.cancel);
  const key = Buffer.from(job.key);
  const post = (m: CommitMessage) => port.postMessage(m);
  try {
    const sqlite = openEncryptedDatabase(job.file, key);
    try {
      // No checkpoint at this commit: the main process's background checkpoint copies the log
      // back afterwards (as for its own connection, see background-checkpoint.ts). Not imported
      // from there: that module loads checkpoint-worker.ts, whose top level runs in any worker.
      sqlite.pragma('wal_autocheckpoint = 0');
      const db = toDrizzle(sqlite);
      const counts = writeImport({ transaction: (fn) => sqlite.transaction(() => fn(db))() }, new Date(job.now), job.actor, job.write, job.meta, {
        progress: (done, total) => post({ type: 'progress', done, total }),
        cancelled: () => Atomics.load(cancel, 0) === 1,
      });
      post({ type: 'done', counts });
    } finally {
      sqlite.close();
    }
  } catch (e) {
    post(e instanceof WriteCancelled ? { type: 'cancelled' } : { type: 'error', message: e instanceof Error ? e.message : String(e) });
  } finally {
    key.fill(0);
    job.key.fill(0);
  }
}
