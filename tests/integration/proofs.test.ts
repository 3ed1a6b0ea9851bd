/**
 * 开具证明: 在读证明 and 学籍证明 made against the real encrypted database and read back from the
 * PDF — the words, the title's place on an A4 page, the font — plus every refusal: a character the
 * font lacks, 在读证明 for a student who is not 在籍在校, a role without students.write, a student
 * outside the caller's 数据范围.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ADMIN, COUNSELOR, MANAGER, makeApp, type TestApp } from '../support/harness';
import { pageText, readPdf, type PdfPage } from '../support/pdf-read';
import { makeId } from '../support/roster-fixtures';
import { openBrowser, startTestHost } from '../support/test-host';

const A = 'admin-client';
const C = COUNSELOR.client;
const M = MANAGER.client;
/** 𠇔 (U+201D4, Extension B): not in the Noto SC fonts. */
const EXT_B = String.fromCodePoint(0x201d4);

let app: TestApp;
let classId = 0;
let majorId = 0;
let otherClassId = 0;
let liming = { id: 0, idNumber: '' };

async function student(studentNo: string, name: string, idNumber: string, klass = classId) {
  const s = await app.call(A, 'students.create', {
    studentNo, name, gender: Number(idNumber[16]) % 2 === 1 ? '1' : '2', birthDate: `${idNumber.slice(6, 10)}-${idNumber.slice(10, 12)}-${idNumber.slice(12, 14)}`, idNumber,
    enrolmentDate: '2025-09-01', expectedGraduationDate: '2028-06-30', classId: klass, guardians: [],
  });
  return { id: s.id, idNumber };
}

/** The title's line: its characters' left and right edges, and its text without the spacing. */
function titleOf(page: PdfPage) {
  const biggest = Math.max(...page.items.map((i) => i.size));
  const line = page.items.filter((i) => i.size === biggest);
  return {
    text: line.map((i) => i.text).join('').replace(/\s/g, ''),
    left: Math.min(...line.map((i) => i.x)),
    right: Math.max(...line.map((i) => i.x + i.width)),
    font: line[0]!.font,
  };
}

beforeEach(async () => {
  app = makeApp();
  await app.setup();
  await app.addStaff();
  const major = await app.call(A, 'org.createMajor', { code: '510201', name: '计算机应用技术', level: '专科', lengthYears: '3', studyForm: '普通全日制' });
  majorId = major.id;
  classId = (await app.call(A, 'org.createClass', { name: '计算机应用2501班', majorId: major.id, cohortYear: 2025 })).id;
  otherClassId = (await app.call(A, 'org.createClass', { name: '计算机应用2502班', majorId: major.id, cohortYear: 2025 })).id;
  liming = await student('2025510201001', '李明', makeId('110105', '20070315', '123'));
});
afterEach(() => app?.remove());

