/**
 * Long work as jobs: reading, checking and committing a roster, importing photos, exporting. The
 * client picks a job id and sends it with the call; it then receives `progress` events for it,
 * may cancel it (`jobs.cancel`; the call then ends with a CANCELLED outcome, not an error), and
 * finds it in `jobs.list` — running, or finished with its summary and any output file to save — even
 * after leaving the page that started it. A job belongs to the client (window) that started it;
 * the session ending cancels its running jobs and forgets its finished ones.
 */
import { randomUUID } from 'node:crypto';
import { hasPermission } from '../../../shared/domain/permissions';
import { JOB_KINDS, type JobKind } from '../../../shared/domain/jobs';
import type { AppCore, CallContext } from './context';
import { clientStore } from './client-store';
import { AppError } from './errors';

export type JobState = 'running' | 'done' | 'failed' | 'cancelled';

/** A file a job made (an export): kept in memory until saved or the job is forgotten. */
export interface JobOutput {
  fileName: string;
  mime: string;
  bytes: Uint8Array;
  /** A PDF's page size, so a host prints it at exactly that size (never fitted to the paper). */
  pageMm?: { widthMm: number; heightMm: number };
}

interface Job {
  id: string;
  /** Order of starting (the clock may not move between two jobs). */
  seq: number;
  kind: JobKind;
  clientId: string;
  startedAt: number;
  endedAt: number | null;
  state: JobState;
  cancelRequested: boolean;
  pastCancel: boolean;
  done: number;
  total: number;
  message: string;
  /** What it came to, in a sentence (导入完成：新增 12 人…), or why it failed. */
  summary: string | null;
  output: JobOutput | null;
}

/** Finished jobs stay listed this long, so a page left and reopened still finds the outcome. */
const KEEP_FINISHED_MS = 30 * 60_000;
const MAX_FINISHED_PER_CLIENT = 20;
let started = 0;

/** A client's jobs; its session ending cancels the running ones (they stop at their next check). */
const jobsOf = clientStore<Job>((j) => (j.cancelRequested = true));

function forgetOld(jobs: Map<string, Job>, clientId: string, now: number): void {
  const finished = [...jobs.values()].filter((j) => j.clientId === clientId && j.endedAt !== null).sort((a, b) => b.seq - a.seq);
  finished.forEach((j, i) => {
    if (i >= MAX_FINISHED_PER_CLIENT || now - j.endedAt! > KEEP_FINISHED_MS) jobs.delete(j.id);
  });
}

/** The error a cancelled job ends with: an outcome the UI shows as such, not as a failure. */
export function cancelledError(message = '已取消，未写入任何数据。'): AppError {
  return new AppError('CANCELLED', message);
}

export class JobHandle {
  private lastEmit = 0;
  constructor(
    private readonly ctx: CallContext,
    private readonly job: Job | null,
    private readonly cancelMessage: string,
  ) {}

  get jobId(): string | undefined {
    return this.job?.id;
  }

  get cancelled(): boolean {
    return this.job?.cancelRequested ?? false;
  }

  /** Throws CANCELLED when the user cancelled; call between chunks, and before anything is written. */
  check(): void {
    if (this.cancelled) throw cancelledError(this.cancelMessage);
  }

  /** Progress event; `force` for phase changes, otherwise at most one per ~1000 rows. */
  progress(done: number, total: number, message: string, force = false): void {
    const job = this.job;
    if (!job) return;
    job.done = done;
    job.total = total;
    job.message = message;
    // A count lower than the last one sent starts a new phase (checking, then writing): count afresh.
    if (done < this.lastEmit) this.lastEmit = 0;
    if (!force && done - this.lastEmit < 1000 && done !== total) return;
    this.lastEmit = done;
    this.ctx.core.events.emit(job.clientId, 'progress', { jobId: job.id, kind: job.kind, done, total, message, ...(job.pastCancel ? { cancellable: false } : {}) });
  }

  /**
   * The point of no return: what follows runs to its end (one transaction) and cancel requests
   * are no longer heard, so the client stops offering 取消.
   */
  beyondCancel(message: string): void {
    if (this.job) this.job.pastCancel = true;
    // No count: what is left runs without a break, so nothing more is reported until it ends.
    this.progress(0, 0, message, true);
  }

  /** The file this job made, for the host to save or print (jobs output). */
  setOutput(output: JobOutput): void {
    if (this.job) this.job.output = output;
  }

  /** Ends the job: its outcome and a one-line summary stay in jobs.list for a while. */
  finish(summary: string): void {
    this.close('done', summary);
  }

  /** Ends the job with the error the call failed with (CANCELLED counts as cancelled). */
  fail(e: unknown): void {
    const cancelled = e instanceof AppError && e.code === 'CANCELLED';
    this.close(cancelled ? 'cancelled' : 'failed', e instanceof AppError ? e.message : '程序内部错误');
  }

