import { expect, seedDepartment, signIn, test } from './host';

test('数据范围: the admin limits a counselor to one class; the counselor’s roster then holds only it', async ({ page, browser, host }) => {
  test.setTimeout(120_000);
  const staff = [{ username: 'zhao', displayName: '赵辅导员', role: 'counselor', password: 'Counsel12345' }];
  await seedDepartment(host, staff);
  const A = 'seed-admin-0001';
  await host.api('auth.signIn', { username: 'admin', password: 'Admin12345xy' }, A);
  await host.api('setup.loadDemo', { students: 120 }, A);
  const tree = await host.api<{ classes: { id: number; name: string }[] }>('org.tree', {}, A);
  const counts = await Promise.all(tree.classes.map(async (c) => ({ ...c, n: (await host.api<{ total: number }>('students.list', { page: 0, pageSize: 1, filter: { classId: c.id } }, A)).total })));
  const mine = counts.find((c) => c.n > 0)!;

  // The admin sets the scope in 用户管理.
  const admin = await (await browser.newContext()).newPage();
  await signIn(admin, host, 'admin', 'Admin12345xy');
  await admin.getByRole('navigation', { name: '主导航' }).getByRole('link', { name: '用户管理' }).click();
  await admin.getByRole('row').filter({ hasText: '赵辅导员' }).getByRole('button', { name: '数据范围' }).click();
  const dialog = admin.getByRole('dialog', { name: '数据范围' });
  await expect(dialog).toContainText('都不选则为全院系');
  await expect(dialog.getByText('未选择年级或班级：该用户可查看全院系的学生。')).toBeVisible();
  await dialog.getByLabel('负责的班级').fill(mine.name.slice(-6));
  await admin.getByRole('option', { name: mine.name }).click();
  await dialog.getByRole('heading', { name: '数据范围' }).click();
  await admin.screenshot({ path: 'test-results/screens/scope-dialog.png' });
  await dialog.getByRole('button', { name: '保存' }).click();
  await expect(dialog).toBeHidden();
  await expect(admin.getByText('已设置 赵辅导员 的数据范围')).toBeVisible();

  // The counselor's roster: that class's students only.
  await signIn(page, host, 'zhao', staff[0]!.password);
  await page.getByRole('navigation', { name: '主导航' }).getByRole('link', { name: '学生名册' }).click();
  await expect(page.getByText(/共\s*\S+\s*名学生/).first()).toHaveText(new RegExp(`共\\s*${mine.n}\\s*名学生`));
  await page.screenshot({ path: 'test-results/screens/scope-roster.png' });
  const cells = await page.getByRole('gridcell').allInnerTexts();
  const others = counts.filter((c) => c.id !== mine.id).map((c) => c.name);
  expect(cells.some((t) => others.includes(t))).toBe(false);
});
