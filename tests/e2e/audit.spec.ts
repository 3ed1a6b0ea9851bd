import ExcelJS from 'exceljs';
import { expect, seedDepartment, signIn, test } from './host';

test('the audit log speaks Chinese: dropdown filters by name, a student filter, details without codes or JSON', async ({ page, host }) => {
  test.setTimeout(120_000);
  await seedDepartment(host);
  const A = 'seed-admin-0001';
  await host.api('auth.signIn', { username: 'admin', password: 'Admin12345xy' }, A);
  await host.api('setup.loadDemo', { students: 30 }, A);
  await host.api('students.export', { filter: { status: 'enrolled' }, columns: ['studentNo', 'name', 'idNumber'] }, A);
  const [someone] = (await host.api<{ rows: { id: number; name: string; version?: number }[] }>('students.list', { page: 0, pageSize: 1, filter: {} }, A)).rows;
  const profile = await host.api<{ id: number; version: number }>('students.get', { id: someone!.id }, A);
  await host.api('students.update', { id: profile.id, version: profile.version, patch: { dormitory: '7号楼 305' } }, A);

  await signIn(page, host, 'admin', 'Admin12345xy');
  await page.getByRole('navigation', { name: '主导航' }).getByRole('link', { name: '审计日志' }).click();
  // 操作 is a list of names, not a text box that needs the stored code.
  await page.getByRole('combobox', { name: '操作' }).click();
  await page.getByRole('option', { name: '导出名单' }).click();
  await page.getByRole('button', { name: '查询' }).click();
  const grid = page.getByRole('grid');
  await expect(grid.getByRole('row').filter({ hasText: '导出名单' })).toHaveCount(1);
  await grid.getByRole('button', { name: '查看' }).first().click();
  const dialog = page.getByRole('dialog');
  await expect(dialog).toContainText('导出的列');
  await expect(dialog).toContainText('学号、姓名、身份证号');
  await expect(dialog).toContainText('学籍状态：在籍在校');
  await expect(dialog).not.toContainText('students.export');
  await expect(dialog).not.toContainText('columns');
  await expect(dialog).not.toContainText('["');
  await page.screenshot({ path: 'test-results/screens/audit-export-detail.png', fullPage: true });
  await dialog.getByRole('button', { name: '关闭' }).click();

  // Every entry about one student, by name.
  await page.getByRole('button', { name: '重置' }).click();
  await page.getByLabel('学生').fill(someone!.name);
  await page.getByRole('button', { name: '查询' }).click();
  await expect(grid.getByRole('row').filter({ hasText: '修改档案' })).toHaveCount(1);
  await expect(grid.getByRole('row').filter({ hasText: '导出名单' })).toHaveCount(0);
  await page.screenshot({ path: 'test-results/screens/audit-student-filter.png', fullPage: true });

  // What the filter shows, exported: the file arrives as a download and reads in Chinese.
  const downloading = page.waitForEvent('download');
  await page.getByRole('button', { name: '导出 Excel' }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toMatch(/^审计日志_\d{8}_\d{4}\.xlsx$/);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(await download.path());
  const ws = wb.worksheets[0]!;
  expect(ws.rowCount).toBe(2);
  expect((ws.getRow(2).values as unknown[]).join(' ')).toContain('修改档案');
  expect((ws.getRow(2).values as unknown[]).join(' ')).toMatch(/宿舍：.* → 7号楼 305/);
});
