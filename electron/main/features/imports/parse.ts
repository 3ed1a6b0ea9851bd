/**
 * Reading an uploaded roster (.xlsx with exceljs' streaming reader, .csv with csv-parse) into rows
 * of flat cell values. Runs inside the parse worker (parse-worker.ts) and, only if a worker cannot
 * be started, in the main process. No database, no Electron: bytes in, rows out.
 */
import { Readable } from 'node:stream';
import ExcelJS from 'exceljs';
import { parse as parseCsv } from 'csv-parse/sync';
import iconv from 'iconv-lite';
import { cellDisplayValue, cellText } from '../../../../shared/domain/import/cells';

/**
 * A cell as the importer keeps it: what the user sees, with the type that matters to the
 * normalisers (a number stays a number, a date a Date, an error value `{ error }`). Rich text,
 * hyperlinks and formulas are flattened here, so rows stay small and structured-cloneable.
 */
export type FlatCell = string | number | boolean | Date | { error: string } | null;

export type FileKind = 'xlsx' | 'csv';

export interface ParseSink {
  /** A new sheet begins; its rows follow. */
  sheet(name: string): void;
  /** A chunk of non-empty rows of the current sheet: Excel row numbers and 0-based cells. */
  rows(rowNos: number[], cells: FlatCell[][]): void;
  /** Checked between chunks; true stops the parse. */
  cancelled(): boolean;
}

export interface ParseResult {
  /** CSV: the detected encoding; xlsx: null. */
  encoding: string | null;
  /** Sheet names in workbook order (the streaming reader meets them in zip order). */
  order: string[];
}

export const CHUNK_ROWS = 1000;

/** Zip local-file header: every .xlsx starts with it. */
const ZIP_MAGIC = [0x50, 0x4b, 0x03, 0x04];
/** OLE2 compound file: the old binary .xls (and encrypted .xlsx). */
const OLE_MAGIC = [0xd0, 0xcf, 0x11, 0xe0];

const startsWith = (bytes: Uint8Array, magic: number[]) => magic.every((b, i) => bytes[i] === b);

/** 'xlsx' | 'csv', or a Chinese reason why the file cannot be read. */
export function detectKind(fileName: string, bytes: Uint8Array): { kind: FileKind } | { error: string } {
  const ext = /\.([a-z0-9]+)$/i.exec(fileName)?.[1]?.toLowerCase() ?? '';
  if (startsWith(bytes, ZIP_MAGIC)) {
    if (ext === 'xlsx' || ext === 'xlsm' || ext === '') return { kind: 'xlsx' };
    if (ext === 'csv' || ext === 'txt') return { error: `文件“${fileName}”的扩展名是 .${ext}，但内容是 Excel 工作簿，请将扩展名改为 .xlsx 后重新选择` };
    return { kind: 'xlsx' };
  }
  if (startsWith(bytes, OLE_MAGIC)) {
    return { error: `文件“${fileName}”是旧版 Excel 97-2003 格式（.xls）或设置了打开密码，无法读取。请在 Excel 中取消密码并“另存为”Excel 工作簿（.xlsx）后重新导入` };
  }
  if (ext === 'xlsx' || ext === 'xlsm') return { error: `文件“${fileName}”不是有效的 Excel 工作簿（文件可能已损坏），请在 Excel 中重新保存后导入` };
  if (ext === 'xls') return { error: `文件“${fileName}”不是可读取的表格文件，请在 Excel 中“另存为”Excel 工作簿（.xlsx）后重新导入` };
  if (ext === 'csv' || ext === 'txt' || ext === '') return { kind: 'csv' };
  return { error: `不支持的文件类型 .${ext}：请选择 Excel 工作簿（.xlsx）或 CSV 文件（.csv）` };
}

// ---------------------------------------------------------------------------
// Cells

const NOT_BLANK = /[^\s\u3000\u00a0\u200b]/;

function isBlank(c: FlatCell): boolean {
  return c === null || (typeof c === 'string' && !NOT_BLANK.test(c));
}

