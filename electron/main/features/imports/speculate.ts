/**
 * Row checks that start while the worker is still reading the file. As soon as a sheet's header
 * row has arrived, its rows are checked by the upload's spec, chunk by chunk as they come, with the
 * mapping inspect is going to propose (remembered choices + the spec's catalogue). Reading (worker
 * thread) and checking (this thread, yielding every chunk) then overlap; if preview/commit ask for that same mapping the
 * result is ready or nearly so, otherwise it is dropped and the rows are checked afresh.
 */
import type { ParsedSheet } from './parse-runner';
import { CHECK_CHUNK as CHUNK, rowCheckKey } from './row-checks';
import { locateHeader, mapWithMemory, HEADER_SCAN_ROWS, type Remembered } from './sheet';
import type { AnyImportSpec, CheckedRows } from './spec';
import { yieldToLoop, type JobHandle } from '../../core/jobs';

export class SheetSpeculation {
  /** Resolves once the header row is found: the key of the result (null: no usable header). */
  readonly key: Promise<string | null>;
  readonly result: Promise<CheckedRows | null>;
  ended = false;
  private aborted = false;
  private waiter: (() => void) | null = null;
  private setKey!: (k: string | null) => void;
  private watcher: JobHandle | null = null;
  private done = 0;
  private total = 0;

  constructor(
    private readonly spec: AnyImportSpec,
    private readonly sheet: ParsedSheet,
    private readonly remembered: Remembered,
    private readonly asOf: Date,
    private readonly cancelled: () => boolean,
  ) {
    this.key = new Promise((resolve) => (this.setKey = resolve));
    this.result = this.run()
      .catch(() => null)
      .finally(() => this.setKey(null));
  }

  /** More rows arrived (or the sheet ended). */
  wake(): void {
    const w = this.waiter;
    this.waiter = null;
    w?.();
  }

  end(): void {
    this.ended = true;
    this.wake();
  }

  abort(): void {
    this.aborted = true;
    this.wake();
  }

  /** Progress of the remaining work goes to this task (a preview waiting for the result). */
  watch(task: JobHandle): void {
    this.watcher = task;
    task.progress(this.done, this.total, `正在检查第 ${this.done} / ${this.total} 行`, true);
  }

  private stopped() {
    return this.aborted || this.cancelled();
  }

  private more(): Promise<void> {
    return new Promise((resolve) => (this.waiter = resolve));
  }

  private async run(): Promise<CheckedRows | null> {
    const sheet = this.sheet;
    while (sheet.cells.length < HEADER_SCAN_ROWS && !this.ended) {
      if (this.stopped()) return null;
      await this.more();
    }
    if (this.stopped()) return null;
    const spec = this.spec;
    const layout = locateHeader(sheet, spec.catalogue);
    const mapping = mapWithMemory(layout.headers, this.remembered, spec.catalogue).mapping;
    this.setKey(rowCheckKey(spec.id, sheet.name, layout, mapping, this.asOf));
    const checker = spec.rowChecker(layout, mapping, this.asOf);
    let next = layout.headerIndex + 1;
    for (;;) {
      if (this.stopped()) return null;
      const end = Math.min(sheet.cells.length, next + CHUNK);
      if (next < end) {
        checker.check(sheet, next, end);
        next = end;
        this.done = next - layout.headerIndex - 1;
        this.total = sheet.cells.length - layout.headerIndex - 1;
        this.watcher?.progress(this.done, this.total, `正在检查第 ${this.done} / ${this.total} 行`);
        await yieldToLoop();
        continue;
      }
      if (this.ended) break;
      await this.more();
    }
    return checker.finish();
  }
}

/** One speculation per sheet, fed by the parse callbacks. */
export class Speculation {
  readonly bySheet = new Map<ParsedSheet, SheetSpeculation>();

  constructor(
    private readonly spec: AnyImportSpec,
    private readonly remembered: Remembered,
    private readonly asOf: Date,
    private readonly cancelled: () => boolean,
  ) {}

  private of(sheet: ParsedSheet): SheetSpeculation {
    let s = this.bySheet.get(sheet);
    if (!s) {
      s = new SheetSpeculation(this.spec, sheet, this.remembered, this.asOf, this.cancelled);
      this.bySheet.set(sheet, s);
    }
    return s;
  }

  onRows(sheet: ParsedSheet): void {
    this.of(sheet).wake();
  }

  onSheetEnd(sheet: ParsedSheet): void {
    this.of(sheet).end();
  }

  abortAll(): void {
    for (const s of this.bySheet.values()) s.abort();
  }

  /** By sheet name, for the upload. */
  byName(): Map<string, SheetSpeculation> {
    return new Map([...this.bySheet].map(([sheet, s]) => [sheet.name, s]));
  }
}
