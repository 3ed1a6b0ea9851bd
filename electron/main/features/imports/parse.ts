/**
 * Reading an uploaded roster (.xlsx with exceljs' streaming reader, Excel 97-2003 .xls with SheetJS,
 * .csv with csv-parse) into rows of flat cell values. Runs inside the parse worker (parse-worker.ts)
 * and, only if a worker cannot be started, in the main process. No database, no Electron: bytes in,
 * rows out.
 */
import * as XLSX from '@e965/xlsx';
import * as cptable from '@e965/xlsx/dist/cpexcel.full.mjs';
import { parse as parseCsv } from 'csv-parse/sync';
import iconv from 'iconv-lite';
import { cellDisplayValue, cellText } from '../../../../shared/domain/import/cells';
import { openXlsx } from './xlsx-reader';

/**
 * A cell as the importer keeps it: what the user sees, with the type that matters to the
 * normalisers (a number stays a number, a date a Date, an error value `{ error }`). Rich text,
 * hyperlinks and formulas are flattened here, so rows stay small and structured-cloneable.
 */
export type FlatCell = string | number | boolean | Date | { error: string } | null;

/** xls: the binary Excel 97-2003 workbook, or a web page / XML spreadsheet saved under .xls. */
export type FileKind = 'xlsx' | 'xls' | 'csv';

/**
 * A file that was read and cannot be imported, with the complete Chinese reason for the user (a
 * password, not a spreadsheet). Other parse errors are reported as a damaged file.
 */
export class FileRefused extends Error {}

export interface ParseSink {
  /** A new sheet begins; its rows follow. */
  sheet(name: string): void;
  /** A chunk of non-empty rows of the current sheet: Excel row numbers and 0-based cells. */
  rows(rowNos: number[], cells: FlatCell[][]): void;
  /** Checked between chunks; true stops the parse. */
  cancelled(): boolean;
}

export interface ParseResult {
  /** CSV (and a web page saved as .xls): the detected encoding; a binary workbook: null. */
  encoding: string | null;
  /** Sheet names in workbook order (the streaming reader meets them in zip order). */
  order: string[];
}

export const CHUNK_ROWS = 1000;

export function tooManyRows(fileName: string, maxRows: number): string {
  const n = maxRows.toLocaleString('zh-CN');
  return `文件“${fileName}”超过 ${n} 行，一次最多导入 ${n} 行。请拆分为几个文件分别导入（上限可由管理员在“系统设置”中调整）`;
}

/**
 * Stops the read as soon as the file has more non-empty rows than one import may hold (系统设置 →
 * 单次导入行数上限, importMaxRows; 200,000 unless changed): the rows are
 * kept in memory until the import ends, and a file of millions of rows would exhaust it.
 */
function withRowLimit(sink: ParseSink, maxRows: number, fileName: string): ParseSink {
  let rows = 0;
  return {
    sheet: (name) => sink.sheet(name),
    rows(rowNos, cells) {
      rows += rowNos.length;
      if (rows > maxRows) throw new FileRefused(tooManyRows(fileName, maxRows));
      sink.rows(rowNos, cells);
    },
    cancelled: () => sink.cancelled(),
  };
}

/** Zip local-file header: every .xlsx starts with it. */
const ZIP_MAGIC = [0x50, 0x4b, 0x03, 0x04];
/** OLE2 compound file: the binary .xls, Excel 5.0/95 and 97-2003 alike (and a password-protected .xlsx). */
const OLE_MAGIC = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

const startsWith = (bytes: Uint8Array, magic: number[]) => magic.every((b, i) => bytes[i] === b);

/** Excel 2.x-4.0 worksheets: a bare BOF record (09 00 / 09 02 / 09 04), no OLE2 container. */
const isBiff2to4 = (bytes: Uint8Array) => bytes[0] === 0x09 && (bytes[1] === 0x00 || bytes[1] === 0x02 || bytes[1] === 0x04) && bytes[3] === 0x00;

/**
 * The first characters of a file that is text (UTF-8/GBK, or UTF-16 with a BOM), or null for binary
 * bytes. Only for telling an HTML or CSV "xls" from other files: GBK is read as UTF-8 here, lossily.
 */
