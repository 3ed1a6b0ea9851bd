import { expect, seedDepartment, signIn, test } from './host';

test('a rejection needs a reason the requester then reads; the requester withdraws a pending request', async ({ page, browser, host }) => {
  test.setTimeout(120_000);
  const staff = [
    { username: 'zhao', displayName: '赵辅导员', role: 'counselor', password: 'Counsel12345' },
    { username: 'qian', displayName: '钱主任', role: 'manager', password: 'Manager12345' },
  ];
  await seedDepartment(host, staff);
  const A = 'seed-admin-0001';
  await host.api('auth.signIn', { username: 'admin', password: 'Admin12345xy' }, A);
  await host.api('setup.loadDemo', { students: 10 }, A);
  const [s1, s2] = (await host.api<{ rows: { id: number; name: string }[] }>('students.list', { page: 0, pageSize: 2, filter: {} }, A)).rows;
  const Z = 'seed-zhao-0002';
  await host.api('auth.signIn', { username: 'zhao', password: staff[0]!.password }, Z);
  await host.api('students.register', { ids: [s1!.id, s2!.id] }, Z);
  await host.api('keyChanges.request', { studentId: s1!.id, changes: { name: `${s1!.name}甲` }, reason: '更名' }, Z);
  await host.api('keyChanges.request', { studentId: s2!.id, changes: { name: `${s2!.name}乙` }, reason: '更名' }, Z);

  // The manager rejects the first: the reason is required.
  const manager = await (await browser.newContext()).newPage();
  await signIn(manager, host, 'qian', staff[1]!.password);
  await manager.getByRole('navigation', { name: '主导航' }).getByRole('link', { name: '信息变更审批' }).click();
  await expect(manager).toHaveURL(/#\/key-changes$/);
  const card = manager.getByRole('article').filter({ hasText: `${s1!.name}甲` });
  await card.getByRole('button', { name: '驳回' }).click();
  const dialog = manager.getByRole('dialog', { name: '驳回变更申请' });
  await dialog.getByRole('button', { name: '确认驳回' }).click();
  await expect(dialog).toContainText('驳回时请填写理由，申请人会看到。');
  await dialog.getByLabel('驳回理由').fill('缺少户籍证明');
  await dialog.getByRole('button', { name: '确认驳回' }).click();
  await expect(dialog).toBeHidden();

  // The counselor reads the reason and withdraws the other request.
  await signIn(page, host, 'zhao', staff[0]!.password);
  await page.getByRole('navigation', { name: '主导航' }).getByRole('link', { name: '信息变更审批' }).click();
  const pending = page.getByRole('article').filter({ hasText: `${s2!.name}乙` });
  await pending.getByRole('button', { name: '撤回申请' }).click();
  await expect(page.getByText('已撤回第')).toBeVisible();
  await page.getByRole('tab', { name: '全部' }).click();
  const rejected = page.getByRole('article').filter({ hasText: `${s1!.name}甲` });
  await expect(rejected).toContainText('驳回理由');
  await expect(rejected).toContainText('缺少户籍证明');
  // People by the names they are known by, not their user names.
  await expect(rejected).toContainText('赵辅导员');
  await expect(rejected).toContainText('钱主任');
  await expect(rejected).not.toContainText(/zhao|qian/);
  // The withdrawn one is 已撤回, not 已驳回, and has its own tab.
  const taken = page.getByRole('article').filter({ hasText: `${s2!.name}乙` });
  await expect(taken).toContainText('已撤回');
  await expect(taken).not.toContainText('已驳回');
  await page.getByRole('tab', { name: '已驳回' }).click();
  await expect(page.getByRole('article')).toHaveCount(1);
  await page.getByRole('tab', { name: '已撤回' }).click();
  await expect(page.getByRole('article').filter({ hasText: `${s2!.name}乙` })).toBeVisible();
  await page.getByRole('tab', { name: '全部' }).click();
  const requests = await host.api<{ id: number; status: string; decisionComment: string | null }[]>('keyChanges.list', {}, Z);
  expect(requests.map((r) => [r.status, r.decisionComment]).sort()).toEqual([['withdrawn', '申请人撤回'], ['rejected', '缺少户籍证明']].sort());
  await page.screenshot({ path: 'test-results/screens/approvals-counselor.png', fullPage: true });
});
