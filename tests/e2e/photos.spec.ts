import ExcelJS from 'exceljs';
import { zipSync } from 'fflate';
import sharp from 'sharp';
import type { Page } from '@playwright/test';
import { idCheckChar } from '../../shared/domain/idcard';
import { expect, seedDepartment, signIn, test, type RunningHost } from './host';

/** Issue 12 #11, the photo parts: upload from the profile, students without a photo, photo imports undone. */
const COUNSELOR = { username: 'zhao', displayName: '赵辅导员', role: 'counselor', password: 'Counsel12345' };
const MANAGER = { username: 'qian', displayName: '钱主任', role: 'manager', password: 'Manager12345' };
const ADMIN_CLIENT = 'seed-admin-0001';
const MANAGER_CLIENT = 'seed-qian-0002';

type Seeded = { id: number; name: string; studentNo: string; idNumber: string };

/** A department with a counselor, a manager and three students (张三, 李四, 王五), none with a photo. */
async function department(host: RunningHost): Promise<Seeded[]> {
  const staff = [{ ...COUNSELOR }, { ...MANAGER }];
  await seedDepartment(host, staff);
  COUNSELOR.password = staff[0]!.password;
  await host.api('auth.signIn', { username: 'admin', password: 'Admin12345xy' }, ADMIN_CLIENT);
  await host.api('auth.signIn', { username: MANAGER.username, password: staff[1]!.password }, MANAGER_CLIENT);
  const major = await host.api<{ id: number }>('org.createMajor', { code: '510201', name: '计算机应用技术', level: '专科', lengthYears: '3', studyForm: '普通全日制' }, ADMIN_CLIENT);
  const cls = await host.api<{ id: number }>('org.createClass', { name: '计算机应用2501班', majorId: major.id, cohortYear: 2025 }, ADMIN_CLIENT);
  const out: Seeded[] = [];
  for (const [i, name] of ['张三', '李四', '王五'].entries()) {
    const id17 = `11010520070315${String(101 + i * 2).padStart(3, '0')}`;
    const studentNo = `202551020100${i + 1}`;
    const s = await host.api<{ id: number; idNumber: string }>(
      'students.create',
      { studentNo, name, idNumber: id17 + idCheckChar(id17), birthDate: '2007-03-15', gender: '1', enrolmentDate: '2025-09-01', classId: cls.id, guardians: [] },
      ADMIN_CLIENT,
    );
    out.push({ id: s.id, name, studentNo, idNumber: s.idNumber });
  }
  return out;
}

const picture = (seed: number) =>
  sharp({ create: { width: 600, height: 800, channels: 3, background: { r: 40 + seed * 50, g: 140, b: 220 - seed * 40 } } }).jpeg().toBuffer();
/** The stored photo's bytes (hex, to compare), as the host serves them; null when none. */
const photoData = async (host: RunningHost, id: number) => (await host.photo(id, ADMIN_CLIENT))?.bytes.toString('hex') ?? null;
/**
 * The picture the profile shows (its pixels, as PNG): the page gets a new blob: URL each time it
 * loads a photo, so the address says nothing about which photo it is.
 */
const shownPhoto = async (page: Page, name: string) => {
  const img = page.getByRole('img', { name });
  await expect(img).toBeVisible();
  return img.evaluate(async (el: HTMLImageElement) => {
    await el.decode();
    const canvas = document.createElement('canvas');
    [canvas.width, canvas.height] = [el.naturalWidth, el.naturalHeight];
    canvas.getContext('2d')!.drawImage(el, 0, 0);
    return canvas.toDataURL('image/png');
  });
};

async function choosePhoto(page: Page, fileName: string, seed: number) {
  await page.getByLabel('选择照片文件').setInputFiles({ name: fileName, mimeType: 'image/jpeg', buffer: await picture(seed) });
}

test('a photo uploaded from the profile: shown at once while unregistered, through an approved change request once registered', async ({ page, host }) => {
  test.setTimeout(180_000);
  const [zhang, li] = await department(host);
  await signIn(page, host, COUNSELOR.username, COUNSELOR.password);

  // Unregistered: saved and shown at once.
  await page.goto(`${host.origin}/#/students/${zhang!.id}`);
  await expect(page.getByText('暂无照片')).toBeVisible();
  await choosePhoto(page, '张三.jpg', 1);
  await expect(page.getByRole('img', { name: '张三的照片' })).toBeVisible();
  await expect(page.getByText('照片已保存')).toBeVisible();
  await page.screenshot({ path: 'test-results/screens/profile-photo-set.png' });
  expect(await photoData(host, zhang!.id)).not.toBeNull();

  // Registered and with a photo: the new one waits for approval.
  await page.goto(`${host.origin}/#/students/${li!.id}`);
  // A hash change keeps 张三's profile on screen until 李四's arrives: choose only once it has.
  await expect(page.getByRole('img', { name: '照片' })).toContainText('暂无照片');
  await choosePhoto(page, '李四.jpg', 2);
  const first = await shownPhoto(page, '李四的照片');
  await host.api('students.register', { ids: [li!.id] }, ADMIN_CLIENT);
  await page.reload();
  await expect(page.getByRole('button', { name: '申请更换照片' })).toBeVisible();
  await choosePhoto(page, '李四新照片.jpg', 3);
  const dialog = page.getByRole('dialog', { name: '申请更换照片' });
  await expect(dialog).toContainText('学生已注册学籍');
  await dialog.getByLabel('变更原因').fill('原照片模糊');
  await page.screenshot({ path: 'test-results/screens/profile-photo-request.png' });
  await dialog.getByRole('button', { name: '提交申请' }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByText(/已提交变更申请（第 \d+ 号）/)).toBeVisible();
  expect(await shownPhoto(page, '李四的照片')).toBe(first);

  const pending = await host.api<{ id: number; studentId: number; reason: string }[]>('keyChanges.list', { status: 'pending' }, MANAGER_CLIENT);
  expect(pending.map((p) => p.studentId)).toEqual([li!.id]);
  expect(pending[0]!.reason).toContain('原照片模糊');
  await host.api('keyChanges.decide', { id: pending[0]!.id, stepIndex: 0, approve: true, opinion: '同意' }, MANAGER_CLIENT);
  await page.reload();
  expect(await shownPhoto(page, '李四的照片')).not.toBe(first);
});

