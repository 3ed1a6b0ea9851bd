/**
 * Lets one long write run in steps on the shared connection while the event loop keeps turning
 * (progress events go out, 取消 is heard, Electron's windows keep responding), without anything
 * else touching the database meanwhile. Every call the dispatcher runs is admitted through the
 * gate; a write that needs the connection to itself runs `exclusive`: new calls wait at the door,
 * and calls already under way finish first (their statements would otherwise land inside its open
 * transaction, and go if it rolls back).
 */
export class WriteGate {
  private held: Promise<void> | null = null;
  /** Admitted calls that have not settled (an exclusive holder waiting for its turn does not count). */
  private running = 0;
  private wake: (() => void) | null = null;

  get isHeld(): boolean {
    return this.held !== null;
  }

  /** The dispatcher runs calls through this (all but the few that pass, see dispatch.ts): they wait while a write holds the gate. */
  async admit<T>(call: () => Promise<T>): Promise<T> {
    while (this.held) await this.held;
    this.running++;
    try {
      return await call();
    } finally {
      this.running--;
      this.wake?.();
    }
  }

  /**
   * Runs fn with the connection to itself. Called from inside an admitted call (that call does
   * not wait for itself). `waiting` is told when other calls must finish first.
   */
  async exclusive<T>(fn: () => Promise<T>, waiting?: () => void): Promise<T> {
    // While it waits for its turn, its own call is not one of those running: two calls asking for
    // the gate at once must not each wait for the other to finish.
    this.running--;
    this.wake?.();
    while (this.held) await this.held;
    let open!: () => void;
    this.held = new Promise<void>((resolve) => (open = resolve));
    try {
      try {
        if (this.running > 0) waiting?.();
        while (this.running > 0) await new Promise<void>((resolve) => (this.wake = resolve));
      } finally {
        this.wake = null;
        this.running++;
      }
      return await fn();
    } finally {
      this.held = null;
      open();
    }
  }
}
