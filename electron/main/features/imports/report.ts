/**
 * The problem workbook any import hands back: the problem rows as they were in the file, bad cells
 * filled red, a last column 问题说明. (Each spec's blank template lives with the spec.)
 */
import ExcelJS from 'exceljs';
import { streamWorkbook, workbookCell } from '../../core/xlsx-buffer';
import { catalogueField, type ImportCatalogue, type ImportIssue } from '../../../../shared/domain/import';
import type { FlatCell } from './parse';
import type { ParsedSheet } from './parse-runner';
import type { SheetLayout } from './sheet';

export const ERROR_FILL = 'FFFFC7CE';
export const WARNING_FILL = 'FFFFEB9C';

/** A cell as it was in the file; its text escaped like every workbook the app writes. */
function excelValue(c: FlatCell | undefined): ExcelJS.CellValue {
  if (c === null || c === undefined) return null;
  if (typeof c === 'object' && !(c instanceof Date)) return c.error;
  return workbookCell(c);
}

/** `导入问题_名单.xlsx` for `名单.xlsx` / `名单.csv`. */
export function reportFileName(fileName: string): string {
  const stem = fileName.replace(/^.*[\\/]/, '').replace(/\.[^.]*$/, '') || '文件';
  return `导入问题_${stem}.xlsx`;
}

/**
 * Header row first, then only the rows with problems, every cell as it was in the file; cells
 * with an error filled light red (warnings light yellow); 问题说明 lists the row's problems.
 */
export async function errorReportXlsx(
  sheet: ParsedSheet,
  layout: SheetLayout,
  mapping: Readonly<Record<number, string>>,
  /** The spec's catalogue: column widths of its fields. */
  cat: ImportCatalogue,
  issuesByIndex: ReadonlyMap<number, ImportIssue<string>[]>,
  /** The row's subject (the student's name) by row number as Excel shows it: 问题说明 starts with it. */
  names: ReadonlyMap<number, string> = new Map(),
): Promise<Buffer> {
  const colOf = new Map<string, number>(Object.entries(mapping).map(([i, f]) => [f, Number(i)]));
  const indexes = [...issuesByIndex.keys()].sort((a, b) => a - b);
  let width = layout.headers.length;
  for (const i of indexes) width = Math.max(width, sheet.cells[i]?.length ?? 0);
  return streamWorkbook((wb) => {
    const ws = wb.addWorksheet('导入问题', { views: [{ state: 'frozen', ySplit: 1, xSplit: 0 }] });
    ws.columns = [
      ...Array.from({ length: width }, (_, i) => {
        const f = mapping[i];
        const field = f ? catalogueField(cat, f) : undefined;
        return { width: field ? field.width + 2 : 14 };
      }),
      { width: 80 },
    ];
    const header = ws.addRow([...Array.from({ length: width }, (_, i) => workbookCell(layout.headers[i] ?? '')), '问题说明']);
    header.font = { bold: true };
    header.getCell(width + 1).fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: ERROR_FILL } };
    header.commit();
    for (const i of indexes) {
      const cells = sheet.cells[i] ?? [];
      const issues = issuesByIndex.get(i)!;
      const name = names.get(sheet.rowNos[i]!);
      const explained = (name ? `${name}：` : '') + issues.map((x) => x.message).join('\n');
      const row = ws.addRow([...Array.from({ length: width }, (_, c) => excelValue(cells[c])), workbookCell(explained)]);
      for (let c = 0; c < width; c++) {
        const v = cells[c];
        if (v instanceof Date) row.getCell(c + 1).numFmt = 'yyyy-mm-dd';
        else if (typeof v === 'string') row.getCell(c + 1).numFmt = '@';
      }
      const marks = new Map<number, 'error' | 'warning'>();
      for (const x of issues) {
        const col = colOf.get(x.field);
        if (col === undefined) continue;
        if (x.severity === 'error' || !marks.has(col)) marks.set(col, x.severity === 'error' ? 'error' : marks.get(col) ?? 'warning');
      }
      for (const [col, sev] of marks) {
        row.getCell(col + 1).fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: sev === 'error' ? ERROR_FILL : WARNING_FILL } };
      }
      row.getCell(width + 1).alignment = { wrapText: true, vertical: 'top' };
      row.commit();
    }
    ws.commit();
  });
}
