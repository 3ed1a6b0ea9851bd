/**
 * Excel 97-2003 .xls rosters through the real app (open → inspect → preview → commit, the parse in
 * its worker): an .xls saved from the same rows as an .xlsx gives the same sheets, the same issues
 * and the same students; the "xls" files web systems send (a GBK web page, a renamed .xlsx) are
 * read for what they are; a password-protected one is refused with the reason.
 */
import iconv from 'iconv-lite';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { COUNSELOR, makeApp, type TestApp } from '../support/harness';
import { CLASS_NAME, MAJOR, asXls, cleanRoster, makeId, messyRoster, withBadCheck, withOpenPassword, workbook } from '../support/roster-fixtures';

let app: TestApp;
const C = COUNSELOR.client;

beforeEach(async () => {
  app = makeApp();
  await app.setup();
  await app.addStaff();
  const major = await app.call(C, 'org.createMajor', { ...MAJOR });
  await app.call(C, 'org.createClass', { name: CLASS_NAME, majorId: major.id, cohortYear: 2025 });
});
afterEach(() => app?.remove());

const utc = (y: number, m: number, d: number) => new Date(Date.UTC(y, m - 1, d));
const EXAM_IDS = ['011', '022', '031', '042', '051'].map((seq) => makeId('110105', '20060101', seq));

/**
 * 考生号 of 14 digits as text and as numbers, 学号 as a number, birth and enrolment dates as date
 * cells (one in Chinese Excel's 2025年9月1日 format), as text and as the number 20060101. Valid
 * rows 2 and 3; problems: row 4 check digit (身份证号), row 5 2006-02-30 (出生日期), row 6 an ID
 * number stored as a number (身份证号).
 */
function examRoster(): Promise<Buffer> {
  return workbook([
    {
      name: '录取名单',
      rows: [
        ['学号', '考生号', '姓名', '性别', '出生日期', '身份证号', '入学日期', '班级'],
        ['2025510201501', '25110105150001', '甲一', '男', utc(2006, 1, 1), EXAM_IDS[0]!, '2025-09-01', CLASS_NAME],
        [2025510201502, 25110105150002, '乙二', '女', '2006年1月1日', EXAM_IDS[1]!, utc(2025, 9, 1), CLASS_NAME],
        ['2025510201503', '25110105150003', '丙三', '男', 20060101, withBadCheck(EXAM_IDS[2]!), '2025/9/1', CLASS_NAME],
        ['2025510201504', 25110105150004, '丁四', '女', '2006-02-30', EXAM_IDS[3]!, utc(2025, 9, 1), CLASS_NAME],
        ['2025510201505', '25110105150005', '戊五', '男', utc(2006, 1, 1), Number(EXAM_IDS[4]!), '2025-09-01', CLASS_NAME],
      ],
      setup: (ws) => {
        ws.getCell('G3').numFmt = 'yyyy"年"m"月"d"日"';
        ws.getCell('E2').numFmt = 'yyyy-mm-dd';
      },
    },
    { name: '说明', rows: [['考生号为 14 位']] },
  ]);
}

/** open → inspect → preview → commit (valid rows) → the students, then undone: all an import shows. */
async function importOnce(bytes: Buffer, fileName: string) {
  const { uploadId, ...opened } = await app.call(C, 'imports.open', app.upload(C, fileName, bytes));
  const sheet = opened.sheets[0]!.name;
  const inspected = await app.call(C, 'imports.inspect', { uploadId, sheet });
  const options = { uploadId, sheet, mapping: inspected.mapping };
  const preview = await app.call(C, 'imports.preview', options);
  const { batchId, ...committed } = await app.call(C, 'imports.commit', { ...options, skipInvalid: true });
  const rows = (await app.call(C, 'students.list', { page: 0, pageSize: 50, filter: {}, sort: { field: 'studentNo', dir: 'asc' } })).rows;
  const students = rows.map(({ id: _id, ...r }) => r);
  if (batchId !== null) await app.call(C, 'imports.undo', { id: batchId });
  return { opened, inspected, preview, committed, students };
}

