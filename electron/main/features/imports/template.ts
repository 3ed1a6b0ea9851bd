/**
 * A blank import workbook from a spec's catalogue: the columns in the order given, a sample row,
 * each column kept as text (codes and 学号 never turn into numbers), an optional list to pick from,
 * and a sheet 填写说明. The roster has its own (specs/roster/template.ts: dates, the ID number).
 */
import ExcelJS from 'exceljs';
import { catalogueField, type ImportCatalogue } from '../../../../shared/domain/import';
import { workbookCell } from '../../core/xlsx-buffer';

export interface TemplateColumn<K extends string> {
  key: K;
  sample: string | number;
  note: string;
  /** Values offered in the cell (a list validation). */
  choices?: readonly string[];
  /** A number column: kept General so 2.5 stays a number. */
  numeric?: boolean;
}

export async function catalogueTemplate<K extends string>(cat: ImportCatalogue<K>, sheetName: string, columns: readonly TemplateColumn<K>[], closing: string): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = '学籍通';
  const ws = wb.addWorksheet(sheetName, { views: [{ state: 'frozen', ySplit: 1, xSplit: 0 }] });
  const fields = columns.map((c) => ({ ...c, field: catalogueField(cat, c.key)! }));
  ws.columns = fields.map((c) => ({ header: c.field.label, key: c.key, width: c.field.width + 4, style: c.numeric ? {} : { numFmt: '@' } }));
  const header = ws.getRow(1);
  header.font = { bold: true };
  header.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFE8EEF7' } };
  ws.addRow(fields.map((c) => workbookCell(c.sample)));
  fields.forEach((c, i) => {
    if (!c.choices) return;
    for (let r = 2; r <= 2000; r++) {
      ws.getCell(r, i + 1).dataValidation = {
        type: 'list', allowBlank: true, formulae: [`"${c.choices.join(',')}"`], showErrorMessage: true, errorTitle: c.field.label, error: `请填写${c.choices.join('、')}之一`,
      };
    }
  });
  const help = wb.addWorksheet('填写说明');
  help.columns = [{ header: '列名', width: 14 }, { header: '必填', width: 8 }, { header: '说明', width: 80 }];
  help.getRow(1).font = { bold: true };
  const anyOf = new Set<string>((cat.anyOf ?? []).flat());
  for (const c of fields) help.addRow([c.field.label, c.field.required ? '是' : anyOf.has(c.key) ? '二选一' : '', c.note]);
  help.addRow([]);
  help.addRow(['', '', closing]);
  return Buffer.from(await wb.xlsx.writeBuffer());
}
