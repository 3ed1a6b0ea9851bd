/**
 * `certificates template show|import|export` and `certificates print` from the command line (issue
 * 16 "CLI"): the same calls as the app — the template file round trip, the cohort's certificates
 * in one PDF read back, the ledger used from --start-sheet, and refusals with exit 2 and a code.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { insertCertificates, registerFormRange } from '../../db/queries/certificates';
import { DEFAULT_TEMPLATE, DEFAULT_TEMPLATE_NAME } from '../../shared/domain/certificates/default-template';
import { runCli } from '../support/cli';
import { makeApp, PROFILE } from '../support/harness';
import { readPdf } from '../support/pdf-read';
import { photo } from '../support/photo-fixtures';
import { makeId } from '../support/roster-fixtures';

const dir = mkdtempSync(join(tmpdir(), 'xueji-cli-certprint-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const cli = (args: string[]) => runCli(dir, args);

beforeAll(async () => {
  const app = makeApp(dir);
  const A = 'admin-client';
  await app.setup();
  const majorId = (await app.call(A, 'org.createMajor', { code: '510201', name: '计算机应用技术', level: '专科', lengthYears: '3', studyForm: '普通全日制' })).id;
  const classId = (await app.call(A, 'org.createClass', { name: '计算机2301班', majorId, cohortYear: 2023 })).id;
  const ids: number[] = [];
  for (const [i, name] of ['张三', '李四'].entries()) {
    const s = await app.call(A, 'students.create', { studentNo: `202351020100${i + 1}`, name, gender: '1', birthDate: '2005-03-15', idNumber: makeId('110105', '20050315', String(131 + i * 2)), enrolmentDate: '2023-09-01', classId, guardians: [] });
    await app.call(A, 'photos.upload', { studentId: s.id, ...app.upload(A, '照片.jpg', await photo()) });
    ids.push(s.id);
  }
  await app.call(A, 'certificateTemplates.saveSettings', { presidentName: '周明德' });
  app.core.folder.transaction((tx) => {
    registerFormRange(tx, 'A0001', 'A0010', { by: 'admin', at: '2026-07-01T08:00:00Z' });
    insertCertificates(tx, ids.map((studentId, i) => ({
      studentId, kind: '毕业' as const, certificateNo: `${PROFILE.schoolCode}1202606${String(i + 1).padStart(6, '0')}`, schoolCode: PROFILE.schoolCode, runType: '1' as const, year: 2026, level: '06' as const,
      sequence: i + 1, graduationDate: '2026-06-30', issueDate: '2026-07-01', issuedBy: 'admin', issuedAt: '2026-07-01T08:00:00Z',
    })));
  });
  app.close();
}, 60_000);

describe('certificates template and print from the command line', () => {
  it('shows, exports and imports a template file', () => {
    const show = cli(['certificates', 'template', 'show', DEFAULT_TEMPLATE_NAME]);
    expect(show.code, show.err).toBe(0);
    expect(show.out).toContain('毕业证书（通用）（毕业证书，默认）纸张 240×170 毫米');
    expect(show.out).toContain('姓名\t左 128 上 52 宽 36 毫米\t宋体 14 磅\t居中\t字间距 2 磅');
    const file = join(dir, 'tpl.json');
    expect(cli(['certificates', 'template', 'export', DEFAULT_TEMPLATE_NAME, file]).code).toBe(0);
    const clash = cli(['certificates', 'template', 'import', file, '--json']);
    expect(clash.code).toBe(2);
    expect(JSON.parse(clash.out).error.code).toBe('CONFLICT');
    const data = JSON.parse(readFileSync(file, 'utf8')) as { template: { name: string } };
    data.template.name = '外校模板';
    writeFileSync(file, JSON.stringify(data));
    const imported = cli(['certificates', 'template', 'import', file, '--json']);
    expect(imported.code, imported.err).toBe(0);
    expect(JSON.parse(imported.out)).toEqual({ ...DEFAULT_TEMPLATE, name: '外校模板' });
  });

  it('prints the cohort from the sheet named, has nothing left to print the second time, and refuses an unknown template with exit 2', async () => {
    const out = join(dir, 'certs.pdf');
    const r = cli(['certificates', 'print', '--cohort', '2023', '--start-sheet', 'A0005', '--out', out, '--json']);
    expect(r.code, r.err).toBe(0);
    expect(JSON.parse(r.out)).toMatchObject({ count: 2, firstSerial: 'A0005', lastSerial: 'A0006', page: { widthMm: 240, heightMm: 170 } });
    const pages = await readPdf(readFileSync(out));
    expect(pages.map((p) => p.items.map((i) => i.text.replace(/\s+/g, '')).filter((t) => t === '张三' || t === '李四'))).toEqual([['张三'], ['李四']]);
    const again = cli(['certificates', 'print', '--cohort', '2023', '--out', out, '--json']);
    expect(again.code).toBe(2);
    // The cohort's diplomas are all printed: nothing due, and it says why.
    expect(JSON.parse(again.out).error.message).toContain('2023 级的毕业证书都已打印过：\n2 人的证书已打印过；如需重新打印，请填写重新打印的原因');
    const bad = cli(['certificates', 'print', '--cohort', '2023', '--template', '没有这个', '--out', out, '--json']);
    expect(bad.code).toBe(2);
    expect(JSON.parse(bad.out).error).toMatchObject({ code: 'NOT_FOUND' });
  });
});
