import { PassThrough } from 'node:stream';
import ExcelJS from 'exceljs';

export const XLSX_MIME = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

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
