/**
 * Excel 97-2003 .xls rosters and the "xls" files web systems send (a web page, tab-separated text,
 * a renamed .xlsx): which reader a file goes to (detectKind, by its bytes), and that the .xls reader
 * gives the cells the .xlsx reader gives for the same workbook. Real files, written by SheetJS and
 * exceljs; nothing is mocked.
 */
import * as XLSX from '@e965/xlsx';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { CHUNK_ROWS, detectKind, FileRefused, parseSpreadsheet, type FileKind, type FlatCell, type ParseResult } from '../../../electron/main/features/imports/parse';
import { DEFAULT_SETTINGS } from '../../../db/queries/settings';
import { asXls, withOpenPassword, workbook } from '../../support/roster-fixtures';

const ID = '11010520050901123X';
const utc = (y: number, m: number, d: number) => new Date(Date.UTC(y, m - 1, d));

interface Parsed extends ParseResult {
  sheets: { name: string; rows: [number, FlatCell[]][] }[];
}

async function parse(bytes: Uint8Array, fileName: string, stopAfter = Infinity): Promise<Parsed> {
  const k = detectKind(fileName, bytes);
  if ('error' in k) throw new Error(k.error);
  return parseAs(bytes, k.kind, fileName, stopAfter);
}

async function parseAs(bytes: Uint8Array, kind: FileKind, fileName: string, stopAfter = Infinity): Promise<Parsed> {
  const sheets: Parsed['sheets'] = [];
  let rows = 0;
  const r = await parseSpreadsheet(bytes, kind, fileName, DEFAULT_SETTINGS.importMaxRows, {
    sheet: (name) => sheets.push({ name, rows: [] }),
    rows: (rowNos, cells) => {
      rowNos.forEach((n, i) => sheets.at(-1)!.rows.push([n, cells[i]!]));
      rows += rowNos.length;
    },
    cancelled: () => rows >= stopAfter,
  });
  return { ...r, sheets };
}

/** A BIFF8 workbook written by SheetJS from rows of cells (A1 first). */
function xlsOf(sheets: Record<string, XLSX.CellObject[][]>, opts: { date1904?: boolean } = {}): Buffer {
  const wb = XLSX.utils.book_new();
  for (const [name, rows] of Object.entries(sheets)) {
    const ws: XLSX.WorkSheet = {};
    rows.forEach((row, r) => row.forEach((cell, c) => (ws[XLSX.utils.encode_cell({ r, c })] = cell)));
    ws['!ref'] = XLSX.utils.encode_range({ s: { r: 0, c: 0 }, e: { r: rows.length - 1, c: Math.max(...rows.map((x) => x.length)) - 1 } });
    XLSX.utils.book_append_sheet(wb, ws, name);
  }
  if (opts.date1904) wb.Workbook = { WBProps: { date1904: true } };
  return XLSX.write(wb, { bookType: 'biff8', type: 'buffer' }) as Buffer;
}

/** The stream of an OLE2 file, changed by `edit`, written back. */
function editStream(file: Buffer, path: string, edit: (content: Buffer) => Buffer): Buffer {
  const cfb = XLSX.CFB.read(file, { type: 'buffer' });
  const entry = XLSX.CFB.find(cfb, path)!;
  entry.content = edit(Buffer.from(entry.content as Uint8Array));
  entry.size = entry.content.length;
  return XLSX.CFB.write(cfb, { type: 'buffer' }) as Buffer;
}

/** BIFF records of a workbook stream, for patching: [offset, type, length]. */
function records(stream: Buffer): [number, number, number][] {
  const out: [number, number, number][] = [];
  for (let i = 0; i + 4 <= stream.length; i += 4 + stream.readUInt16LE(i + 2)) out.push([i, stream.readUInt16LE(i), stream.readUInt16LE(i + 2)]);
  return out;
}