function textHead(bytes: Uint8Array): string | null {
  const head = bytes.subarray(0, 4096);
  if (head[0] === 0xff && head[1] === 0xfe) return new TextDecoder('utf-16le').decode(head.subarray(2));
  if (head[0] === 0xfe && head[1] === 0xff) return new TextDecoder('utf-16be').decode(head.subarray(2));
  const unmarked = utf16WithoutBom(head);
  if (unmarked) return new TextDecoder(unmarked === 'UTF-16LE' ? 'utf-16le' : 'utf-16be').decode(head);
  if (head.includes(0)) return null;
  return new TextDecoder('utf-8').decode(head).replace(/^\ufeff/, '');
}

/** A web page (<html>, <table>) or an XML spreadsheet (Excel 2003 XML): what web systems save as .xls. */
const isMarkup = (head: string) => /^\s*</.test(head);

/** 'xlsx' | 'xls' | 'csv' by the file's first bytes, or a Chinese reason why it cannot be read. */
export function detectKind(fileName: string, bytes: Uint8Array): { kind: FileKind } | { error: string } {
  const ext = /\.([a-z0-9]+)$/i.exec(fileName)?.[1]?.toLowerCase() ?? '';
  if (startsWith(bytes, ZIP_MAGIC)) {
    if (ext === 'csv' || ext === 'txt') return { error: `文件“${fileName}”的扩展名是 .${ext}，但内容是 Excel 工作簿，请将扩展名改为 .xlsx 后重新选择` };
    // Also a .xls that is really a zipped workbook (renamed, or saved so by a web system).
    return { kind: 'xlsx' };
  }
  // A password-protected .xlsx is an OLE2 file too; the parser tells it apart (FileRefused).
  if (startsWith(bytes, OLE_MAGIC) || isBiff2to4(bytes)) return { kind: 'xls' };
  if (ext === 'xlsx' || ext === 'xlsm') return { error: `文件“${fileName}”不是有效的 Excel 工作簿（文件可能已损坏），请在 Excel 中重新保存后导入` };
  if (ext === 'xls') {
    // Web systems often send a web page or tab-separated text named .xls: read what it really is.
    const head = textHead(bytes);
    if (head === null) return { error: `文件“${fileName}”不是可读取的表格文件（文件可能已损坏），请在 Excel 中打开后“另存为”Excel 工作簿（.xlsx）再导入` };
    return { kind: isMarkup(head) ? 'xls' : 'csv' };
  }
  if (ext === 'csv' || ext === 'txt' || ext === '') return { kind: 'csv' };
  return { error: `不支持的文件类型 .${ext}：请选择 Excel 工作簿（.xlsx、.xls）或 CSV 文件（.csv）` };
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

/** exceljs' streaming reader, fed from memory in reading order (xlsx-reader.ts): no temporary file. */
async function parseXlsx(bytes: Uint8Array, sink: ParseSink): Promise<ParseResult> {
  const book = await openXlsx(bytes, { styles: true });
  let rowNos: number[] = [];
  let cells: FlatCell[][] = [];
  const flush = () => {
    if (rowNos.length) sink.rows(rowNos, cells);
    rowNos = [];
    cells = [];
  };
  for await (const sheet of book.sheets) {
    sink.sheet(sheet.name);
    for await (const row of sheet.rows) {
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
  return { encoding: null, order: book.order() };
}

// ---------------------------------------------------------------------------
// xls

/*
 * Excel 97-2003 (BIFF8), Excel 5.0/95 (BIFF5) and older binary workbooks, and the web pages and XML
 * spreadsheets that web systems save as .xls, are read with SheetJS (@e965/xlsx, its community
 * build). It reads the whole workbook into memory from the bytes (≤ 50 MB), no temporary file.
 */

// BIFF5 and older keep text in the workbook's code page (GBK, 936, from a Chinese Excel).
XLSX.set_cptable(cptable);

/**
 * Chinese Excel's built-in date formats (ids 27-36, 50-58) are not stored in the file, and SheetJS
 * knows only the English built-ins: without these, a date cell formatted 2005年9月1日 would come out
 * as the number 38596. As Excel's zh-CN locale defines them.
 */
const CJK_DATE_FORMATS: [number, string][] = [
  ...[27, 36, 50, 52, 57].map((id): [number, string] => [id, 'yyyy"年"m"月"']),
  ...[28, 29, 51, 53, 54, 58].map((id): [number, string] => [id, 'm"月"d"日"']),
  [30, 'm-d-yy'],
  [31, 'yyyy"年"m"月"d"日"'],
  [32, 'h"时"mm"分"'],
  [33, 'h"时"mm"分"ss"秒"'],
  [34, '上午/下午 h"时"mm"分"'],
  [35, '上午/下午 h"时"mm"分"ss"秒"'],
  [55, '上午/下午 h"时"mm"分"'],
  [56, '上午/下午 h"时"mm"分"ss"秒"'],
];

/** BIFF error codes, as Excel shows them. */
const BIFF_ERRORS: Record<number, string> = { 0x00: '#NULL!', 0x07: '#DIV/0!', 0x0f: '#VALUE!', 0x17: '#REF!', 0x1d: '#NAME?', 0x24: '#NUM!', 0x2a: '#N/A' };

const READ_OPTIONS: XLSX.ParsingOptions = {
  dense: true,
  // Numbers stay numbers (dates are converted below, as exceljs does); cellNF keeps each cell's
  // number format, the only way to tell a date cell from a number. No display text, HTML, formulas
  // or styles: only the values are kept.
  cellDates: false,
  cellNF: true,
  cellText: false,
  cellHTML: false,
  cellFormula: false,
  cellStyles: false,
  bookVBA: false,
};

/** SheetJS cell → FlatCell, the shapes flattenCell gives for the same cell in an .xlsx. */
function xlsCell(c: XLSX.CellObject | undefined, date1904: boolean): FlatCell {
  if (!c) return null;
  const v = c.v;
  switch (c.t) {
    case 's':
      return typeof v === 'string' && v !== '' ? v : null;
    case 'n':
      if (typeof v !== 'number') return null;
      if (!Number.isFinite(v)) return { error: '#NUM!' };
      // A date cell → the Date exceljs gives for it: the serial read as UTC days since 1899-12-30.
      if (c.z !== undefined && XLSX.SSF.is_date(c.z)) return new Date(Math.round((v - 25569 + (date1904 ? 1462 : 0)) * 86_400_000));
      return v;
    case 'b':
      return typeof v === 'boolean' ? v : null;
    case 'e':
      return { error: typeof v === 'number' ? (BIFF_ERRORS[v] ?? '#VALUE!') : '#VALUE!' };
    case 'd':
      return v instanceof Date ? v : null;
    default:
      return null;
  }
}

const UTF16LE_ENCRYPTED_PACKAGE = Buffer.from('EncryptedPackage', 'utf16le');

/** SheetJS' failures that have a reason the user can act on; anything else is a damaged file. */
function refusal(e: unknown, bytes: Buffer, fileName: string): Error {
  const message = e instanceof Error ? e.message : String(e);
  // An .xls with an open password (FILEPASS), or an .xlsx with one (an OLE2 file holding an EncryptedPackage).
  if (/password|encrypt/i.test(message) || bytes.includes(UTF16LE_ENCRYPTED_PACKAGE)) {
    return new FileRefused(`文件“${fileName}”设置了打开密码，无法读取。请在 Excel 中取消密码（“文件”→“信息”→“保护工作簿”）并保存后重新导入`);
  }
  // An OLE2 file without a workbook: a Word document or another Office file renamed.
  if (/Cannot find Workbook stream|Unsupported Works/i.test(message)) {
    return new FileRefused(`文件“${fileName}”不是 Excel 工作簿（可能是 Word 或其他程序的文件），请选择 Excel 或 CSV 格式的名单`);
  }
  return e instanceof Error ? e : new Error(message);
}

async function parseXls(bytes: Uint8Array, fileName: string, sink: ParseSink): Promise<ParseResult> {
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const binary = startsWith(bytes, OLE_MAGIC) || isBiff2to4(bytes);
  let encoding: string | null = null;
  let wb: XLSX.WorkBook;
  try {
    if (binary) {
      // Loaded before each read: SheetJS resets its format table when it reads other formats.
      for (const [id, fmt] of CJK_DATE_FORMATS) XLSX.SSF.load(fmt, id);
      wb = XLSX.read(buf, { ...READ_OPTIONS, type: 'buffer' });
    } else {
      // A web page or XML spreadsheet: decoded as CSV is (UTF-8 or GBK); `raw` keeps every table
      // cell as the text shown, so an ID number is not turned into a number and its digits lost.
      const t = decodeText(bytes);
      encoding = t.encoding;
      wb = XLSX.read(t.text.trimStart(), { ...READ_OPTIONS, type: 'string', raw: true });
    }
  } catch (e) {
    throw refusal(e, buf, fileName);
  }
  const date1904 = Boolean(wb.Workbook?.WBProps?.date1904);
  const order: string[] = [];
  for (const name of wb.SheetNames) {
    const ws = wb.Sheets[name];
    // Chart sheets hold no cells (exceljs does not list them either).
    if (!ws || ws['!type'] === 'chart') continue;
    order.push(name);
    sink.sheet(name);
    const data = ws['!data'] ?? [];
    let rowNos: number[] = [];
    let cells: FlatCell[][] = [];
    for (let r = 0; r < data.length; r++) {
      const row = data[r];
      if (!row) continue;
      const out: FlatCell[] = [];
      let last = -1;
      for (let c = 0; c < row.length; c++) {
        const v = xlsCell(row[c], date1904);
        out.push(v);
        if (!isBlank(v)) last = c;
      }
      if (last < 0) continue;
      out.length = last + 1;
      rowNos.push(r + 1);
      cells.push(out);
      if (rowNos.length >= CHUNK_ROWS) {
        sink.rows(rowNos, cells);
        rowNos = [];
        cells = [];
        if (sink.cancelled()) return { encoding, order };
      }
    }
    if (rowNos.length) sink.rows(rowNos, cells);
    // The sheet's cells are no longer needed once posted.
    delete wb.Sheets[name];
    if (sink.cancelled()) break;
  }
  return { encoding, order };
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
  const unmarked = utf16WithoutBom(bytes);
  if (unmarked) return { text: new TextDecoder(unmarked === 'UTF-16LE' ? 'utf-16le' : 'utf-16be').decode(bytes), encoding: unmarked };
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), encoding: 'UTF-8' };
  } catch {
    return { text: iconv.decode(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), 'gb18030'), encoding: 'GBK' };
  }
}

