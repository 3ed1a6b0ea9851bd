/**
 * 成绩单 (issue 15 "Transcripts") against the real encrypted database, read back from the PDF with
 * positions in mm: terms in order, a 补考 mark beside its grade, totals equal to grades.gpa, 以下空白
 * after the last row, one student per page run in a class batch, the English mirror (and its refusal
 * while a course has no English name), a rare character refused by student and field, the school's
 * own paper size, who may preview and who may issue, and the log row with the audit entry.
 */
import { writeFileSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { CallInput } from '../../shared/ipc/contract';
import { COUNSELOR, makeApp, type TestApp } from '../support/harness';
import { findText, pageText, readPdf, type PdfPage, type PdfTextItem } from '../support/pdf-read';
import { makeId } from '../support/roster-fixtures';

const A = 'admin-client';
const CLERK = { username: 'sun', displayName: '孙老师', role: 'clerk', password: 'Clerk12345xy', client: 'clerk-client' } as const;
/** 𠇔 (U+201D4, Extension B): not in the Noto SC fonts. */
const EXT_B = String.fromCodePoint(0x201d4);

let app: TestApp;
let majorId = 0;
let classId = 0;
const ids: Record<string, number> = {};

type CourseIn = CallInput<'plans.save'>['courses'][number];
const course = (code: string, name: string, nameEn: string, credits: string, over: Partial<CourseIn> = {}): CourseIn => ({
  code, name, nameEn, credits, hours: Number(credits) * 16, nature: '必修', module: '专业核心', assessment: '考试', term: 1, scale: '百分制', countsTowardGpa: true, ...over,
});
const COURSES: CourseIn[] = [
  course('MATH101', '高等数学', 'Advanced Mathematics', '4', { module: '公共基础' }),
  course('PHYS101', '大学物理', 'College Physics', '3'),
  course('ENG101', '大学英语', 'College English', '2', { scale: '五级制', assessment: '考查' }),
  course('PE101', '体育', 'Physical Education', '1', { scale: '两级制', module: '公共基础' }),
  course('CS101', '程序设计基础', '', '3', { term: 2 }),
  course('SE201', '软件工程导论与面向对象分析设计方法实践（含课程设计与综合实训）', 'Introduction to Software Engineering and Object-Oriented Analysis and Design in Practice', '2.5', { term: 2, nature: '限选' }),
];

async function savePlan(courses = COURSES, supersedesId?: number) {
  return app.call(CLERK.client, 'plans.save', { majorId, cohortYear: 2025, name: '计算机应用技术专业2025级人才培养方案', ...(supersedesId ? { supersedesId } : {}), courses });
}

async function enterGrades() {
  const plan = await savePlan();
  const cid = (code: string) => plan.courses.find((c) => c.code === code)!.id;
  const enter = (code: string, term: string, entries: CallInput<'grades.save'>['entries']) => app.call(CLERK.client, 'grades.save', { courseId: cid(code), classId, term, entries });
  const [z, l, w] = [ids['张三']!, ids['李四']!, ids['王五']!];
  await enter('MATH101', '2025-2026-1', [{ studentId: z, attempt: '正考', score: '87' }, { studentId: l, attempt: '正考', score: '66' }, { studentId: w, attempt: '正考', score: '91' }]);
  await enter('PHYS101', '2025-2026-1', [{ studentId: z, attempt: '正考', score: '50' }, { studentId: l, attempt: '正考', score: '70' }]);
  await enter('PHYS101', '2025-2026-2', [{ studentId: z, attempt: '补考', score: '72' }]);
  await enter('ENG101', '2025-2026-1', [{ studentId: z, attempt: '正考', score: '良好' }]);
  await enter('PE101', '2025-2026-1', [{ studentId: z, attempt: '正考', score: '合格' }]);
  await enter('CS101', '2025-2026-2', [{ studentId: z, attempt: '正考', score: '81' }, { studentId: w, attempt: '正考', score: '', absent: true }]);
  await enter('SE201', '2025-2026-2', [{ studentId: z, attempt: '正考', score: '95.5' }]);
  return plan;
}

async function print(client: string, input: Omit<CallInput<'transcripts.print'>, 'jobId'>, jobId: string) {
  const r = await app.call(client, 'transcripts.print', { ...input, jobId });
  const bytes = app.output(client, jobId);
  if (process.env.TRANSCRIPT_PDF_DIR) writeFileSync(`${process.env.TRANSCRIPT_PDF_DIR}/${jobId}.pdf`, bytes);
  return { r, pages: await readPdf(bytes) };
}

const one = (page: PdfPage, text: string): PdfTextItem => {
  const hits = page.items.filter((i) => i.text === text);
  expect(hits, `exactly one “${text}”`).toHaveLength(1);
  return hits[0]!;
};
const sameLine = (a: PdfTextItem, b: PdfTextItem) => Math.abs(a.y - b.y) < 1;

beforeEach(async () => {
  app = makeApp();
  await app.setup();
  await app.addStaff();
  await app.addUser(CLERK, CLERK.client);
  majorId = (await app.call(A, 'org.createMajor', { code: '510201', name: '计算机应用技术', level: '专科', lengthYears: '3', studyForm: '普通全日制' })).id;
  classId = (await app.call(A, 'org.createClass', { name: '计算机应用2501班', majorId, cohortYear: 2025 })).id;
  let seq = 11;
  for (const [i, name] of ['张三', '李四', '王五'].entries()) {
    const s = await app.call(A, 'students.create', { studentNo: `202551020100${i + 1}`, name, gender: (seq + 2) % 2 === 1 ? '1' : '2', birthDate: '2007-05-01', idNumber: makeId('110105', '20070501', String((seq += 2)).padStart(3, '0')), enrolmentDate: '2025-09-01', classId, guardians: [] });
    ids[name] = s.id;
  }
});
afterEach(() => app?.remove());

describe('成绩单', () => {
  it('prints a student’s transcript: terms in order, 补考 beside its grade, totals as grades.gpa, 以下空白 after the last row; logged and audited', async () => {
    await enterGrades();
    const gpa = await app.call(CLERK.client, 'grades.gpa', { studentId: ids['张三']! });
    const { r, pages } = await print(CLERK.client, { studentId: ids['张三']! }, 'zh-1');
    expect(r).toMatchObject({ fileName: '成绩单_张三_2025510201001.pdf', count: 1 });
    expect(pages).toHaveLength(1);
    const page = pages[0]!;
    expect([page.widthMm, page.heightMm]).toEqual([210, 297]);
    const text = pageText(page);
    for (const part of ['示范职业技术学院', '信息工程系', '姓名：', '张三', '学号：', '2025510201001', '计算机应用技术', '计算机应用2501班', '2025年9月1日', '打印日期：2026年9月1日']) expect(text).toContain(part);

    // Grouped by 学年学期, in order, each course under the term it was first taken in.
    const t1 = one(page, '2025—2026学年 第一学期');
    const t2 = one(page, '2025—2026学年 第二学期');
    expect(t1.y).toBeLessThan(t2.y);
    for (const code of ['MATH101', 'PHYS101', 'ENG101', 'PE101']) expect(one(page, code).y).toBeGreaterThan(t1.y), expect(one(page, code).y).toBeLessThan(t2.y);
    for (const code of ['CS101', 'SE201']) expect(one(page, code).y).toBeGreaterThan(t2.y);

    // The 补考 pass: 72 with 补考 beside it on PHYS101's line (the failed 正考 is not printed), 1.0 as its grade point.
    const phys = one(page, 'PHYS101');
    const grade = page.items.find((i) => i.text === '72' && sameLine(i, phys))!;
    const mark = page.items.find((i) => i.text === '补考' && sameLine(i, phys))!;
    expect(grade).toBeDefined();
    expect(mark.x).toBeGreaterThan(grade.x + grade.width);
    expect(mark.x - (grade.x + grade.width)).toBeLessThan(15);
    expect(page.items.find((i) => i.text === '1.0' && sameLine(i, phys))).toBeDefined();
    expect(page.items.some((i) => i.text === '50')).toBe(false);
    // 五级制 and 两级制 as recorded; a long name wraps inside its cell, nothing overflows into 课程性质.
    expect(page.items.find((i) => i.text === '良好' && sameLine(i, one(page, 'ENG101')))).toBeDefined();
    const se = one(page, 'SE201');
    const nature = page.items.find((i) => i.text === '限选' && sameLine(i, se))!;
    const nameParts = page.items.filter((i) => i.text.startsWith('软件工程') || i.text.includes('综合实训'));
    expect(nameParts.length).toBeGreaterThanOrEqual(2);
    for (const p of nameParts) expect(p.x + p.width).toBeLessThanOrEqual(nature.x);

    // Totals: exactly grades.gpa's.
    expect(text).toContain(`已获学分：${gpa.creditsEarned}`);
    expect(text).toContain(`平均学分绩点：${gpa.gpaText}`);
    // By hand: MATH 4 × 3.7 + PHYS 补考 3 × 1.0 + ENG 良好 2 × 3.5 + CS 3 × 3.1 + SE 2.5 × 4.55 = 45.475 over 14.5 credits (PE 两级制 left out).
    expect(gpa.gpaText).toBe('3.14');
    expect(gpa.creditsEarned).toBe('15.5');
    // 以下空白 right after the last row, centred on the table.
    const blank = one(page, '以下空白');
    const codes = ['MATH101', 'PHYS101', 'ENG101', 'PE101', 'CS101', 'SE201'].map((c) => one(page, c));
    expect(blank.y).toBeGreaterThan(Math.max(...codes.map((c) => c.y)));
    expect(blank.y - se.y).toBeLessThan(15);
    expect(Math.abs(blank.x + blank.width / 2 - 105)).toBeLessThan(2);
    expect(findText(page, '平均学分绩点')[0]!.y).toBeGreaterThan(blank.y);

    // Logged (who, when, for whom, language, paper, version) and in the trail.
    const rows = app.core.folder.raw().prepare('SELECT * FROM transcript_issues').all() as Record<string, unknown>[];
    expect(rows).toEqual([expect.objectContaining({ student_id: ids['张三'], lang: 'zh', page_name: 'A4', page_width_mm: 210, page_height_mm: 297, gpa_text: '3.14', credits_earned: gpa.creditsEarned, batch: null, issued_by: 'sun', issued_at: '2026-09-01T08:00:00.000Z' })]);
    const sha = rows[0]!.content_sha256 as string;
    expect(sha).toMatch(/^[0-9a-f]{64}$/);
    expect(text).toContain(`校验码：${sha.slice(0, 12).toUpperCase()}`);
    expect(r.checkCodes).toEqual([{ studentId: ids['张三'], checkCode: sha.slice(0, 12).toUpperCase() }]);
    const trail = (await app.call(A, 'audit.list', { page: 0, pageSize: 10, action: 'transcripts.issue' })).rows;
    expect(trail.map((e) => e.summary)).toEqual([`打印成绩单（中文，A4 210×297 毫米）：张三（2025510201001），已获学分 ${gpa.creditsEarned}，平均学分绩点 3.14，校验码 ${sha.slice(0, 12).toUpperCase()}`]);
    expect(() => app.core.folder.raw().prepare('DELETE FROM transcript_issues').run()).toThrow(/not deleted/);
    // The same grades print the same version; a changed grade, another.
    await print(CLERK.client, { studentId: ids['张三']! }, 'zh-2');
    const shas = (app.core.folder.raw().prepare('SELECT content_sha256 AS s FROM transcript_issues ORDER BY id').all() as { s: string }[]).map((x) => x.s);
    expect(shas[1]).toBe(sha);
  });

  it('prints a class in one file, each student from a page of their own', async () => {
    await enterGrades();
    const { r, pages } = await print(CLERK.client, { classId }, 'class-1');
    expect(r).toMatchObject({ fileName: '成绩单_计算机应用2501班.pdf', count: 3 });
    // One page each here: every page is one student's, in 学号 order, titled, with its own footer.
    expect(pages).toHaveLength(3);
    const owners = pages.map((p) => ['张三', '李四', '王五'].filter((n) => p.items.some((i) => i.text === n || i.text.startsWith(`${n}（`))));
    expect(owners).toEqual([['张三'], ['李四'], ['王五']]);
    for (const p of pages) {
      expect(p.items.filter((i) => i.text.replace(/\s/g, '') === '学生成绩单')).toHaveLength(1);
      expect(pageText(p)).toContain('第 1 页');
      expect(findText(p, '以下空白')).toHaveLength(1);
    }
    // 王五's 缺考 counts, printed as such.
    expect(pages[2]!.items.find((i) => i.text === '缺考' && sameLine(i, one(pages[2]!, 'CS101')))).toBeDefined();
    const rows = app.core.folder.raw().prepare('SELECT student_id AS s, batch FROM transcript_issues ORDER BY id').all() as { s: number; batch: string }[];
    expect(rows.map((x) => x.s)).toEqual([ids['张三'], ids['李四'], ids['王五']]);
    expect(new Set(rows.map((x) => x.batch)).size).toBe(1);
    expect(rows[0]!.batch).toMatch(/^[0-9a-f-]{36}$/);
    const batch = (await app.call(A, 'audit.list', { page: 0, pageSize: 10, action: 'transcripts.issue' })).rows;
    expect(batch.map((e) => [e.summary, e.childCount])).toEqual([['打印成绩单（中文，A4 210×297 毫米）：计算机应用2501班 3 人', 3]]);
    expect((await app.call(A, 'audit.verify', {})).ok).toBe(true);
  });

  it('mirrors the Chinese transcript in English line by line, refused while a course has no English name', async () => {
    const plan = await enterGrades();
    const refused = await app.fails(CLERK.client, 'transcripts.print', { studentId: ids['张三']!, lang: 'en', jobId: 'en-0' });
    expect(refused.code).toBe('VALIDATION');
    expect(refused.message).toContain('课程 CS101“程序设计基础”在培养方案中没有英文名称');
    expect(refused.message).toContain('系统设置中没有学校的英文名称');
    expect(refused.message).toContain('专业“计算机应用技术”没有英文名称');
    expect(app.core.folder.raw().prepare('SELECT count(*) AS n FROM transcript_issues').get()).toEqual({ n: 0 });
    const preview = await app.call(COUNSELOR.client, 'transcripts.preview', { studentId: ids['张三']!, lang: 'en' });
    expect(preview.problems).toContain('课程 CS101“程序设计基础”在培养方案中没有英文名称');

    await savePlan(plan.courses.map(({ id: _i, planId: _p, ...c }) => (c.code === 'CS101' ? { ...c, nameEn: 'Programming Fundamentals' } : c)), plan.id);
    await app.call(A, 'transcripts.saveSettings', { schoolPage: null, schoolNameEn: 'Model Polytechnic College', departmentNameEn: 'School of Information Engineering', majorNamesEn: { [String(majorId)]: 'Computer Applications Technology' } });
    const zh = (await print(CLERK.client, { studentId: ids['张三']! }, 'zh-m')).pages;
    const { pages } = await print(CLERK.client, { studentId: ids['张三']!, lang: 'en' }, 'en-1');
    expect(pages).toHaveLength(1);
    const page = pages[0]!;
    const text = pageText(page);
    for (const part of ['Model Polytechnic College', 'School of Information Engineering', 'Academic Transcript', 'ZHANG San', 'Computer Applications Technology', 'Academic Year 2025–2026, Semester 1', 'Nothing follows', 'Date of Issue: 1 September 2026']) expect(text).toContain(part);
    // The same courses on the same lines, in the same order; 补考 → Resit beside 72; 良好 → B, 合格 → P.
    const order = (p: PdfPage) => ['MATH101', 'PHYS101', 'ENG101', 'PE101', 'CS101', 'SE201'].map((c) => one(p, c)).sort((a, b) => a.y - b.y).map((i) => i.text);
    expect(order(page)).toEqual(order(zh[0]!));
    const phys = one(page, 'PHYS101');
    const grade = page.items.find((i) => i.text === '72' && sameLine(i, phys))!;
    const mark = page.items.find((i) => i.text === 'Resit' && sameLine(i, phys))!;
    expect(mark.x).toBeGreaterThan(grade.x + grade.width);
    expect(page.items.find((i) => i.text === 'B' && sameLine(i, one(page, 'ENG101')))).toBeDefined();
    expect(page.items.find((i) => i.text === 'P' && sameLine(i, one(page, 'PE101')))).toBeDefined();
    expect(text).toContain('Programming Fundamentals');
    expect(text).not.toMatch(/[\u4e00-\u9fff]/);
    expect(text).toContain(`GPA: ${(await app.call(A, 'grades.gpa', { studentId: ids['张三']! })).gpaText}`);
    // 学时 is left out of the English transcript (credits only).
    expect(findText(zh[0]!, '学时')).toHaveLength(2); // the headings of each term's table
    expect(page.items.some((i) => i.text === '64')).toBe(false);
  });

  it('refuses, before any page is made, a character the font lacks, naming the student and field', async () => {
    await enterGrades();
    // A name as an old record or an import from another system may hold it.
    app.core.folder.raw().prepare('UPDATE students SET name = ? WHERE id = ?').run(`李${EXT_B}`, ids['李四']);
    const e = await app.fails(CLERK.client, 'transcripts.print', { classId, jobId: 'rare-1' });
    expect(e.code).toBe('VALIDATION');
    expect(e.message).toBe(`学生“李${EXT_B}”（学号 2025510201002）的“姓名”中的“${EXT_B}”（U+201D4）字体中没有，不能打印；请先更正档案或选用含有该字的字体`);
    expect(app.core.folder.raw().prepare('SELECT count(*) AS n FROM transcript_issues').get()).toEqual({ n: 0 });
    // The others print on their own.
    expect((await print(CLERK.client, { studentId: ids['张三']! }, 'rare-2')).pages).toHaveLength(1);
  });

  it('prints on the school’s own paper; only issuers print, readers of grades preview', async () => {
    await enterGrades();
    expect((await app.fails(CLERK.client, 'transcripts.print', { studentId: ids['张三']!, page: 'school', jobId: 'p-0' })).message).toContain('尚未设置学校的成绩单纸张尺寸');
    expect((await app.fails(A, 'transcripts.saveSettings', { schoolPage: { name: '16K', widthMm: 120, heightMm: 270 }, schoolNameEn: '', departmentNameEn: '', majorNamesEn: {} })).message).toContain('纸张宽度应在 180–297 毫米之间');
    await app.call(A, 'transcripts.saveSettings', { schoolPage: { name: '16K', widthMm: 195, heightMm: 270 }, schoolNameEn: '', departmentNameEn: '', majorNamesEn: {} });
    const { pages } = await print(CLERK.client, { studentId: ids['张三']!, page: 'school' }, 'p-1');
    expect([pages[0]!.widthMm, pages[0]!.heightMm]).toEqual([195, 270]);
    expect(findText(pages[0]!, '以下空白')).toHaveLength(1);

    expect((await app.fails(COUNSELOR.client, 'transcripts.print', { studentId: ids['张三']!, jobId: 'p-2' })).code).toBe('FORBIDDEN');
    const preview = await app.call(COUNSELOR.client, 'transcripts.preview', { studentId: ids['张三']! });
    expect(preview.problems).toEqual([]);
    expect(preview.sheet.terms.map((t) => [t.label, t.rows.map((row) => `${row.code} ${row.grade} ${row.kind}`)])).toEqual([
      // In the plan's order within a term.
      ['2025—2026学年 第一学期', ['MATH101 87 正考', 'PHYS101 72 补考', 'ENG101 良好 正考', 'PE101 合格 正考']],
      ['2025—2026学年 第二学期', ['CS101 81 正考', 'SE201 95.5 正考']],
    ]);
    expect(preview.issued.map((i) => [i.pageName, i.issuedBy])).toEqual([['16K', 'sun']]);
  });
});
