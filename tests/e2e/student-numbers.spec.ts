import ExcelJS from 'exceljs';
import { idCheckChar } from '../../shared/domain/idcard';
import { asXls, workbook } from '../support/roster-fixtures';
import { expect, seedDepartment, signIn, test, type RunningHost } from './host';

const ADMIN_CLIENT = 'seed-admin-0001';
const XLSX_MIME = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** n valid ID numbers: Beijing Dongcheng, born 2008, distinct sequence numbers. */
function ids(n: number, from = 0): string[] {
  return Array.from({ length: n }, (_, i) => {
    const day = String(1 + ((from + i) % 28)).padStart(2, '0');
    const first17 = `11010120080${1 + (Math.floor((from + i) / 28) % 9)}${day}${String(100 + ((from + i) % 900)).padStart(3, '0')}`;
    return first17 + idCheckChar(first17);
  });
}

/** A 新生录取名单: 考生号, 姓名, 身份证号, 班级 — and no 学号. */
function admissions(names: string[], className: string, from = 0) {
  const list = ids(names.length, from);
  const rows = names.map((name, i) => [`2644010${String(from + i).padStart(5, '0')}`, name, list[i]!, className]);
  return workbook([{ name: '录取名单', rows: [['考生号', '姓名', '身份证号', '班级'], ...rows] }]);
}

async function department(host: RunningHost) {
  const staff = [{ username: 'zhao', displayName: '赵辅导员', role: 'counselor', password: 'Counsel12345' }];
  await seedDepartment(host, staff);
  await host.api('auth.signIn', { username: 'admin', password: 'Admin12345xy' }, ADMIN_CLIENT);
  const major = await host.api<{ id: number }>('org.createMajor', { code: '510201', name: '计算机应用技术', level: '专科', lengthYears: '3', studyForm: '普通全日制' }, ADMIN_CLIENT);
  await host.api('org.createClass', { name: '计算机应用技术2601', majorId: major.id, cohortYear: 2026 }, ADMIN_CLIENT);
  return staff[0]!;
}

async function chooseRoster(page: import('@playwright/test').Page, name: string, buffer: Buffer, mimeType = XLSX_MIME) {
  await page.getByRole('navigation', { name: '主导航' }).getByRole('link', { name: '数据导入' }).click();
  await page.getByLabel('选择名单文件').setInputFiles({ name, mimeType, buffer });
  await expect(page.getByText(name, { exact: true })).toBeVisible();
  await page.getByRole('button', { name: '下一步' }).click();
  await page.getByRole('button', { name: '下一步' }).click();
  await page.getByRole('button', { name: '开始检查' }).click();
  await expect(page.getByRole('heading', { name: '检查结果' })).toBeVisible({ timeout: 30_000 });
  await page.getByRole('button', { name: '下一步' }).click();
}

test('an admissions roster without 学号: imported, numbered by a rule set in the wizard, seen in the roster', async ({ page, host }) => {
  test.setTimeout(180_000);
  const counselor = await department(host);
  await signIn(page, host, counselor.username, counselor.password);
  await chooseRoster(page, '2026级录取名单.xlsx', await admissions(['张三', '李四', '王五'], '计算机应用技术2601'));

  // The numbering step is offered, and on: the file has no 学号 column.
  const numbering = page.getByRole('checkbox', { name: '为没有学号的学生按规则编排学号' });
  await expect(numbering).toBeChecked();
  await page.getByRole('button', { name: '修改规则' }).click();
  const dialog = page.getByRole('dialog', { name: '学号规则' });
  // 入学年份 2 位 + 专业代码 + 班号 + 序号 → 26 510201 01 001
  await dialog.getByLabel('位数').first().click();
  await page.getByRole('option', { name: '2 位（26）' }).click();
  await dialog.getByLabel('位数').last().fill('3');
  await expect(dialog.getByText('2651020101001', { exact: true })).toBeVisible();
  await page.screenshot({ path: 'test-results/screens/student-no-rule.png', fullPage: true });
  await dialog.getByRole('button', { name: '保存规则' }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByText('学号规则：入学年份（2 位） + 专业代码 + 班号（2 位） + 序号（3 位）')).toBeVisible();
  await page.screenshot({ path: 'test-results/screens/import-numbering-step.png', fullPage: true });

  await page.getByRole('button', { name: '导入 3 名学生' }).click();
  await expect(page.getByText('已按学号规则为 3 名新生编排学号。')).toBeVisible({ timeout: 30_000 });
  await page.getByRole('link', { name: '查看学生名册' }).click();
  const grid = page.getByRole('grid');
  // Class, then pinyin of the name: 李四 lisi, 王五 wangwu, 张三 zhangsan.
  for (const [name, no] of [['李四', '2651020101001'], ['王五', '2651020101002'], ['张三', '2651020101003']] as const) {
    await expect(grid.getByRole('row').filter({ hasText: name })).toContainText(no);
  }
  await page.screenshot({ path: 'test-results/screens/roster-numbered.png', fullPage: true });
});

