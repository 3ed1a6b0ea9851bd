/**
 * The roster import benchmark, run in its own process (`npm run bench` starts it once the roster
 * file is written): a freshly started app signs in to the benchmark's data folder and imports the
 * file through the dispatcher, open → inspect → preview → commit, so its time and peak memory are the
 * import's alone, not those of the 100,000 demo students generated in the parent. Also times exceljs
 * alone reading the same file. Prints one JSON line.
 *
 * Usage: node --import tsx tests/bench/import.ts DATA_DIR FILE.xlsx EXPECTED_ROWS [SPEC]
 * (SPEC: the import, roster by default; grades.ts runs it for a grade export).
 */
import { readFileSync } from 'node:fs';
import ExcelJS from 'exceljs';
import type { ImportSpecId } from '../../shared/domain/import/specs';
import { benchApp, BENCH_USER } from './bench-app';

export interface ImportFigures {
  phases: [string, number][];
  totalMs: number;
  excelMs: number;
  cells: number;
  peakMb: number;
  /** The longest the main thread went without a turn of its event loop during the commit. */
  longestBlockMs: number;
}

async function main(dir: string, file: string, expected: number, spec: ImportSpecId = 'roster'): Promise<ImportFigures> {
  const { core, call, upload } = benchApp(dir, 'bench');
  await call('auth.signIn', BENCH_USER);

  // exceljs alone: the streaming reader over the same file, touching every value.
  let t = performance.now();
  let cells = 0;
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(file, { sharedStrings: 'cache', hyperlinks: 'ignore', styles: 'cache', worksheets: 'emit', entries: 'emit' });
  for await (const ws of reader) for await (const row of ws as unknown as AsyncIterable<ExcelJS.Row>) cells += (row.values as unknown[]).length;
  const excelMs = performance.now() - t;

  let peak = process.memoryUsage().rss;
  // Sampled on a timer and after each phase (the timer cannot run while the main thread is busy).
  const sample = () => (peak = Math.max(peak, process.memoryUsage().rss));
  const timer = setInterval(sample, 50);
  // How responsive the main process stays while writing (Electron's windows depend on it).
  let lastTurn = 0;
  let longestBlockMs = 0;
  const turn = () => {
    const now = performance.now();
    longestBlockMs = Math.max(longestBlockMs, now - lastTurn);
    lastTurn = now;
  };
  const phases: [string, number][] = [];
  const phase = async <T>(name: string, fn: () => Promise<T>): Promise<T> => {
    const s = performance.now();
    const r = await fn();
    sample();
    phases.push([name, performance.now() - s]);
    return r;
  };
  t = performance.now();
  const opened = await phase('open (parse in worker)', () => call('imports.open', { ...upload(`${spec}.xlsx`, readFileSync(file)), spec }));
  const sheet = opened.sheets[0]!.name;
  const inspected = await phase('inspect', () => call('imports.inspect', { uploadId: opened.uploadId, sheet }));
  const options = { uploadId: opened.uploadId, sheet, mapping: inspected.mapping };
  const preview = await phase('preview (validate, check db)', () => call('imports.preview', options));
  lastTurn = performance.now();
  const turns = setInterval(turn, 10);
  const committed = await phase('commit (check db, write)', () => call('imports.commit', options));
  turn();
  clearInterval(turns);
  const totalMs = performance.now() - t;
  clearInterval(timer);
  if (committed.imported !== expected) {
    throw new Error(`import bench: expected ${expected} imported, got ${committed.imported} (${preview.invalid} invalid: ${preview.issues.slice(0, 3).map((i) => i.message).join('; ')})`);
  }
  core.folder.close();
  return { phases, totalMs, excelMs, cells, peakMb: peak / 1048576, longestBlockMs };
}

if (process.argv[1]?.endsWith('import.ts')) {
  const [dir, file, expected, spec] = process.argv.slice(2);
  main(dir!, file!, Number(expected), (spec ?? 'roster') as ImportSpecId).then(
    (f) => {
      console.log(JSON.stringify(f));
      process.exit(0);
    },
    (e: unknown) => {
      console.error(e);
      process.exit(1);
    },
  );
}