describe('detectKind', () => {
  const ole = xlsOf({ S: [[{ t: 's', v: 'x' }]] });
  const zip = Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x14, 0, 0, 0]);

  it('goes by the bytes: OLE2 is the .xls reader, a zip the .xlsx reader, whatever the extension says', async () => {
    expect(detectKind('名单.xls', ole)).toEqual({ kind: 'xls' });
    expect(detectKind('名单.xlsx', ole)).toEqual({ kind: 'xls' });
    expect(detectKind('名单', ole)).toEqual({ kind: 'xls' });
    expect(detectKind('名单.xls', zip)).toEqual({ kind: 'xlsx' });
    expect(detectKind('名单.xlsx', zip)).toEqual({ kind: 'xlsx' });
    expect(detectKind('名单.csv', zip)).toEqual({ error: expect.stringContaining('内容是 Excel 工作簿') });
    // Excel 2.x-4.0: a bare BIFF stream, no OLE2 container.
    const biff2 = XLSX.write(XLSX.read(ole), { bookType: 'biff2', type: 'buffer' }) as Buffer;
    expect([...biff2.subarray(0, 2)]).toEqual([0x09, 0x00]);
    expect(detectKind('名单.xls', biff2)).toEqual({ kind: 'xls' });
    expect((await parse(biff2, '名单.xls')).sheets[0]!.rows).toEqual([[1, ['x']]]);
  });

  it('reads a web page or XML spreadsheet named .xls as a workbook, and text named .xls as CSV', () => {
    const page = '<html><body><table><tr><td>学号</td></tr></table></body></html>';
    expect(detectKind('名单.xls', Buffer.from(page))).toEqual({ kind: 'xls' });
    expect(detectKind('名单.xls', Buffer.from(`\ufeff\r\n  ${page}`))).toEqual({ kind: 'xls' });
    expect(detectKind('名单.xls', Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(page, 'utf16le')]))).toEqual({ kind: 'xls' });
    expect(detectKind('名单.xls', iconv.encode(`<html><meta charset="gbk">${page}`, 'gbk'))).toEqual({ kind: 'xls' });
    expect(detectKind('名单.xls', Buffer.from('<?xml version="1.0"?><Workbook xmlns="urn:schemas-microsoft-com:office:spreadsheet"/>'))).toEqual({ kind: 'xls' });
    expect(detectKind('名单.xls', iconv.encode('学号\t姓名\r\n2025001\t张三\r\n', 'gbk'))).toEqual({ kind: 'csv' });
    expect(detectKind('名单.xls', Buffer.from('学号,姓名\n'))).toEqual({ kind: 'csv' });
  });

  it('refuses binary that is no spreadsheet, and names .xls among the accepted types', () => {
    const junk = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d]);
    expect(detectKind('名单.xls', junk)).toEqual({ error: expect.stringContaining('不是可读取的表格文件') });
    expect(detectKind('名单.xlsx', junk)).toEqual({ error: expect.stringContaining('不是有效的 Excel 工作簿') });
    expect(detectKind('名单.doc', junk)).toEqual({ error: expect.stringContaining('.xls') });
    expect(detectKind('名单.csv', Buffer.from('a,b'))).toEqual({ kind: 'csv' });
  });
});

