import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { makeId, workbook } from '../support/roster-fixtures';
import { runCli } from '../support/cli';

const dir = mkdtempSync(join(tmpdir(), 'xueji-cli-numbers-'));
const data = join(dir, 'data');
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const cli = (args: string[]) => runCli(data, args);
const json = (r: { code: number | null; out: string; err: string }) => {
  expect(r.code, r.err + r.out).toBe(0);
  return JSON.parse(r.out) as Record<string, unknown>;
};

describe('setting a department up from a script, and 学号 from the command line', () => {
  it('org add-major, org add-class, an admissions roster without 学号 imported with --assign-student-no, then assign-numbers for the rest', async () => {
    json(cli(['init', '--school-code', '12345', '--school', '示范职业技术学院', '--department', '信息工程系', '--admin', 'admin', '--json']));
    expect(json(cli(['org', 'add-major', '--name', '计算机应用技术', '--code', '510201', '--years', '3', '--level', '专科', '--json']))).toMatchObject({ name: '计算机应用技术', code: '510201' });
    expect(json(cli(['org', 'add-class', '--name', '计算机应用技术2601', '--major', '计算机应用技术', '--cohort', '2026', '--json']))).toMatchObject({ cohortYear: 2026 });
    const unknownMajor = cli(['org', 'add-class', '--name', '电子2601', '--major', '电子信息', '--cohort', '2026']);
    expect(unknownMajor.code).toBe(2);
    expect(unknownMajor.err).toContain('没有名为“电子信息”的专业');

    const headers = ['考生号', '姓名', '身份证号', '班级'];
    const file = (name: string, rows: string[][]) => {
      const path = join(dir, name);
      return workbook([{ name: '录取名单', rows: [headers, ...rows] }]).then((b) => (writeFileSync(path, b), path));
    };
    const first = await file('录取名单1.xlsx', [
      ['26440101001', '张三', makeId('110105', '20080315', '123'), '计算机应用技术2601'],
      ['26440101002', '李四', makeId('110105', '20080316', '246'), '计算机应用技术2601'],
    ]);
    const imported = json(cli(['import', 'students', first, '--assign-student-no', '--json']));
    expect(imported).toMatchObject({ imported: 2, studentNumbers: { assigned: 2, skipped: [] } });

    const second = await file('录取名单2.xlsx', [['26440101003', '王五', makeId('110105', '20080317', '131'), '计算机应用技术2601']]);
    expect(json(cli(['import', 'students', second, '--json']))).toMatchObject({ imported: 1 });
    const preview = json(cli(['students', 'assign-numbers', '--cohort', '2026', '--dry-run', '--json']));
    // The default rule: 2026 + 510201 + 班号 01 + 序号, after 李四 01 and 张三 02 (pinyin order).
    expect(preview).toMatchObject({ pending: 1, dryRun: true, assigned: [{ name: '王五', studentNo: '20265102010103' }] });
    expect(json(cli(['students', 'assign-numbers', '--cohort', '2026', '--json']))).toMatchObject({ pending: 1, dryRun: false, assigned: [{ studentNo: '20265102010103' }] });
    expect(json(cli(['students', 'assign-numbers', '--cohort', '2026', '--json']))).toMatchObject({ pending: 0, assigned: [] });
  }, 240_000);
});
