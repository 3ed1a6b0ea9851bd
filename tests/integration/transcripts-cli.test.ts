/**
 * `transcripts print --student 学号|身份证号 | --class 班级名 [--lang zh|en] --out FILE.pdf` (issue 15
 * "CLI"): the same call as the app — the PDF written to --out and read back, the class in one file,
 * and refusals with exit 2 and a stable code (an English transcript with a course lacking its
 * English name, a role that may not issue, no such class).
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN, makeApp } from '../support/harness';
import { pageText, readPdf } from '../support/pdf-read';
import { makeId } from '../support/roster-fixtures';
import { runCli } from '../support/cli';

const dir = mkdtempSync(join(tmpdir(), 'xueji-cli-transcripts-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const ZHANG_ID = makeId('110105', '20070315', '123');
const COUNSELOR = { username: 'zhao', displayName: '赵老师', role: 'counselor', password: 'Counsel12345xy' } as const;

const cli = (args: string[], password = ADMIN.password) => runCli(dir, args, password);

beforeAll(async () => {
  const app = makeApp(dir);
  const A = 'admin-client';
  await app.setup();
  await app.addUser(COUNSELOR, 'counselor-client');
  const majorId = (await app.call(A, 'org.createMajor', { code: '510201', name: '计算机应用技术', level: '专科', lengthYears: '3', studyForm: '普通全日制' })).id;
  const classId = (await app.call(A, 'org.createClass', { name: '计算机2601班', majorId, cohortYear: 2026 })).id;
  const z = await app.call(A, 'students.create', { studentNo: '2026510201001', name: '张三', gender: '1', birthDate: '2007-03-15', idNumber: ZHANG_ID, enrolmentDate: '2026-09-01', classId, guardians: [] });
  const l = await app.call(A, 'students.create', { studentNo: '2026510201002', name: '李四', gender: '1', birthDate: '2007-04-15', idNumber: makeId('110105', '20070415', '135'), enrolmentDate: '2026-09-01', classId, guardians: [] });
  const c = (code: string, name: string, nameEn: string, credits: string) => ({ code, name, nameEn, credits, hours: 48, nature: '必修' as const, module: '专业核心', assessment: '考试' as const, term: 1, scale: '百分制' as const });
  const plan = await app.call(A, 'plans.save', { majorId, cohortYear: 2026, name: '2026级方案', courses: [c('MATH101', '高等数学', 'Advanced Mathematics', '4'), c('PHYS101', '大学物理', '', '3')] });
  const enter = (code: string, term: string, entries: { studentId: number; attempt: '正考' | '补考'; score: string }[]) =>
    app.call(A, 'grades.save', { courseId: plan.courses.find((x) => x.code === code)!.id, classId, term, entries });
  await enter('MATH101', '2026-2027-1', [{ studentId: z.id, attempt: '正考', score: '85' }, { studentId: l.id, attempt: '正考', score: '77' }]);
  await enter('PHYS101', '2026-2027-1', [{ studentId: z.id, attempt: '正考', score: '40' }]);
  await enter('PHYS101', '2026-2027-2', [{ studentId: z.id, attempt: '补考', score: '90' }]);
  app.close();
}, 60_000);

describe('transcripts print from the command line', () => {
  it('writes a student’s transcript, or a class’s in one file; refuses with a stable code', async () => {
    const one = join(dir, '张三.pdf');
    const r = cli(['transcripts', 'print', '--student', ZHANG_ID, '--out', one, '--json']);
    expect(r.code, r.err).toBe(0);
    expect(JSON.parse(r.out)).toMatchObject({ file: one, fileName: '成绩单_张三_2026510201001.pdf', count: 1, lang: 'zh', page: { widthMm: 210, heightMm: 297 } });
    const [page, ...more] = await readPdf(readFileSync(one));
    expect(more).toEqual([]);
    const text = pageText(page!);
    // By hand: MATH 4 × 3.5 + PHYS 补考 pass 3 × 1.0 = 17 over 7 credits → 2.43.
    for (const part of ['张三', '2026510201001', 'PHYS101', '补考', '平均学分绩点：2.43', '已获学分：7', '以下空白']) expect(text).toContain(part);

    const cls = join(dir, 'class.pdf');
    const c = cli(['transcripts', 'print', '--class', '计算机2601班', '--out', cls]);
    expect(c.code, c.err).toBe(0);
    expect(c.out).toContain('已生成成绩单_计算机2601班（2 份，中文）');
    const pages = await readPdf(readFileSync(cls));
    expect(pages.map((p) => (pageText(p).includes('张三') ? '张三' : pageText(p).includes('李四') ? '李四' : '?'))).toEqual(['张三', '李四']);

    const en = cli(['transcripts', 'print', '--student', '2026510201001', '--lang', 'en', '--out', join(dir, 'en.pdf'), '--json']);
    expect(en.code).toBe(2);
    expect(JSON.parse(en.out).error).toMatchObject({ code: 'VALIDATION', message: expect.stringContaining('课程 PHYS101“大学物理”在培养方案中没有英文名称') });
    const noClass = cli(['transcripts', 'print', '--class', '不存在班', '--out', join(dir, 'x.pdf'), '--json']);
    expect(noClass.code).toBe(2);
    expect(JSON.parse(noClass.out).error.code).toBe('NOT_FOUND');
    const forbidden = cli(['transcripts', 'print', '--student', '2026510201001', '--out', join(dir, 'y.pdf'), '--json', '--user', COUNSELOR.username], COUNSELOR.password);
    expect(forbidden.code).toBe(2);
    expect(JSON.parse(forbidden.out).error).toMatchObject({ code: 'FORBIDDEN', message: '当前角色（学籍管理员）没有“打印成绩单与证书”的权限。' });
  }, 120_000);
});
