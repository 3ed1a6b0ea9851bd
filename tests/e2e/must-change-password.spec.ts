import { ADMIN, expect, seedDepartment, signIn, test } from './host';

const shot = (name: string) => `test-results/screens/${name}.png`;
const CLERK = { username: 'li', displayName: '李老师', role: 'clerk', password: 'Clerk1234567' };

/** A new account's first password was chosen by the admin: the app shows nothing but its change. */
test('first sign-in with a password the admin chose: only 修改密码 (or 退出登录) until it is changed', async ({ page, host }) => {
  await seedDepartment(host);
  await host.api('auth.signIn', ADMIN, 'seed-admin-0001');
  await host.api('users.create', CLERK, 'seed-admin-0001');
  await host.api('auth.signOut', {}, 'seed-admin-0001');

  await signIn(page, host, CLERK.username, CLERK.password);
  const dialog = page.getByRole('dialog', { name: '修改密码' });
  await expect(dialog.getByText('为了账户安全，请先修改密码再继续使用。')).toBeVisible();
  // Nothing behind it asks the main process for anything it would refuse: no page, no menu, no error.
  await expect(page.getByRole('navigation', { name: '主导航' })).toHaveCount(0);
  await expect(page.getByText(/请先修改密码：/)).toHaveCount(0);
  await expect(dialog.getByRole('button', { name: '退出登录' })).toBeVisible();
  await page.screenshot({ path: shot('must-change-password') });

  await dialog.getByLabel('当前密码').fill(CLERK.password);
  await dialog.getByLabel('新密码', { exact: true }).fill('Clerk7654321x');
  await dialog.getByLabel('确认新密码').fill('Clerk7654321x');
  await dialog.getByRole('button', { name: '确认修改' }).click();
  await expect(dialog).toHaveCount(0);
  await expect(page.getByRole('navigation', { name: '主导航' })).toBeVisible();
  await expect(page.getByText(`你好，${CLERK.displayName}`)).toBeVisible();
  await page.screenshot({ path: shot('must-change-password-done') });
});

test('退出登录 from the required change goes back to the sign-in page', async ({ page, host }) => {
  await seedDepartment(host);
  await host.api('auth.signIn', ADMIN, 'seed-admin-0001');
  await host.api('users.create', CLERK, 'seed-admin-0001');
  await host.api('auth.signOut', {}, 'seed-admin-0001');
  await signIn(page, host, CLERK.username, CLERK.password);
  await page.getByRole('dialog', { name: '修改密码' }).getByRole('button', { name: '退出登录' }).click();
  await expect(page.getByRole('button', { name: '登录' })).toBeVisible();
});