/**
 * UTF-16 saved without its byte-order mark (some systems' "Unicode" export): text in which every
 * other byte is zero — the high byte of ASCII letters, digits and separators. Chinese text has no
 * zero bytes, but a roster's digits and commas give plenty. Without this it read as garbage and
 * was refused as 没有找到表头行.
 */
function utf16WithoutBom(bytes: Uint8Array): 'UTF-16LE' | 'UTF-16BE' | null {
  const n = Math.min(bytes.length, 4096) & ~1;
  if (n < 8) return null;
  let evenZeros = 0;
  let oddZeros = 0;
  for (let i = 0; i < n; i += 2) {
    if (bytes[i] === 0) evenZeros++;
    if (bytes[i + 1] === 0) oddZeros++;
  }
  const pairs = n / 2;
  if (oddZeros > pairs * 0.2 && evenZeros < pairs * 0.02) return 'UTF-16LE';
  if (evenZeros > pairs * 0.2 && oddZeros < pairs * 0.02) return 'UTF-16BE';
  return null;
}

/** Comma, tab or semicolon: whichever the first line (outside quotes) has most of. */
function guessDelimiter(text: string): string {
  const firstLine = text.slice(0, 10_000).split(/\r?\n/, 1)[0] ?? '';
  const unquoted = firstLine.replace(/"[^"]*"/g, '');
  const counts = [',', '\t', ';'].map((d) => ({ d, n: unquoted.split(d).length - 1 }));
  counts.sort((a, b) => b.n - a.n);
  return counts[0]!.n > 0 ? counts[0]!.d : ',';
}

