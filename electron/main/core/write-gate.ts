/**
 * Holds every other call while a long write runs on a connection of its own (the import's write
 * worker). Without it, a call that writes on the main connection meanwhile would wait inside
 * SQLite — blocking this thread — and fail after busy_timeout. Calls already under way when the
 * gate closes are not stopped; the dispatcher makes new ones wait at the door.
 */
export class WriteGate {
  private held: Promise<void> | null = null;

  /** Resolves once no held write is running. */
  async passage(): Promise<void> {
    while (this.held) await this.held;
  }

  get isHeld(): boolean {
    return this.held !== null;
  }

  /**
   * Runs fn with the gate closed. The gate closes before fn starts, synchronously with its first
   * part, so what fn checks before handing off to its worker is still true when the worker writes.
   */
  async hold<T>(fn: () => Promise<T>): Promise<T> {
    await this.passage();
    let open!: () => void;
    this.held = new Promise<void>((resolve) => (open = resolve));
    try {
      return await fn();
    } finally {
      this.held = null;
      open();
    }
  }
}
