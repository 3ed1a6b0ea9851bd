/**
 * `fitness import` from the command line: a department set up from a script, then a 体测 sheet with
 * an unknown 学号 and a 105 — exit 2 and nothing written, the errors with row, column, field and
 * code in --json; --dry-run; --skip-invalid writing the rest; a second run replacing a score.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { readKeyFile, unlockWithPassword } from '../../db/keyslots';
import { openEncryptedDatabase } from '../../db/open';
import { cleanRoster, makeId, workbook } from '../support/roster-fixtures';
import { runCli } from '../support/cli';

const dir = mkdtempSync(join(tmpdir(), 'xueji-cli-fitness-'));
const data = join(dir, 'data');
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const cli = (args: string[]) => runCli(data, args);

function scores(): { studentNo: string; year: number; score: number; replaced: string | null }[] {
  const key = unlockWithPassword(readKeyFile(data), 'admin', 'Admin12345xy')!;
  const db = openEncryptedDatabase(join(data, 'xueji.db'), key);
  try {
    return db.prepare('SELECT s.student_no AS studentNo, f.school_year AS year, f.score, f.replaced FROM fitness_scores f JOIN students s ON s.id = f.student_id ORDER BY 1, 2').all() as never;
  } finally {
    db.close();
  }
}

const people = [
  { studentNo: '2023510201001', name: '张三', id: makeId('110105', '20050315', '123'), className: '软件2301班' },
  { studentNo: '2023510201002', name: '李四', id: makeId('110105', '20050316', '246'), className: '软件2301班' },
];

const sheet = (rows: (string | number)[][]) => workbook([{ name: '体测', rows: [['学号', '姓名', '测试学年', '总分'], ...rows] }]);

describe('fitness import (command line)', () => {
  it('refuses a sheet with an unknown 学号 and a 105 (exit 2, nothing written) until --skip-invalid; a second file replaces a 学年’s score', async () => {
    expect(cli(['init', '--school-code', '12345', '--school', '示范职业技术学院', '--department', '信息工程系', '--admin', 'admin', '--json']).code).toBe(0);
    expect(cli(['org', 'add-major', '--name', '软件技术', '--code', '510201', '--years', '3', '--level', '专科']).code).toBe(0);
    expect(cli(['org', 'add-class', '--name', '软件2301班', '--major', '510201', '--cohort', '2023']).code).toBe(0);
    const roster = join(dir, '名单.xlsx');
    writeFileSync(roster, await cleanRoster(people, ['学号', '姓名', '身份证号', '班级']));
    expect(cli(['import', 'students', roster]).code).toBe(0);

    const file = join(dir, '体测.xlsx');
    writeFileSync(file, await sheet([
      ['2023510201001', '张三', '2025-2026', 85.5],
      ['2023510201099', '赵六', '2025-2026', 70],
      ['2023510201002', '李四', '2025-2026', 105],
    ]));
    const refused = cli(['fitness', 'import', file, '--json']);
    expect(refused.code, refused.err).toBe(2);
    const json = JSON.parse(refused.out);
    expect(json).toEqual({
      rows: 3, imported: 0, updated: 0, skipped: 3,
      errors: [
        { row: 3, column: '学号', field: 'studentNo', code: 'UNKNOWN_STUDENT', message: '第 3 行“学号”：系统中没有学号为 2023510201099 的学生' },
        { row: 4, column: '总分', field: 'score', code: 'SCORE_OUT_OF_RANGE', message: '第 4 行“总分”：总分应在 0–100 之间（读到 105）' },
      ],
    });
    expect(scores()).toEqual([]);

    const dry = cli(['fitness', 'import', file, '--dry-run', '--skip-invalid', '--json']);
    expect(dry.code, dry.err).toBe(0);
    expect(JSON.parse(dry.out)).toMatchObject({ rows: 3, imported: 1, skipped: 2, dryRun: true });
    expect(scores()).toEqual([]);

    const done = cli(['fitness', 'import', file, '--skip-invalid']);
    expect(done.code, done.err).toBe(0);
    expect(done.out).toContain('已导入体质健康测试成绩 1 条（1 名学生，其中替换原有成绩 0 条），跳过 2 行');
    expect(scores()).toEqual([{ studentNo: '2023510201001', year: 2025, score: 85.5, replaced: null }]);

    const again = join(dir, '补测.xlsx');
    writeFileSync(again, await sheet([['2023510201001', '张三', '2025-2026学年', 88]]));
    const second = cli(['fitness', 'import', again, '--json']);
    expect(second.code, second.err).toBe(0);
    expect(JSON.parse(second.out)).toEqual({ rows: 1, imported: 0, updated: 1, skipped: 0, errors: [] });
    expect(scores()).toMatchObject([{ studentNo: '2023510201001', year: 2025, score: 88 }]);
    expect(JSON.parse(scores()[0]!.replaced!)).toMatchObject({ score: 85.5, enteredBy: 'admin' });

    expect(cli(['fitness', 'export', file]).code).toBe(2);
  }, 300_000);
});