  /**
   * Runs the job's work: finished with `summary(value)` (a sentence for 后台任务), or ended with the
   * error it failed with — CANCELLED as cancelled; the error still reaches the caller.
   */
  async run<T>(work: () => Promise<T>, summary?: (value: T) => string): Promise<T> {
    try {
      const value = await work();
      if (summary) this.finish(summary(value));
      return value;
    } catch (e) {
      this.fail(e);
      throw e;
    } finally {
      this.end();
    }
  }

  /** Ends the job if finish/fail did not (e.g. a preview whose result is the call's answer). */
  end(): void {
    this.close(this.cancelled ? 'cancelled' : 'done', null);
  }

  private close(state: JobState, summary: string | null): void {
    const job = this.job;
    if (!job || job.endedAt !== null) return;
    job.state = state;
    job.summary = summary;
    job.endedAt = this.ctx.core.now();
    this.ctx.core.events.emit(job.clientId, 'jobs.changed', { jobId: job.id, state });
  }
}

/**
 * Starts a job of `kind` for this client. Without a job id (the CLI, tests that do not watch) the
 * work still runs through a handle, with nothing to report to.
 */
export function startJob(ctx: CallContext, kind: JobKind, jobId: string | undefined, cancelMessage = '已取消，未写入任何数据。'): JobHandle {
  if (!jobId) return new JobHandle(ctx, null, cancelMessage);
  const jobs = jobsOf(ctx.core);
  const now = ctx.core.now();
  forgetOld(jobs, ctx.clientId, now);
  const existing = jobs.get(jobId);
  if (existing && existing.clientId !== ctx.clientId) throw new AppError('CONFLICT', '任务编号冲突，请重试。');
  const job: Job = {
    id: jobId, seq: ++started, kind, clientId: ctx.clientId, startedAt: now, endedAt: null, state: 'running', cancelRequested: false, pastCancel: false,
    done: 0, total: 0, message: JOB_KINDS[kind].label, summary: null, output: null,
  };
  jobs.set(jobId, job);
  return new JobHandle(ctx, job, cancelMessage);
}

/** A client's job, if it may see it (its own, and its role still holds the kind's permission). */
function ownJob(ctx: CallContext, jobId: string): Job | undefined {
  const j = jobsOf(ctx.core).get(jobId);
  if (!j || j.clientId !== ctx.clientId) return undefined;
  if (!ctx.session || !hasPermission(ctx.session.role, JOB_KINDS[j.kind].permission)) return undefined;
  return j;
}

/** Marks the client's job cancelled; unknown or finished jobs are ignored. */
export function cancelJob(ctx: CallContext, jobId: string): void {
  const j = ownJob(ctx, jobId);
  if (j && j.state === 'running' && !j.pastCancel) j.cancelRequested = true;
}

/** What jobs.list shows: this client's jobs, running first, newest first. */
export function listJobs(ctx: CallContext) {
  const jobs = jobsOf(ctx.core);
  forgetOld(jobs, ctx.clientId, ctx.core.now());
  return [...jobs.values()]
    // A finished step of a page's own flow (reading, checking a roster) says nothing on its own:
    // listed while it runs; once ended only if it has an outcome to tell (imports, exports, failures).
    .filter((j) => ownJob(ctx, j.id) && (j.state === 'running' || j.summary !== null))
    .sort((a, b) => Number(b.state === 'running') - Number(a.state === 'running') || b.seq - a.seq)
    .map((j) => ({
      jobId: j.id, kind: j.kind, label: JOB_KINDS[j.kind].label, state: j.state, done: j.done, total: j.total, message: j.message,
      cancellable: j.state === 'running' && !j.pastCancel, summary: j.summary,
      startedAt: new Date(j.startedAt).toISOString(), endedAt: j.endedAt === null ? null : new Date(j.endedAt).toISOString(),
      output: j.output ? { fileName: j.output.fileName, size: j.output.bytes.length, mime: j.output.mime } : null,
    }));
}

/**
 * A finished job's output for the host to save (browser download, Electron save dialog, the CLI's
 * --out): only the client that ran it, with the kind's permission still held.
 */
export function jobOutput(core: AppCore, clientId: string, jobId: string): JobOutput | null {
  const j = jobsOf(core).get(jobId);
  if (!j || j.clientId !== clientId || j.state !== 'done' || !j.output) return null;
  const session = core.sessions.get(clientId);
  if (!session || session.locked || !hasPermission(session.role, JOB_KINDS[j.kind].permission)) return null;
  return j.output;
}

/** A fresh job id (for callers in this process: the CLI). */
export const newJobId = () => randomUUID();

/** Yields to the event loop, so cancel calls and other windows' calls get through. */
export const yieldToLoop = () => new Promise<void>((resolve) => setImmediate(resolve));
