import { PassThrough } from 'node:stream';
import ExcelJS from 'exceljs';
import { escapeFormulaText } from '../../../shared/domain/spreadsheet-text';

export const XLSX_MIME = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/**
 * A value as every workbook the app writes puts it in a cell: text that a spreadsheet would read as
 * a formula once the file is saved as CSV goes behind a single quote (spreadsheet-text.ts); numbers,
 * dates and empty cells stay what they are.
 */
export function workbookCell<T extends ExcelJS.CellValue>(value: T): T | string {
  return typeof value === 'string' ? escapeFormulaText(value) : value;
}

/**
 * Builds a workbook with exceljs's streaming writer (memory stays flat for tens of thousands of
 * rows) and returns the .xlsx bytes, which go back to the renderer as a download.
 */
export async function streamWorkbook(build: (wb: ExcelJS.stream.xlsx.WorkbookWriter) => Promise<void> | void): Promise<Buffer> {
  const out = new PassThrough();
  const chunks: Buffer[] = [];
  out.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<void>((resolve, reject) => {
    out.on('end', resolve);
    out.on('error', reject);
  });
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: true, useSharedStrings: false });
  wb.creator = '学籍通';
  await build(wb);
  await wb.commit();
  await done;
  return Buffer.concat(chunks);
}
