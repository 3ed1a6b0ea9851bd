import { readFileSync } from 'node:fs';
import ExcelJS from 'exceljs';
import { unzipSync } from 'fflate';
import sharp from 'sharp';
import { idCheckChar } from '../../shared/domain/idcard';
import { ADMIN, expect, seedDepartment, signIn, test } from './host';

/**
 * Issue 11 §4, the last files that travelled as base64 JSON: an attachment goes in as a file
 * (POST /api/files) and comes out as a job's output; the photo export and the import template are
 * jobs whose output the browser downloads; the profile photo is an image the host serves.
 */
const ADMIN_CLIENT = 'seed-admin-0001';

test('attachments, the photo export and the template travel as files through the host, never as base64', async ({ page, host }) => {
  test.setTimeout(180_000);
  await seedDepartment(host);
  await host.api('auth.signIn', { username: ADMIN.username, password: ADMIN.password }, ADMIN_CLIENT);
  const major = await host.api<{ id: number }>('org.createMajor', { code: '510201', name: '计算机应用技术', level: '专科', lengthYears: '3', studyForm: '普通全日制' }, ADMIN_CLIENT);
  const cls = await host.api<{ id: number }>('org.createClass', { name: '计算机应用2501班', majorId: major.id, cohortYear: 2025 }, ADMIN_CLIENT);
  const id17 = '11010520070315101';
  const zhang = await host.api<{ id: number; idNumber: string }>(
    'students.create',
    { studentNo: '2025510201001', name: '张三', idNumber: id17 + idCheckChar(id17), birthDate: '2007-03-15', gender: '1', enrolmentDate: '2025-09-01', classId: cls.id, guardians: [] },
    ADMIN_CLIENT,
  );
  await signIn(page, host, ADMIN.username, ADMIN.password);

  // The profile photo: chosen, then shown from GET /api/photos/<id> as a blob: image.
  await page.goto(`${host.origin}/#/students/${zhang.id}`);
  const picture = await sharp({ create: { width: 600, height: 800, channels: 3, background: { r: 90, g: 140, b: 180 } } }).jpeg().toBuffer();
  const photoRequest = page.waitForResponse((r) => r.url().endsWith(`/api/photos/${zhang.id}`));
  await page.getByLabel('选择照片文件').setInputFiles({ name: '张三.jpg', mimeType: 'image/jpeg', buffer: picture });
  const photoResponse = await photoRequest;
  expect(photoResponse.status()).toBe(200);
  expect(photoResponse.headers()['content-type']).toBe('image/jpeg');
  // The page shows those bytes from a blob: URL (no data: URL, no base64): the stored 480×640 picture.
  const shown = page.getByRole('img', { name: '张三的照片' });
  await expect(shown).toHaveAttribute('src', /^blob:/);
  expect(await shown.evaluate((el: HTMLImageElement) => el.decode().then(() => [el.naturalWidth, el.naturalHeight]))).toEqual([480, 640]);
  const stored = (await host.photo(zhang.id, ADMIN_CLIENT))!;
  expect(stored.mime).toBe('image/jpeg');

  // 材料附件: uploaded as the file itself, its type from its name; one that is not a document is refused.
  await page.getByRole('tab', { name: '材料附件' }).click();
  const pdf = Buffer.from('%PDF-1.4\n% 休学申请书 张三\n%%EOF\n');
  const choose = async (name: string, buffer: Buffer) => {
    const chooser = page.waitForEvent('filechooser');
    await page.getByRole('button', { name: '上传材料' }).click();
    await (await chooser).setFiles({ name, mimeType: 'application/octet-stream', buffer });
  };
  await choose('程序.exe', Buffer.from('MZ'));
  await expect(page.getByText('“程序.exe”不是可接受的材料')).toBeVisible();
  await choose('休学申请书.pdf', pdf);
  await expect(page.getByText('已上传 休学申请书.pdf')).toBeVisible();
  const table = page.getByRole('table', { name: '材料附件' });
  await expect(table).toContainText('休学申请书.pdf');
  await page.screenshot({ path: 'test-results/screens/attachment-uploaded.png', fullPage: true });
  // 下载: the attachment as a job's output, the browser's download of /api/jobs/<id>/output.
  const attachmentDownload = page.waitForEvent('download');
  await page.getByRole('button', { name: '下载 休学申请书.pdf' }).click();
  const attachment = await attachmentDownload;
  expect(attachment.url()).toMatch(/\/api\/jobs\/[^/]+\/output\?client=/);
  expect(attachment.suggestedFilename()).toBe('休学申请书.pdf');
  expect(readFileSync(await attachment.path()).equals(pdf)).toBe(true);

  // 导出照片 from the roster: a zip of {身份证号}.jpg, the stored photo in it.
  await page.goto(`${host.origin}/#/students`);
  await page.getByRole('row', { name: /2025510201001/ }).getByRole('checkbox').check();
  const zipDownload = page.waitForEvent('download');
  await page.getByRole('button', { name: '导出照片' }).click();
  const zip = await zipDownload;
  expect(zip.suggestedFilename()).toMatch(/^学生照片_\d{8}\.zip$/);
  const entries = unzipSync(readFileSync(await zip.path()));
  expect(Object.keys(entries)).toEqual([`${zhang.idNumber}.jpg`]);
  expect(Buffer.from(entries[`${zhang.idNumber}.jpg`]!).equals(stored.bytes)).toBe(true);
  await expect(page.getByText('已导出照片 1 张')).toBeVisible();
  // It stays in 后台任务 with its file, to save again.
  await page.getByRole('button', { name: /后台任务/ }).click();
  await expect(page.getByRole('list', { name: '后台任务' })).toContainText('导出照片');
  await page.keyboard.press('Escape');

  // 下载导入模板: the workbook as a job's output.
  await page.goto(`${host.origin}/#/import`);
  const templateDownload = page.waitForEvent('download');
  await page.getByRole('button', { name: '下载导入模板' }).click();
  const template = await templateDownload;
  expect(template.suggestedFilename()).toBe('学生名单导入模板.xlsx');
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(readFileSync(await template.path()) as unknown as ArrayBuffer);
  expect((wb.worksheets[0]!.getRow(1).values as unknown[]).slice(1, 4)).toEqual(['学号', '考生号', '姓名']);
});