/** exceljs cell value → FlatCell. */
export function flattenCell(v: unknown): FlatCell {
  // Plain text and numbers, nearly every cell, need none of the unwrapping below.
  if (typeof v === 'string') return v === '' ? null : v;
  if (typeof v === 'number' && Number.isFinite(v)) return v;
  const d = cellDisplayValue(v);
  if (d === null || d === undefined) return null;
  if (typeof d === 'string') return d === '' ? null : d;
  if (typeof d === 'number') {
    // A formula whose cached result is an error value comes back as NaN.
    return Number.isFinite(d) ? d : { error: '#VALUE!' };
  }
  if (typeof d === 'boolean' || d instanceof Date) return d;
  if (typeof d === 'object' && typeof (d as { error?: unknown }).error === 'string') return { error: (d as { error: string }).error };
  const t = cellText(d);
  return t === '' ? null : t;
}

/** Row cells → 0-based FlatCell array without trailing blanks; null when the whole row is blank. */
function flattenRow(values: unknown): FlatCell[] | null {
  if (!Array.isArray(values)) return null;
  const out: FlatCell[] = [];
  let last = -1;
  // exceljs row.values is 1-based and sparse.
  for (let i = 1; i < values.length; i++) {
    const c = flattenCell(values[i]);
    out[i - 1] = c;
    if (!isBlank(c)) last = i - 1;
  }
  if (last < 0) return null;
  out.length = last + 1;
  for (let i = 0; i <= last; i++) if (out[i] === undefined) out[i] = null;
  return out;
}

// ---------------------------------------------------------------------------
// xlsx

/**
 * exceljs' streaming reader needs xl/workbook.xml before a worksheet it can read at once (one that
 * comes after the shared strings); a workbook zipped in another order — valid, and written so by
 * some programs — makes it fail before the first row. Such files are read again with exceljs'
 * in-memory reader, which does not mind the order (more memory, only for them).
 */
async function parseXlsx(bytes: Uint8Array, sink: ParseSink): Promise<ParseResult> {
  let started = false;
  const watched: ParseSink = {
    sheet: (name) => ((started = true), sink.sheet(name)),
    rows: (rowNos, cells) => ((started = true), sink.rows(rowNos, cells)),
    cancelled: () => sink.cancelled(),
  };
  try {
    return await parseXlsxStreaming(bytes, watched);
  } catch (e) {
    if (started) throw e;
    return parseXlsxInMemory(bytes, sink);
  }
}

async function parseXlsxStreaming(bytes: Uint8Array, sink: ParseSink): Promise<ParseResult> {
  const input = Readable.from([Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength)]);
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(input, {
    sharedStrings: 'cache',
    hyperlinks: 'ignore',
    // Styles are needed to tell date cells from numbers.
    styles: 'cache',
    worksheets: 'emit',
    entries: 'emit',
  });
  let rowNos: number[] = [];
  let cells: FlatCell[][] = [];
  const flush = () => {
    if (rowNos.length) sink.rows(rowNos, cells);
    rowNos = [];
    cells = [];
  };
  for await (const ws of reader) {
    const sheet = ws as unknown as AsyncIterable<{ number: number; values: unknown }> & { name: string };
    sink.sheet(sheet.name);
    for await (const row of sheet) {
      const flat = flattenRow(row.values);
      if (!flat) continue;
      rowNos.push(row.number);
      cells.push(flat);
      if (rowNos.length >= CHUNK_ROWS) {
        flush();
        if (sink.cancelled()) return { encoding: null, order: [] };
      }
    }
    flush();
  }
  const model = (reader as unknown as { model?: { sheets?: { name?: string }[] } }).model;
  const order = (model?.sheets ?? []).map((s) => s.name ?? '').filter(Boolean);
  return { encoding: null, order };
}

