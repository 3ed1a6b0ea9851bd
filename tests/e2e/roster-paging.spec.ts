import { expect, seedDepartment, signIn, test } from './host';

test('the roster pages forward to the last student and back, and keeps its page size', async ({ page, host }) => {
  test.setTimeout(120_000);
  await seedDepartment(host);
  await host.api('auth.signIn', { username: 'admin', password: 'Admin12345xy' }, 'seed-admin-0001');
  await host.api('setup.loadDemo', { students: 300 }, 'seed-admin-0001');
  // The last student in the roster's default order, as the server gives it.
  const all = await host.api<{ rows: { name: string; studentNo: string | null }[]; total: number }>('students.list', { page: 5, pageSize: 50, filter: {} }, 'seed-admin-0001');
  expect(all.total).toBe(300);
  const last = all.rows.at(-1)!;

  const calls: { page: number; pageSize: number }[] = [];
  page.on('request', (r) => {
    if (r.url().endsWith('/api/call/students.list')) calls.push(JSON.parse(r.postData() ?? '{}') as { page: number; pageSize: number });
  });
  await signIn(page, host, 'admin', 'Admin12345xy');
  await page.getByRole('navigation', { name: '主导航' }).getByRole('link', { name: '学生名册' }).click();
  await expect(page.getByText('1–50 共 300')).toBeVisible();
  const next = page.getByRole('button', { name: '下一页' });
  for (let p = 2; p <= 6; p++) {
    await next.click();
    await expect(page.getByText(`${(p - 1) * 50 + 1}–${p * 50} 共 300`)).toBeVisible();
  }
  await expect(page.getByRole('grid').getByText(all.rows[0]!.studentNo!, { exact: true })).toBeVisible();
  // The grid renders the rows in view: scroll to the bottom of the page to meet the last student.
  await page.locator('.MuiDataGrid-virtualScroller').evaluate((e) => (e.scrollTop = e.scrollHeight));
  await expect(page.getByRole('grid').getByText(last.studentNo!, { exact: true })).toBeVisible();
  await expect(next).toBeDisabled();
  // The grid never asked for page 1 again on the way.
  expect(calls.slice(1).map((c) => c.page)).toEqual([1, 2, 3, 4, 5]);

  await page.getByRole('button', { name: '上一页' }).click();
  await expect(page.getByText('201–250 共 300')).toBeVisible();

  // A bigger page: back to the first page, 100 rows at a time, and it stays so.
  await page.getByRole('combobox', { name: /每页行数/ }).click();
  await page.getByRole('option', { name: '100' }).click();
  await expect(page.getByText('1–100 共 300')).toBeVisible();
  await next.click();
  await expect(page.getByText('101–200 共 300')).toBeVisible();
  await page.screenshot({ path: 'test-results/screens/roster-page-2.png' });
});

test('全选 offers every student matching the filter, and a bulk action reaches all of them', async ({ page, host }) => {
  test.setTimeout(120_000);
  await seedDepartment(host);
  await host.api('auth.signIn', { username: 'admin', password: 'Admin12345xy' }, 'seed-admin-0001');
  await host.api('setup.loadDemo', { students: 300 }, 'seed-admin-0001');
  await signIn(page, host, 'admin', 'Admin12345xy');
  await page.getByRole('navigation', { name: '主导航' }).getByRole('link', { name: '学生名册' }).click();
  await expect(page.getByText('1–50 共 300')).toBeVisible();
  await page.getByRole('checkbox', { name: /全选|Select all/ }).first().check();
  const bar = page.getByRole('toolbar', { name: '批量操作' });
  await expect(bar).toContainText('已选择 50 名学生');
  await bar.getByRole('button', { name: '选择全部 300 名符合筛选条件的学生' }).click();
  await expect(bar).toContainText('已选择 300 名学生');
  await page.screenshot({ path: 'test-results/screens/roster-select-all.png' });
  await bar.getByRole('button', { name: '修改备注' }).click();
  const dialog = page.getByRole('dialog', { name: '修改备注' });
  await dialog.getByLabel('备注').fill('2026 年秋季学期已核对');
  await dialog.getByRole('button', { name: /确定|保存|修改/ }).last().click();
  await expect(page.getByText(/300 名学生/).last()).toBeVisible();
  const noted = await host.api<{ total: number }>('students.list', { page: 0, pageSize: 1, filter: {} }, 'seed-admin-0001');
  expect(noted.total).toBe(300);
  const profiles = await host.api<{ rows: { id: number }[] }>('students.list', { page: 5, pageSize: 50, filter: {} }, 'seed-admin-0001');
  const lastOne = await host.api<{ notes: string | null }>('students.get', { id: profiles.rows.at(-1)!.id }, 'seed-admin-0001');
  expect(lastOne.notes).toBe('2026 年秋季学期已核对');
});

