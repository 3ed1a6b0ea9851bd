/**
 * `courses import` and `grades import` from the command line: a department set up from a script
 * (org, the roster, the plan from the 教务处's list), then a grade export with a bad row — exit 2
 * and nothing written, the errors with row, column, field and code in --json; --dry-run; and
 * --skip-invalid writing the rest.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { readKeyFile, unlockWithPassword } from '../../db/keyslots';
import { openEncryptedDatabase } from '../../db/open';
import { courseList, gradeExport, PLAN_LINES } from '../support/grade-fixtures';
import { cleanRoster, makeId } from '../support/roster-fixtures';
import { runCli } from '../support/cli';

const dir = mkdtempSync(join(tmpdir(), 'xueji-cli-grades-'));
const data = join(dir, 'data');
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const cli = (args: string[]) => runCli(data, args);

function grades(): { studentNo: string; code: string; kind: string; score: string | null }[] {
  const key = unlockWithPassword(readKeyFile(data), 'admin', 'Admin12345xy')!;
  const db = openEncryptedDatabase(join(data, 'xueji.db'), key);
  try {
    return db.prepare('SELECT s.student_no AS studentNo, g.course_code AS code, g.kind, g.score FROM grades g JOIN students s ON s.id = g.student_id ORDER BY 1, 2, g.attempt_no').all() as never;
  } finally {
    db.close();
  }
}

const people = [
  { studentNo: '2026510201001', name: '张三', id: makeId('110105', '20070315', '123'), className: '计算机2601班' },
  { studentNo: '2026510201002', name: '李四', id: makeId('110105', '20070316', '246'), className: '计算机2601班' },
];

describe('grades import and courses import (command line)', () => {
  it('sets up a plan from the 教务处’s list, then refuses a grade export with a 105 (exit 2, nothing written) until --skip-invalid', async () => {
    expect(cli(['init', '--school-code', '12345', '--school', '示范职业技术学院', '--department', '信息工程系', '--admin', 'admin', '--json']).code).toBe(0);
    expect(cli(['org', 'add-major', '--name', '计算机应用技术', '--code', '510201', '--years', '3', '--level', '专科']).code).toBe(0);
    expect(cli(['org', 'add-class', '--name', '计算机2601班', '--major', '510201', '--cohort', '2026']).code).toBe(0);
    const roster = join(dir, '名单.xlsx');
    writeFileSync(roster, await cleanRoster(people, ['学号', '姓名', '身份证号', '班级']));
    expect(cli(['import', 'students', roster]).code).toBe(0);

    const plan = join(dir, '教学进程表.xlsx');
    writeFileSync(plan, await courseList(PLAN_LINES));
    const noPlan = cli(['courses', 'import', plan, '--json']);
    expect(noPlan.code).toBe(2);
    expect(noPlan.err).toContain('请指定要导入到哪个培养方案');
    const courses = cli(['courses', 'import', plan, '--plan', '计算机应用技术/2026', '--json']);
    expect(courses.code, courses.err).toBe(0);
    expect(JSON.parse(courses.out)).toEqual({ rows: 4, imported: 4, updated: 0, skipped: 0, errors: [] });

    const file = join(dir, '成绩.xlsx');
    writeFileSync(file, await gradeExport([
      { studentNo: '2026510201001', code: 'MATH101', kind: '正考', score: 88 },
      { studentNo: '2026510201002', code: 'MATH101', kind: '正考', score: 105 },
      { studentNo: '2026510201002', code: 'ENG101', kind: '正常考试', score: '良好' },
    ]));
    const refused = cli(['grades', 'import', file, '--json']);
    expect(refused.code, refused.err).toBe(2);
    const json = JSON.parse(refused.out);
    expect(Object.keys(json).sort()).toEqual(['errors', 'imported', 'rows', 'skipped', 'updated']);
    expect(json).toMatchObject({ rows: 3, imported: 0, updated: 0, skipped: 3 });
    expect(json.errors).toEqual([{ row: 4, column: '总评成绩', field: 'score', code: 'SCORE_OUT_OF_RANGE', message: '第 4 行“总评成绩”：成绩应在 0–100 之间（读到 105）' }]);
    expect(grades()).toEqual([]);

    const dry = cli(['grades', 'import', file, '--dry-run', '--skip-invalid', '--json']);
    expect(dry.code, dry.err).toBe(0);
    expect(JSON.parse(dry.out)).toMatchObject({ rows: 3, imported: 2, skipped: 1, dryRun: true });
    expect(grades()).toEqual([]);

    const done = cli(['grades', 'import', file, '--skip-invalid']);
    expect(done.code, done.err).toBe(0);
    expect(done.out).toContain('已导入成绩 2 条（2 名学生、2 门课程），跳过 1 行');
    expect(grades()).toEqual([
      { studentNo: '2026510201001', code: 'MATH101', kind: '正考', score: '88' },
      { studentNo: '2026510201002', code: 'ENG101', kind: '正考', score: '良好' },
    ]);
  }, 300_000);
});
