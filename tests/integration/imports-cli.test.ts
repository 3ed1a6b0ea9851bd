import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, describe, expect, it } from 'vitest';
import { openEncryptedDatabase } from '../../db/open';
import { readKeyFile, unlockWithPassword } from '../../db/keyslots';
import { cleanRoster, makeId, withBadCheck } from '../support/roster-fixtures';

const ROOT = resolve(__dirname, '..', '..');
const dir = mkdtempSync(join(tmpdir(), 'xueji-cli-import-'));
const data = join(dir, 'data');
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function cli(args: string[]) {
  const r = spawnSync(process.execPath, [join(ROOT, 'node_modules', 'tsx', 'dist', 'cli.mjs'), join(ROOT, 'electron', 'cli', 'main.ts'), ...args], {
    cwd: ROOT,
    env: { ...process.env, XUEJI_PASSWORD: 'Admin12345xy' },
    encoding: 'utf8',
    timeout: 90_000,
  });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

function students(): { studentNo: string; phone: string | null }[] {
  const key = unlockWithPassword(readKeyFile(data), 'admin', 'Admin12345xy')!;
  const db = openEncryptedDatabase(join(data, 'xueji.db'), key);
  try {
    return db.prepare('SELECT student_no AS studentNo, phone FROM students ORDER BY student_no').all() as { studentNo: string; phone: string | null }[];
  } finally {
    db.close();
  }
}

const people = [
  { studentNo: '2025510201001', name: '张三', id: makeId('110105', '20070315', '123'), phone: '13812345678' },
  { studentNo: '2025510201002', name: '李四', id: makeId('110105', '20070316', '246'), phone: '13812345679' },
  { studentNo: '2025510201003', name: '王五', id: withBadCheck(makeId('110105', '20070317', '135')), phone: '13812345670' },
];
const HEADERS = ['学号', '姓名', '身份证号', '联系电话'];

describe('import students (command line)', () => {
  it('exit 2 and nothing written while rows are invalid; --skip-invalid imports the rest; --report; update mode', async () => {
    expect(cli(['init', '--data', data, '--school-code', '12345', '--school', '示范职业技术学院', '--department', '信息工程系', '--admin', 'admin', '--json']).code).toBe(0);
    const file = join(dir, '名单.xlsx');
    writeFileSync(file, await cleanRoster(people, HEADERS));

    const refused = cli(['import', 'students', file, '--data', data, '--json']);
    expect(refused.code, refused.err).toBe(2);
    const json = JSON.parse(refused.out);
    expect(Object.keys(json).sort()).toEqual(['errors', 'imported', 'rows', 'skipped', 'updated']);
    expect(json).toMatchObject({ rows: 3, imported: 0, updated: 0, skipped: 3 });
    expect(json.errors).toHaveLength(1);
    expect(Object.keys(json.errors[0]).sort()).toEqual(['code', 'column', 'field', 'message', 'row']);
    expect(json.errors[0]).toMatchObject({ row: 4, column: '身份证号', field: 'idNumber', code: 'ID_CHECKSUM' });
    expect(students()).toEqual([]);

    const dry = cli(['import', 'students', file, '--data', data, '--dry-run', '--skip-invalid', '--json']);
    expect(dry.code, dry.err).toBe(0);
    expect(JSON.parse(dry.out)).toMatchObject({ rows: 3, imported: 2, skipped: 1, dryRun: true });
    expect(students()).toEqual([]);

    const report = join(dir, '问题.xlsx');
    const done = cli(['import', 'students', file, '--data', data, '--skip-invalid', '--report', report]);
    expect(done.code, done.err).toBe(0);
    expect(done.out).toContain('新增 2 人');
    expect(students().map((s) => s.studentNo)).toEqual(['2025510201001', '2025510201002']);
    expect(existsSync(report)).toBe(true);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(report);
    expect(wb.worksheets[0]!.rowCount).toBe(2);

    // The same file again: the students exist now.
    const again = cli(['import', 'students', file, '--data', data, '--json']);
    expect(again.code).toBe(2);
    expect(JSON.parse(again.out).errors.map((e: { code: string }) => e.code)).toEqual(expect.arrayContaining(['DUPLICATE_IN_DB', 'ID_CHECKSUM']));

    writeFileSync(file, await cleanRoster(people.map((p) => ({ ...p, phone: p.phone.replace(/^138/, '139') })), HEADERS));
    const updated = cli(['import', 'students', file, '--data', data, '--mode', 'update', '--skip-invalid', '--json']);
    expect(updated.code, updated.err).toBe(0);
    expect(JSON.parse(updated.out)).toMatchObject({ rows: 3, imported: 0, updated: 2, skipped: 1 });
    expect(students().map((s) => s.phone)).toEqual(['13912345678', '13912345679']);

    expect(cli(['import', 'students', file, '--data', data, '--mode', 'replace']).code).toBe(2);
  }, 240_000);
});
