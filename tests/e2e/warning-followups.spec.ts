import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { idCheckChar } from '../../shared/domain/idcard';
import { pageText, readPdf } from '../support/pdf-read';
import { expect, seedDepartment, signIn, test } from './host';

/**
 * 学业预警跟进 as the counselor does it (issue 15): from the 学业预警 list to the student's 跟进 page,
 * a talk recorded (who talked filled in with their own name), the parent's notice printed and read
 * back (rendered to a picture to look at), the registered letter and later the 回执 recorded, and a
 * follow-up past its date on the home 待办 until it is done.
 */
test('the counselor follows a warned student up: a talk, the parent notice, 挂号信 and the 回执, a late follow-up on the home page', async ({ page, host }) => {
  test.setTimeout(180_000);
  const staff = [{ username: 'zhao', displayName: '赵辅导员', role: 'counselor', password: 'Counsel12345' }];
  await seedDepartment(host, staff);
  const A = 'seed-admin-0001';
  await host.api('auth.signIn', { username: 'admin', password: 'Admin12345xy' }, A);
  const majorId = (await host.api<{ id: number }>('org.createMajor', { code: '510201', name: '计算机应用技术', level: '专科', lengthYears: '3', studyForm: '普通全日制' }, A)).id;
  const classId = (await host.api<{ id: number }>('org.createClass', { name: '计算机2601班', majorId, cohortYear: 2026 }, A)).id;
  const id17 = '11010520070501011';
  const student = await host.api<{ id: number }>('students.create', { studentNo: '2026510201001', name: '张三', gender: '1', birthDate: '2007-05-01', idNumber: id17 + idCheckChar(id17), enrolmentDate: '2026-09-01', classId, guardians: [] }, A);
  const { term, yesterday, today } = await page.evaluate(() => {
    const d = new Date();
    const y = d.getFullYear();
    const m = d.getMonth() + 1;
    const day = (x: Date) => `${x.getFullYear()}-${String(x.getMonth() + 1).padStart(2, '0')}-${String(x.getDate()).padStart(2, '0')}`;
    return { term: m >= 9 ? `${y}-${y + 1}-1` : m === 1 ? `${y - 1}-${y}-1` : `${y - 1}-${y}-2`, yesterday: day(new Date(Date.now() - 86_400_000)), today: day(d) };
  });
  // 25 hours of 旷课 put 张三 in 橙色预警 under the shipped rules.
  await host.api('warnings.setAbsence', { studentId: student.id, term, hours: 25 }, A);
  await host.api('warnings.run', { term }, A);

  await signIn(page, host, 'zhao', staff[0]!.password);
  await page.getByRole('navigation', { name: '主导航' }).getByRole('link', { name: '学业预警' }).click();
  await expect(page.getByRole('table', { name: '预警名单' })).toContainText('橙色预警');
  await page.screenshot({ path: 'test-results/screens/warning-list-followup.png' });
  await page.getByRole('table', { name: '预警名单' }).getByRole('link', { name: '跟进 张三' }).click();
  await expect(page.getByRole('heading', { name: '学业预警跟进：张三' })).toBeVisible();
  await expect(page.getByText('本学期旷课 25 学时（达到橙色预警的 21 学时）')).toBeVisible();
  await expect(page.getByText('不是处分，不记入学生的奖惩记录')).toBeVisible();

  // 记录谈话: the counselor's own name is filled in as who talked.
  await page.getByRole('button', { name: '记录谈话' }).click();
  const talk = page.getByRole('dialog', { name: '记录谈话' });
  await expect(talk.getByLabel('谈话人')).toHaveValue('赵辅导员');
  await expect(talk.getByLabel('谈话日期')).toHaveValue(today);
  await talk.getByLabel('谈话内容').fill('了解旷课原因：晚上打游戏，早上起不来。');
  await talk.getByLabel('商定的学习计划').fill('每天 7:30 前到教室；每周五向辅导员汇报出勤。');
  await talk.getByRole('button', { name: '保存' }).click();
  await expect(talk).toBeHidden();
  const talks = page.getByRole('region', { name: '谈话记录' });
  await expect(talks).toContainText('谈话人：赵辅导员');
  await expect(talks).toContainText('每天 7:30 前到教室');

  // 打印家长通知书: numbered, saved as a PDF and read back, rendered to a picture to look at.
  await page.getByRole('button', { name: '打印家长通知书' }).click();
  const printed = page.getByRole('dialog', { name: '学业预警通知书（致家长）' });
  await expect(printed).toContainText(`已生成通知书，编号 预警〔${term}〕001号。`);
  // The dialog fades in: wait for it before the picture.
  await expect(page.locator('.MuiDialog-container')).toHaveCSS('opacity', '1');
  await page.screenshot({ path: 'test-results/screens/warning-notice-ready.png' });
  const downloading = page.waitForEvent('download');
  await printed.getByRole('button', { name: '保存 PDF' }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toBe('学业预警通知书（致家长）_张三_2026510201001.pdf');
  const pdfPath = (await download.path())!;
  const [pdf, ...more] = await readPdf(readFileSync(pdfPath));
  expect(more).toHaveLength(0);
  const text = pageText(pdf!).replace(/\s+/g, '');
  for (const part of ['学业预警通知书（致家长）', '已达到“橙色预警”', '本学期旷课25学时（达到橙色预警的21学时）', '不是处分', '请沿虚线剪下', '学业预警通知书回执', '学生姓名张三', '家长签字：']) expect(text).toContain(part);
  execFileSync('pdftoppm', ['-r', '80', '-png', '-singlefile', pdfPath, 'test-results/screens/warning-parent-notice']);
  // 打印 opens the same PDF inline for the browser's print dialog.
  const opening = page.waitForEvent('popup');
  await printed.getByRole('button', { name: '打印' }).click();
  const tab = await opening;
  expect(tab.url()).toMatch(/\/api\/jobs\/[^/]+\/output\?client=.+&inline=1$/);
  await tab.close();
  await printed.getByRole('button', { name: '关闭' }).click();

  // 登记送达: by registered mail, with its number.
  const notices = page.getByRole('table', { name: '通知书' });
  const row = notices.getByRole('row').filter({ hasText: `预警〔${term}〕001号` });
  await expect(row).toContainText('家长');
  await row.getByRole('button', { name: '登记送达' }).click();
  const send = page.getByRole('dialog', { name: /登记送达/ });
  await expect(send.getByRole('combobox', { name: '送达方式' })).toHaveText('挂号信');
  await send.getByRole('button', { name: '登记' }).click();
  await expect(send.getByText('请填写挂号信号码')).toBeVisible();
  await send.getByLabel('挂号信号码').fill('XA12345678911');
  await send.getByRole('button', { name: '登记' }).click();
  await expect(send).toBeHidden();
  await expect(row).toContainText(`挂号信 XA12345678911（${today}）`);
  await expect(row).toContainText('待收回');

  // A follow-up whose date has passed waits on the home page until it is done.
  await page.getByRole('button', { name: '安排跟进' }).click();
  const plan = page.getByRole('dialog', { name: '安排跟进' });
  await plan.getByLabel('跟进日期').fill(yesterday);
  await plan.getByLabel('跟进事项').fill('检查本周出勤');
  await plan.getByRole('button', { name: '保存' }).click();
  await expect(plan).toBeHidden();
  await expect(page.getByRole('table', { name: '跟进' })).toContainText('已逾期');
  await page.screenshot({ path: 'test-results/screens/warning-followup-page.png', fullPage: true });
  await page.getByRole('navigation', { name: '主导航' }).getByRole('link', { name: '首页' }).click();
  const todo = page.getByRole('region', { name: '学业预警待办' });
  await expect(todo.getByRole('group', { name: '帮扶跟进已逾期' })).toContainText('张三（学号 2026510201001）');
  await expect(todo).toContainText(`应于 ${yesterday} 跟进，已逾期 1 天：检查本周出勤`);
  await page.screenshot({ path: 'test-results/screens/warning-home-todo.png', fullPage: true });
  await todo.getByRole('link', { name: /张三/ }).click();

  // Later: the 回执 comes back and the follow-up is done.
  await page.getByRole('table', { name: '跟进' }).getByRole('button', { name: '登记完成' }).click();
  const complete = page.getByRole('dialog', { name: '登记跟进完成' });
  await complete.getByLabel('跟进情况').fill('本周无旷课');
  await complete.getByRole('button', { name: '保存' }).click();
  await expect(complete).toBeHidden();
  await row.getByRole('button', { name: '登记回执' }).click();
  const receipt = page.getByRole('dialog', { name: /登记回执/ });
  await receipt.getByLabel('备注').fill('家长已签字寄回');
  await receipt.getByRole('button', { name: '登记' }).click();
  await expect(receipt).toBeHidden();
  await expect(row).toContainText(`已收回 ${today}（家长已签字寄回）`);
  await expect(page.getByRole('table', { name: '预警等级变化' })).toContainText(`预警〔${term}〕001号（家长）`);
  await page.screenshot({ path: 'test-results/screens/warning-followup-done.png', fullPage: true });
  await page.getByRole('navigation', { name: '主导航' }).getByRole('link', { name: '首页' }).click();
  await expect(page.getByRole('heading', { name: /你好/ })).toBeVisible();
  await expect(page.getByRole('region', { name: '学业预警待办' })).toHaveCount(0);
});