test('students without a photo: opened from the photo import, filtered 照片：无照片 and exported', async ({ page, host }) => {
  test.setTimeout(180_000);
  const [zhang, li, wang] = await department(host);
  await signIn(page, host, COUNSELOR.username, COUNSELOR.password);
  await page.goto(`${host.origin}/#/import?tab=photos`);
  await page.getByLabel('选择照片或压缩包').setInputFiles({ name: `${zhang!.idNumber}.jpg`, mimeType: 'image/jpeg', buffer: await picture(1) });
  await page.getByRole('button', { name: '开始导入' }).click();
  await expect(page.getByRole('heading', { name: '导入结果' })).toBeVisible({ timeout: 60_000 });
  await expect(page.getByText('仍无照片的学生 2 名')).toBeVisible();
  await page.getByRole('link', { name: '查看无照片的学生' }).click();

  await expect(page.getByText('共 2 名学生')).toBeVisible();
  await expect(page.getByLabel('照片', { exact: true })).toContainText('无照片');
  const grid = page.getByRole('grid');
  await expect(grid.getByText(li!.name, { exact: true })).toBeVisible();
  await expect(grid.getByText(wang!.name, { exact: true })).toBeVisible();
  await expect(grid.getByText(zhang!.name, { exact: true })).toHaveCount(0);
  await page.screenshot({ path: 'test-results/screens/roster-without-photo.png' });

  // Chosen in the filter bar as well: 有照片 finds the one.
  await page.getByLabel('照片', { exact: true }).click();
  await page.getByRole('option', { name: '有照片' }).click();
  await expect(page.getByText('共 1 名学生')).toBeVisible();
  await page.getByLabel('照片', { exact: true }).click();
  await page.getByRole('option', { name: '无照片' }).click();
  await expect(page.getByText('共 2 名学生')).toBeVisible();

  const downloading = page.waitForEvent('download');
  await page.getByRole('button', { name: '导出 Excel' }).click();
  const download = await downloading;
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(await download.path());
  const ws = wb.worksheets[0]!;
  const headers = (ws.getRow(1).values as unknown[]).slice(1);
  const nameAt = headers.indexOf('姓名') + 1;
  expect(ws.rowCount).toBe(3);
  expect([ws.getRow(2).getCell(nameAt).value, ws.getRow(3).getCell(nameAt).value].sort()).toEqual([li!.name, wang!.name].sort());
});

test('a photo import appears in 导入记录 and its undo restores the photos as they were', async ({ page, host }) => {
  test.setTimeout(180_000);
  const [zhang, li] = await department(host);
  await signIn(page, host, COUNSELOR.username, COUNSELOR.password);
  const importZip = async (name: string, entries: Record<string, Buffer>) => {
    await page.goto(`${host.origin}/#/import?tab=photos`);
    const zip = zipSync(Object.fromEntries(Object.entries(entries).map(([k, v]) => [k, new Uint8Array(v)])));
    await page.getByLabel('选择照片或压缩包').setInputFiles({ name, mimeType: 'application/zip', buffer: Buffer.from(zip) });
    await page.getByRole('button', { name: '开始导入' }).click();
    await expect(page.getByRole('heading', { name: '导入结果' })).toBeVisible({ timeout: 60_000 });
  };
  await importZip('第一批.zip', { [`${zhang!.idNumber}.jpg`]: await picture(1) });
  const zhangBefore = await photoData(host, zhang!.id);
  // The second import replaces 张三's photo and gives 李四 a first one.
  await importZip('第二批.zip', { [`${zhang!.idNumber}.jpg`]: await picture(2), [`${li!.idNumber}.jpg`]: await picture(3) });
  expect(await photoData(host, zhang!.id)).not.toBe(zhangBefore);
  expect(await photoData(host, li!.id)).not.toBeNull();

  await page.getByRole('link', { name: '查看导入记录' }).click();
  const grid = page.getByRole('grid', { name: '导入记录' });
  const row = grid.getByRole('row').filter({ hasText: '第二批.zip' });
  await expect(row).toContainText('导入照片');
  await expect(grid.getByRole('row').filter({ hasText: '第一批.zip' })).toBeVisible();
  await page.screenshot({ path: 'test-results/screens/batches-with-photos.png', fullPage: true });
  await page.getByRole('button', { name: '撤销导入 第二批.zip' }).click();
  const dialog = page.getByRole('dialog', { name: '撤销照片导入' });
  await expect(dialog).toContainText('恢复');
  await dialog.getByRole('button', { name: '确认撤销' }).click();
  await expect(page.getByText('已撤销：恢复原照片 1 张、删除新照片 1 张')).toBeVisible();
  await expect(row).toContainText('已撤销');

  expect(await photoData(host, zhang!.id)).toBe(zhangBefore);
  expect(await photoData(host, li!.id)).toBeNull();
});