test('the same roster as .xls imports; without numbering its students are 待编学号, numbered later from the roster', async ({ page, host }) => {
  test.setTimeout(180_000);
  const counselor = await department(host);
  await signIn(page, host, counselor.username, counselor.password);
  const xls = await asXls(await admissions(['赵六', '钱七'], '计算机应用技术2601', 10));
  await chooseRoster(page, '录取名单.xls', xls, 'application/vnd.ms-excel');
  await page.getByRole('checkbox', { name: '为没有学号的学生按规则编排学号' }).uncheck();
  await page.getByRole('button', { name: '导入 2 名学生' }).click();
  await expect(page.getByText('导入完成：新增 2、更新 0、跳过 0')).toBeVisible({ timeout: 30_000 });
  await page.getByRole('link', { name: '查看学生名册' }).click();
  await expect(page.getByRole('grid').getByText('待编学号')).toHaveCount(2);

  await page.getByRole('button', { name: '学号编排' }).click();
  const dialog = page.getByRole('dialog', { name: '学号编排：全部待编学号的学生' });
  await expect(dialog.getByRole('table', { name: '学号预览' })).toContainText('20265102010101');
  await page.screenshot({ path: 'test-results/screens/assign-numbers.png', fullPage: true });
  await dialog.getByRole('button', { name: '编排 2 名学生的学号' }).click();
  await expect(page.getByText('已为 2 名学生编排学号')).toBeVisible();
  await expect(page.getByRole('grid').getByText('待编学号')).toHaveCount(0);
  await expect(page.getByRole('grid')).toContainText('20265102010102');
});

test('jobs outlive the page: an import followed from 后台任务, an export saved as a download', async ({ page, host }) => {
  test.setTimeout(240_000);
  const counselor = await department(host);
  await signIn(page, host, counselor.username, counselor.password);
  const names = Array.from({ length: 6000 }, (_, i) => `学生${i}`);
  await chooseRoster(page, '大名单.xlsx', await admissions(names, '计算机应用技术2601'));
  await page.getByRole('button', { name: '导入 6000 名学生' }).click();
  // Leave the wizard while it writes; the job goes on and 后台任务 follows it.
  await page.getByRole('navigation', { name: '主导航' }).getByRole('link', { name: '学生名册' }).click();
  await page.getByRole('button', { name: /后台任务/ }).click();
  const jobs = page.getByRole('list', { name: '后台任务' });
  await expect(jobs.getByText('导入名单')).toBeVisible();
  await expect(jobs).toContainText('导入完成：新增 6000 人', { timeout: 60_000 });
  await page.screenshot({ path: 'test-results/screens/jobs-menu.png', fullPage: true });
  await page.keyboard.press('Escape');

  // The export is a job too; its file arrives as a download, not as base64 in a call.
  await page.reload();
  const downloading = page.waitForEvent('download');
  await page.getByRole('button', { name: '导出 Excel' }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toMatch(/^学生名单_\d{8}_\d{4}\.xlsx$/);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(await download.path());
  expect(wb.worksheets[0]!.rowCount).toBe(6001);
});
