import ExcelJS from 'exceljs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { templateXlsx } from '../../electron/main/features/imports/specs/roster/template';
import { COUNSELOR, makeApp, type TestApp } from '../support/harness';
import { CLASS_NAME, MAJOR, makeId, withBadCheck, workbook } from '../support/roster-fixtures';

/**
 * Every workbook the app writes escapes text that a spreadsheet would read as a formula once the
 * file is saved as CSV (issue 13 #10): a leading ' before = + - @. Numbers and dates stay what
 * they are, and the database keeps the value as typed.
 */
const A = 'admin-client';
const C = COUNSELOR.client;
let app: TestApp;
let classId: number;

beforeEach(async () => {
  app = makeApp();
  await app.setup();
  await app.addStaff();
  const major = await app.call(C, 'org.createMajor', { ...MAJOR });
  classId = (await app.call(C, 'org.createClass', { name: CLASS_NAME, majorId: major.id, cohortYear: 2025 })).id;
});
afterEach(() => app?.remove());

async function read(bytes: Buffer): Promise<ExcelJS.Worksheet> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes as unknown as ArrayBuffer);
  return wb.worksheets[0]!;
}

const ID = makeId('110105', '20070315', '123');

describe('workbooks the app writes', () => {
  it('the student export: formula-like text gets a leading quote, numbers stay numbers, the database keeps the value', async () => {
    const created = await app.call(C, 'students.create', {
      studentNo: '2025001', name: '@张三', gender: '1', birthDate: '2007-03-15', idNumber: ID, classId,
      dormitory: '-3号楼', notes: '=HYPERLINK("http://example.com","点我")', nativePlace: '北京市=朝阳区',
    });
    const out = await app.call(C, 'students.export', { columns: ['studentNo', 'name', 'dormitory', 'notes', 'nativePlace', 'cohortYear'], jobId: 'export-escape' });
    const ws = await read(app.output(C, out.jobId));
    expect((ws.getRow(2).values as unknown[]).slice(1)).toEqual(['2025001', "'@张三", "'-3号楼", `'=HYPERLINK("http://example.com","点我")`, '北京市=朝阳区', 2025]);
    const kept = await app.call(C, 'students.get', { id: created.id });
    expect(kept).toMatchObject({ name: '@张三', dormitory: '-3号楼', notes: '=HYPERLINK("http://example.com","点我")' });
  });

  it('an exported roster imports back as it was: the quote the export added is not kept', async () => {
    await app.call(C, 'students.create', { studentNo: '2025001', name: '@张三', gender: '1', birthDate: '2007-03-15', idNumber: ID, classId, notes: '=1+1' });
    const out = await app.call(C, 'students.export', { columns: ['studentNo', 'name', 'idNumber', 'notes'], jobId: 'export-round' });
    const opened = await app.call(C, 'imports.open', app.upload(C, '学生名单.xlsx', app.output(C, out.jobId)));
    const sheet = opened.sheets[0]!.name;
    const inspected = await app.call(C, 'imports.inspect', { uploadId: opened.uploadId, sheet });
    const preview = await app.call(C, 'imports.preview', { uploadId: opened.uploadId, sheet, mapping: inspected.mapping, mode: 'update', matchBy: 'studentNo' });
    expect(preview).toMatchObject({ valid: 1, toUpdate: 0, roster: { keyChanges: 0 } });
    expect(preview.issues.map((i) => [i.column, i.code])).toEqual([['姓名', 'FORMULA_LIKE_TEXT'], ['备注', 'FORMULA_LIKE_TEXT']]);
  });

  it('the import error report: header and cells copied from the file are escaped, numbers are not', async () => {
    const file = await workbook([{
      name: '名单',
      rows: [
        ['学号', '姓名', '身份证号', '备注', '=备用列'],
        ['2025001', '张三', withBadCheck(ID), '+1 加分', -5],
      ],
    }]);
    const opened = await app.call(C, 'imports.open', app.upload(C, '名单.xlsx', file));
    const inspected = await app.call(C, 'imports.inspect', { uploadId: opened.uploadId, sheet: '名单' });
    const report = await app.call(C, 'imports.errorReport', { uploadId: opened.uploadId, sheet: '名单', mapping: inspected.mapping });
    const ws = await read(app.output(C, report.jobId));
    expect((ws.getRow(1).values as unknown[]).slice(1, 6)).toEqual(['学号', '姓名', '身份证号', '备注', "'=备用列"]);
    expect((ws.getRow(2).values as unknown[]).slice(4, 6)).toEqual(["'+1 加分", -5]);
  });

  it('the audit export: a user name beginning with - is escaped', async () => {
    await app.addUser({ username: '-clerk', displayName: '孙干事', role: 'clerk', password: 'Clerk12345xy' }, 'clerk-client');
    const out = await app.call(A, 'audit.export', { jobId: 'audit-escape' });
    const ws = await read(app.output(A, out.jobId));
    const users = ws.getColumn(2).values.slice(2);
    expect(users).toContain("'-clerk");
    expect(users).not.toContain('-clerk');
    expect(ws.getRow(2).getCell(1).value).toBeInstanceOf(Date);
  });

  it('the import template writes its sample row unchanged (nothing in it begins like a formula)', async () => {
    const ws = await read(await templateXlsx());
    expect((ws.getRow(2).values as unknown[]).slice(1, 4)).toEqual(['2025510201001', '25110105150001', '张三']);
  });
});