describe('开具证明', () => {
  it('makes a 在读证明 and a 学籍证明 as PDFs that say who the student is, numbered and audited', async () => {
    const proof = await app.call(C, 'proofs.issue', { studentId: liming.id, kind: 'enrolment', jobId: 'proof-1' });
    expect(proof).toEqual({ jobId: 'proof-1', fileName: '在读证明_李明_2025510201001.pdf', proofNo: 'ZD2026-0001' });
    const bytes = app.output(C, 'proof-1');
    expect(bytes.subarray(0, 5).toString()).toBe('%PDF-');
    const [page, ...more] = await readPdf(bytes);
    expect(more).toEqual([]);
    expect([page!.widthMm, page!.heightMm]).toEqual([210, 297]);
    const text = pageText(page!);
    for (const part of ['李明', liming.idNumber, '计算机应用技术专业', '2025级', '计算机应用2501班', '学号2025510201001', '2007年3月15日出生',
      '2025年9月1日入学', '学籍状态为在籍在校', '预计于2028年6月毕业', '特此证明。', '编号：ZD2026-0001', '示范职业技术学院', '信息工程系', '2026年9月1日']) {
      expect(text.replace(/\n/g, '')).toContain(part);
    }
    // The title is centred on the page (within 2 mm), in the serif's bold face, above the body.
    const title = titleOf(page!);
    expect(title.text).toBe('在读证明');
    expect(Math.abs((title.left + title.right) / 2 - 105)).toBeLessThanOrEqual(2);
    expect(title.font).toMatch(/^[A-Z]{6}\+NotoSerifSC-Bold$/);
    // The issuer and date sit at the bottom right, below 特此证明。
    const closing = page!.items.find((i) => i.text.includes('特此证明'))!;
    const date = page!.items.find((i) => i.text.includes('2026年9月1日'))!;
    expect(date.y).toBeGreaterThan(closing.y);
    expect(date.x).toBeGreaterThan(105);

    const status = await app.call(C, 'proofs.issue', { studentId: liming.id, kind: 'status', jobId: 'proof-2' });
    expect(status.proofNo).toBe('XJ2026-0001');
    const [statusPage] = await readPdf(app.output(C, 'proof-2'));
    expect(titleOf(statusPage!).text).toBe('学籍证明');
    expect(pageText(statusPage!).replace(/\n/g, '')).toContain('目前学籍状态为“在籍在校”，预计于2028年6月毕业。');
    // The next 在读证明 takes the next number of its kind.
    expect((await app.call(C, 'proofs.issue', { studentId: liming.id, kind: 'enrolment' })).proofNo).toBe('ZD2026-0002');

    // Who issued which proof for whom: in the audit trail and in the student's history.
    const trail = await app.call(A, 'audit.list', { page: 0, pageSize: 10, action: 'proofs.issue' });
    expect(trail.rows.map((r) => [r.username, r.summary])).toEqual([
      ['zhao', '开具在读证明（编号 ZD2026-0002）：李明（2025510201001）'],
      ['zhao', '开具学籍证明（编号 XJ2026-0001）：李明（2025510201001）'],
      ['zhao', '开具在读证明（编号 ZD2026-0001）：李明（2025510201001）'],
    ]);
    expect(trail.rows.at(-1)!.changes).toEqual([{ field: 'proofKind', before: null, after: 'enrolment' }, { field: 'proofNo', before: null, after: 'ZD2026-0001' }]);
    expect((await app.call(C, 'students.history', { id: liming.id })).filter((r) => r.action === 'proofs.issue')).toHaveLength(3);
    // 后台任务 lists it as a PDF to print or save.
    const listed = (await app.call(C, 'jobs.list', {})).find((j) => j.jobId === 'proof-1')!;
    expect(listed).toMatchObject({ label: '开具证明', state: 'done', summary: '已开具在读证明：李明（编号 ZD2026-0001）', output: { fileName: '在读证明_李明_2025510201001.pdf', mime: 'application/pdf' } });
  });

  it('refuses a record with a character the font lacks, naming the student, the field and the character', async () => {
    const s = await student('2025510201002', `张${EXT_B}`, makeId('110105', '20070402', '135'));
    const error = await app.fails(C, 'proofs.issue', { studentId: s.id, kind: 'enrolment', jobId: 'proof-box' });
    expect(error.code).toBe('VALIDATION');
    expect(error.message).toBe(`学生“张${EXT_B}”（学号 2025510201002）的“姓名”中的“${EXT_B}”（U+201D4）字体中没有，不能打印；请先更正档案或选用含有该字的字体`);
    // Nothing made, nothing recorded.
    expect(() => app.output(C, 'proof-box')).toThrow();
    expect((await app.call(A, 'audit.list', { page: 0, pageSize: 10, action: 'proofs.issue' })).total).toBe(0);
    // The school's name is checked too.
    await app.call(A, 'settings.update', { schoolName: `${EXT_B}州职业技术学院` });
    const school = await app.fails(C, 'proofs.issue', { studentId: liming.id, kind: 'status' });
    expect(school.message).toBe(`系统设置的“学校名称”中的“${EXT_B}”（U+201D4）字体中没有，不能打印；请先更正档案或选用含有该字的字体`);
  });

  it('issues no 在读证明 for a student on 休学; the 学籍证明 says 休学 and since when', async () => {
    const s = await student('2025510201003', '王芳', makeId('110105', '20070520', '246'));
    const raw = app.core.folder.raw();
    raw.prepare("UPDATE students SET status = 'suspended' WHERE id = ?").run(s.id);
    raw.prepare("INSERT INTO status_history (student_id, from_status, to_status, effective, reason, created_by, created_at) VALUES (?, 'enrolled', 'suspended', '2026-03-01', '因病休学', 'admin', '2026-03-01T00:00:00Z')").run(s.id);
    const refused = await app.fails(C, 'proofs.issue', { studentId: s.id, kind: 'enrolment' });
    expect(refused).toMatchObject({ code: 'VALIDATION', message: '在读证明只能为在籍在校的学生开具；王芳目前的学籍状态为“休学”，可开具学籍证明。' });
    await app.call(C, 'proofs.issue', { studentId: s.id, kind: 'status', jobId: 'proof-status' });
    const text = pageText((await readPdf(app.output(C, 'proof-status')))[0]!).replace(/\n/g, '');
    expect(text).toContain('目前学籍状态为“休学”（自2026年3月1日起），预计于2028年6月毕业。');
  });

  it('needs students.write and a student within the caller’s 数据范围', async () => {
    expect((await app.fails(M, 'proofs.issue', { studentId: liming.id, kind: 'status' })).code).toBe('FORBIDDEN');
    const other = await student('2025510201004', '周琳', makeId('110105', '20070611', '357'), otherClassId);
    const counselorId = (await app.call(A, 'users.list', {})).find((u) => u.username === COUNSELOR.username)!.id;
    await app.call(A, 'scopes.set', { userId: counselorId, classIds: [classId], cohortYears: [] });
    const outside = await app.fails(C, 'proofs.issue', { studentId: other.id, kind: 'status' });
    expect(outside.code).toBe('NOT_FOUND');
    expect(outside.message).not.toContain('周琳');
    await app.call(C, 'proofs.issue', { studentId: liming.id, kind: 'status' });
    // Input is checked by the contract.
    expect((await app.fails(C, 'proofs.issue', { studentId: liming.id, kind: 'diploma' })).code).toBe('VALIDATION');
  });
});

