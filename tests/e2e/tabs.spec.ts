import { ADMIN, expect, seedDepartment, signIn, test } from './host';

const shot = (name: string) => `test-results/screens/${name}.png`;
const COUNSELOR = { username: 'zhao', displayName: '赵辅导员', role: 'counselor', password: 'Counsel12345' };

test('a copy of a signed-in tab signs in on its own: another user there leaves the first tab’s user as it was (issue 12 #11)', async ({ page, context, host }) => {
  const counselor = { ...COUNSELOR };
  await seedDepartment(host, [counselor]);
  await signIn(page, host, 'admin', ADMIN.password);
  const userMenu = (p: typeof page, name: string) => p.getByRole('banner').getByRole('button', { name: new RegExp(name) });
  await expect(userMenu(page, ADMIN.displayName)).toBeVisible();

  // A copy of this tab (复制标签页, or a page opened from it): the browser copies the tab's storage into it.
  const [second] = await Promise.all([
    context.waitForEvent('page'),
    page.evaluate(() => {
      window.open(window.location.href);
    }),
  ]);
  // It is a tab of its own: it asks who is there instead of carrying on as the first tab's user.
  await expect(second.getByRole('button', { name: '登录' })).toBeVisible();
  await second.getByLabel('用户名').fill(counselor.username);
  await second.getByLabel('密码', { exact: true }).fill(counselor.password);
  await second.getByRole('button', { name: '登录' }).click();
  await expect(userMenu(second, counselor.displayName)).toBeVisible();

  // The first tab is still the admin's, now and after a reload, with what only an admin may open.
  await page.bringToFront();
  await page.getByRole('navigation', { name: '主导航' }).getByRole('link', { name: '用户管理' }).click();
  await expect(page.getByRole('gridcell', { name: counselor.username, exact: true })).toBeVisible();
  await page.reload();
  await expect(userMenu(page, ADMIN.displayName)).toBeVisible();
  await expect(page.getByRole('gridcell', { name: counselor.username, exact: true })).toBeVisible();
  await page.screenshot({ path: shot('tabs-first-tab-after-second-signed-in') });
  await second.screenshot({ path: shot('tabs-second-tab-counselor') });

  // The second tab, reloaded, keeps its own user too.
  await second.reload();
  await expect(userMenu(second, counselor.displayName)).toBeVisible();
  await expect(second.getByRole('navigation', { name: '主导航' }).getByRole('link', { name: '用户管理' })).toHaveCount(0);
});
