/**
 * The one way the main process starts a worker thread (roster parsing, the background checkpoint,
 * and the long jobs to come): the code is found beside the bundle or started from source through
 * tsx (worker-spec.ts), and a worker that cannot start at all — a packaging problem — is reported
 * as `unavailable`, so the caller does the same work in this process instead: slower to respond,
 * same result. An error after the worker has spoken is a real failure, reported as such.
 */
import { Worker, type ResourceLimits, type TransferListItem } from 'node:worker_threads';
import { log } from './log';
import { workerSpec } from './worker-spec';

export interface WorkerEvents<M> {
  /** Every message the worker posts. */
  message(m: M): void;
  /** No worker could be started, or it failed before its first message: work in process instead. */
  unavailable(e: unknown): void;
  /** It failed after it had started. */
  failed(e: Error): void;
  /** It exited without being ended by `end()` (after `failed` too). */
  exited(code: number): void;
}

export interface RunningWorker {
  readonly thread: Worker;
  /** Stops it; no more events are reported. */
  end(): void;
}

export interface WorkerStart {
  /** The caller's import.meta.url, the worker's .ts source relative to it, and its bundle name. */
  here: string;
  source: string;
  bundled: string;
  workerData?: unknown;
  /** A first message, posted right after start (with what it transfers). */
  message?: unknown;
  transfer?: TransferListItem[];
  /** Heap limits: a worker that exceeds them ends (ERR_WORKER_OUT_OF_MEMORY), this process lives on. */
  resourceLimits?: ResourceLimits;
}

export function runWorker<M>(start: WorkerStart, on: WorkerEvents<M>): RunningWorker | null {
  let thread: Worker;
  try {
    const { target, options } = workerSpec(start.here, start.source, start.bundled);
    thread = new Worker(target, {
      ...options,
      ...(start.workerData !== undefined ? { workerData: start.workerData } : {}),
      ...(start.resourceLimits ? { resourceLimits: start.resourceLimits } : {}),
    });
  } catch (e) {
    log.warn(`worker ${start.bundled} could not start; working in process`, e);
    on.unavailable(e);
    return null;
  }
  let heard = false;
  let ended = false;
  thread.on('message', (m: M) => {
    heard = true;
    if (!ended) on.message(m);
  });
  thread.on('error', (e) => {
    if (ended) return;
    // Out of memory is the work's own failure: doing it again in this process would crash it.
    if (heard || (e as { code?: string }).code === 'ERR_WORKER_OUT_OF_MEMORY') return on.failed(e);
    log.warn(`worker ${start.bundled} failed to start; working in process`, e);
    on.unavailable(e);
  });
  thread.on('exit', (code) => {
    if (!ended) on.exited(code);
  });
  if (start.message !== undefined) thread.postMessage(start.message, start.transfer ?? []);
  return {
    thread,
    end() {
      ended = true;
      void thread.terminate();
    },
  };
}
