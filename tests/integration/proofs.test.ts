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
