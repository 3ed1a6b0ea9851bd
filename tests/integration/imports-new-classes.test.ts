/**
 * Issue 12 #7: a class the department does not have yet is created only under a major — read from
 * the file's 专业 column or chosen in the wizard — and the preview never promises a class it then
 * refuses. The problem workbook keeps dates as dates, and every problem names its student.
 */
import ExcelJS from 'exceljs';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { COUNSELOR, makeApp, type TestApp } from '../support/harness';
import { CLASS_NAME, MAJOR, makeId, messyRoster, workbook } from '../support/roster-fixtures';

let app: TestApp;
const C = COUNSELOR.client;
let majorId: number;

beforeEach(async () => {
  app = makeApp();
  await app.setup();
  await app.addStaff();
  majorId = (await app.call(C, 'org.createMajor', { ...MAJOR })).id;
  await app.call(C, 'org.createClass', { name: CLASS_NAME, majorId, cohortYear: 2025 });
});
afterEach(() => app?.remove());

async function prepared(bytes: Buffer) {
  const opened = await app.call(C, 'imports.open', app.upload(C, '新生.xlsx', bytes));
  const sheet = opened.sheets[0]!.name;
  const inspected = await app.call(C, 'imports.inspect', { uploadId: opened.uploadId, sheet });
  return { uploadId: opened.uploadId, sheet, mapping: inspected.mapping };
}

const newClassRoster = () =>
  workbook([{ name: 'S', rows: [
    ['学号', '姓名', '身份证号', '班级'],
    ['2026510201001', '电一', makeId('110105', '20070101', '011'), '电子2601班'],
    ['2026510201002', '电二', makeId('110105', '20070101', '022'), '电子2601班'],
  ] }]);

it('a new class without a 专业 column: the preview asks for its major, and promises it only once chosen', async () => {
  const options = { ...(await prepared(await newClassRoster())), createMissingClasses: true };
  const asked = await app.call(C, 'imports.preview', options);
  expect(asked.roster?.newClasses).toEqual([{ name: '电子2601班', rows: 2, majorId: null, majorName: null, majorFrom: null }]);
  expect(asked.issues.map((i) => [i.row, i.code])).toEqual([[2, 'UNKNOWN_CLASS'], [3, 'UNKNOWN_CLASS']]);
  expect(asked.issues[0]!.message).toContain('请为班级“电子2601班”选择所属专业');

  const chosen = { ...options, newClassMajors: { 电子2601班: majorId } };
  const ready = await app.call(C, 'imports.preview', chosen);
  expect(ready.roster?.newClasses).toEqual([{ name: '电子2601班', rows: 2, majorId, majorName: MAJOR.name, majorFrom: 'chosen' }]);
  expect(ready).toMatchObject({ valid: 2, invalid: 0, issuesTotal: 0 });
  expect((await app.call(C, 'imports.commit', chosen)).imported).toBe(2);
  const tree = await app.call(C, 'org.tree', {});
  expect(tree.classes.find((c) => c.name === '电子2601班')).toMatchObject({ majorName: MAJOR.name, cohortYear: 2026, studentCount: 2 });
});