async function parseXlsxInMemory(bytes: Uint8Array, sink: ParseSink): Promise<ParseResult> {
  const wb = new ExcelJS.Workbook();
  // exceljs types its Buffer parameter as an ArrayBuffer; at run time it takes a node Buffer.
  await wb.xlsx.load(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) as unknown as ArrayBuffer);
  const order: string[] = [];
  for (const ws of wb.worksheets) {
    order.push(ws.name);
    sink.sheet(ws.name);
    let rowNos: number[] = [];
    let cells: FlatCell[][] = [];
    ws.eachRow((row, rowNo) => {
      const flat = flattenRow(row.values);
      if (!flat) return;
      rowNos.push(rowNo);
      cells.push(flat);
      if (rowNos.length >= CHUNK_ROWS) {
        sink.rows(rowNos, cells);
        rowNos = [];
        cells = [];
      }
    });
    if (rowNos.length) sink.rows(rowNos, cells);
    if (sink.cancelled()) break;
  }
  return { encoding: null, order };
}

// ---------------------------------------------------------------------------
// CSV

/**
 * UTF-8 (with or without BOM) or GBK: bytes that are valid UTF-8 are UTF-8 (GBK text of any length
 * practically never is), anything else is read as GB18030, the superset of GBK that Chinese Excel
 * writes. UTF-16 with a BOM (Excel's "Unicode text") is recognised too.
 */
export function decodeText(bytes: Uint8Array): { text: string; encoding: string } {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    return { text: new TextDecoder('utf-8').decode(bytes.subarray(3)), encoding: 'UTF-8' };
  }
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { text: new TextDecoder('utf-16le').decode(bytes.subarray(2)), encoding: 'UTF-16LE' };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { text: new TextDecoder('utf-16be').decode(bytes.subarray(2)), encoding: 'UTF-16BE' };
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), encoding: 'UTF-8' };
  } catch {
    return { text: iconv.decode(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), 'gb18030'), encoding: 'GBK' };
  }
}

/** Comma, tab or semicolon: whichever the first line (outside quotes) has most of. */
function guessDelimiter(text: string): string {
  const firstLine = text.slice(0, 10_000).split(/\r?\n/, 1)[0] ?? '';
  const unquoted = firstLine.replace(/"[^"]*"/g, '');
  const counts = [',', '\t', ';'].map((d) => ({ d, n: unquoted.split(d).length - 1 }));
  counts.sort((a, b) => b.n - a.n);
  return counts[0]!.n > 0 ? counts[0]!.d : ',';
}

function parseCsvBytes(bytes: Uint8Array, sheetName: string, sink: ParseSink): ParseResult {
  const { text, encoding } = decodeText(bytes);
  const records = parseCsv(text, {
    delimiter: guessDelimiter(text),
    relax_column_count: true,
    relax_quotes: true,
    skip_empty_lines: false,
    bom: true,
  }) as string[][];
  sink.sheet(sheetName);
  let rowNos: number[] = [];
  let cells: FlatCell[][] = [];
  for (let i = 0; i < records.length; i++) {
    const rec = records[i]!;
    const flat: FlatCell[] = rec.map((s) => (s === '' ? null : s));
    while (flat.length && isBlank(flat[flat.length - 1]!)) flat.pop();
    if (!flat.length) continue;
    rowNos.push(i + 1);
    cells.push(flat);
    if (rowNos.length >= CHUNK_ROWS) {
      sink.rows(rowNos, cells);
      rowNos = [];
      cells = [];
      if (sink.cancelled()) break;
    }
  }
  if (rowNos.length) sink.rows(rowNos, cells);
  return { encoding, order: [sheetName] };
}

/** The one sheet of a CSV file is named after the file. */
export function csvSheetName(fileName: string): string {
  return fileName.replace(/^.*[\\/]/, '').replace(/\.[^.]*$/, '') || 'CSV';
}

export async function parseSpreadsheet(bytes: Uint8Array, kind: FileKind, fileName: string, sink: ParseSink): Promise<ParseResult> {
  return kind === 'xlsx' ? parseXlsx(bytes, sink) : parseCsvBytes(bytes, csvSheetName(fileName), sink);
}
