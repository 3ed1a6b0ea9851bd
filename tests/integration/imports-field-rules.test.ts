import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CreateStudentInput } from '../../shared/ipc/schemas/students';
import { COUNSELOR, makeApp, type TestApp } from '../support/harness';
import { cleanRoster, csvBytes, makeId } from '../support/roster-fixtures';

/**
 * One set of field rules (issue 13 #9): a roster import is held to the limits the form enforces,
 * cell by cell, and nothing of a refused file is written.
 */
const C = COUNSELOR.client;
const HEADERS = ['学号', '姓名', '身份证号', '宿舍', '备注'];
const ID = [makeId('110105', '20070315', '123'), makeId('110105', '20070316', '246'), makeId('110105', '20070317', '135'), makeId('110105', '20070318', '268')];
const LONG_NOTE = 'x'.repeat(10_000_000);
const LONG_NAME = '张'.repeat(41);
const rows = [
  HEADERS,
  ['2025001', '张三', ID[0]!, '1号楼', ''],
  ['2025002', '李四', ID[1]!, '', LONG_NOTE],
  ['2025003', LONG_NAME, ID[2]!, '', ''],
  ['2025004', '赵六', ID[3]!, '@3号楼', '=HYPERLINK("http://example.com","点我")'],
];

let app: TestApp;
beforeEach(async () => {
  app = makeApp();
  await app.setup();
  await app.addStaff();
});
afterEach(() => app?.remove());

async function prepared(bytes: Buffer, fileName: string) {
  const opened = await app.call(C, 'imports.open', app.upload(C, fileName, bytes));
  const sheet = opened.sheets[0]!.name;
  const inspected = await app.call(C, 'imports.inspect', { uploadId: opened.uploadId, sheet });
  return { uploadId: opened.uploadId, sheet, mapping: inspected.mapping };
}

const listed = async () => (await app.call(C, 'students.list', { page: 0, pageSize: 50, filter: {}, sort: { field: 'studentNo', dir: 'asc' } })).rows;

describe('roster import and the form share the field rules', () => {
  it('an over-long 备注 and 姓名 are refused per cell, naming row, column, limit and length; nothing is half-written', async () => {
    const options = await prepared(csvBytes(rows, 'utf8-bom'), '名单.csv');
    const preview = await app.call(C, 'imports.preview', options);
    expect(preview).toMatchObject({ rows: 4, valid: 2, invalid: 2 });
    const errors = preview.issues.filter((i) => i.severity === 'error');
    expect(errors.map((i) => [i.row, i.column, i.code, i.message])).toEqual([
      [3, '备注', 'TEXT_TOO_LONG', '第 3 行“备注”：不能超过 500 个字符，现有 10000000 个字符'],
      [4, '姓名', 'TEXT_TOO_LONG', '第 4 行“姓名”：不能超过 40 个字符，现有 41 个字符'],
    ]);

    const refused = await app.call(C, 'imports.commit', options);
    expect(refused).toMatchObject({ batchId: null, imported: 0, skipped: 4 });
    expect(await listed()).toEqual([]);

    const done = await app.call(C, 'imports.commit', { ...options, skipInvalid: true });
    expect(done).toMatchObject({ imported: 2, skipped: 2 });
    const saved = await listed();
    expect(saved.map((s) => s.studentNo)).toEqual(['2025001', '2025004']);
    expect(saved.every((s) => (s.notes ?? '').length <= 500)).toBe(true);
  });

  it('the form refuses the same values with the same limits and the same words', async () => {
    const base = { studentNo: '2025009', name: '钱七', gender: '1', birthDate: '2007-03-15', idNumber: ID[0]! };
    const note = CreateStudentInput.safeParse({ ...base, notes: LONG_NOTE });
    const name = CreateStudentInput.safeParse({ ...base, name: LONG_NAME });
    expect(note.success ? null : note.error.issues[0]!.message).toBe('备注不能超过 500 个字符，现有 10000000 个字符');
    expect(name.success ? null : name.error.issues[0]!.message).toBe('姓名不能超过 40 个字符，现有 41 个字符');
    const refused = await app.fails(C, 'students.create', { ...base, notes: LONG_NOTE });
    expect(refused.message).toBe('备注不能超过 500 个字符，现有 10000000 个字符');
    expect(await listed()).toEqual([]);
  });

  it('text beginning with = + - @ is imported as it is, with a warning in the preview naming the cell', async () => {
    const options = await prepared(await cleanRoster([{ studentNo: '2025004', name: '赵六', id: ID[3]!, phone: '+86 138 1234 5678', dormitory: '@3号楼' }], ['学号', '姓名', '身份证号', '联系电话', '宿舍']), '名单.xlsx');
    const preview = await app.call(C, 'imports.preview', options);
    expect(preview).toMatchObject({ valid: 1, invalid: 0 });
    expect(preview.issues.map((i) => [i.row, i.column, i.code, i.severity])).toEqual([[2, '宿舍', 'FORMULA_LIKE_TEXT', 'warning']]);
    expect(preview.issues[0]!.message).toMatch(/^第 2 行“宿舍”：以“@”开头.*单引号/);
    await app.call(C, 'imports.commit', options);
    const [s] = await listed();
    // The database holds the value as typed (the phone in its canonical digits); escaping is for written workbooks only.
    expect(s).toMatchObject({ dormitory: '@3号楼', phone: '13812345678' });
  });
});

describe('the command line import uses the same rules', () => {
  const ROOT = resolve(__dirname, '..', '..');
  const dir = mkdtempSync(join(tmpdir(), 'xueji-cli-fields-'));
  const data = join(dir, 'data');
  afterEach(() => rmSync(dir, { recursive: true, force: true }));
  const cli = (args: string[]) => {
    const r = spawnSync(process.execPath, [join(ROOT, 'node_modules', 'tsx', 'dist', 'cli.mjs'), join(ROOT, 'electron', 'cli', 'main.ts'), ...args], {
      cwd: ROOT, env: { ...process.env, XUEJI_PASSWORD: 'Admin12345xy' }, encoding: 'utf8', timeout: 120_000,
    });
    return { code: r.status, out: r.stdout, err: r.stderr };
  };

  it('exit 2, the over-long cells named, nothing written', () => {
    expect(cli(['init', '--data', data, '--school-code', '12345', '--school', '示范职业技术学院', '--department', '信息工程系', '--admin', 'admin', '--json']).code).toBe(0);
    const file = join(dir, '名单.csv');
    writeFileSync(file, csvBytes(rows, 'utf8-bom'));
    const r = cli(['import', 'students', file, '--data', data, '--json']);
    expect(r.code, r.err).toBe(2);
    const json = JSON.parse(r.out);
    expect(json).toMatchObject({ rows: 4, imported: 0 });
    expect(json.errors.map((e: { message: string }) => e.message)).toEqual([
      '第 3 行“备注”：不能超过 500 个字符，现有 10000000 个字符',
      '第 4 行“姓名”：不能超过 40 个字符，现有 41 个字符',
    ]);
  }, 180_000);
});
