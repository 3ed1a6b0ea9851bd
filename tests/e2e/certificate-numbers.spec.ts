import { execFile } from 'node:child_process';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import type { Page } from '@playwright/test';
import { expect, signIn, test } from './host';
import { CLERK, MANAGER, PEOPLE } from './certificate-numbers.data';

/**
 * Issue 16 "Certificate numbers", done when: the clerk assigns the 2023 grade's numbers on 证书管理
 * (a preview first), reads them from the page — 18 digits, school code, 办学类型 1, 2026, 专科 06 —
 * gapless in ID-number order over 毕业 and 结业 alike; then voids one and registers blank forms.
 */
const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
const run = promisify(execFile);
const shot = (page: Page, name: string) => page.screenshot({ path: `test-results/screens/certificate-numbers-${name}.png`, animations: 'disabled' });

test.use({
  viewport: { width: 1366, height: 1000 },
  prepareData: async ({}, use) =>
    use(async (dir: string) => {
      await run(process.execPath, [join(ROOT, 'node_modules', 'tsx', 'dist', 'cli.mjs'), join(ROOT, 'tests', 'e2e', 'certificate-numbers.seed.ts'), dir], { cwd: ROOT });
    }),
});

test('the clerk assigns 学历证书编号 to a grade from a preview, gapless in ID-number order; voids one; registers blank forms', async ({ page, host }) => {
  test.setTimeout(180_000);
  await signIn(page, host, CLERK.username, CLERK.password);
  await page.getByRole('navigation', { name: '主导航' }).getByRole('link', { name: '证书管理' }).click();
  const table = page.getByRole('table', { name: '证书名单' });
  await expect(table.getByRole('row')).toHaveCount(PEOPLE.length + 1);
  await expect(table.getByRole('row', { name: /周五/ })).toContainText('延长学习年限');
  await expect(table.getByRole('row', { name: /韩九/ })).toContainText('未审核');

  await page.getByRole('button', { name: /分配编号（6 人待分配）/ }).click();
  const dialog = page.getByRole('dialog', { name: '分配学历证书编号：2023 级' });
  const preview = dialog.getByRole('alert', { name: '编号预览' });
  await expect(preview).toContainText('将为 6 名');
  await expect(preview).toContainText('按身份证号');
  await expect(preview).toContainText('计算机应用技术（专科（含高职））6 人：123451202606000001 至 123451202606000006');
  await expect(dialog.getByRole('alert', { name: '不分配编号的学生' })).toContainText('周五（审核结论为“延长学习年限”，不发学历证书）；韩九（尚未做毕业资格审核）');
  await expect(dialog.getByLabel('毕业日期')).toHaveValue('2026-06-30');
  await shot(page, 'preview');
  await dialog.getByRole('button', { name: '确认分配 6 个编号' }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByText('已为 6 名学生分配学历证书编号')).toBeVisible();
  await shot(page, 'assigned');

  // Read the numbers off the page: each row's 姓名 and 证书编号.
  const rows = await table.locator('tbody tr').evaluateAll((trs) => trs.map((tr) => [...tr.querySelectorAll('td')].map((td) => td.textContent ?? '')));
  const numbered = rows.filter((cells) => /^\d+$/.test(cells[4]!)).map((cells) => ({ name: cells[1]!, no: cells[4]!, kind: cells[5]! }));
  expect(numbered).toHaveLength(6);
  for (const n of numbered) expect(n.no).toMatch(/^12345120260[6]\d{6}$/);
  const byNumber = [...numbered].sort((a, b) => a.no.localeCompare(b.no));
  const eligible = PEOPLE.filter((p) => p.outcome === '毕业' || p.outcome === '结业').sort((a, b) => a.idNumber.localeCompare(b.idNumber));
  expect(byNumber.map((n) => n.name)).toEqual(eligible.map((p) => p.name));
  expect(byNumber.map((n) => Number(n.no.slice(12)))).toEqual([1, 2, 3, 4, 5, 6]);
  expect(byNumber.map((n) => n.kind)).toEqual(eligible.map((p) => `${p.outcome}证书`));
  await expect(page.getByRole('button', { name: '分配编号' })).toBeVisible(); // none left to number

  // 作废 with a reason: the number stays, struck through, and is not handed out again.
  await table.getByRole('button', { name: '李四 的操作' }).click();
  await page.getByRole('menuitem', { name: '作废' }).click();
  const voiding = page.getByRole('dialog', { name: '作废证书：李四' });
  await voiding.getByLabel('作废原因').fill('证书信息有误');
  await voiding.getByRole('button', { name: '作废' }).click();
  const voided = numbered.find((n) => n.name === '李四')!.no;
  // 李四 now has the voided number's row and a row waiting for a new number.
  await expect(table.getByRole('row', { name: /李四/ })).toHaveCount(2);
  await expect(table.getByRole('row', { name: new RegExp(`李四.*${voided}`) })).toContainText('已作废');
  await page.getByRole('button', { name: /分配编号（1 人待分配）/ }).click();
  await expect(page.getByRole('dialog').getByRole('alert', { name: '编号预览' })).toContainText('1 人：123451202606000007 至 123451202606000007');
  await shot(page, 'after-void');
  await page.getByRole('dialog').getByRole('button', { name: '取消' }).click();

  // 空白证书登记: a range, an overlap refused, a sheet spoiled.
  await page.getByRole('tab', { name: '空白证书登记' }).click();
  const register = page.getByRole('region', { name: '登记空白证书' });
  await register.getByLabel('起始编号').fill('No.0012001');
  await register.getByLabel('结束编号').fill('No.0012020');
  await register.getByRole('button', { name: '登记' }).click();
  await expect(page.getByText('已登记空白证书 No.0012001–No.0012020，共 20 张')).toBeVisible();
  await register.getByLabel('起始编号').fill('No.0012015');
  await register.getByLabel('结束编号').fill('No.0012030');
  await register.getByRole('button', { name: '登记' }).click();
  await expect(register).toContainText('与已登记的空白证书重叠（6 张');
  await page.getByRole('button', { name: '登记作废 No.0012003' }).click();
  const spoil = page.getByRole('dialog', { name: '空白证书登记作废：No.0012003' });
  await spoil.getByLabel('作废原因').fill('卡纸');
  await spoil.getByRole('button', { name: '登记作废' }).click();
  await expect(page.getByLabel('空白证书统计')).toContainText('未使用 19 张，已打印 0 张，已作废 1 张');
  await expect(page.getByRole('table', { name: '空白证书台账' }).getByRole('row', { name: /No\.0012003/ })).toContainText('卡纸');
  await shot(page, 'ledger');
});