describe('.xls reader', () => {
  it('gives the cells the .xlsx reader gives for the same workbook: text, numbers, dates, booleans, errors, blanks', async () => {
    const rows: unknown[][] = [
      ['学号', '考生号', '姓名', '出生日期', '身份证号', '入学日期', '在校', '成绩', '备注'],
      ['2025510201001', '25110105150001', '张三', utc(2005, 9, 1), ID, '2025-09-01', true, 91.5, ''],
      [2025510201002, 25110105150002, '李四', '2005年9月1日', 110105200509011230, 20250901, false, { error: '#N/A' }, '  '],
      [undefined, undefined, undefined, utc(1999, 12, 31), undefined, utc(2025, 9, 1), undefined, { error: '#DIV/0!' }, '走读'],
      [],
      ['注：', undefined, undefined, undefined, undefined, undefined, undefined, undefined, undefined],
    ];
    const xlsx = await workbook([
      {
        name: '新生名单',
        rows: rows as never,
        setup: (ws) => {
          ws.getCell('D2').numFmt = 'yyyy"年"m"月"d"日"';
          ws.getCell('F4').numFmt = 'yyyy/m/d';
          ws.getCell('D4').numFmt = 'yyyy-mm-dd';
          ws.getCell('E3').numFmt = '0';
        },
      },
      { name: '说明', rows: [['本表用于新生报到登记']] },
    ]);
    const xls = await asXls(xlsx);
    expect([...xls.subarray(0, 4)]).toEqual([0xd0, 0xcf, 0x11, 0xe0]);
    const fromXlsx = await parse(xlsx, '名单.xlsx');
    const fromXls = await parse(xls, '名单.xls');
    expect(fromXls).toEqual(fromXlsx);
    // What both give, spelled out.
    expect(fromXls.order).toEqual(['新生名单', '说明']);
    expect(fromXls.encoding).toBeNull();
    const sheet = fromXls.sheets[0]!.rows;
    expect(sheet.map(([n]) => n)).toEqual([1, 2, 3, 4, 6]);
    expect(sheet[1]![1]).toEqual(['2025510201001', '25110105150001', '张三', utc(2005, 9, 1), ID, '2025-09-01', true, 91.5]);
    // A row ends at its last non-blank cell (the spaces in 备注 are blank).
    expect(sheet[2]![1]).toEqual([2025510201002, 25110105150002, '李四', '2005年9月1日', 110105200509011230, 20250901, false, { error: '#N/A' }]);
    expect(sheet[3]![1]).toEqual([null, null, null, utc(1999, 12, 31), null, utc(2025, 9, 1), null, { error: '#DIV/0!' }, '走读']);
  });

  it('keeps the sheets in workbook order and reads 1904-based dates', async () => {
    const xls = xlsOf(
      { 说明: [[{ t: 's', v: '说明' }]], 新生名单: [[{ t: 'n', v: 38596 - 1462, z: 'yyyy-mm-dd' }]], Sheet3: [[{ t: 'n', v: 7 }]] },
      { date1904: true },
    );
    const r = await parse(xls, '名单.xls');
    expect(r.order).toEqual(['说明', '新生名单', 'Sheet3']);
    expect(r.sheets.map((s) => s.name)).toEqual(['说明', '新生名单', 'Sheet3']);
    expect(r.sheets[1]!.rows).toEqual([[1, [utc(2005, 9, 1)]]]);
  });

  it('reads Chinese Excel’s built-in date formats (2005年9月) as dates', async () => {
    // Format 31 (yyyy"年"m"月"d"日") is built into Chinese Excel and is not written to the file.
    // The file is written with a yyyy-mm-dd FORMAT record: its cell's XF is pointed at 31 instead
    // (the record, moved to an unused id, stays: sheet offsets must not move).
    const xls = editStream(xlsOf({ S: [[{ t: 'n', v: 38596, z: 'yyyy-mm-dd' }]] }), '/Workbook', (c) => {
      const text = Buffer.from('yyyy-mm-dd', 'utf16le');
      const [format] = records(c).filter(([at, type, len]) => type === 0x041e && c.subarray(at, at + 4 + len).includes(text));
      const [at] = format!;
      const id = c.readUInt16LE(at + 4);
      for (const [xf, type] of records(c)) if (type === 0x00e0 && c.readUInt16LE(xf + 4 + 2) === id) c.writeUInt16LE(31, xf + 4 + 2);
      c.writeUInt16LE(200, at + 4);
      return c;
    });
    expect((await parse(xls, '名单.xls')).sheets[0]!.rows).toEqual([[1, [utc(2005, 9, 1)]]]);
  });

  it('reads an Excel 5.0/95 workbook in the GBK code page', async () => {
    // SheetJS writes BIFF5 text in code page 1252 only: the text is written as placeholders and
    // replaced by its GBK bytes, and the CODEPAGE record set to 936, as a Chinese Excel 95 writes.
    const ws = XLSX.utils.aoa_to_sheet([['QQQQ', 'WWWW'], ['2025', 'EEEE']]);
    const book = XLSX.utils.book_new();
    XLSX.utils.book_append_sheet(book, ws, 'RRRR');
    const written = XLSX.write(book, { bookType: 'biff5', type: 'buffer' }) as Buffer;
    const gbk: Record<string, string> = { QQQQ: '学号', WWWW: '姓名', EEEE: '张三', RRRR: '名单' };
    const biff5 = editStream(written, '/Book', (c) => {
      for (const [at, type] of records(c)) if (type === 0x0042) c.writeUInt16LE(936, at + 4);
      for (const [from, to] of Object.entries(gbk)) {
        const bytes = iconv.encode(to, 'gbk');
        for (let i = c.indexOf(from); i >= 0; i = c.indexOf(from, i + 1)) bytes.copy(c, i);
      }
      return c;
    });
    const r = await parse(biff5, '名单.xls');
    expect(r.order).toEqual(['名单']);
    expect(r.sheets[0]!.rows).toEqual([[1, ['学号', '姓名']], [2, ['2025', '张三']]]);
  });

  it('stops between chunks when cancelled', async () => {
    const rows = Array.from({ length: CHUNK_ROWS * 2 + 500 }, (_, i): XLSX.CellObject[] => [{ t: 's', v: `第${i}行` }]);
    const xls = xlsOf({ A: rows, B: rows });
    expect((await parse(xls, '名单.xls')).sheets.map((s) => s.rows.length)).toEqual([rows.length, rows.length]);
    const stopped = await parse(xls, '名单.xls', 1);
    expect(stopped.sheets.map((s) => s.rows.length)).toEqual([CHUNK_ROWS]);
  });

  it('reads a GBK web page saved as .xls: each table a sheet, every cell the text shown', async () => {
    const page = `<html><head><meta http-equiv="Content-Type" content="text/html; charset=gb2312"></head><body>
      <table border="1"><tr><td colspan="4">2025级新生名单</td></tr>
      <tr><th>学号</th><th>考生号</th><th>姓名</th><th>身份证号</th><th>出生日期</th></tr>
      <tr><td>2025510201001</td><td>25110105150001</td><td>张&nbsp;三</td><td style="mso-number-format:'\\@'">${ID}</td><td>2005-09-01</td></tr>
      <tr><td></td><td></td></tr>
      <tr><td>2025510201002</td><td>25110105150002</td><td>李&amp;四</td><td>110105200509011230</td><td>2005/9/1</td></tr>
      </table><table><tr><td>制表：教务处</td></tr></table></body></html>`;
    const r = await parse(iconv.encode(page, 'gbk'), '名单.xls');
    expect(r.encoding).toBe('GBK');
    expect(r.order).toEqual(['Sheet1', 'Sheet2']);
    expect(r.sheets[0]!.rows).toEqual([
      [1, ['2025级新生名单']],
      [2, ['学号', '考生号', '姓名', '身份证号', '出生日期']],
      [3, ['2025510201001', '25110105150001', '张 三', ID, '2005-09-01']],
      [5, ['2025510201002', '25110105150002', '李&四', '110105200509011230', '2005/9/1']],
    ]);
    expect(r.sheets[1]!.rows).toEqual([[1, ['制表：教务处']]]);
  });

  it('reads an Excel 2003 XML spreadsheet saved as .xls', async () => {
    const book = XLSX.utils.book_new();
    const ws: XLSX.WorkSheet = { A1: { t: 's', v: '身份证号' }, B1: { t: 's', v: '出生日期' }, A2: { t: 's', v: ID }, B2: { t: 'n', v: 38596, z: 'yyyy-mm-dd' }, '!ref': 'A1:B2' };
    XLSX.utils.book_append_sheet(book, ws, '名单');
    const xml = Buffer.from(XLSX.write(book, { bookType: 'xlml', type: 'string' }) as string);
    const r = await parse(xml, '名单.xls');
    expect(r.sheets).toEqual([{ name: '名单', rows: [[1, ['身份证号', '出生日期']], [2, [ID, utc(2005, 9, 1)]]] }]);
  });

  it('reads tab-separated GBK text saved as .xls with the CSV reader', async () => {
    const r = await parse(iconv.encode(`学号\t身份证号\t出生日期\r\n2025510201001\t${ID}\t2005-09-01\r\n`, 'gbk'), '名单.xls');
    expect(r.encoding).toBe('GBK');
    expect(r.sheets).toEqual([{ name: '名单', rows: [[1, ['学号', '身份证号', '出生日期']], [2, ['2025510201001', ID, '2005-09-01']]] }]);
  });

  it('refuses password-protected workbooks and other OLE2 files with a reason', async () => {
    const plain = xlsOf({ S: [[{ t: 's', v: '学号' }]] });
    const locked = withOpenPassword(plain);
    // An .xlsx with an open password is an OLE2 file holding EncryptionInfo and EncryptedPackage.
    const encrypted = XLSX.CFB.utils.cfb_new();
    XLSX.CFB.utils.cfb_add(encrypted, '/EncryptionInfo', Buffer.alloc(256, 4));
    XLSX.CFB.utils.cfb_add(encrypted, '/EncryptedPackage', Buffer.alloc(8192, 7));
    const word = XLSX.CFB.utils.cfb_new();
    XLSX.CFB.utils.cfb_add(word, '/WordDocument', Buffer.alloc(8192, 7));
    const refusal = (bytes: Buffer, name: string) => parse(bytes, name).then(() => null, (e: unknown) => e);
    for (const [bytes, name] of [[locked, '名单.xls'], [XLSX.CFB.write(encrypted, { type: 'buffer' }) as Buffer, '名单.xlsx']] as const) {
      const e = await refusal(bytes, name);
      expect(e).toBeInstanceOf(FileRefused);
      expect((e as Error).message).toBe(`文件“${name}”设置了打开密码，无法读取。请在 Excel 中取消密码（“文件”→“信息”→“保护工作簿”）并保存后重新导入`);
    }
    const doc = await refusal(XLSX.CFB.write(word, { type: 'buffer' }) as Buffer, '名单.xls');
    expect(doc).toBeInstanceOf(FileRefused);
    expect((doc as Error).message).toContain('不是 Excel 工作簿');
    // A damaged file is an ordinary error (reported as such by the runner).
    const damaged = await refusal(plain.subarray(0, 600), '名单.xls');
    expect(damaged).toBeInstanceOf(Error);
    expect(damaged).not.toBeInstanceOf(FileRefused);
  });
});
