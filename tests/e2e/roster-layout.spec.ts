import { expect, seedDepartment, signIn, test } from './host';

test.use({ viewport: { width: 1366, height: 768 } });

test('the roster fits a 1366×768 office screen: filters in one row, rows and the pager visible, one scroll area', async ({ page, host }) => {
  test.setTimeout(120_000);
  await seedDepartment(host);
  await host.api('auth.signIn', { username: 'admin', password: 'Admin12345xy' }, 'seed-admin-0001');
  await host.api('setup.loadDemo', { students: 200 }, 'seed-admin-0001');
  await signIn(page, host, 'admin', 'Admin12345xy');
  await page.getByRole('navigation', { name: '主导航' }).getByRole('link', { name: '学生名册' }).click();
  await expect(page.getByText('1–50 共 200')).toBeVisible();
  await page.screenshot({ path: 'test-results/screens/roster-1366x768.png' });
  // The pager is on screen without scrolling the page, and the page itself does not scroll.
  const pager = page.getByText('1–50 共 200');
  const box = (await pager.boundingBox())!;
  expect(box.y + box.height).toBeLessThanOrEqual(768);
  expect(await page.evaluate(() => document.scrollingElement!.scrollHeight <= window.innerHeight + 1)).toBe(true);
  // At least 10 whole student rows in the grid's view (the filter panel used to leave room for 5).
  const rows = await page.locator('.MuiDataGrid-virtualScroller').evaluate((scroller) => {
    const view = scroller.getBoundingClientRect();
    return [...scroller.querySelectorAll('[data-rowindex]')].filter((e) => {
      const r = e.getBoundingClientRect();
      return r.top >= view.top && r.bottom <= view.bottom + 1;
    }).length;
  });
  expect(rows).toBeGreaterThanOrEqual(10);
  // The less used filters are one click away, and stay shown while one is in use.
  await page.getByRole('button', { name: '更多筛选' }).click();
  await page.getByRole('combobox', { name: '性别' }).click();
  await page.getByRole('option', { name: '女' }).click();
  await expect(page.getByRole('button', { name: '收起筛选' })).toBeDisabled();
  await expect(page.getByText(/共 \d+ 名学生/)).not.toHaveText('共 200 名学生');
});