it('a new class whose major the 专业 column names: read from the file, and the wizard may still choose another', async () => {
  const other = await app.call(C, 'org.createMajor', { code: '510102', name: '电子信息工程技术', level: '专科', lengthYears: '3', studyForm: '普通全日制' });
  const roster = await workbook([{ name: 'S', rows: [
    ['学号', '姓名', '身份证号', '专业', '班级'],
    ['2026510201011', '甲一', makeId('110105', '20070101', '031'), '计算机应用技术', '计算机2601班'],
    ['2026510201012', '甲二', makeId('110105', '20070101', '042'), '不存在的专业', '新2601班'],
  ] }]);
  const options = { ...(await prepared(roster)), createMissingClasses: true };
  const fromFile = await app.call(C, 'imports.preview', options);
  expect(fromFile.roster?.newClasses).toEqual([
    { name: '计算机2601班', rows: 1, majorId, majorName: MAJOR.name, majorFrom: 'file' },
    { name: '新2601班', rows: 1, majorId: null, majorName: null, majorFrom: null },
  ]);
  expect(fromFile.issues.map((i) => [i.row, i.column, i.code])).toEqual([[3, '专业', 'UNKNOWN_MAJOR']]);
  const chosen = await app.call(C, 'imports.preview', { ...options, newClassMajors: { 新2601班: other.id } });
  expect(chosen.roster?.newClasses[1]).toEqual({ name: '新2601班', rows: 1, majorId: other.id, majorName: '电子信息工程技术', majorFrom: 'chosen' });
  expect(chosen.invalid).toBe(0);
});

it('without creating classes, the preview lists the unknown class and creates nothing', async () => {
  const preview = await app.call(C, 'imports.preview', await prepared(await newClassRoster()));
  expect(preview.roster?.unknownClasses).toEqual(['电子2601班']);
  expect(preview.issues.map((i) => i.code)).toEqual(['UNKNOWN_CLASS', 'UNKNOWN_CLASS']);
});

it('every problem names the student of its row', async () => {
  const preview = await app.call(C, 'imports.preview', await prepared(await messyRoster()));
  const byRow = Object.fromEntries(preview.issues.filter((i) => i.severity === 'error').map((i) => [i.row, i.name]));
  expect(byRow).toEqual({ 6: '王五', 7: '赵六', 8: '孙七', 9: '周八', 12: '钱十一' });
});

it('the problem workbook keeps date cells as dates (yyyy-mm-dd) and each row its student’s name', async () => {
  const report = await app.call(C, 'imports.errorReport', await prepared(await messyRoster()));
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(app.output(C, report.jobId) as unknown as ArrayBuffer);
  const ws = wb.worksheets[0]!;
  // Row 2 of the report is 王五 (row 6 of the file), whose 入学日期 (column J) is an Excel date.
  const enrolled = ws.getRow(2).getCell(10);
  expect(enrolled.value).toBeInstanceOf(Date);
  expect((enrolled.value as Date).toISOString().slice(0, 10)).toBe('2025-09-01');
  expect(enrolled.numFmt).toBe('yyyy-mm-dd');
  expect([2, 3, 4, 5, 6].map((r) => ws.getRow(r).getCell(3).value)).toEqual(['王五', '赵六', '孙七', '周八', '钱十一']);
  // 问题说明 names the student too, so the sentence stands on its own when copied out.
  expect(String(ws.getRow(2).getCell(13).value)).toMatch(/^王五：第 6 行“身份证号码”/);
});

it('a file that is no roster is refused by the command line in one sentence, with no field name tacked on', async () => {
  const { CliSession } = await import('../../electron/cli/session');
  const { ADMIN, PROFILE } = await import('../support/harness');
  const { mkdtempSync } = await import('node:fs');
  const { tmpdir } = await import('node:os');
  const { join } = await import('node:path');
  const cli = new CliSession(mkdtempSync(join(tmpdir(), 'xueji-cli-msg-')));
  try {
    await cli.call('setup.create', { ...PROFILE, admin: ADMIN });
    const empty = cli.addFile('名单.xlsx', new Uint8Array(0));
    const text = cli.addFile('说明.docx', new TextEncoder().encode('不是名单'));
    for (const fileId of [empty, text]) {
      const refused = await cli.call('imports.open', { fileId, spec: 'roster' }).then(() => null, (e: Error) => e.message);
      expect(refused).toMatch(/[\u4e00-\u9fa5]/);
      // The services named a field the call does not have (fileName); the command line then added its label.
      expect(refused, String(refused)).not.toMatch(/（(?:文件名|fileName|fileId)）$/);
    }
  } finally {
    await cli.close();
  }
});
