/**
 * Workbooks the import hands back: the error report (the problem rows as they were in the file,
 * bad cells filled red, a last column 问题说明) and the blank template.
 */
import ExcelJS from 'exceljs';
import { streamWorkbook, workbookCell } from '../../core/xlsx-buffer';
import { idCheckChar } from '../../../../shared/domain/idcard';
import type { ImportIssue } from '../../../../shared/domain/import';
import { FIELD_BY_KEY, type StudentFieldKey } from '../../../../shared/domain/student-fields';
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
  mapping: Readonly<Record<number, StudentFieldKey>>,
  issuesByIndex: ReadonlyMap<number, ImportIssue[]>,
  /** The student's name by row number as Excel shows it: 问题说明 starts with it. */
  names: ReadonlyMap<number, string> = new Map(),
): Promise<Buffer> {
  const colOf = new Map<StudentFieldKey, number>(Object.entries(mapping).map(([i, f]) => [f, Number(i)]));
  const indexes = [...issuesByIndex.keys()].sort((a, b) => a - b);
  let width = layout.headers.length;
  for (const i of indexes) width = Math.max(width, sheet.cells[i]?.length ?? 0);
  return streamWorkbook((wb) => {
    const ws = wb.addWorksheet('导入问题', { views: [{ state: 'frozen', ySplit: 1, xSplit: 0 }] });
    ws.columns = [
      ...Array.from({ length: width }, (_, i) => {
        const f = mapping[i];
        return { width: f ? FIELD_BY_KEY[f].width + 2 : 14 };
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

/** Template columns, in the order rosters are usually typed. */
export const TEMPLATE_FIELDS: readonly StudentFieldKey[] = [
  'studentNo', 'examNo', 'name', 'gender', 'birthDate', 'idNumber', 'ethnicityCode', 'politicalStatusCode', 'nativePlace', 'sourceRegion',
  'phone', 'email', 'homeAddress', 'householdAddress', 'enrolmentDate', 'cohortYear', 'majorName', 'className', 'dormitory', 'guardianName',
  'guardianRelation', 'guardianPhone', 'notes',
];

const NOTES: Partial<Record<StudentFieldKey, string>> = {
  studentNo: '必填，学校编排的学号，不能与已有学生重复',
  examNo: '普通高考考生号（14 位）',
  name: '必填',
  gender: '必填，填“男”或“女”；可留空，按身份证号第 17 位自动填写',
  birthDate: '必填，如 2007-03-15；可留空，按身份证号自动填写；必须与身份证号一致',
  idNumber: '必填，18 位；请保持本列为“文本”格式，否则 Excel 会把号码变成 1.10105E+17，末尾数字丢失',
  ethnicityCode: '民族名称，如“汉族”“蒙古族”，或两位代码',
  politicalStatusCode: '如“共青团员”“中共党员”“群众”，或两位代码',
  phone: '11 位手机号，或带区号的座机号',
  enrolmentDate: '如 2025-09-01',
  cohortYear: '四位入学年份，如 2025',
  majorName: '专业名称或专业代码；新建班级时用来确定所属专业',
  className: '须是系统中已有的班级（或在导入时选择自动新建班级）',
  guardianRelation: '如“父亲”“母亲”',
};

export async function templateXlsx(): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = '学籍通';
  const ws = wb.addWorksheet('学生名单', { views: [{ state: 'frozen', ySplit: 1, xSplit: 0 }] });
  ws.columns = TEMPLATE_FIELDS.map((key) => {
    const f = FIELD_BY_KEY[key];
    return { header: f.label, key, width: f.width + 2, style: { numFmt: f.kind === 'date' ? 'yyyy-mm-dd' : '@' } };
  });
  const header = ws.getRow(1);
  header.font = { bold: true };
  header.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFE8EEF7' } };
  const id17 = '11010520070315123'; // 北京市朝阳区, born 2007-03-15, sequence 123 (odd: male)
  const sample: Partial<Record<StudentFieldKey, string | Date>> = {
    studentNo: '2025510201001', examNo: '25110105150001', name: '张三', gender: '男', birthDate: new Date(Date.UTC(2007, 2, 15)),
    idNumber: id17 + idCheckChar(id17), ethnicityCode: '汉族', politicalStatusCode: '共青团员', nativePlace: '北京市朝阳区', sourceRegion: '北京市朝阳区',
    phone: '13812345678', email: 'zhangsan@example.com', homeAddress: '北京市朝阳区建国路88号', householdAddress: '北京市朝阳区建国路88号',
    enrolmentDate: new Date(Date.UTC(2025, 8, 1)), cohortYear: '2025', majorName: '计算机应用技术', className: '计算机应用2501班', dormitory: '3号楼-201',
    guardianName: '张大山', guardianRelation: '父亲', guardianPhone: '13900001111', notes: '示例行，导入前请删除',
  };
  ws.addRow(TEMPLATE_FIELDS.map((k) => workbookCell(sample[k] ?? null)));
  const genderCol = TEMPLATE_FIELDS.indexOf('gender') + 1;
  for (let r = 2; r <= 2000; r++) {
    ws.getCell(r, genderCol).dataValidation = { type: 'list', allowBlank: true, formulae: ['"男,女"'], showErrorMessage: true, errorTitle: '性别', error: '请填写“男”或“女”' };
  }
  const help = wb.addWorksheet('填写说明');
  help.columns = [{ header: '列名', width: 14 }, { header: '必填', width: 8 }, { header: '说明', width: 80 }];
  help.getRow(1).font = { bold: true };
  for (const k of TEMPLATE_FIELDS) {
    const f = FIELD_BY_KEY[k];
    help.addRow([f.label, f.required ? '是' : '', NOTES[k] ?? '']);
  }
  help.addRow([]);
  help.addRow(['', '', '表头可以放在标题行下面；列的顺序可以调整，也可以用“身份证号码”“出生年月”“手机号码”等常见列名，导入时会自动识别。']);
  return Buffer.from(await wb.xlsx.writeBuffer());
}
