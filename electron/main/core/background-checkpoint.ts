/**
 * Keeps the write-ahead log (xueji.db-wal) from growing without making the caller of a large write
 * wait for the copy back into the database file. The main connection never checkpoints on commit
 * (wal_autocheckpoint = 0); after each write transaction the data folder calls `afterWrite`, and
 * once the log is larger than LOG_LIMIT a one-shot worker thread (checkpoint-worker.ts) checkpoints
 * it on its own connection. Without a worker (packaging problem) the main connection does it.
 */
import { statSync } from 'node:fs';
import type { Worker } from 'node:worker_threads';
import type { SqliteDb } from '../../../db/open';
import { RUNNING, type CheckpointJob, type CheckpointReply } from './checkpoint-job';
import { log } from './log';
import { runWorker } from './worker-runner';

/** About 1,000 pages, SQLite's own automatic-checkpoint size. */
export const LOG_LIMIT = 4 * 1024 * 1024;

export class BackgroundCheckpoint {
  private running: Promise<void> | null = null;
  private worker: { thread: Worker; state: Int32Array } | null = null;
  /** Log size when the last checkpoint was handed off: unchanged means nothing new to copy. */
  private handedOff = -1;
  private workerUnavailable = false;
  /** Checkpoints done so far, by where they ran (tests and the benchmark read these). */
  readonly done = { worker: 0, inProcess: 0 };

  constructor(
    private readonly dbFile: string,
    private readonly connection: () => SqliteDb | null,
    private readonly key: () => Buffer | null,
  ) {}

  /** Configures the main connection: no checkpoint on commit; the log is cut back to LOG_LIMIT once copied. */
  static configure(db: SqliteDb): void {
    db.pragma('wal_autocheckpoint = 0');
    db.pragma(`journal_size_limit = ${LOG_LIMIT}`);
  }

  /** Call after a write: starts a checkpoint when the log has grown past LOG_LIMIT. */
  afterWrite(): void {
    if (this.running) return;
    let size: number;
    try {
      size = statSync(`${this.dbFile}-wal`).size;
    } catch {
      return;
    }
    if (size <= LOG_LIMIT || size === this.handedOff) return;
    this.handedOff = size;
    if (this.workerUnavailable) return this.inProcess();
    const key = this.key();
    if (!key) return;
    this.running = this.inWorker(key).finally(() => (this.running = null));
  }

  /**
   * Called before the main connection closes: waits (blocking, as closing is synchronous) until a
   * running worker has closed its connection, so the main connection closes last and leaves a
   * complete xueji.db, and no thread is still inside SQLite when the process quits.
   */
  stop(): void {
    const w = this.worker;
    if (!w) return;
    // Still loading its code: give it a moment to start; one that never starts is just stopped.
    if (Atomics.load(w.state, 0) === 0) Atomics.wait(w.state, 0, 0, 5_000);
    if (Atomics.load(w.state, 0) === RUNNING) Atomics.wait(w.state, 0, RUNNING, 60_000);
    void w.thread.terminate();
    this.worker = null;
  }

  /** Resolves when no checkpoint is running (tests, benchmarks). */
  async idle(): Promise<void> {
    while (this.running) await this.running;
  }

  private inProcess(): void {
    try {
      this.connection()?.pragma('wal_checkpoint(PASSIVE)');
      this.done.inProcess++;
    } catch (e) {
      log.warn('checkpoint failed', e);
    }
  }

  private inWorker(key: Buffer): Promise<void> {
    return new Promise((resolve) => {
      const job: CheckpointJob = { file: this.dbFile, key: new Uint8Array(key), state: new SharedArrayBuffer(4) };
      let replied = false;
      const started = Date.now();
      const worker = runWorker<CheckpointReply>(
        { here: import.meta.url, source: './checkpoint-worker.ts', bundled: 'checkpoint-worker', workerData: job },
        {
          message: (r) => {
            if (replied) return;
            replied = true;
            if (r.ok) {
              this.done.worker++;
              log.info(`checkpoint: ${r.copied}/${r.frames} pages copied back in ${Date.now() - started} ms (worker thread)`);
            } else log.warn('background checkpoint failed', r.message);
          },
          // From now on the main connection checkpoints itself (once the worker has exited, below).
          unavailable: () => (this.workerUnavailable = true),
          failed: (e) => {
            log.warn('checkpoint worker failed; checkpointing in process from now on', e);
            this.workerUnavailable = true;
          },
          exited: () => {
            if (this.worker?.thread === worker?.thread) this.worker = null;
            if (!replied && this.workerUnavailable) this.inProcess();
            resolve();
          },
        },
      );
      // The worker has its copy of the key (workerData is cloned at start): clear this one.
      job.key.fill(0);
      if (!worker) {
        this.inProcess();
        return resolve();
      }
      this.worker = { thread: worker.thread, state: new Int32Array(job.state) };
    });
  }
}