describe('肄业证书 and 学习证明 for a student who left', () => {
  const raw = () => app.core.folder.raw();
  /** Leaves on `left` (the status-change engine's rows, put in with SQL: the engine has its own tests). */
  function leave(id: number, status: 'withdrawn' | 'expelled', left: string, suspended?: [string, string]) {
    raw().prepare('UPDATE students SET status = ? WHERE id = ?').run(status, id);
    const row = raw().prepare("INSERT INTO status_history (student_id, from_status, to_status, effective, reason, created_by, created_at) VALUES (?, ?, ?, ?, '', 'admin', ?)");
    if (suspended) {
      row.run(id, 'enrolled', 'suspended', suspended[0], suspended[0]);
      row.run(id, 'suspended', 'enrolled', suspended[1], suspended[1]);
    }
    row.run(id, 'enrolled', status, left, left);
  }
  const text = async (jobId: string) => pageText((await readPdf(app.output(C, jobId)))[0]!).replace(/\n/g, '');

  it('a 肄业证书 for 退学 after a full year, with the credits earned on the 学习证明 of one who left sooner', async () => {
    // Two courses passed, one failed: 已修课程学分 counts the 6.5 earned.
    const plan = await app.call(A, 'plans.save', {
      majorId, cohortYear: 2025, name: '计算机应用2025级',
      courses: [['C1', '高等数学', '4'], ['C2', '程序设计', '2.5'], ['C3', '数据库原理', '3']].map(([code, name, credits]) => ({
        code: code!, name: name!, nameEn: '', credits: credits!, hours: 32, nature: '必修' as const, module: '专业核心', assessment: '考试', term: 1, scale: '百分制' as const, countsTowardGpa: true,
      })),
    });
    const wang = await student('2025510201005', '王小燕', makeId('110105', '20070708', '246'));
    for (const [code, score] of [['C1', '80'], ['C2', '61'], ['C3', '40']]) {
      await app.call(A, 'grades.save', { courseId: plan.courses.find((c) => c.code === code)!.id, classId, term: '2025-2026-1', entries: [{ studentId: wang.id, attempt: '正考', score: score! }] });
    }
    leave(liming.id, 'withdrawn', '2026-09-01');
    leave(wang.id, 'withdrawn', '2026-09-01', ['2026-03-01', '2026-04-01']);

    const yy = await app.call(C, 'proofs.issue', { studentId: liming.id, kind: 'incomplete', jobId: 'yy' });
    expect(yy).toEqual({ jobId: 'yy', fileName: '肄业证书_李明_2025510201001.pdf', proofNo: 'YY2026-0001' });
    const [page] = await readPdf(app.output(C, 'yy'));
    expect(titleOf(page!).text).toBe('肄业证书');
    expect(await text('yy')).toContain(`学生李明，男，2007年3月15日出生，身份证号码${liming.idNumber}，于2025年9月1日入我校信息工程系计算机应用技术专业学习，学制3年，于2026年9月1日肄业。`);
    // The 学习证明 would be the wrong one for him; the 肄业证书 the wrong one for her (休学 a month: short of a year).
    expect(await app.fails(C, 'proofs.issue', { studentId: liming.id, kind: 'studyRecord' })).toMatchObject({
      code: 'VALIDATION', message: '李明入学 2025-09-01，退学 2026-09-01，学满一学年以上，按学校规定应开具肄业证书，不能开具学习证明。',
    });
    expect((await app.fails(C, 'proofs.issue', { studentId: wang.id, kind: 'incomplete' })).message).toBe(
      '王小燕入学 2025-09-01，退学 2026-09-01，2026-03-01 至 2026-04-01 休学不计，实际在校学习 334 天，未满一学年，按学校规定应开具学习证明，不能开具肄业证书。',
    );
    const xx = await app.call(C, 'proofs.issue', { studentId: wang.id, kind: 'studyRecord', jobId: 'xx' });
    expect(xx.proofNo).toBe('XXZM2026-0001');
    const body = await text('xx');
    for (const part of [
      `兹证明王小燕，女，2007年7月8日出生，身份证号码${wang.idNumber}，于2025年9月1日至2026年9月1日在我校信息工程系计算机应用技术专业学习（专科，学制3年，普通全日制），学号2025510201005。`,
      '在校期间已修课程学分6.5。其间2026年3月1日至2026年4月1日休学。该生自2026年9月1日起学籍状态为“退学”。', '特此证明。', '编号：XXZM2026-0001',
    ]) expect(body).toContain(part);
    // Recorded like the other proofs.
    const trail = await app.call(A, 'audit.list', { page: 0, pageSize: 10, action: 'proofs.issue' });
    expect(trail.rows.map((r) => r.summary)).toEqual(['开具学习证明（编号 XXZM2026-0001）：王小燕（2025510201005）', '开具肄业证书（编号 YY2026-0001）：李明（2025510201001）']);
  });

  it('开除学籍: a 学习证明 only; neither for a student still studying; a missing leaving date named', async () => {
    leave(liming.id, 'expelled', '2026-08-20');
    expect((await app.fails(C, 'proofs.issue', { studentId: liming.id, kind: 'incomplete' })).message).toBe(
      '李明入学 2025-09-01，开除学籍 2026-08-20，开除学籍者只发学习证明（41号令第五十八条），按学校规定应开具学习证明，不能开具肄业证书。',
    );
    await app.call(C, 'proofs.issue', { studentId: liming.id, kind: 'studyRecord', jobId: 'expelled' });
    expect(await text('expelled')).toContain('于2025年9月1日至2026年8月20日在我校');
    expect(await text('expelled')).toContain('该生自2026年8月20日起学籍状态为“开除学籍”。');

    const s = await student('2025510201006', '赵强', makeId('110105', '20070901', '111'));
    expect((await app.fails(C, 'proofs.issue', { studentId: s.id, kind: 'studyRecord' })).message).toBe('学习证明只能为已退学或开除学籍的学生开具；赵强目前的学籍状态为“在籍在校”，可开具学籍证明。');
    raw().prepare("UPDATE students SET status = 'withdrawn' WHERE id = ?").run(s.id);
    expect((await app.fails(C, 'proofs.issue', { studentId: s.id, kind: 'incomplete' })).message).toBe('不能为赵强开具肄业证书：学籍异动中没有记录退学日期，无法计算在校学习时间：请先在学籍异动中补录。');
    // The glyph check applies as to the other proofs.
    const box = await student('2025510201007', `张${EXT_B}`, makeId('110105', '20070402', '135'));
    leave(box.id, 'withdrawn', '2026-01-10');
    expect((await app.fails(C, 'proofs.issue', { studentId: box.id, kind: 'studyRecord' })).message).toContain(`的“姓名”中的“${EXT_B}”（U+201D4）字体中没有`);
  });
});

