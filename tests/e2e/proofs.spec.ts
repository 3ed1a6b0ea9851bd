import { idCheckChar } from '../../shared/domain/idcard';
import { pageText, readPdf } from '../support/pdf-read';
import { expect, seedDepartment, signIn, test, type RunningHost } from './host';

/** Issue 11: 开具证明 from the profile — a 在读证明 made, saved as a PDF and read back; 打印 opens it in the browser's viewer. */
const COUNSELOR = { username: 'zhao', displayName: '赵辅导员', role: 'counselor', password: 'Counsel12345' };
const ADMIN_CLIENT = 'seed-admin-0001';

async function department(host: RunningHost) {
  const staff = [{ ...COUNSELOR }];
  await seedDepartment(host, staff);
  COUNSELOR.password = staff[0]!.password;
  await host.api('auth.signIn', { username: 'admin', password: 'Admin12345xy' }, ADMIN_CLIENT);
  const major = await host.api<{ id: number }>('org.createMajor', { code: '510201', name: '计算机应用技术', level: '专科', lengthYears: '3', studyForm: '普通全日制' }, ADMIN_CLIENT);
  const cls = await host.api<{ id: number }>('org.createClass', { name: '计算机应用2501班', majorId: major.id, cohortYear: 2025 }, ADMIN_CLIENT);
  const id17 = '11010520070315101';
  const idNumber = id17 + idCheckChar(id17);
  const s = await host.api<{ id: number }>(
    'students.create',
    { studentNo: '2025510201001', name: '欧阳明轩', idNumber, birthDate: '2007-03-15', gender: '1', enrolmentDate: '2025-09-01', expectedGraduationDate: '2028-06-30', classId: cls.id, guardians: [] },
    ADMIN_CLIENT,
  );
  return { id: s.id, idNumber };
}

test('a 在读证明 issued from the profile is saved as a PDF that names the student, and 打印 opens it inline', async ({ page, host }) => {
  test.setTimeout(120_000);
  const student = await department(host);
  await signIn(page, host, COUNSELOR.username, COUNSELOR.password);
  await page.goto(`${host.origin}/#/students/${student.id}`);

  await page.getByRole('button', { name: '开具证明' }).click();
  await expect(page.getByRole('menuitem', { name: /学籍证明/ })).toBeVisible();
  await page.getByRole('menuitem', { name: /在读证明/ }).click();
  const dialog = page.getByRole('dialog', { name: '在读证明' });
  await expect(dialog).toContainText(/已为欧阳明轩开具在读证明，编号 ZD\d{4}-0001。/);
  await expect(dialog).toContainText('实际大小');
  await page.screenshot({ path: 'test-results/screens/proof-issued.png' });

  // 保存 PDF: a download, read back.
  const downloading = page.waitForEvent('download');
  await dialog.getByRole('button', { name: '保存 PDF' }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toBe('在读证明_欧阳明轩_2025510201001.pdf');
  const path = await download.path();
  const { readFileSync } = await import('node:fs');
  const [pdf] = await readPdf(readFileSync(path!));
  expect([pdf!.widthMm, pdf!.heightMm]).toEqual([210, 297]);
  const text = pageText(pdf!).replace(/\n/g, '');
  for (const part of ['欧阳明轩', student.idNumber, '计算机应用技术专业', '在籍在校', '特此证明。', '示范职业技术学院']) expect(text).toContain(part);

  // 打印: the same output in a new tab, inline, for the browser's PDF viewer.
  const opening = page.waitForEvent('popup');
  await dialog.getByRole('button', { name: '打印' }).click();
  const tab = await opening;
  expect(tab.url()).toMatch(/\/api\/jobs\/[^/]+\/output\?client=.+&inline=1$/);
  const inline = await page.request.get(tab.url());
  expect(inline.headers()['content-type']).toBe('application/pdf');
  expect(inline.headers()['content-disposition']).toMatch(/^inline;/);
  await tab.close();

  // 后台任务 offers the same two for the finished job; the student's history records the issue.
  await dialog.getByRole('button', { name: '关闭' }).click();
  await page.getByRole('button', { name: /后台任务/ }).click();
  const jobs = page.getByRole('list', { name: '后台任务' });
  await expect(jobs).toContainText('开具证明');
  await expect(jobs.getByRole('button', { name: '打印' })).toBeVisible();
  await expect(jobs.getByRole('button', { name: '保存 PDF' })).toBeVisible();
  // The popover fades in: wait for it before the picture.
  await expect(page.locator('.MuiPopover-paper')).toHaveCSS('opacity', '1');
  await page.screenshot({ path: 'test-results/screens/proof-jobs-menu.png' });
  await page.keyboard.press('Escape');
  await page.getByRole('tab', { name: '修改历史' }).click();
  await expect(page.getByRole('tabpanel')).toContainText('开具证明');
});
