/**
 * The roster spec's blank template: the columns in the order rosters are usually typed, a sample
 * row, and a sheet 填写说明.
 */
import ExcelJS from 'exceljs';
import { workbookCell } from '../../../../core/xlsx-buffer';
import { idCheckChar } from '../../../../../../shared/domain/idcard';
import { FIELD_BY_KEY, type StudentFieldKey } from '../../../../../../shared/domain/student-fields';

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
