import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import type { Download, Locator, Page } from '@playwright/test';
import * as fontkit from 'fontkit';
import { fieldText, type CertificateFacts } from '../../shared/domain/certificates/fields';
import { correctedMm, type CertificateTemplate, type PrinterProfile } from '../../shared/domain/certificates/template';
import { readImages } from '../support/pdf-images';
import { readPdf, type PdfPage } from '../support/pdf-read';
import { ADMIN, expect, signIn, test } from './host';

/**
 * Issue 16, 证书套打 from the page: the clerk makes a printer profile from where the calibration
 * sheet's cross landed, prints the sheet, then prints the 2023 cohort's diplomas through that
 * profile from blank form No.0012001. The PDF the host hands over is read back: every field's text
 * within 0.5 mm of the template position plus the profile's offset, the photo at its box.
 */
const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
const run = promisify(execFile);
const CLERK = { username: 'sun', displayName: '孙老师', role: 'clerk', password: 'Clerk12345xy' };
const A = 'seed-admin-0001';
const MM_PER_PT = 25.4 / 72;
const FONT_FILES = JSON.parse(readFileSync(join(ROOT, 'electron/main/core/pdf/font-files.json'), 'utf8')) as Record<string, string>;
const require = createRequire(import.meta.url);
/** The regular face's ascent, mm at this size: pdfkit puts the text's top at yMm, its baseline an ascent lower. */
const ascentMm = (font: 'serif' | 'sans', sizePt: number) => {
  const f = fontkit.create(readFileSync(require.resolve(FONT_FILES[font === 'serif' ? 'NotoSerifSC-Regular.ttf' : 'NotoSansSC-Regular.ttf']!))) as fontkit.Font;
  return (f.ascent / f.unitsPerEm) * sizePt * MM_PER_PT;
};

test.use({
  viewport: { width: 1366, height: 1000 },
  prepareData: async ({}, use) =>
    use(async (dir: string) => {
      await run(process.execPath, [join(ROOT, 'node_modules', 'tsx', 'dist', 'cli.mjs'), join(ROOT, 'tests', 'e2e', 'certificate-print.seed.ts'), dir, JSON.stringify(CLERK)], { cwd: ROOT });
    }),
});

async function pdfOf(page: Page, where: Locator): Promise<Buffer> {
  const downloading: Promise<Download> = page.waitForEvent('download');
  await where.getByRole('button', { name: '保存 PDF' }).click();
  return readFileSync((await (await downloading).path())!);
}

function expectFieldsPlaced(page: PdfPage, t: CertificateTemplate, facts: CertificateFacts, profile: PrinterProfile) {
  for (const f of t.fields) {
    const text = fieldText(f, facts);
    if (!text.ok) throw new Error(text.problem);
    // pdfjs reads letter-spaced text (姓名 with 字距) with spaces between the characters.
    const hits = page.items.filter((i) => i.text.replace(/\s/g, '') === text.text);
    expect(hits, `“${text.text}” (${f.key}) once`).toHaveLength(1);
    const item = hits[0]!;
    const top = item.y - ascentMm(f.font, f.sizePt);
    const want = correctedMm({ xMm: f.align === 'left' ? f.xMm : f.align === 'right' ? f.xMm + f.widthMm - item.width : f.xMm + (f.widthMm - item.width) / 2, yMm: f.yMm }, profile);
    expect(Math.abs(top - want.yMm), `${f.key} top ${top} vs ${want.yMm}`).toBeLessThanOrEqual(0.5);
    expect(Math.abs(item.x - want.xMm), `${f.key} left ${item.x} vs ${want.xMm}`).toBeLessThanOrEqual(0.5);
  }
}

