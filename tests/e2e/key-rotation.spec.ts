import { ADMIN, expect, seedDepartment, signIn, test } from './host';

/**
 * Issue 13 #4 in the browser: disabling a user offers 更换数据密钥 at once; after it the disabled
 * user's password opens nothing, the others still sign in; on demand it can also make a new
 * recovery key, shown once.
 */
test('disable a user, change the data key; the disabled user is refused, a new recovery key is shown once', async ({ page, host, browser }) => {
  const zhao = { username: 'zhao', displayName: '赵辅导员', role: 'counselor', password: 'Counsel12345' };
  const qian = { username: 'qian', displayName: '钱主任', role: 'manager', password: 'Manager12345' };
  await seedDepartment(host, [zhao, qian]);
  await signIn(page, host, ADMIN.username, ADMIN.password);
  await page.goto(`${host.origin}/#/users`);

  const row = page.getByRole('row', { name: /赵辅导员/ });
  await row.getByRole('button', { name: '编辑' }).click();
  await page.getByLabel('停用该账户').check();
  await page.getByRole('button', { name: '保存' }).click();

  const offer = page.getByRole('dialog', { name: '已停用 赵辅导员：更换数据密钥？' });
  await expect(offer).toBeVisible();
  await expect(page.getByRole('dialog', { name: '编辑用户' })).toBeHidden();
  await expect(offer).toContainText('更换数据密钥后才彻底失效');
  await page.screenshot({ path: 'test-results/screens/rotate-after-disable.png' });
  await offer.getByRole('button', { name: '更换数据密钥' }).click();
  await expect(page.getByText(/数据密钥已更换：2 个账户保留访问，0 个附件和照片已重新加密/)).toBeVisible({ timeout: 30_000 });
  await expect(offer).toBeHidden();
  await expect(row.getByText('停用')).toBeVisible();
  await page.screenshot({ path: 'test-results/screens/rotate-done.png' });

  // The disabled counselor is refused as a wrong password; the manager still gets in with theirs.
  const other = await browser.newPage();
  await signIn(other, host, zhao.username, zhao.password);
  await expect(other.getByRole('alert')).toContainText('用户名或密码错误');
  await signIn(other, host, qian.username, qian.password);
  await expect(other.getByText(`你好，${qian.displayName}`)).toBeVisible();
  await other.close();

  // On demand, with a new recovery key.
  await page.getByRole('button', { name: '更换数据密钥' }).click();
  const dialog = page.getByRole('dialog', { name: '更换数据密钥' });
  await dialog.getByLabel(/同时生成新的恢复密钥/).check();
  await page.screenshot({ path: 'test-results/screens/rotate-on-demand.png' });
  await dialog.getByRole('button', { name: '更换数据密钥' }).click();
  const key = dialog.getByRole('group', { name: '新的恢复密钥' });
  await expect(key).toHaveText(/^([0-9A-HJKMNP-TV-Z]{4}-){7}[0-9A-HJKMNP-TV-Z]{4}$/, { timeout: 30_000 });
  await page.screenshot({ path: 'test-results/screens/rotate-new-recovery-key.png' });
  await dialog.getByRole('button', { name: '我已妥善保存新的恢复密钥' }).click();
  await expect(dialog).toBeHidden();
});