function parseCsvBytes(bytes: Uint8Array, fileName: string, maxRows: number, sink: ParseSink): ParseResult {
  const { text, encoding } = decodeText(bytes);
  let nonEmpty = 0;
  const records = parseCsv(text, {
    delimiter: guessDelimiter(text),
    relax_column_count: true,
    relax_quotes: true,
    skip_empty_lines: false,
    bom: true,
    // Counted while csv-parse reads, so a file of millions of lines stops at the limit, not at its end.
    on_record: (record: string[]) => {
      if (record.some((c) => NOT_BLANK.test(c)) && ++nonEmpty > maxRows) throw new FileRefused(tooManyRows(fileName, maxRows));
      return record;
    },
  }) as string[][];
  sink.sheet(csvSheetName(fileName));
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
  return { encoding, order: [csvSheetName(fileName)] };
}

/** The one sheet of a CSV file is named after the file. */
export function csvSheetName(fileName: string): string {
  return fileName.replace(/^.*[\\/]/, '').replace(/\.[^.]*$/, '') || 'CSV';
}

export async function parseSpreadsheet(bytes: Uint8Array, kind: FileKind, fileName: string, maxRows: number, sink: ParseSink): Promise<ParseResult> {
  const limited = withRowLimit(sink, maxRows, fileName);
  if (kind === 'xlsx') return parseXlsx(bytes, limited);
  if (kind === 'xls') return parseXls(bytes, fileName, limited);
  return parseCsvBytes(bytes, fileName, maxRows, limited);
}
