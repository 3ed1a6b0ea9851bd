/**
 * Worker thread that copies the write-ahead log back into the database file (a WAL checkpoint)
 * on its own connection, so a large write — an import of 50,000 students writes ~170 MB of
 * encrypted pages — does not also make the main process re-encrypt and copy all of it before it
 * can answer the next call. Opens, checkpoints once, closes. Bundled as
 * dist/main/checkpoint-worker.mjs (see background-checkpoint.ts).
 */
import { parentPort, workerData } from 'node:worker_threads';
import { openEncryptedDatabase } from '../../../db/open';
import { FINISHED, RUNNING, type CheckpointJob, type CheckpointReply } from './checkpoint-job';

const port = parentPort;
if (port) {
  const job = workerData as CheckpointJob;
  const state = new Int32Array(job.state);
  Atomics.store(state, 0, RUNNING);
  const key = Buffer.from(job.key);
  let reply: CheckpointReply;
  try {
    const db = openEncryptedDatabase(job.file, key);
    try {
      // PASSIVE: copies what it can without waiting for, or blocking, the main connection.
      const [r] = db.pragma('wal_checkpoint(PASSIVE)') as { busy: number; log: number; checkpointed: number }[];
      reply = { ok: true, frames: r?.log ?? 0, copied: r?.checkpointed ?? 0 };
    } finally {
      db.close();
    }
  } catch (e) {
    reply = { ok: false, message: e instanceof Error ? e.message : String(e) };
  } finally {
    key.fill(0);
    job.key.fill(0);
    Atomics.store(state, 0, FINISHED);
    Atomics.notify(state, 0);
  }
  port.postMessage(reply);
}
