import { ADMIN, expect, seedDepartment, signIn, test } from './host';

const shot = (name: string) => `test-results/screens/${name}.png`;

test('first run: the setup wizard creates the department and admin, shows the recovery key once, loads demo data', async ({ page, host }) => {
  await page.goto(host.url);
  await expect(page.getByText('院系信息').first()).toBeVisible();
  await page.getByLabel('学校代码').fill('1234');
  await page.getByLabel('学校名称').fill('示范职业技术学院');
  await page.getByLabel('院系名称').fill('信息工程系');
  await page.getByRole('button', { name: '下一步' }).click();
  // The school code is checked on its own step, before the wizard moves on.
  await expect(page.getByText('学校代码应为 5 位数字（国标学校代码，如 12345）')).toBeVisible();
  await expect(page.getByLabel('用户名')).toHaveCount(0);
  await page.screenshot({ path: shot('setup-school-code') });
  await page.getByLabel('学校代码').fill('12345');
  await expect(page.getByText('学校代码应为 5 位数字')).toHaveCount(0);
  await page.getByRole('button', { name: '下一步' }).click();
  await page.getByLabel('用户名').fill('admin');
  await page.getByLabel('姓名').fill(ADMIN.displayName);
  // The server still names what is wrong on this step: the password.
  await page.getByLabel('密码', { exact: true }).fill('password');
  await page.getByLabel('确认密码').fill('password');
  await page.getByRole('button', { name: '创建管理员账户' }).click();
  await expect(page.getByText(/密码至少需要 10 个字符/).first()).toBeVisible();
  await page.getByLabel('密码', { exact: true }).fill(ADMIN.password);
  await page.getByLabel('确认密码').fill(ADMIN.password);
  await page.getByRole('button', { name: '创建管理员账户' }).click();

  const key = page.getByTestId('recovery-key');
  await expect(key).toBeVisible();
  const recoveryKey = (await key.innerText()).replace(/\s+/g, '');
  expect(recoveryKey).toMatch(/^([0-9A-Z]{4}-){7}[0-9A-Z]{4}$/);
  await page.screenshot({ path: shot('setup-recovery-key') });
  const next = page.getByRole('button', { name: '下一步' });
  await expect(next).toBeDisabled();
  await page.getByLabel('我已打印或抄写恢复密钥并妥善保管').check();
  await next.click();

  await page.getByLabel('学生人数').fill('60');
  await page.getByRole('button', { name: '加载演示数据' }).click();
  await expect(page.getByText('已加载演示数据：').first()).toBeVisible();
  await page.getByRole('button', { name: '进入学籍通' }).click();
  await expect(page.getByText(`你好，${ADMIN.displayName}`)).toBeVisible();
  await expect(page.getByText('信息工程系').first()).toBeVisible();
  await page.screenshot({ path: shot('home-admin') });

  // The printed key really unlocks the database (recovery from another client).
  await host.api('auth.recover', { recoveryKey, username: 'admin', newPassword: 'Recovered1234' }, 'recovery-client-01');
});

test('sign-in: a wrong password is refused with a clear message; the right one opens the app', async ({ page, host }) => {
  await seedDepartment(host);
  await signIn(page, host, 'admin', 'NotThePassword1');
  await expect(page.getByRole('alert')).toContainText('用户名或密码错误');
  await expect(page.getByRole('alert')).toContainText('再输错 4 次');
  await page.screenshot({ path: shot('sign-in-wrong-password') });
  await page.getByLabel('密码', { exact: true }).fill(ADMIN.password);
  await page.getByRole('button', { name: '登录' }).click();
  await expect(page.getByText(`你好，${ADMIN.displayName}`)).toBeVisible();
});

test('lockout: five wrong passwords lock the account, even against the right password', async ({ page, host }) => {
  await seedDepartment(host);
  await page.goto(host.url);
  await page.getByLabel('用户名').fill('admin');
  for (let i = 1; i <= 5; i++) {
    await page.getByLabel('密码', { exact: true }).fill(`Wrong${i}password`);
    await page.getByRole('button', { name: '登录' }).click();
    await expect(page.getByRole('alert')).toContainText(i < 5 ? `再输错 ${5 - i} 次` : '已暂时锁定');
  }
  await page.getByLabel('密码', { exact: true }).fill(ADMIN.password);
  await page.getByRole('button', { name: '登录' }).click();
  await expect(page.getByRole('alert')).toContainText('已暂时锁定');
  await page.screenshot({ path: shot('sign-in-locked') });
  await expect(page.getByText(`你好，${ADMIN.displayName}`)).toHaveCount(0);
});