test('the clerk calibrates a printer and prints the cohort’s diplomas; the PDF has every field where the template and profile put it', async ({ page, host }) => {
  test.setTimeout(180_000);
  await signIn(page, host, CLERK.username, CLERK.password);
  await page.getByRole('link', { name: '证书套打' }).click();
  await page.getByRole('tab', { name: '打印机校准' }).click();
  const calibrate = page.getByRole('tabpanel', { name: '打印机校准' });

  // The first calibration sheet, uncorrected, at the default template's size.
  await calibrate.getByLabel('按模板的纸张').click();
  await page.getByRole('option', { name: /毕业证书/ }).click();
  await expect(calibrate.getByLabel('纸张宽')).toHaveValue('240');
  await calibrate.getByRole('button', { name: '生成校准页' }).click();
  await expect(calibrate).toContainText('已生成 校准页_240x170');
  const [sheet] = await readPdf(await pdfOf(page, calibrate));
  expect(sheet!.widthMm).toBeCloseTo(240, 1);
  expect(sheet!.heightMm).toBeCloseTo(170, 1);
  expect(sheet!.items.some((i) => i.text === '（20, 20）')).toBe(true);

  // Held against a blank form, the cross landed 1.5 mm too far left and 0.8 mm too low.
  await calibrate.getByRole('button', { name: '添加校准方案' }).click();
  const dialog = page.getByRole('dialog', { name: '添加校准方案' });
  await dialog.getByLabel('方案名称').fill('办公室 HP');
  await dialog.getByLabel('十字偏右（偏左填负数）').fill('-1.5');
  await dialog.getByLabel('十字偏下（偏上填负数）').fill('0.8');
  await expect(dialog).toContainText('向右移动 1.5 毫米，向下移动 -0.8 毫米');
  await dialog.getByRole('button', { name: '计算偏移' }).click();
  await expect(dialog.getByLabel('向右移动', { exact: true })).toHaveValue('1.5');
  await expect(dialog.getByLabel('向下移动', { exact: true })).toHaveValue('-0.8');
  await page.screenshot({ path: 'test-results/screens/certificate-calibration-dialog.png' });
  await dialog.getByRole('button', { name: '保存' }).click();
  await expect(calibrate.getByRole('table', { name: '校准方案' }).getByRole('row', { name: /办公室 HP/ })).toContainText('+1.5');
  await page.screenshot({ path: 'test-results/screens/certificate-calibration.png', fullPage: true });
  const profile: PrinterProfile = { name: '办公室 HP', offsetXMm: 1.5, offsetYMm: -0.8, scaleX: 1, scaleY: 1 };

  // 打印证书: the 2023 cohort through the profile, from blank form No.0012001.
  await page.getByRole('tab', { name: '打印证书' }).click();
  const printTab = page.getByRole('tabpanel', { name: '打印证书' });
  await printTab.getByLabel('年级').click();
  await page.getByRole('option', { name: '2023 级' }).click();
  await printTab.getByLabel('打印机校准方案').click();
  await page.getByRole('option', { name: '办公室 HP（右 1.5 毫米、上 0.8 毫米）' }).click();
  await printTab.getByLabel('第一张空白证书的印刷编号').fill('No.0012001');
  await expect(printTab).toContainText('实际大小');
  await printTab.getByRole('button', { name: '生成证书 PDF' }).click();
  await expect(printTab).toContainText('（2 份），使用空白证书 No.0012001 至 No.0012002');
  await page.screenshot({ path: 'test-results/screens/certificate-print.png', fullPage: true });
  const bytes = await pdfOf(page, printTab);

  await host.api('auth.signIn', { username: 'admin', password: ADMIN.password }, A);
  const templates = await host.api<{ name: string; isDefault: boolean }[]>('certificateTemplates.list', {}, A);
  const { template } = await host.api<{ template: CertificateTemplate }>('certificateTemplates.get', { name: templates.find((t) => t.isDefault)!.name }, A);
  const roster = await host.api<{ rows: { id: number; name: string }[] }>('students.list', { page: 0, pageSize: 10, filter: {} }, A);
  const pages = await readPdf(bytes);
  const images = await readImages(bytes);
  expect(pages).toHaveLength(2);
  for (const [i, name] of ['欧阳明轩', '李思雨'].entries()) {
    // Each student's own sheet (the batch's order is the print job's).
    const at = pages.findIndex((p) => p.items.some((x) => x.text.replace(/\s/g, '') === name));
    expect(at, `${name}'s page`).toBeGreaterThanOrEqual(0);
    const pdfPage = pages[at]!;
    expect(pdfPage.widthMm).toBeCloseTo(template.page.widthMm, 1);
    expect(pdfPage.heightMm).toBeCloseTo(template.page.heightMm, 1);
    const { facts } = await host.api<{ facts: CertificateFacts }>('certificateTemplates.sampleFacts', { studentId: roster.rows.find((r) => r.name === name)!.id }, A);
    expect(facts).toMatchObject({ name, presidentName: '周明德', certificateNo: `12345120260600000${i + 1}` });
    expectFieldsPlaced(pdfPage, template, facts, profile);
    // The photo at its box, through the profile; the only image on the page.
    expect(images[at]).toHaveLength(1);
    const img = images[at]![0]!;
    const box = correctedMm(template.photo!, profile);
    expect(Math.abs(img.xMm - box.xMm)).toBeLessThanOrEqual(0.5);
    expect(Math.abs(img.yMm - box.yMm)).toBeLessThanOrEqual(0.5);
    expect(Math.abs(img.widthMm - template.photo!.widthMm)).toBeLessThanOrEqual(0.5);
    expect(Math.abs(img.heightMm - template.photo!.heightMm)).toBeLessThanOrEqual(0.5);
  }

  // Again: printed before, so a reason is asked for on its field.
  await printTab.getByRole('button', { name: '生成证书 PDF' }).click();
  const refused = printTab.getByRole('alert', { name: '不能打印的原因' });
  await expect(refused).toContainText('2023 级的毕业证书都已打印过');
  await page.screenshot({ path: 'test-results/screens/certificate-print-reprint.png', fullPage: true });
  await printTab.getByLabel('重新打印的原因').fill('卡纸，原证书作废');
  await printTab.getByLabel('第一张空白证书的印刷编号').fill('No.0012010');
  await printTab.getByRole('button', { name: '生成证书 PDF' }).click();
  await expect(printTab).toContainText('使用空白证书 No.0012010 至 No.0012011');
});
