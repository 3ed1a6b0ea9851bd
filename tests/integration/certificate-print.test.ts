/**
 * 套打 (issue 16) against the real encrypted database, the PDF read back: exact page size, one page
 * per certificate, every field's text within 0.5 mm of the template position through the printer
 * profile (offset and scale), the photo at its box, nothing else on the page (no background), the
 * refusals named by student and field (a rare character, no photo, 暂缓发证, no number, too wide),
 * a reprint needing a reason, and the blank-form ledger and audit written. Also the calibration sheet.
 */
import { writeFileSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { insertCertificates, registerFormRange, setHold } from '../../db/queries/certificates';
import { loadFonts } from '../../electron/main/core/pdf';
import { DEFAULT_TEMPLATE, DEFAULT_TEMPLATE_NAME } from '../../shared/domain/certificates/default-template';
import { fieldText, type CertificateFacts } from '../../shared/domain/certificates/fields';
import { correctedMm, type CertificateTemplate, type PrinterProfile } from '../../shared/domain/certificates/template';
import { makeApp, PROFILE, type TestApp } from '../support/harness';
import { readImages } from '../support/pdf-images';
import { readPdf, type PdfPage } from '../support/pdf-read';
import { photo } from '../support/photo-fixtures';
import { makeId } from '../support/roster-fixtures';

const A = 'admin-client';
const CLERK = { username: 'sun', displayName: '孙老师', role: 'clerk', password: 'Clerk12345xy', client: 'clerk-client' } as const;
const C = CLERK.client;
/** 𠇔 (U+20114, Extension B): not in the Noto SC fonts. */
const EXT_B = String.fromCodePoint(0x20114);
const HP: PrinterProfile = { name: '办公室 HP', offsetXMm: 1.5, offsetYMm: -0.8, scaleX: 1.002, scaleY: 0.998 };
const MM_PER_PT = 25.4 / 72;

let app: TestApp;
let majorId = 0;
const ids: Record<string, number> = {};
const db = () => app.core.folder.db();

async function addStudent(name: string, seq: number, classId: number, withPhoto = true) {
  const s = await app.call(A, 'students.create', {
    studentNo: `20235102010${String(seq).padStart(2, '0')}`, name, gender: seq % 2 ? '1' : '2', birthDate: '2005-09-01', idNumber: makeId('110105', '20050901', String(100 + seq * 2 + (seq % 2))),
    enrolmentDate: '2023-09-01', classId, guardians: [],
  });
  if (withPhoto) await app.call(A, 'photos.upload', { studentId: s.id, ...app.upload(A, '证件照.jpg', await photo()) });
  ids[name] = s.id;
  return s.id;
}

function issue(names: string[], kind: '毕业' | '结业' = '毕业', first = 1) {
  app.core.folder.transaction((tx) =>
    insertCertificates(tx, names.map((n, i) => ({
      studentId: ids[n]!, kind, certificateNo: `${PROFILE.schoolCode}1202606${String(i + first).padStart(6, '0')}`, schoolCode: PROFILE.schoolCode, runType: '1', year: 2026, level: '06', sequence: i + first,
      graduationDate: '2026-06-30', issueDate: '2026-07-01', issuedBy: 'sun', issuedAt: '2026-07-01T08:00:00Z',
    }))),
  );
}

beforeEach(async () => {
  app = makeApp();
  await app.setup();
  await app.addUser(CLERK, C);
  majorId = (await app.call(A, 'org.createMajor', { code: '510201', name: '计算机应用技术', level: '专科', lengthYears: '3', studyForm: '普通全日制' })).id;
  const classId = (await app.call(A, 'org.createClass', { name: '计算机应用2301班', majorId, cohortYear: 2023 })).id;
  for (const [i, n] of ['张三', '李四', '王五'].entries()) await addStudent(n, i + 1, classId);
  await app.call(C, 'certificateTemplates.saveSettings', { presidentName: '周明德' });
  app.core.folder.transaction((tx) => registerFormRange(tx, 'No.0012001', 'No.0012020', { by: 'sun', at: '2026-07-01T08:00:00Z' }));
});
afterEach(() => app.remove());

async function print(input: Parameters<TestApp['call']>[2] & object, jobId: string) {
  const r = await app.call(C, 'certificates.print', { ...(input as object), jobId });
  const bytes = app.output(C, jobId);
  if (process.env.CERT_PDF_DIR) writeFileSync(`${process.env.CERT_PDF_DIR}/${jobId}.pdf`, bytes);
  return { r, bytes, pages: await readPdf(bytes), images: await readImages(bytes) };
}

const plain = (s: string) => s.replace(/\s+/g, '');
const inkOf = (page: PdfPage) => page.items.map((x) => plain(x.text)).filter(Boolean);

const ascentMm = (font: 'serif' | 'sans', sizePt: number) => {
  const face = loadFonts().faces[font][0]!;
  return (face.ascent / face.unitsPerEm) * sizePt * MM_PER_PT;
};

/** Every field of the template found on the page where the template and profile put it (±0.5 mm). */
function expectFieldsPlaced(page: PdfPage, t: CertificateTemplate, facts: CertificateFacts, profile: PrinterProfile) {
  for (const f of t.fields) {
    const text = fieldText(f, facts);
    if (!text.ok) throw new Error(text.problem);
    // pdfjs reports letter-spaced text with spaces between the characters.
    const hits = page.items.filter((i) => plain(i.text) === text.text);
    expect(hits, `“${text.text}” (${f.key}) once`).toHaveLength(1);
    const item = hits[0]!;
    const top = item.y - ascentMm(f.font, f.sizePt);
    const box = correctedMm({ xMm: f.xMm, yMm: f.yMm }, profile);
    expect(Math.abs(top - box.yMm), `${f.key} top ${top} vs ${box.yMm}`).toBeLessThanOrEqual(0.5);
    const ink = item.width;
    const left = f.align === 'left' ? f.xMm : f.align === 'right' ? f.xMm + f.widthMm - ink : f.xMm + (f.widthMm - ink) / 2;
    const want = correctedMm({ xMm: left, yMm: f.yMm }, profile).xMm;
    expect(Math.abs(item.x - want), `${f.key} left ${item.x} vs ${want}`).toBeLessThanOrEqual(0.5);
  }
}

describe('certificates.print', () => {
  it('prints one exact-size page per certificate, every field and the photo where the template and profile put them', async () => {
    issue(['张三', '李四', '王五']);
    await app.call(C, 'printerProfiles.save', { profile: HP });
    await app.call(C, 'certificateTemplates.setBackground', { name: DEFAULT_TEMPLATE_NAME, ...app.upload(C, 'blank.jpg', await photo({ width: 1200, height: 850 })) });
    const { r, pages, images } = await print({ cohortYear: 2023, profileName: HP.name }, 'print-1');
    expect(r).toMatchObject({ count: 3, firstSerial: 'No.0012001', lastSerial: 'No.0012003' });
    expect(pages).toHaveLength(3);
    const t = DEFAULT_TEMPLATE;
    for (const [i, name] of ['张三', '李四', '王五'].entries()) {
      const page = pages[i]!;
      expect(page.widthMm).toBeCloseTo(240, 1);
      expect(page.heightMm).toBeCloseTo(170, 1);
      const { facts } = await app.call(C, 'certificateTemplates.sampleFacts', { studentId: ids[name]! });
      expect(facts).toMatchObject({ name, certificateNo: `12345120260600000${i + 1}`, graduationDate: '2026-06-30', issueDate: '2026-07-01', presidentName: '周明德' });
      expectFieldsPlaced(page, t, facts, HP);
      // Nothing but the fields: no background image, no other text.
      expect(inkOf(page).sort()).toEqual(t.fields.map((f) => (fieldText(f, facts) as { text: string }).text).sort());
      // The photo, the only image (the scanned blank is never printed), at its box through the profile.
      expect(images[i]).toHaveLength(1);
      const img = images[i]![0]!;
      const box = correctedMm(t.photo!, HP);
      expect(Math.abs(img.xMm - box.xMm)).toBeLessThanOrEqual(0.5);
      expect(Math.abs(img.yMm - box.yMm)).toBeLessThanOrEqual(0.5);
      expect(Math.abs(img.widthMm - t.photo!.widthMm * HP.scaleX)).toBeLessThanOrEqual(0.5);
      expect(Math.abs(img.heightMm - t.photo!.heightMm * HP.scaleY)).toBeLessThanOrEqual(0.5);
    }
    expect(inkOf(pages[0]!)).toEqual(expect.arrayContaining(['二〇二六年七月一日', '2023年9月1日', '2026年6月30日', '二〇〇五年九月一日', '三', '专科', '周明德']));

    // The ledger: three sheets printed, each with its certificate; the audit: a batch and a line each.
    const forms = db().$client.prepare("SELECT serial, certificate_id AS c FROM certificate_forms WHERE status = 'printed' ORDER BY serial").all() as { serial: string; c: number }[];
    expect(forms.map((f) => f.serial)).toEqual(['No.0012001', 'No.0012002', 'No.0012003']);
    const printsLogged = db().$client.prepare('SELECT template_name AS t, profile_name AS p, form_serial AS s FROM certificate_prints ORDER BY id').all();
    expect(printsLogged).toEqual([0, 1, 2].map((i) => ({ t: DEFAULT_TEMPLATE_NAME, p: HP.name, s: `No.001200${i + 1}` })));
    const audit = await app.call(A, 'audit.list', { page: 0, pageSize: 50 });
    expect(audit.rows.find((x) => x.action === 'certificates.print')?.summary).toContain('套打毕业证书 3 张');
  });

  it('needs a reason to print a certificate again, and starts at the sheet named', async () => {
    issue(['张三']);
    await print({ studentIds: [ids['张三']!] }, 'first');
    const again = await app.fails(C, 'certificates.print', { studentIds: [ids['张三']!] });
    expect(again.message).toContain('学生“张三”（学号 2023510201001）的证书 123451202606000001 已打印过，重新打印须填写原因');
    const { r } = await print({ studentIds: [ids['张三']!], reprintReason: '卡纸，原证书作废', startSerial: 'No.0012010' }, 'second');
    expect(r.firstSerial).toBe('No.0012010');
    const rows = db().$client.prepare('SELECT form_serial AS s, reprint_reason AS why FROM certificate_prints ORDER BY id').all();
    expect(rows).toEqual([{ s: 'No.0012001', why: null }, { s: 'No.0012010', why: '卡纸，原证书作废' }]);
  });

  it('a cohort prints the diplomas due and says who it left out: 暂缓发证, a 结业证书, one printed before; with a reason it prints them again', async () => {
    const classId = db().$client.prepare('SELECT class_id AS c FROM students WHERE id = ?').get(ids['张三']!) as { c: number };
    await addStudent('赵六', 4, classId.c);
    issue(['张三', '李四', '赵六']);
    issue(['王五'], '结业', 4);
    await print({ studentIds: [ids['李四']!] }, 'li-first');
    app.core.folder.transaction((tx) => setHold(tx, ids['赵六']!, { reason: '学费未结清', by: 'sun', at: '2026-07-01T08:00:00Z' }));
    const { r, pages } = await print({ cohortYear: 2023 }, 'cohort');
    // Only 张三: 李四 was printed, 赵六 is withheld, 王五's is a 结业证书.
    expect(r.count).toBe(1);
    expect(pages).toHaveLength(1);
    expect(inkOf(pages[0]!)).toContain('张三');
    expect(r.leftOut).toEqual([
      '暂缓发证，未打印：学生“赵六”（学号 2023510201004）',
      '1 人的证书是结业证书，请选用结业证书模板另行打印',
      '1 人的证书已打印过；如需重新打印，请填写重新打印的原因',
    ]);
    // Everything printed: the reason box is the answer, nothing recorded.
    const none = await app.fails(C, 'certificates.print', { cohortYear: 2023 });
    expect(none.field).toBe('reprintReason');
    expect(none.message).toContain('2023 级的毕业证书都已打印过：');
    expect(none.message).toContain('2 人的证书已打印过');
    expect(db().$client.prepare('SELECT count(*) AS n FROM certificate_prints').get()).toEqual({ n: 2 });
    // With a reason the stack is printed again, in number order; the withheld and the 结业 still not.
    const again = await print({ cohortYear: 2023, reprintReason: '整批打印错位' }, 'again');
    expect(again.r.count).toBe(2);
    expect(again.pages.map((p) => inkOf(p).find((t) => t === '张三' || t === '李四'))).toEqual(['张三', '李四']);
    expect(again.r.leftOut).toHaveLength(2);
  });

  it('refuses the batch, naming student and field: a rare character, no photo, 暂缓发证, no number, text too wide', async () => {
    issue(['张三', '李四']);
    db().$client.prepare('UPDATE students SET name = ? WHERE id = ?').run(`李${EXT_B}`, ids['李四']!);
    const rare = await app.fails(C, 'certificates.print', { cohortYear: 2023 });
    expect(rare.code).toBe('VALIDATION');
    expect(rare.message).toContain(`的“姓名”中的“${EXT_B}”（U+20114）字体中没有`);
    db().$client.prepare('UPDATE students SET name = ?, photo_attachment_id = NULL WHERE id = ?').run('李四', ids['李四']!);
    app.core.folder.transaction((tx) => setHold(tx, ids['张三']!, { reason: '学费未结清', by: 'sun', at: '2026-07-01T08:00:00Z' }));
    const many = await app.fails(C, 'certificates.print', { studentIds: [ids['张三']!, ids['李四']!, ids['王五']!] });
    expect(many.message).toContain('学生“张三”（学号 2023510201001）已暂缓发证，不能打印证书');
    expect(many.message).toContain('学生“李四”（学号 2023510201002）档案中没有照片');
    expect(many.message).toContain('学生“王五”（学号 2023510201003）尚未编排证书编号');
    // Too wide: 专业 in a 10 mm box.
    const narrow = structuredClone(DEFAULT_TEMPLATE);
    narrow.name = '窄框';
    narrow.photo = null;
    narrow.fields.find((f) => f.key === 'major')!.widthMm = 10;
    await app.call(C, 'certificateTemplates.save', { template: narrow });
    const wide = await app.fails(C, 'certificates.print', { studentIds: [ids['李四']!], templateName: '窄框' });
    expect(wide.message).toMatch(/学生“李四”（学号 2023510201002）的“专业”：“计算机应用技术”宽 [\d.]+ 毫米，超出专业框的宽度 10 毫米/);
    // Nothing was recorded by the refusals.
    expect(db().$client.prepare('SELECT count(*) AS n FROM certificate_prints').get()).toEqual({ n: 0 });
  });
});

describe('certificates.calibrationSheet', () => {
  it('prints rulers and labelled crosses at the exact page size, through the profile', async () => {
    await app.call(C, 'printerProfiles.save', { profile: HP });
    const r = await app.call(C, 'certificates.calibrationSheet', { page: { widthMm: 240, heightMm: 170 }, profileName: HP.name, jobId: 'cal' });
    const bytes = app.output(C, 'cal');
    if (process.env.CERT_PDF_DIR) writeFileSync(`${process.env.CERT_PDF_DIR}/cal.pdf`, bytes);
    expect(r.fileName).toContain('校准页_240x170');
    const [page] = await readPdf(bytes);
    expect(page!.widthMm).toBeCloseTo(240, 1);
    expect(page!.heightMm).toBeCloseTo(170, 1);
    const label = page!.items.find((i) => i.text === '（20, 20）')!;
    expect(label).toBeDefined();
    // The label sits just right of and below its cross, through the profile.
    const at = correctedMm({ xMm: 21.2, yMm: 21.2 }, HP);
    expect(Math.abs(label.x - at.xMm)).toBeLessThanOrEqual(0.5);
    expect(page!.items.some((i) => i.text === '230')).toBe(true);
  });
});
