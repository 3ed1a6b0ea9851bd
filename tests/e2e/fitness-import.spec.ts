import { idCheckChar } from '../../shared/domain/idcard';
import { workbook } from '../support/roster-fixtures';
import { expect, seedDepartment, signIn, test } from './host';

const ADMIN_CLIENT = 'seed-admin-0001';
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const id = (first17: string) => first17 + idCheckChar(first17);
const CLERK = { username: 'sun', displayName: '孙老师', role: 'clerk', password: 'Clerk12345xy' };

test('体质健康测试 in the import wizard: a bad 总分 and an unknown 学号 named by row and column, the valid rows imported, the batch undone', async ({ page, host }) => {
  test.setTimeout(180_000);
  await seedDepartment(host, [CLERK]);
  await host.api('auth.signIn', { username: 'admin', password: 'Admin12345xy' }, ADMIN_CLIENT);
  const major = await host.api<{ id: number }>('org.createMajor', { code: '510201', name: '软件技术', level: '专科', lengthYears: '3', studyForm: '普通全日制' }, ADMIN_CLIENT);
  const cls = await host.api<{ id: number }>('org.createClass', { name: '软件2301班', majorId: major.id, cohortYear: 2023 }, ADMIN_CLIENT);
  for (const [i, name] of ['张三', '李四'].entries()) {
    await host.api('students.create', { studentNo: `202351020100${i + 1}`, name, gender: '1', birthDate: '2005-05-01', idNumber: id(`11010520050501${String(11 + 2 * i).padStart(3, '0')}`), enrolmentDate: '2023-09-01', classId: cls.id, guardians: [] }, ADMIN_CLIENT);
  }
  await signIn(page, host, CLERK.username, CLERK.password);
  await page.getByRole('navigation', { name: '主导航' }).getByRole('link', { name: '数据导入' }).click();
  const tabs = page.getByRole('tablist', { name: '导入内容' });
  await tabs.getByRole('tab', { name: '导入体质健康测试' }).click();
  const panel = page.getByRole('tabpanel', { name: '导入体质健康测试' });
  const sheet = await workbook([{
    name: '体测成绩',
    rows: [
      ['2025-2026学年 国家学生体质健康标准测试成绩'],
      ['学号', '姓名', '测试学年', '肺活量得分', '总分', '等级'],
      ['2023510201001', '张三', '2025-2026', 80, 85.5, '良好'],
      ['2023510201099', '赵六', '2025-2026', 70, 70, '及格'],
      ['2023510201002', '李四', '2025-2026', 90, 105, '优秀'],
    ],
  }]);
  await panel.getByLabel('选择体质健康测试文件').setInputFiles({ name: '体测成绩.xlsx', mimeType: XLSX, buffer: sheet });
  await expect(panel.getByText('体测成绩.xlsx', { exact: true })).toBeVisible();
  await panel.getByRole('button', { name: '下一步' }).click();
  await expect(panel.getByText('表头位于第 2 行')).toBeVisible();
  await expect(panel.getByLabel('对应字段：总分', { exact: true })).toContainText('总分');
  await expect(panel.getByLabel('对应字段：测试学年', { exact: true })).toContainText('测试学年');
  await page.screenshot({ path: 'test-results/screens/fitness-import-mapping.png', fullPage: true });
  await panel.getByRole('button', { name: '下一步' }).click();
  await panel.getByRole('button', { name: '开始检查' }).click();
  await expect(panel.getByRole('heading', { name: '检查结果' })).toBeVisible({ timeout: 30_000 });
  const problems = panel.getByRole('grid', { name: '问题清单' });
  const problem = (row: number, column: string, text: RegExp) =>
    expect(problems.getByRole('row').filter({ hasText: column }).filter({ has: page.getByRole('gridcell', { name: String(row), exact: true }) }).filter({ hasText: text }).first()).toBeVisible();
  await problem(4, '学号', /系统中没有学号为 2023510201099 的学生/);
  await problem(5, '总分', /总分应在 0–100 之间/);
  await expect(panel.getByText('将导入 1 条', { exact: true })).toBeVisible();
  await page.screenshot({ path: 'test-results/screens/fitness-import-preview.png', fullPage: true });

  await panel.getByRole('button', { name: '下一步' }).click();
  await panel.getByRole('button', { name: '只导入有效的 1 行' }).click();
  await expect(panel.getByText('导入完成：新增 1 条、替换 0 条、跳过 2 行')).toBeVisible({ timeout: 30_000 });
  await page.screenshot({ path: 'test-results/screens/fitness-import-done.png', fullPage: true });

  await panel.getByRole('button', { name: '查看导入记录' }).click();
  const records = page.getByRole('grid', { name: '导入记录' });
  await expect(records.getByRole('row').filter({ hasText: '体测成绩.xlsx' })).toContainText('导入体质健康测试成绩');
  await page.getByRole('button', { name: '撤销导入 体测成绩.xlsx' }).click();
  const dialog = page.getByRole('dialog', { name: '撤销导入' });
  await expect(dialog).toContainText('删除这次导入新增的 1 条体质健康测试成绩');
  await page.screenshot({ path: 'test-results/screens/fitness-import-undo.png', fullPage: true });
  await dialog.getByRole('button', { name: '确认撤销' }).click();
  await expect(page.getByText('已撤销：删除成绩 1 条、恢复原成绩 0 条')).toBeVisible();
});
