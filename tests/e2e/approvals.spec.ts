import { expect, seedDepartment, signIn, test } from './host';

test('a return needs a reason the requester then reads; the requester amends and resubmits it, withdraws another; the manager approves', async ({ page, browser, host }) => {
  test.setTimeout(150_000);
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

  // The manager returns the first: the reason is required.
  const manager = await (await browser.newContext()).newPage();
  await signIn(manager, host, 'qian', staff[1]!.password);
  await manager.getByRole('navigation', { name: '主导航' }).getByRole('link', { name: '信息变更审批' }).click();
  await expect(manager).toHaveURL(/#\/key-changes$/);
  const card = manager.getByRole('article').filter({ hasText: `${s1!.name}甲` });
  await expect(card).toContainText('等待：院系负责人审批');
  await card.getByRole('button', { name: '退回' }).click();
  const dialog = manager.getByRole('dialog', { name: '退回变更申请' });
  await dialog.getByRole('button', { name: '确认退回' }).click();
  await expect(dialog).toContainText('退回时请填写理由，提交人会看到。');
  await dialog.getByLabel('退回理由').fill('缺少户籍证明');
  await dialog.getByRole('button', { name: '确认退回' }).click();
  await expect(dialog).toBeHidden();

  // The counselor reads the reason, withdraws the other request, and amends the returned one.
  await signIn(page, host, 'zhao', staff[0]!.password);
  await page.getByRole('navigation', { name: '主导航' }).getByRole('link', { name: '信息变更审批' }).click();
  const pending = page.getByRole('article').filter({ hasText: `${s2!.name}乙` });
  await pending.getByRole('button', { name: '撤回申请' }).click();
  await expect(page.getByText('已撤回第')).toBeVisible();
  await page.getByRole('tab', { name: '已退回' }).click();
  const returned = page.getByRole('article').filter({ hasText: `${s1!.name}甲` });
  await expect(returned).toContainText('退回理由');
  await expect(returned).toContainText('缺少户籍证明');
  // People by the names they are known by, not their user names.
  await expect(returned).toContainText('赵辅导员');
  await expect(returned).toContainText('钱主任');
  await expect(returned).not.toContainText(/zhao|qian/);
  await returned.getByRole('button', { name: /办理经过/ }).click();
  await expect(returned.getByRole('list', { name: '办理经过' })).toContainText('院系负责人审批 · 退回');
  await page.screenshot({ path: 'test-results/screens/approvals-returned.png', fullPage: true });
  await returned.getByRole('button', { name: '修改后重新提交' }).click();
  const amend = page.getByRole('dialog', { name: /修改后重新提交/ });
  await expect(amend).toContainText('钱主任 退回了这份申请：缺少户籍证明');
  await expect(amend.getByLabel('新姓名')).toHaveValue(`${s1!.name}甲`);
  await amend.getByLabel('新姓名').fill(`${s1!.name}丙`);
  await amend.getByLabel('变更原因').fill('按户口本更正，附户籍证明');
  await page.screenshot({ path: 'test-results/screens/approvals-amend.png', fullPage: true });
  await amend.getByRole('button', { name: '重新提交' }).click();
  await expect(amend).toBeHidden();
  await expect(page.getByText('已修改并重新提交变更申请')).toBeVisible();
  // The withdrawn one is 已撤回, not a refusal, and has its own tab.
  await page.getByRole('tab', { name: '已撤回' }).click();
  const taken = page.getByRole('article').filter({ hasText: `${s2!.name}乙` });
  await expect(taken).toContainText('已撤回');
  await expect(taken).not.toContainText('已退回');

  // The manager approves the amended request: the record changes.
  await manager.reload();
  const again = manager.getByRole('article').filter({ hasText: `${s1!.name}丙` });
  await again.getByRole('button', { name: '批准' }).click();
  const approve = manager.getByRole('dialog', { name: '批准变更申请' });
  await expect(approve).toContainText('这是最后一步');
  await approve.getByRole('button', { name: '确认批准' }).click();
  await expect(manager.getByText(`${s1!.name}丙 的档案已更新`)).toBeVisible();
  const requests = await host.api<{ id: number; status: string; decisionComment: string | null }[]>('keyChanges.list', {}, Z);
  expect(requests.map((r) => r.status).sort()).toEqual(['approved', 'withdrawn']);
  expect((await host.api<{ name: string }>('students.get', { id: s1!.id }, Z)).name).toBe(`${s1!.name}丙`);
  await page.screenshot({ path: 'test-results/screens/approvals-counselor.png', fullPage: true });
});
