import ExcelJS from 'exceljs';
import { readFileSync } from 'node:fs';
import { idCheckChar } from '../../shared/domain/idcard';
import { expect, seedDepartment, signIn, test } from './host';

const ID17 = '11010520070315123'; // 北京朝阳, born 2007-03-15, 17th digit odd → 男
const GOOD_ID = ID17 + idCheckChar(ID17);
const BAD_ID = ID17 + (idCheckChar(ID17) === '0' ? '1' : '0');

test('a counselor adds a class and a student, is told exactly what is wrong, finds the student by pinyin, gets a name change approved, filters and exports', async ({ page, browser, host }) => {
  test.setTimeout(180_000);
  const staff = [
    { username: 'zhao', displayName: '赵辅导员', role: 'counselor', password: 'Counsel12345' },
    { username: 'qian', displayName: '钱主任', role: 'manager', password: 'Manager12345' },
  ];
  await seedDepartment(host, staff);
  // Some existing students, so the search has something to sift through.
  await host.api('auth.signIn', { username: 'admin', password: 'Admin12345xy' });
  await host.api('setup.loadDemo', { students: 150 });
  await host.api('auth.signOut', {});

  const counselor = staff[0]!;
  await signIn(page, host, counselor.username, counselor.password);
  const nav = page.getByRole('navigation', { name: '主导航' });

  // Add a class.
  await nav.getByRole('link', { name: '专业与班级' }).click();
  await page.getByRole('button', { name: '新建班级' }).click();
  const classDialog = page.getByRole('dialog', { name: '新建班级' });
  await classDialog.getByLabel('班级名称').fill('软件技术2701班');
  await classDialog.getByLabel('专业').click();
  await page.getByRole('option', { name: /软件技术/ }).click();
  await classDialog.getByLabel('年级').fill('2027');
  await classDialog.getByLabel('班主任').fill('孙老师');
  await classDialog.getByLabel('建班年月').fill('2027-09');
  await classDialog.getByRole('button', { name: '保存' }).click();
  await expect(classDialog).toBeHidden();
  await expect(page.getByText('软件技术2701班', { exact: true })).toBeVisible();

  // Add a student with a wrong check digit: told exactly why; fix it.
  await nav.getByRole('link', { name: '学生名册' }).click();
  await page.getByRole('button', { name: '新建学生' }).click();
  const form = page.getByRole('form', { name: '学生档案' });
  await form.getByLabel('学号', { exact: true }).fill('2027510203001');
  await form.getByLabel('姓名', { exact: true }).fill('张三');
  await form.getByLabel('性别').click();
  await page.getByRole('option', { name: '男', exact: true }).click();
  await form.getByLabel('出生日期').fill('2007-03-15');
  await form.getByLabel('身份证号').fill(BAD_ID);
  await form.getByLabel('班级', { exact: true }).click();
  await page.getByRole('option', { name: /软件技术2701班/ }).click();
  await form.getByRole('button', { name: '保存' }).click();
  const why = `第 18 位应为 ${idCheckChar(ID17)}`;
  await expect(page.getByText(why).first()).toBeVisible();
  await page.screenshot({ path: 'test-results/screens/student-wrong-id.png' });
  await form.getByLabel('身份证号').fill(GOOD_ID);
  await form.getByRole('button', { name: '保存' }).click();
  await expect(page.getByText('已新建学生档案').first()).toBeVisible();
  const profileUrl = page.url();

  // Find the student by pinyin initials.
  await nav.getByRole('link', { name: '学生名册' }).click();
  await page.getByLabel('搜索').fill('zs');
  await expect(page.getByRole('gridcell', { name: '2027510203001' })).toBeVisible();
  await page.screenshot({ path: 'test-results/screens/roster-search-zs.png' });

  // Register (locks key fields), then request a name change.
  await page.getByRole('row', { name: /2027510203001/ }).getByRole('checkbox').check();
  await page.getByRole('button', { name: '注册学籍' }).click();
  await page.getByRole('dialog', { name: '注册学籍' }).getByRole('button', { name: '确认注册' }).click();
  await expect(page.getByText('已为 1 名学生注册学籍')).toBeVisible();
  await page.goto(profileUrl);
  await page.getByRole('button', { name: '申请变更' }).first().click();
  const req = page.getByRole('dialog', { name: '申请变更' });
  await req.getByLabel('新姓名').fill('张叁');
  await req.getByLabel('变更原因').fill('公安机关户籍姓名更正');
  // 取消 with something typed asks first; choosing to go on keeps what was typed.
  await req.getByRole('button', { name: '取消' }).click();
  const discard = page.getByRole('dialog', { name: '放弃填写的内容？' });
  await expect(discard).toContainText('这份变更申请还没有提交');
  await discard.getByRole('button', { name: '取消' }).click();
  await expect(req.getByLabel('新姓名')).toHaveValue('张叁');
  await req.getByRole('button', { name: '提交申请' }).click();
  await expect(req).toBeHidden();
  await page.reload();
  await expect(page.getByRole('heading', { name: /张三/ }).first()).toBeVisible();

  // The manager approves it in another window.
  const managerPage = await (await browser.newContext()).newPage();
  await signIn(managerPage, host, 'qian', staff[1]!.password);
  await managerPage.getByRole('navigation', { name: '主导航' }).getByRole('link', { name: '信息变更审批' }).click();
  await expect(managerPage.getByText('张叁').first()).toBeVisible();
  await managerPage.screenshot({ path: 'test-results/screens/approval.png' });
  await managerPage.getByRole('button', { name: '批准' }).first().click();
  const decide = managerPage.getByRole('dialog', { name: '批准变更申请' });
  await decide.getByLabel('审批意见').fill('材料齐全，同意');
  await decide.getByRole('button', { name: '确认批准' }).click();
  await expect(decide).toBeHidden();

  // Applied only now.
  await page.reload();
  await expect(page.getByRole('heading', { name: /张叁/ }).first()).toBeVisible();

  // Filter the roster and export it.
  await nav.getByRole('link', { name: '学生名册' }).click();
  await page.getByRole('button', { name: '清除筛选' }).click();
  await page.getByLabel('年级').click();
  await page.getByRole('option', { name: '2027 级' }).click();
  // 年级 takes several values: its list stays open for more ticks until closed.
  await page.keyboard.press('Escape');
  await expect(page.getByText('共 1 名学生')).toBeVisible();
  const downloadPromise = page.waitForEvent('download');
  await page.getByRole('button', { name: '导出 Excel' }).click();
  const download = await downloadPromise;
  expect(download.suggestedFilename()).toMatch(/^学生名单_\d{8}_\d{4}\.xlsx$/);
  const file = await download.path();
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(readFileSync(file) as unknown as ArrayBuffer);
  const ws = wb.worksheets[0]!;
  const headers = (ws.getRow(1).values as unknown[]).slice(1);
  expect(headers).toEqual(expect.arrayContaining(['学号', '姓名', '身份证号']));
  expect(ws.rowCount).toBe(2);
  const cell = (label: string) => ws.getRow(2).getCell(headers.indexOf(label) + 1).value;
  expect(cell('学号')).toBe('2027510203001');
  expect(cell('姓名')).toBe('张叁');
  expect(cell('身份证号')).toBe(GOOD_ID);
  expect(typeof cell('身份证号')).toBe('string');
  expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
});