test('the manager holds a certificate back (暂缓发证) with a reason; the clerk issues a 证明书 once', async ({ page: managerPage, browser, host }) => {
  let page = managerPage;
  test.setTimeout(180_000);
  await host.api('auth.signIn', { username: CLERK.username, password: CLERK.password }, 'clerk-tab');
  await host.api('certificates.assign', { cohortYear: 2023 }, 'clerk-tab');

  await signIn(page, host, MANAGER.username, MANAGER.password);
  await page.getByRole('navigation', { name: '主导航' }).getByRole('link', { name: '证书管理' }).click();
  let table = page.getByRole('table', { name: '证书名单' });
  await expect(table.getByRole('row', { name: /赵一/ })).toContainText('123451202606000005');
  // The manager decides holds; numbering and the blank-form ledger are the clerk's.
  await expect(page.getByRole('tab', { name: '空白证书登记' })).toHaveCount(0);
  await expect(page.getByRole('button', { name: /分配编号/ })).toHaveCount(0);
  await table.getByRole('button', { name: '赵一 的操作' }).click();
  await expect(page.getByRole('menuitem')).toHaveText(['暂缓发证']);
  await page.getByRole('menuitem', { name: '暂缓发证' }).click();
  const hold = page.getByRole('dialog', { name: '暂缓发证：赵一' });
  await expect(hold).toContainText('不影响毕业审核结论和证书编号');
  await hold.getByRole('button', { name: '暂缓发证' }).click();
  await expect(hold).toContainText('请填写暂缓原因');
  await hold.getByLabel('暂缓原因').fill('学校要求暂缓发放');
  await hold.getByRole('button', { name: '暂缓发证' }).click();
  await expect(table.getByRole('row', { name: /赵一/ })).toContainText('暂缓发证');
  await shot(page, 'hold');

  // The clerk, in a browser of their own.
  page = await (await browser.newContext({ viewport: { width: 1366, height: 1000 } })).newPage();
  await signIn(page, host, CLERK.username, CLERK.password);
  await page.getByRole('navigation', { name: '主导航' }).getByRole('link', { name: '证书管理' }).click();
  table = page.getByRole('table', { name: '证书名单' });
  await table.getByRole('button', { name: '孙三 的操作' }).click();
  await page.getByRole('menuitem', { name: '出具证明书' }).click();
  const proof = page.getByRole('dialog', { name: '出具证明书：孙三' });
  await proof.getByLabel(/原因/).fill('原证书遗失，已登报声明作废');
  await proof.getByRole('button', { name: '出具证明书' }).click();
  await expect(table.getByRole('row', { name: /孙三/ })).toContainText('已出具证明书');
  await table.getByRole('button', { name: '孙三 的操作' }).click();
  await expect(page.getByRole('menuitem')).toHaveText(['作废']);
  await page.keyboard.press('Escape');
  await expect(table.getByRole('row', { name: /赵一/ })).toContainText('暂缓发证');
  await shot(page, 'proof');
});

test('系统设置 › 学历证书编号: the admin sets the order numbers are handed out in', async ({ page, host }) => {
  await signIn(page, host, 'admin', 'Admin12345xy');
  await page.getByRole('navigation', { name: '主导航' }).getByRole('link', { name: '系统设置' }).click();
  const panel = page.getByRole('region', { name: '学历证书编号' });
  await expect(panel).toContainText('学校代码（5 位，12345）');
  await panel.getByLabel('编号顺序').click();
  await page.getByRole('option', { name: '按学号' }).click();
  await panel.getByRole('button', { name: '保存学历证书编号设置' }).click();
  await expect(page.getByText('已保存学历证书编号设置')).toBeVisible();
  await panel.scrollIntoViewIfNeeded();
  await panel.screenshot({ path: 'test-results/screens/certificate-numbers-settings.png' });
  await host.api('auth.signIn', { username: CLERK.username, password: CLERK.password }, 'clerk-tab');
  expect(await host.api('certificates.settings', {}, 'clerk-tab')).toEqual({ runType: '1', order: 'studentNo' });
});