describe('.xls rosters', () => {
  it('reads an Excel 97-2003 roster as the .xlsx with the same rows: same sheets, issues and students', async () => {
    for (const [build, fileName] of [[messyRoster, '新生名单'], [examRoster, '录取名单']] as const) {
      const xlsx = await build();
      const fromXlsx = await importOnce(xlsx, `${fileName}.xlsx`);
      const fromXls = await importOnce(await asXls(xlsx), `${fileName}.xls`);
      expect(fromXls).toEqual({ ...fromXlsx, opened: { ...fromXlsx.opened, kind: 'xls' } });
      expect(fromXls.opened.kind).toBe('xls');
    }

    // What both gave for the 考生号 roster, spelled out.
    const r = await importOnce(await asXls(await examRoster()), '录取名单.xls');
    expect(r.opened).toEqual({ kind: 'xls', encoding: null, sheets: [{ name: '录取名单', rows: 6 }, { name: '说明', rows: 1 }] });
    expect(r.inspected.sampleRows.map((row) => row.slice(0, 2))).toEqual([
      ['2025510201501', '25110105150001'],
      ['2025510201502', '25110105150002'],
      ['2025510201503', '25110105150003'],
      ['2025510201504', '25110105150004'],
      ['2025510201505', '25110105150005'],
    ]);
    expect(r.preview).toMatchObject({ rows: 5, valid: 2, invalid: 3 });
    const errors = r.preview.issues.filter((i) => i.severity === 'error');
    expect(errors.map((i) => [i.row, i.column, i.field, i.code])).toEqual([
      [4, '身份证号', 'idNumber', 'ID_CHECKSUM'],
      [5, '出生日期', 'birthDate', 'DATE_INVALID'],
      [6, '身份证号', 'idNumber', 'ID_AS_NUMBER'],
    ]);
    expect(errors[2]!.message).toMatch(/^第 6 行“身份证号”：身份证号“1\.10105E\+17”被 Excel 当作数字保存/);
    expect(r.committed).toMatchObject({ rows: 5, imported: 2, skipped: 3 });
    expect(r.students.map((s) => [s.studentNo, s.examNo, s.name, s.idNumber, s.birthDate, s.enrolmentDate])).toEqual([
      ['2025510201501', '25110105150001', '甲一', EXAM_IDS[0], '2006-01-01', '2025-09-01'],
      ['2025510201502', '25110105150002', '乙二', EXAM_IDS[1], '2006-01-01', '2025-09-01'],
    ]);
  });

  it('reads a GBK web page saved as .xls, every cell as the text shown', async () => {
    const ids = [makeId('110105', '20060101', '071'), makeId('110105', '20060101', '082')];
    const page = `<html><head><meta http-equiv="Content-Type" content="text/html; charset=gb2312"></head><body>
      <table border="1"><tr><td colspan="6">2025级录取名单</td></tr>
      <tr><th>学号</th><th>考生号</th><th>姓名</th><th>性别</th><th>身份证号</th><th>班级</th></tr>
      <tr><td>2025510201601</td><td>25110105160001</td><td>网页一</td><td>男</td><td>${ids[0]}</td><td>${CLASS_NAME}</td></tr>
      <tr><td>2025510201602</td><td>25110105160002</td><td>网页二</td><td>女</td><td>${ids[1]}</td><td>${CLASS_NAME}</td></tr>
      </table></body></html>`;
    const r = await importOnce(iconv.encode(page, 'gbk'), '录取名单.xls');
    expect(r.opened).toEqual({ kind: 'xls', encoding: 'GBK', sheets: [{ name: 'Sheet1', rows: 4 }] });
    expect(r.inspected.headerRow).toBe(2);
    expect(r.preview).toMatchObject({ rows: 2, valid: 2, invalid: 0 });
    expect(r.students.map((s) => [s.studentNo, s.examNo, s.name, s.idNumber, s.birthDate])).toEqual([
      ['2025510201601', '25110105160001', '网页一', ids[0], '2006-01-01'],
      ['2025510201602', '25110105160002', '网页二', ids[1], '2006-01-01'],
    ]);
  });

  it('reads a workbook by its bytes when its extension says the other Excel format', async () => {
    const students = [{ studentNo: '2025510201701', name: '换名', id: makeId('110105', '20060101', '091') }];
    const xlsx = await cleanRoster(students);
    const renamedXlsx = await importOnce(xlsx, '名单.xls');
    expect(renamedXlsx.opened.kind).toBe('xlsx');
    const renamedXls = await importOnce(await asXls(xlsx), '名单.xlsx');
    expect(renamedXls.opened.kind).toBe('xls');
    for (const r of [renamedXlsx, renamedXls]) expect(r.students.map((s) => [s.studentNo, s.name])).toEqual([['2025510201701', '换名']]);
  });

  it('refuses a password-protected .xls with the reason, and a damaged one as damaged', async () => {
    const xls = await asXls(await cleanRoster([{ studentNo: '2025510201801', name: '加密', id: makeId('110105', '20060101', '111') }]));
    const locked = await app.fails(C, 'imports.open', app.upload(C, '加密.xls', withOpenPassword(xls)));
    expect(locked).toMatchObject({ code: 'VALIDATION', message: '文件“加密.xls”设置了打开密码，无法读取。请在 Excel 中取消密码（“文件”→“信息”→“保护工作簿”）并保存后重新导入' });
    const damaged = await app.fails(C, 'imports.open', app.upload(C, '损坏.xls', xls.subarray(0, 700)));
    expect(damaged.code).toBe('VALIDATION');
    expect(damaged.message).toMatch(/^文件“损坏.xls”无法读取，可能已损坏/);
  });
});
