/**
 * Runs the roster parse in a worker thread and collects the rows it posts. From the esbuild bundle
 * the worker is dist/main/import-worker.mjs beside the bundle; from source (tsx, vitest) it is
 * parse-worker.ts, started through tsx's ESM loader. If no worker can be started at all (a
 * packaging problem), the same parser runs in this process instead: slower to respond, same result.
 */
import { AppError } from '../../core/errors';
import { log } from '../../core/log';
import { runWorker, type RunningWorker } from '../../core/worker-runner';
import { FileRefused, parseSpreadsheet, type FileKind, type FlatCell, type ParseResult } from './parse';
import type { ParseMessage, ParseRequest } from './parse-worker';
import { InflatedTooLarge } from './xlsx-reader';

export interface ParsedSheet {
  name: string;
  /** Excel row number of each non-empty row, ascending. */
  rowNos: number[];
  /** The cells of each row (0-based columns), parallel to rowNos. */
  cells: FlatCell[][];
}

export interface ParsedFile {
  encoding: string | null;
  sheets: ParsedSheet[];
}

export interface ParseControl {
  /** Called after every chunk with the rows read so far. */
  onProgress?(rows: number): void;
  /** A chunk of rows was appended to this sheet (the same object the result will hold). */
  onRows?(sheet: ParsedSheet): void;
  /** No more rows will come for this sheet. */
  onSheetEnd?(sheet: ParsedSheet): void;
  cancelled?(): boolean;
}

export class ParseCancelled extends Error {}

/** Collects sheets and rows from parser callbacks or worker messages. */
class Collector {
  readonly sheets: ParsedSheet[] = [];
  rows = 0;
  constructor(private readonly control: ParseControl) {}
  sheet(name: string) {
    const prev = this.sheets.at(-1);
    if (prev) this.control.onSheetEnd?.(prev);
    this.sheets.push({ name, rowNos: [], cells: [] });
  }
  add(rowNos: number[], cells: FlatCell[][]) {
    const s = this.sheets.at(-1);
    if (!s) return;
    for (let i = 0; i < rowNos.length; i++) {
      s.rowNos.push(rowNos[i]!);
      s.cells.push(cells[i]!);
    }
    this.rows += rowNos.length;
    this.control.onProgress?.(this.rows);
    this.control.onRows?.(s);
  }
  result(r: ParseResult): ParsedFile {
    const last = this.sheets.at(-1);
    if (last) this.control.onSheetEnd?.(last);
    // Workbook order, when the workbook says it; sheets it does not name keep their place.
    const rank = new Map(r.order.map((n, i) => [n, i]));
    const sheets = [...this.sheets].sort((a, b) => (rank.get(a.name) ?? 1e9) - (rank.get(b.name) ?? 1e9));
    return { encoding: r.encoding, sheets };
  }
}

/**
 * A file the parser could not read. The parser's own words (English, about XML and zip internals)
 * go to the log, not to the user.
 */
function unreadable(fileName: string, cause: unknown): AppError {
  log.warn('roster file unreadable', cause);
  if (cause instanceof InflatedTooLarge) {
    return new AppError('VALIDATION', `文件“${fileName}”解压后超过 1 GB，不像是一份名单（可能是损坏或恶意构造的文件），无法导入`);
  }
  return new AppError('VALIDATION', `文件“${fileName}”无法读取，可能已损坏或不是有效的 Excel 工作簿/CSV 文件。请在 Excel 中打开并重新保存后再导入`);
}

function outOfMemory(fileName: string): AppError {
  return new AppError('VALIDATION', `文件“${fileName}”太大或结构异常，读取时超出了内存上限，无法导入。请拆分为几个较小的文件，或在 Excel 中重新保存后再导入`);
}

/** The worker's heap: a bad file ends the worker, never the main process (and every window with it). */
const WORKER_HEAP_MB = 1536;

async function parseInProcess(bytes: Uint8Array, kind: FileKind, fileName: string, maxRows: number, control: ParseControl): Promise<ParsedFile> {
  const c = new Collector(control);
  let r: ParseResult;
  try {
    r = await parseSpreadsheet(bytes, kind, fileName, maxRows, {
      sheet: (name) => c.sheet(name),
      rows: (rowNos, cells) => c.add(rowNos, cells),
      cancelled: () => control.cancelled?.() ?? false,
    });
  } catch (e) {
    if (e instanceof FileRefused) throw new AppError('VALIDATION', e.message);
    throw unreadable(fileName, e);
  }
  if (control.cancelled?.()) throw new ParseCancelled();
  return c.result(r);
}

/** Parses in a worker; falls back to this process only when the worker cannot start. */
export function readSpreadsheet(bytes: Uint8Array, kind: FileKind, fileName: string, maxRows: number, control: ParseControl = {}): Promise<ParsedFile> {
  return new Promise<ParsedFile>((resolve, reject) => {
    const c = new Collector(control);
    let settled = false;
    let worker: RunningWorker | null = null;
    const finish = (fn: () => void) => {
      if (settled) return;
      settled = true;
      clearInterval(poll);
      worker?.end();
      fn();
    };
    // Also polled on a timer: exceljs may spend a while unzipping before the first rows arrive.
    const poll = setInterval(() => {
      if (control.cancelled?.()) finish(() => reject(new ParseCancelled()));
    }, 200);
    // A private copy is transferred: the caller's bytes stay usable (the in-process fallback reads them).
    const copy = new Uint8Array(bytes);
    const req: ParseRequest = { bytes: copy, kind, fileName, maxRows };
    worker = runWorker<ParseMessage>(
      {
        here: import.meta.url, source: './parse-worker.ts', bundled: 'import-worker', message: req, transfer: [copy.buffer],
        resourceLimits: { maxOldGenerationSizeMb: WORKER_HEAP_MB },
      },
      {
        message(m) {
          if (settled) return;
          switch (m.type) {
            case 'sheet':
              c.sheet(m.name);
              break;
            case 'rows':
              c.add(m.rowNos, m.cells as FlatCell[][]);
              if (control.cancelled?.()) finish(() => reject(new ParseCancelled()));
              break;
            case 'done':
              finish(() => resolve(c.result({ encoding: m.encoding, order: m.order })));
              break;
            case 'error':
              finish(() => reject(m.refused ? new AppError('VALIDATION', m.message) : unreadable(fileName, m.tooLarge ? new InflatedTooLarge() : m.message)));
              break;
          }
        },
        unavailable: () => finish(() => parseInProcess(bytes, kind, fileName, maxRows, control).then(resolve, reject)),
        failed: (e) => finish(() => reject((e as { code?: string }).code === 'ERR_WORKER_OUT_OF_MEMORY' ? outOfMemory(fileName) : unreadable(fileName, e))),
        exited: (code) => finish(() => reject(unreadable(fileName, new Error(`parse worker exited with code ${code}`)))),
      },
    );
  });
}
