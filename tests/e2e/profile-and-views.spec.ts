import { ADMIN, expect, seedDepartment, signIn, test } from './host';

const shot = (name: string) => `test-results/screens/${name}.png`;
const A = 'seed-admin-0001';

test('deleting a saved view asks first; 取消 keeps it', async ({ page, host }) => {
  test.setTimeout(90_000);
  await seedDepartment(host);
  await host.api('auth.signIn', { username: 'admin', password: ADMIN.password }, A);
  await host.api('setup.loadDemo', { students: 5 }, A);
  await signIn(page, host, 'admin', ADMIN.password);
  await page.getByRole('navigation', { name: '主导航' }).getByRole('link', { name: '学生名册' }).click();
  await page.getByRole('button', { name: '保存视图' }).click();
  await page.getByLabel('视图名称').fill('2024级在校生');
  await page.getByRole('dialog', { name: '保存视图' }).getByRole('button', { name: '保存' }).click();

  await page.getByRole('button', { name: '我的视图' }).click();
  await page.getByRole('button', { name: '删除视图 2024级在校生' }).click();
  const ask = page.getByRole('dialog', { name: '删除视图' });
  await expect(ask).toContainText('确定删除视图“2024级在校生”吗？');
  await page.screenshot({ path: shot('view-delete-confirm') });
  await ask.getByRole('button', { name: '取消' }).click();
  expect((await host.api<{ name: string }[]>('views.list', {}, A)).map((v) => v.name)).toEqual(['2024级在校生']);
  await page.getByRole('button', { name: '我的视图' }).click();
  await expect(page.getByRole('menuitem', { name: /2024级在校生/ })).toBeVisible();
  await page.getByRole('button', { name: '删除视图 2024级在校生' }).click();
  await ask.getByRole('button', { name: '删除' }).click();
  await expect(page.getByText('已删除视图“2024级在校生”')).toBeVisible();
  await page.getByRole('button', { name: '我的视图' }).click();
  await expect(page.getByText('还没有保存的视图')).toBeVisible();
  expect(await host.api<unknown[]>('views.list', {}, A)).toEqual([]);
});

test('学习经历 lists the classes a student has been in, with periods and who moved them', async ({ page, host }) => {
  test.setTimeout(90_000);
  const staff = [{ username: 'zhao', displayName: '赵辅导员', role: 'counselor', password: 'Counsel12345' }];
  await seedDepartment(host, staff);
  await host.api('auth.signIn', { username: 'admin', password: ADMIN.password }, A);
  await host.api('setup.loadDemo', { students: 3 }, A);
  const Z = 'seed-zhao-0002';
  await host.api('auth.signIn', { username: 'zhao', password: staff[0]!.password }, Z);
  const [c1, c2] = (await host.api<{ classes: { id: number; name: string }[] }>('org.tree', {}, Z)).classes;
  const s = await host.api<{ id: number }>('students.create', {
    studentNo: '2026510201901', name: '林二', gender: '1', birthDate: '2008-05-12', idNumber: '110105200805120034', enrolmentDate: '2026-09-01', classId: c1!.id, guardians: [],
  }, Z);
  await host.api('students.bulkUpdate', { ids: [s.id], patch: { classId: c2!.id } }, Z);

  await signIn(page, host, 'zhao', staff[0]!.password);
  await page.goto(`${host.origin}/#/students/${s.id}?tab=classes`);
  const table = page.getByRole('table', { name: '学习经历' });
  const rows = table.getByRole('row');
  await expect(rows).toHaveCount(3);
  await expect(rows.nth(1)).toContainText(c2!.name);
  await expect(rows.nth(1)).toContainText('至今');
  await expect(rows.nth(1)).toContainText('调班');
  await expect(rows.nth(2)).toContainText(c1!.name);
  await expect(rows.nth(2)).toContainText('分班');
  await expect(table).toContainText('赵辅导员');
  await expect(table).not.toContainText('zhao');
  await page.screenshot({ path: shot('profile-class-history') });

  // A student loaded without any history rows (the demo data) still shows the class they are in.
  const demo = (await host.api<{ rows: { id: number; className: string | null }[] }>('students.list', { page: 0, pageSize: 50, filter: {} }, Z)).rows.find((r) => r.id !== s.id && r.className)!;
  await page.goto(`${host.origin}/#/students/${demo.id}?tab=classes`);
  await expect(page.getByRole('table', { name: '学习经历' })).toContainText(demo.className!);
  await expect(page.getByText('暂无分班记录')).toHaveCount(0);
});
