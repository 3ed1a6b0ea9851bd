/**
 * Real roster files for the import tests and the benchmark, built with exceljs (SheetJS for the
 * Excel 97-2003 .xls, iconv-lite for GBK CSV): the shapes counselors actually receive — title rows
 * over the table, merged cells, variant headers, dates typed five different ways, ID numbers that
 * Excel turned into numbers.
 */
import { createWriteStream } from 'node:fs';
import * as XLSX from '@e965/xlsx';
import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import { findEthnicity, findPoliticalStatus } from '../../shared/domain/codes';
import type { DemoOrganisation, DemoStudent } from '../../shared/domain/demo';
import { idCheckChar } from '../../shared/domain/idcard';

/** A valid 18-digit ID: region + YYYYMMDD + 3-digit sequence (odd = male). */
export function makeId(region: string, ymd: string, seq: string): string {
  const first17 = region + ymd + seq;
  return first17 + idCheckChar(first17);
}

/** The k-th of a run of distinct valid ID numbers (born in February 2006, 1,000 a day). */
export function numberedId(k: number): string {
  return makeId('110105', `200602${String(1 + Math.floor(k / 1000)).padStart(2, '0')}`, String(k % 1000).padStart(3, '0'));
}

/** n students for cleanRoster: 学号 prefix + a 5-digit number, one name, distinct ID numbers. */
export function numberedStudents(n: number, studentNoPrefix: string, name: string, from = 0): { studentNo: string; name: string; id: string }[] {
  return Array.from({ length: n }, (_, i) => ({ studentNo: `${studentNoPrefix}${String(from + i).padStart(5, '0')}`, name, id: numberedId(from + i) }));
}

/** The same first 17 digits with a wrong check character. */
export function withBadCheck(id: string): string {
  const good = id[17]!;
  return id.slice(0, 17) + (good === '0' ? '1' : '0');
}

export const CLASS_NAME = '计算机应用2501班';
export const MAJOR = { code: '510201', name: '计算机应用技术', level: '专科', lengthYears: '3', studyForm: '普通全日制' } as const;

type Cell = ExcelJS.CellValue;

