/**
 * Long calls (reading a roster, checking it, committing it, importing photos) as tasks: the client
 * picks a task id, receives `progress` events for it and may cancel it with `tasks.cancel`. A
 * task belongs to the client that started it; its session ending cancels it.
 */
import type { AppCore, CallContext } from './context';
import { AppError } from './errors';

interface Task {
  clientId: string;
  cancelled: boolean;
}

/** Per core (one per data folder), so test apps in one process never see each other's tasks. */
const stores = new WeakMap<AppCore, Map<string, Task>>();
function tasksOf(ctx: CallContext): Map<string, Task> {
  let tasks = stores.get(ctx.core);
  if (!tasks) {
    const created = new Map<string, Task>();
    ctx.core.sessions.onEnd((clientId) => {
      for (const [id, t] of created) {
        if (t.clientId !== clientId) continue;
        t.cancelled = true;
        created.delete(id);
      }
    });
    stores.set(ctx.core, created);
    tasks = created;
  }
  return tasks;
}

export class TaskHandle {
  private lastEmit = 0;
  /** Past the point of no return (see beyondCancel). */
  private pastCancel = false;
  constructor(
    private readonly ctx: CallContext,
    readonly taskId: string | undefined,
    private readonly task: Task | null,
    private readonly tasks: Map<string, Task> | null = null,
  ) {}

  get cancelled(): boolean {
    return this.task?.cancelled ?? false;
  }

  /** Throws when the user cancelled; call between chunks, and before anything is written. */
  check(): void {
    if (this.cancelled) throw new AppError('CONFLICT', '导入已取消，未写入任何数据。');
  }

  /** Progress event; `force` for phase changes, otherwise at most one per ~1000 rows. */
  progress(done: number, total: number, message: string, force = false): void {
    if (!this.taskId) return;
    // A count lower than the last one sent starts a new phase (checking, then writing): count afresh.
    if (done < this.lastEmit) this.lastEmit = 0;
    if (!force && done - this.lastEmit < 1000 && done !== total) return;
    this.lastEmit = done;
    this.ctx.core.events.emit(this.ctx.clientId, 'progress', { taskId: this.taskId, done, total, message, ...(this.pastCancel ? { cancellable: false } : {}) });
  }

  /**
   * The point of no return: what follows runs to its end (one transaction) and cancel requests
   * are no longer heard, so the client stops offering 取消.
   */
  beyondCancel(message: string): void {
    this.pastCancel = true;
    // No count: what is left runs without a break, so nothing more is reported until it ends.
    this.progress(0, 0, message, true);
  }

  end(): void {
    if (this.taskId && this.tasks?.get(this.taskId) === this.task) this.tasks.delete(this.taskId);
  }
}

export function startTask(ctx: CallContext, taskId: string | undefined): TaskHandle {
  if (!taskId) return new TaskHandle(ctx, undefined, null);
  const tasks = tasksOf(ctx);
  const task: Task = { clientId: ctx.clientId, cancelled: false };
  tasks.set(taskId, task);
  return new TaskHandle(ctx, taskId, task, tasks);
}

/** Marks the client's task cancelled; unknown or finished tasks are ignored. */
export function cancelTask(ctx: CallContext, taskId: string): void {
  const t = tasksOf(ctx).get(taskId);
  if (t && t.clientId === ctx.clientId) t.cancelled = true;
}

/** Yields to the event loop, so cancel calls and other windows' calls get through. */
export const yieldToLoop = () => new Promise<void>((resolve) => setImmediate(resolve));
