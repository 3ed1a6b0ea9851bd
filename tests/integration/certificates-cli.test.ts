/**
 * `certificates assign` on the command line: the same call as the 证书管理 page, as the clerk — the
 * numbers in ID-number order as JSON, a re-run numbering nobody, --order and refusals with exit 2.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../support/cli';
import { seedOutcomes } from '../support/graduation-seed';
import { makeApp } from '../support/harness';
import { makeId } from '../support/roster-fixtures';

const dir = mkdtempSync(join(tmpdir(), 'xueji-cli-certificates-'));
const CLERK = { username: 'sun', displayName: '孙老师', role: 'clerk', password: 'Clerk12345xy' } as const;
const ids: Record<string, string> = {};
afterAll(() => rmSync(dir, { recursive: true, force: true }));

beforeAll(async () => {
  const app = makeApp(dir);
  await app.setup();
  await app.addUser(CLERK, 'clerk-client');
  const A = 'admin-client';
  const majorId = (await app.call(A, 'org.createMajor', { code: '510201', name: '计算机应用技术', level: '专科', lengthYears: '3', studyForm: '普通全日制' })).id;
  const other = (await app.call(A, 'org.createMajor', { code: '510101', name: '电子信息工程技术', level: '专科', lengthYears: '3', studyForm: '普通全日制' })).id;
  const c1 = (await app.call(A, 'org.createClass', { name: '计算机应用2301班', majorId, cohortYear: 2023 })).id;
  const c2 = (await app.call(A, 'org.createClass', { name: '电子信息2301班', majorId: other, cohortYear: 2023 })).id;
  const outcomes: Parameters<typeof seedOutcomes>[1][number][] = [];
  for (const [i, [name, birth, classId, outcome]] of ([
    ['赵一', '20050601', c1, '毕业'],
    ['钱二', '20041001', c1, '结业'],
    ['孙三', '20050201', c1, '毕业'],
    ['李四', '20040301', c2, '毕业'],
  ] as const).entries()) {
    const idNumber = makeId('110105', birth, '031');
    const s = await app.call(A, 'students.create', { studentNo: `2023510201${i + 1}`, name, gender: '1', birthDate: `${birth.slice(0, 4)}-${birth.slice(4, 6)}-${birth.slice(6)}`, idNumber, enrolmentDate: '2023-09-01', classId, guardians: [] });
    ids[name] = idNumber;
    outcomes.push({ studentId: s.id, cohortYear: 2023, outcome });
  }
  seedOutcomes(app.core.folder.db(), outcomes);
  app.close();
}, 120_000);

const cli = (args: string[]) => runCli(dir, [...args, '--user', CLERK.username], CLERK.password);

describe('certificates assign', () => {
  it('numbers one major in ID-number order, then the rest of the grade continuing the sequence; a re-run numbers nobody', () => {
    const bad = cli(['certificates', 'assign', '--cohort', '2023', '--order', 'age', '--json']);
    expect(bad.code).toBe(2);
    expect(JSON.parse(bad.out)).toMatchObject({ error: { code: 'VALIDATION', message: expect.stringContaining('--order 应为') } });
    expect(cli(['certificates', 'assign', '--cohort', '2023', '--major', '机电'])).toMatchObject({ code: 2, err: expect.stringContaining('没有名为“机电”的专业') });

    const preview = cli(['certificates', 'assign', '--cohort', '2023', '--major', '计算机应用技术', '--dry-run']);
    expect(preview.code, preview.err).toBe(0);
    expect(preview.out).toContain('将分配 3 人');
    expect(preview.out).toContain('试运行：未写入任何数据。');

    const first = cli(['certificates', 'assign', '--cohort', '2023', '--major', '510201', '--json']);
    expect(first.code, first.err).toBe(0);
    expect(JSON.parse(first.out)).toEqual([
      { studentNo: '20235102012', idNumber: ids['钱二'], name: '钱二', kind: '结业', certificateNo: '123451202606000001' },
      { studentNo: '20235102013', idNumber: ids['孙三'], name: '孙三', kind: '毕业', certificateNo: '123451202606000002' },
      { studentNo: '20235102011', idNumber: ids['赵一'], name: '赵一', kind: '毕业', certificateNo: '123451202606000003' },
    ]);
    const rest = cli(['certificates', 'assign', '--cohort', '2023', '--json']);
    expect(JSON.parse(rest.out)).toEqual([{ studentNo: '20235102014', idNumber: ids['李四'], name: '李四', kind: '毕业', certificateNo: '123451202606000004' }]);
    const again = cli(['certificates', 'assign', '--cohort', '2023']);
    expect(again.out).toContain('已分配 0 人，此前已有编号 4 人');
  }, 240_000);
});
