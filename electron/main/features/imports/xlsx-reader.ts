/**
 * Reads an .xlsx from memory with exceljs' streaming reader, so that nothing of it ever reaches the
 * disk. exceljs' own `WorkbookReader.parse` meets the zip's entries in file order and spools every
 * worksheet that comes before the shared strings — exceljs' writer and the app's own exports put
 * them so — to a temporary file in the OS temp folder: the sheet in clear (names, ID numbers,
 * phones), deleted asynchronously, left behind by a crash or a terminated worker, and as large as a
 * zip bomb makes it. Here the zip's central directory is read from the bytes (unzipper, the library
 * exceljs itself unzips with) and the parts go to the same reader's steps in the order it needs
 * them: workbook relationships, workbook, shared strings, styles, then each worksheet, inflated as a
 * stream. Those steps are exceljs' own methods (underscored, unchanged through exceljs 4.x, which the
 * lock file pins); the import tests run every one of them.
 */
import { Transform, type Readable } from 'node:stream';
import ExcelJS from 'exceljs';
import unzipper from 'unzipper';

/** How much XML a workbook may inflate to: a 200,000-row roster is ~250 MB; a zip bomb is refused at this. */
export const MAX_INFLATED_BYTES = 1024 * 1024 * 1024;

export class InflatedTooLarge extends Error {}

export interface StreamedSheet {
  name: string;
  rows: AsyncIterable<{ number: number; values: unknown }>;
}

/** The parts of exceljs' WorkbookReader this module drives (see the header comment). */
interface ReaderSteps {
  model?: { sheets?: { name?: string }[] };
  sharedStrings?: unknown[];
  _parseRels(entry: Readable): Promise<void>;
  _parseWorkbook(entry: Readable): Promise<void>;
  _parseSharedStrings(entry: Readable): AsyncGenerator<unknown>;
  _parseStyles(entry: Readable): Promise<void>;
  _parseWorksheet(iterator: AsyncIterable<unknown>, sheetNo: string): Generator<{ eventType: string; value: unknown }>;
}

const WORKSHEET = /^xl\/worksheets\/sheet(\d+)\.xml$/;

/** A worksheet's XML ends with its closing tag (with or without a namespace prefix). */
const WORKSHEET_END = /<\/(?:[\w-]+:)?worksheet>\s*$/;

/**
 * Counts what one zip entry inflates to, against what the whole workbook may (shared by its
 * entries). With `mustEnd`, the entry fails unless its text ends so: the XML parser exceljs uses is
 * never told the input has ended, so a worksheet cut off half-way would otherwise give the rows
 * before the cut as if they were all.
 */
function limited(entry: Readable, budget: { left: number }, mustEnd?: RegExp): Readable {
  let tail = '';
  const counter = new Transform({
    transform(chunk: Buffer, _enc, done) {
      budget.left -= chunk.length;
      if (budget.left < 0) return done(new InflatedTooLarge());
      if (mustEnd) tail = (tail + chunk.subarray(Math.max(0, chunk.length - 64)).toString('latin1')).slice(-64);
      done(null, chunk);
    },
    flush(done) {
      done(mustEnd && !mustEnd.test(tail) ? new Error('worksheet XML ends before its closing tag') : null);
    },
  });
  entry.on('error', (e) => counter.destroy(e));
  return entry.pipe(counter);
}

/**
 * The workbook's sheets, each with its rows as exceljs' streaming reader gives them; `order` is the
 * workbook's sheet order once read. Every entry is inflated from `bytes` in memory.
 */
export async function openXlsx(
  bytes: Uint8Array,
  options: { styles: boolean; maxInflatedBytes?: number },
): Promise<{ sheets: AsyncGenerator<StreamedSheet>; order: () => string[] }> {
  const dir = await unzipper.Open.buffer(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength));
  const files = new Map(dir.files.map((f) => [f.path.replace(/\\/g, '/').replace(/^\//, ''), f]));
  const budget = { left: options.maxInflatedBytes ?? MAX_INFLATED_BYTES };
  const open = (path: string, mustEnd?: RegExp): Readable | null => {
    const f = files.get(path);
    return f ? limited(f.stream(), budget, mustEnd) : null;
  };
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(null as never, {
    sharedStrings: 'cache',
    hyperlinks: 'ignore',
    // Styles are needed to tell date cells from numbers.
    styles: options.styles ? 'cache' : 'ignore',
    worksheets: 'emit',
    entries: 'ignore',
  }) as unknown as ReaderSteps;

  const rels = open('xl/_rels/workbook.xml.rels');
  if (rels) await reader._parseRels(rels);
  const workbook = open('xl/workbook.xml');
  if (workbook) await reader._parseWorkbook(workbook);
  const strings = open('xl/sharedStrings.xml');
  if (strings) for await (const _ of reader._parseSharedStrings(strings)) void _;
  // A workbook without shared strings (inline strings only) reads as one with none.
  reader.sharedStrings ??= [];
  const styles = open('xl/styles.xml');
  if (styles) await reader._parseStyles(styles);

  const worksheets = [...files.keys()]
    .map((path) => ({ path, no: WORKSHEET.exec(path)?.[1] }))
    .filter((w): w is { path: string; no: string } => w.no !== undefined)
    .sort((a, b) => Number(a.no) - Number(b.no));

  async function* sheets(): AsyncGenerator<StreamedSheet> {
    for (const w of worksheets) {
      for (const { value } of reader._parseWorksheet(open(w.path, WORKSHEET_END)!, w.no)) {
        const ws = value as AsyncIterable<{ number: number; values: unknown }> & { name?: string };
        yield { name: ws.name ?? `Sheet${w.no}`, rows: ws };
      }
    }
  }
  const order = () => (reader.model?.sheets ?? []).map((s) => s.name ?? '').filter(Boolean);
  return { sheets: sheets(), order };
}
