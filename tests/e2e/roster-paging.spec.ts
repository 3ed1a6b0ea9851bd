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
