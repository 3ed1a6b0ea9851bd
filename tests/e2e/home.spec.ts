import { expect, seedDepartment, signIn, test, type RunningHost } from './host';

const shot = (name: string) => `test-results/screens/${name}.png`;
const STAFF = () => [
  { username: 'zhao', displayName: '赵辅导员', role: 'counselor', password: 'Counsel12345' },
  { username: 'qian', displayName: '钱主任', role: 'manager', password: 'Manager12345' },
];
const A = 'seed-admin-0001';
const Z = 'seed-zhao-0002';

/** Demo students, the first `n` registered by the counselor, who files a name change for each. */
async function counselorRequests(host: RunningHost, password: string, n: number) {
  await host.api('auth.signIn', { username: 'admin', password: 'Admin12345xy' }, A);
  await host.api('setup.loadDemo', { students: 10 }, A);
  const rows = (await host.api<{ rows: { id: number; name: string }[] }>('students.list', { page: 0, pageSize: n, filter: {} }, A)).rows;
  await host.api('auth.signIn', { username: 'zhao', password }, Z);
  await host.api('students.register', { ids: rows.map((s) => s.id) }, Z);
  const requests = [];
  for (const s of rows) requests.push({ student: s, request: await host.api<{ id: number }>('keyChanges.request', { studentId: s.id, changes: { name: `${s.name}甲` }, reason: '户籍更名' }, Z) });
  return requests;
}

test('the manager\'s home page shows the two requests waiting for a decision, and one click opens them', async ({ page, host }) => {
  test.setTimeout(120_000);
  const staff = STAFF();
  await seedDepartment(host, staff);
  const [r1, r2] = await counselorRequests(host, staff[0]!.password, 2);

  await signIn(page, host, 'qian', staff[1]!.password);
  const waiting = page.getByRole('region', { name: '待我审批的信息变更' });
  await expect(waiting).toContainText('2 份变更申请等待您审批');
  for (const { student } of [r1!, r2!]) {
    const item = waiting.getByRole('link', { name: new RegExp(student.name) });
    await expect(item).toContainText('姓名');
    await expect(item).toContainText('赵辅导员');
  }
  await expect(waiting).not.toContainText('zhao');
  // The home page no longer repeats the menu as tiles.
  await expect(page.getByText('常用功能')).toHaveCount(0);
  await page.screenshot({ path: shot('home-manager-two-pending'), fullPage: true });

  await waiting.getByRole('link', { name: '去审批' }).click();
  await expect(page.getByRole('heading', { name: '信息变更审批' })).toBeVisible();
  // 信息变更 lives at /key-changes, never a bare 'changes' that 学籍异动 could also claim.
  await expect(page).toHaveURL(/#\/key-changes$/);
  await expect(page.getByRole('article')).toHaveCount(2);
});

test('the counselor\'s home page shows how their requests ended: the return with its reason, the withdrawal as 已撤回', async ({ page, host }) => {
  test.setTimeout(120_000);
  const staff = STAFF();
  await seedDepartment(host, staff);
  const [r1, r2] = await counselorRequests(host, staff[0]!.password, 2);
  const M = 'seed-qian-0003';
  await host.api('auth.signIn', { username: 'qian', password: staff[1]!.password }, M);
  await host.api('keyChanges.decide', { id: r1!.request.id, stepIndex: 0, approve: false, opinion: '缺少户籍证明' }, M);
  await host.api('keyChanges.withdraw', { id: r2!.request.id }, Z);

  await signIn(page, host, 'zhao', staff[0]!.password);
  const mine = page.getByRole('region', { name: '我的变更申请' });
  const returned = mine.getByRole('listitem').filter({ hasText: `第 ${r1!.request.id} 号` });
  await expect(returned).toContainText('已退回');
  await expect(returned).toContainText('退回理由：缺少户籍证明');
  await expect(returned).toContainText('钱主任');
  await expect(returned).toContainText('请修改后重新提交或撤回');
  const withdrawn = mine.getByRole('listitem').filter({ hasText: `第 ${r2!.request.id} 号` });
  await expect(withdrawn).toContainText('已撤回');
  await expect(withdrawn).not.toContainText('已退回');
  // A counselor decides no step of the default chain: no such section.
  await expect(page.getByRole('region', { name: '待我审批的信息变更' })).toHaveCount(0);
  await page.screenshot({ path: shot('home-counselor-outcomes'), fullPage: true });

  await mine.getByRole('link', { name: '查看全部' }).click();
  await expect(page).toHaveURL(/#\/key-changes$/);
  await expect(page.getByRole('heading', { name: '信息变更审批' })).toBeVisible();
});

test('an empty install: the home page guides 先建专业和班级 → 导入名单, with only the buttons this user may use', async ({ page, browser, host }) => {
  test.setTimeout(90_000);
  const staff = [...STAFF(), { username: 'sun', displayName: '孙老师', role: 'viewer', password: 'Viewer123456' }];
  await seedDepartment(host, staff);

  await signIn(page, host, 'zhao', staff[0]!.password);
  const guide = page.getByRole('region', { name: '开始使用' });
  await expect(guide).toContainText('先建专业和班级');
  await expect(guide).toContainText('导入名单');
  await page.screenshot({ path: shot('home-empty-install'), fullPage: true });
  await guide.getByRole('link', { name: '建专业和班级' }).click();
  await expect(page).toHaveURL(/#\/org/);

  // A major and a class later, the first step is done and the next one is 导入名单.
  await host.api('auth.signIn', { username: 'zhao', password: staff[0]!.password }, Z);
  await host.api('org.createMajor', { code: '510201', name: '计算机应用技术', level: '专科', lengthYears: '3', studyForm: '普通全日制' }, Z);
  const major = (await host.api<{ majors: { id: number }[] }>('org.tree', {}, Z)).majors[0]!;
  await host.api('org.createClass', { name: '计算机应用2601班', majorId: major.id, cohortYear: 2026 }, Z);
  await page.getByRole('navigation', { name: '主导航' }).getByRole('link', { name: '首页' }).click();
  await expect(guide.getByText('已完成')).toBeVisible();
  await guide.getByRole('link', { name: '导入名单' }).click();
  await expect(page).toHaveURL(/#\/import/);

  // Someone who may do neither is told who can, not shown buttons that lead nowhere.
  const viewer = await (await browser.newContext()).newPage();
  await signIn(viewer, host, 'sun', staff[2]!.password);
  const theirs = viewer.getByRole('region', { name: '开始使用' });
  await expect(theirs).toContainText('还没有学生');
  await expect(theirs.getByRole('link')).toHaveCount(0);
});