describe('the browser host serves a proof for printing', () => {
  it('inline (?inline=1) as application/pdf that its own viewer may show; as a download otherwise; only to its tab', async () => {
    const host = await startTestHost(app);
    try {
      const browser = await openBrowser(host);
      const tab = await browser.newTab();
      expect((await browser.call(tab, 'auth.signIn', { username: ADMIN.username, password: ADMIN.password })).ok).toBe(true);
      expect((await browser.call(tab, 'proofs.issue', { studentId: liming.id, kind: 'enrolment', jobId: 'print-me' })).ok).toBe(true);
      const get = (client: string, query = '', cookie = browser.cookie) => fetch(`${browser.base}/api/jobs/print-me/output?client=${client}${query}`, { headers: { Cookie: cookie } });

      const inline = await get(tab, '&inline=1');
      expect(inline.status).toBe(200);
      expect(inline.headers.get('content-type')).toBe('application/pdf');
      expect(inline.headers.get('content-disposition')).toMatch(/^inline; /);
      expect(inline.headers.get('content-disposition')).toContain(encodeURIComponent('在读证明_李明_2025510201001.pdf'));
      // Not the renderer's CSP (object-src 'none' would block Chrome's viewer); framing stays same-origin only.
      expect(inline.headers.get('content-security-policy')).toBe("frame-ancestors 'self'");
      expect(inline.headers.get('x-frame-options')).toBe('SAMEORIGIN');
      expect(inline.headers.get('x-content-type-options')).toBe('nosniff');
      const [page] = await readPdf(new Uint8Array(await inline.arrayBuffer()));
      expect(pageText(page!)).toContain('李明');

      const download = await get(tab);
      expect(download.headers.get('content-disposition')).toMatch(/^attachment; /);
      expect(download.headers.get('content-security-policy')).toContain("object-src 'none'");
      // Another tab of the same browser, signed in as someone else, does not get it; nor does another browser.
      const other = await browser.newTab();
      await browser.call(other, 'auth.signIn', { username: COUNSELOR.username, password: COUNSELOR.password });
      expect((await get(other, '&inline=1')).status).toBe(404);
      const stranger = await openBrowser(host);
      expect((await get(tab, '&inline=1', stranger.cookie)).status).toBe(409);
    } finally {
      await host.close();
    }
  });
});