/** A workbook from rows of cells (row 1 first); `setup` may merge cells or set formats. */
export async function workbook(sheets: { name: string; rows: Cell[][]; setup?: (ws: ExcelJS.Worksheet) => void }[]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  for (const s of sheets) {
    const ws = wb.addWorksheet(s.name);
    s.rows.forEach((r, i) => {
      const row = ws.getRow(i + 1);
      r.forEach((v, c) => {
        if (v !== undefined) row.getCell(c + 1).value = v;
      });
      row.commit();
    });
    s.setup?.(ws);
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}

const BIFF_ERROR_CODES: Record<string, number> = { '#NULL!': 0x00, '#DIV/0!': 0x07, '#VALUE!': 0x0f, '#REF!': 0x17, '#NAME?': 0x1d, '#NUM!': 0x24, '#N/A': 0x2a };

/**
 * The same workbook saved as Excel 97-2003 (.xls, BIFF8), written by SheetJS: every sheet, cell
 * value, number format and merged range of the .xlsx, as Excel's “另存为” keeps them — a date cell
 * becomes its serial number with a date format, text stays text, a number stays a number.
 */
export async function asXls(xlsx: Buffer): Promise<Buffer> {
  const src = new ExcelJS.Workbook();
  await src.xlsx.load(xlsx as unknown as ArrayBuffer);
  const wb = XLSX.utils.book_new();
  for (const ws of src.worksheets) {
    const sheet: XLSX.WorkSheet = {};
    let last = { r: 0, c: 0 };
    ws.eachRow((row) => {
      row.eachCell((cell) => {
        if (cell.isMerged && cell.master !== cell) return;
        const v = cell.value;
        const z = cell.numFmt || undefined;
        let out: XLSX.CellObject;
        if (typeof v === 'string') out = { t: 's', v };
        else if (typeof v === 'number') out = { t: 'n', v, ...(z ? { z } : {}) };
        else if (typeof v === 'boolean') out = { t: 'b', v };
        else if (v instanceof Date) out = { t: 'n', v: v.getTime() / 86_400_000 + 25569, z: z ?? 'yyyy-mm-dd' };
        else if (v && typeof v === 'object' && 'error' in v) out = { t: 'e', v: BIFF_ERROR_CODES[String(v.error)] ?? 0x0f };
        else throw new Error(`asXls: cell ${cell.address} holds ${JSON.stringify(v)}`);
        sheet[cell.address] = out;
        last = { r: Math.max(last.r, Number(cell.row) - 1), c: Math.max(last.c, Number(cell.col) - 1) };
      });
    });
    sheet['!ref'] = XLSX.utils.encode_range({ s: { r: 0, c: 0 }, e: last });
    const merges = (ws.model as { merges?: string[] }).merges ?? [];
    if (merges.length) sheet['!merges'] = merges.map((m) => XLSX.utils.decode_range(m));
    XLSX.utils.book_append_sheet(wb, sheet, ws.name);
  }
  return XLSX.write(wb, { bookType: 'biff8', type: 'buffer' }) as Buffer;
}

/**
 * The .xls with an open password, as far as a reader can tell without the password: a FILEPASS
 * record (XOR obfuscation) right after the workbook's first BOF record. (SheetJS writes no password.)
 */
export function withOpenPassword(xls: Buffer): Buffer {
  const cfb = XLSX.CFB.read(xls, { type: 'buffer' });
  const entry = XLSX.CFB.find(cfb, '/Workbook')!;
  const stream = Buffer.from(entry.content as Uint8Array);
  const bof = 4 + stream.readUInt16LE(2);
  entry.content = Buffer.concat([stream.subarray(0, bof), Buffer.from([0x2f, 0x00, 0x06, 0x00, 0x00, 0x00, 0x34, 0x12, 0x78, 0x56]), stream.subarray(bof)]);
  entry.size = entry.content.length;
  return XLSX.CFB.write(cfb, { type: 'buffer' }) as Buffer;
}

const utc = (y: number, m: number, d: number) => new Date(Date.UTC(y, m - 1, d));

/** Everyone in the messy roster was born on 2005-09-01 (so every date spelling can be checked). */
export const MESSY = {
  M1: makeId('110105', '20050901', '123'),
  F1: makeId('440305', '20050901', '246'),
  M2: makeId('320102', '20050901', '135'),
  M3: makeId('510104', '20050901', '171'),
  M4: makeId('330106', '20050901', '193'),
  F2: makeId('420102', '20050901', '248'),
  M5: makeId('370102', '20050901', '157'),
  M6: makeId('610103', '20050901', '215'),
};

export const MESSY_HEADERS = ['序号', '学号', '姓名', '性别', '出生年月', '身份证号码', '民族', '政治面貌', '手机号码', '入学日期', '班级', '备注'];

/**
 * Title rows (a merged title cell and a note row), the header on row 3, variant headers, dates as
 * an Excel date cell, 2005.9.1, 20050901 (text and number), 2005年9月1日 and 2005/9/1.
 * Valid rows: 4, 5, 10, 11. Problems: row 6 bad check digit (身份证号码), row 7 gender ≠ ID (性别),
 * rows 8 and 9 the same ID number (身份证号码), row 12 an ID stored as a number (身份证号码).
 * Row 13 is a footer note in the unmapped 序号 column, which is not a data row.
 */
export function messyRoster(className = CLASS_NAME): Promise<Buffer> {
  const rows: Cell[][] = [
    ['2025级新生花名册（信息工程系）'],
    ['制表单位：招生办公室', undefined, undefined, undefined, undefined, undefined, undefined, undefined, '制表日期：2025年8月20日'],
    MESSY_HEADERS,
    [1, '2025510201001', '张三', '男', utc(2005, 9, 1), MESSY.M1, '汉族', '共青团员', '13812345678', '2025.9.1', className, ''],
    [2, '2025510201002', '李四', '女', '2005年9月1日', MESSY.F1, '回族', '团员', '139 1234 5678', 20250901, className, '走读'],
    [3, '2025510201003', '王五', '男', '20050901', withBadCheck(MESSY.M2), '汉族', '群众', '13712345678', utc(2025, 9, 1), className, ''],
    [4, '2025510201004', '赵六', '女', '2005.9.1', MESSY.M5, '汉族', '共青团员', '13612345678', '2025-09-01', className, ''],
    [5, '2025510201005', '孙七', '男', '2005-09-01', MESSY.M3, '汉', '共青团员', '13512345678', '2025-09-01', className, ''],
    [6, '2025510201006', '周八', '男', '2005-09-01', MESSY.M3, '汉族', '共青团员', '13412345678', '2025-09-01', className, ''],
    [7, '2025510201007', '吴九', '男', 20050901, MESSY.M4, '满族', '中共预备党员', '13312345678', utc(2025, 9, 1), className, ''],
    [8, '2025510201008', '郑十', '女', '2005/9/1', MESSY.F2, '汉族', '共青团员', '13212345678', '2025年9月1日', className, ''],
    [9, '2025510201009', '钱十一', '男', '2005-09-01', Number(MESSY.M6), '汉族', '共青团员', '13112345678', '2025-09-01', className, ''],
    ['注：以上信息由招生办提供，如有错误请联系辅导员。'],
  ];
  return workbook([
    {
      name: '新生名单',
      rows,
      setup: (ws) => {
        ws.mergeCells('A1:L1');
        ws.mergeCells('A2:H2');
        ws.mergeCells('A13:L13');
        ws.getColumn(6).numFmt = '@';
        ws.getCell('E4').numFmt = 'yyyy"年"m"月"d"日"';
        ws.getCell('J6').numFmt = 'yyyy-mm-dd';
        ws.getCell('J10').numFmt = 'yyyy/m/d';
        ws.getCell('F12').numFmt = '0';
      },
    },
    { name: '说明', rows: [['本表用于新生报到登记']] },
  ]);
}

/** A clean roster: the given students, standard headers, class column. */
export function cleanRoster(students: { studentNo: string; name: string; id: string; phone?: string; className?: string; dormitory?: string }[], headers = ['学号', '姓名', '身份证号', '联系电话', '宿舍', '班级']): Promise<Buffer> {
  const value = (h: string, s: (typeof students)[number]): Cell => {
    switch (h) {
      case '学号': return s.studentNo;
      case '姓名': return s.name;
      case '身份证号': return s.id;
      case '联系电话': return s.phone ?? '';
      case '宿舍': return s.dormitory ?? '';
      case '班级': return s.className ?? CLASS_NAME;
      default: return '';
    }
  };
  return workbook([{ name: 'Sheet1', rows: [headers, ...students.map((s) => headers.map((h) => value(h, s)))] }]);
}

/** CSV text → bytes in GBK, or UTF-8 with a BOM. */
export function csvBytes(rows: string[][], encoding: 'gbk' | 'utf8-bom' | 'utf8'): Buffer {
  const text = rows.map((r) => r.map((c) => (/[",\n]/.test(c) ? `"${c.replace(/"/g, '""')}"` : c)).join(',')).join('\r\n') + '\r\n';
  if (encoding === 'gbk') return iconv.encode(text, 'gbk');
  const body = Buffer.from(text, 'utf8');
  return encoding === 'utf8-bom' ? Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), body]) : body;
}

// ---------------------------------------------------------------------------
// Benchmark roster

export const BENCH_HEADERS = [
  '学号', '考生号', '姓名', '性别', '出生日期', '身份证号', '民族', '政治面貌', '籍贯', '生源地', '联系电话', '电子邮箱', '家庭住址', '户籍地址',
  '入学日期', '预计毕业日期', '学籍状态', '年级', '专业', '班级', '宿舍', '监护人姓名', '监护人关系', '监护人电话', '备注',
];

/** One bench row (25 columns): Chinese text, dates as Excel date cells, IDs as text. */
export function benchRow(s: DemoStudent, org: DemoOrganisation, i: number): Cell[] {
  const cls = org.classes.find((c) => c.key === s.classKey)!;
  const major = org.majors.find((m) => m.code === s.majorCode)!;
  const date = (iso: string) => utc(Number(iso.slice(0, 4)), Number(iso.slice(5, 7)), Number(iso.slice(8, 10)));
  return [
    s.studentNo, s.examNo, s.name, s.gender === '1' ? '男' : '女', date(s.birthDate), s.idNumber, findEthnicity(s.ethnicityCode)?.name ?? '汉族',
    findPoliticalStatus(s.politicalStatusCode)?.name ?? '群众', s.nativePlace, s.sourceRegion, s.phone, `stu${i}@example.edu.cn`, s.address, s.address,
    date(s.enrolmentDate), date(s.expectedGraduationDate), '在籍在校', `${s.cohort}级`, major.name, cls.name, s.dormitory, s.guardian.name,
    s.guardian.relation, s.guardian.phone, i % 10 === 0 ? '转专业学生' : '',
  ];
}

/** Writes a large roster with exceljs' streaming writer (shared strings, as Excel itself writes). */
export async function writeRosterXlsx(file: string, headers: string[], rows: Iterable<Cell[]>): Promise<number> {
  const stream = createWriteStream(file);
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ stream, useStyles: true, useSharedStrings: true });
  const ws = wb.addWorksheet('学生名单');
  ws.columns = headers.map((h) => ({ header: h, width: 14, style: { numFmt: /日期/.test(h) ? 'yyyy-mm-dd' : '@' } }));
  let n = 0;
  for (const r of rows) {
    ws.addRow(r).commit();
    n++;
  }
  ws.commit();
  await wb.commit();
  return n;
}