test('idle lock: the screen locks after the idle time and unlocks with the password, keeping unsaved input', async ({ page, host }) => {
  await seedDepartment(host);
  await page.addInitScript(() => window.localStorage.setItem('xueji.idleLockSeconds', '4'));
  await signIn(page, host, 'admin', ADMIN.password);
  await page.getByRole('navigation').getByRole('link', { name: '系统设置' }).click();
  const dept = page.getByLabel('院系名称');
  await expect(dept).toHaveValue('信息工程系');
  await dept.fill('电子信息工程系（未保存）');
  const lock = page.getByRole('dialog', { name: '已锁定' });
  await expect(lock).toBeVisible({ timeout: 15_000 });
  await page.screenshot({ path: shot('idle-locked') });
  await lock.getByLabel('密码').fill('WrongPassword9');
  await lock.getByRole('button', { name: '解锁' }).click();
  await expect(lock.getByRole('alert')).toContainText('当前密码不正确');
  await lock.getByLabel('密码').fill(ADMIN.password);
  await lock.getByRole('button', { name: '解锁' }).click();
  await expect(lock).toBeHidden();
  await expect(page.getByLabel('院系名称')).toHaveValue('电子信息工程系（未保存）');
});

const STAFF = [
  { username: 'zhao', displayName: '赵辅导员', role: 'counselor', password: 'Counsel12345' },
  { username: 'li', displayName: '李证书', role: 'clerk', password: 'Clerk1234567' },
  { username: 'qian', displayName: '钱主任', role: 'manager', password: 'Manager12345' },
  { username: 'sun', displayName: '孙只读', role: 'viewer', password: 'Viewer123456' },
];

const NAV = ['学生名册', '专业与班级', '培养方案', '成绩管理', '学业预警', '毕业审核', '证书打印', '证书管理', '证书套打', '数据导入', '统计报表', '审计日志', '用户管理', '系统设置'];
// 证书打印 and 统计报表 are not built yet: no role sees them in the menu (issue 12 #11). 培养方案 is
// read by all who read the org; 成绩管理 and 学业预警 by grades.read (the viewer has neither grades nor GPA).
const VISIBLE: Record<string, string[]> = {
  // 毕业审核 is read with grades.read (running it needs graduation.audit: the clerk's).
  counselor: ['学生名册', '专业与班级', '培养方案', '成绩管理', '学业预警', '毕业审核', '数据导入'],
  // The clerk imports grades and plan courses (数据导入 shows them only those tabs).
  // 证书套打 (templates, calibration, printing) is the certificate clerk's (certificates.print).
  // 证书管理: the clerk numbers certificates; the manager decides 暂缓发证 there (certificates.hold).
  clerk: ['学生名册', '专业与班级', '培养方案', '成绩管理', '学业预警', '毕业审核', '证书管理', '证书套打', '数据导入'],
  manager: ['学生名册', '专业与班级', '培养方案', '成绩管理', '学业预警', '毕业审核', '证书管理', '审计日志'],
  viewer: ['学生名册', '专业与班级', '培养方案'],
};

test('navigation shows each role only what it may use, and a forbidden page says so', async ({ page, host }) => {
  const staff = STAFF.map((s) => ({ ...s }));
  await seedDepartment(host, staff);
  for (const user of staff) {
    await signIn(page, host, user.username, user.password);
    await expect(page.getByText(`你好，${user.displayName}`)).toBeVisible();
    const nav = page.getByRole('navigation');
    for (const item of NAV) {
      const link = nav.getByRole('link', { name: item });
      if (VISIBLE[user.role]!.includes(item)) await expect(link, `${user.role} ${item}`).toBeVisible();
      else await expect(link, `${user.role} ${item}`).toHaveCount(0);
    }
    await page.screenshot({ path: shot(`nav-${user.role}`) });
    await page.goto(`${host.origin}/#/users`);
    await expect(page.getByText('无权访问').first()).toBeVisible();
    // Signing out ends the session; the next user starts at sign-in.
    await page.evaluate(() => {
      window.localStorage.clear();
      window.sessionStorage.clear();
    });
    await page.context().clearCookies();
  }
});
