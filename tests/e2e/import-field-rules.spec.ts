import ExcelJS from 'exceljs';
import { idCheckChar } from '../../shared/domain/idcard';
import { expect, seedDepartment, signIn, test } from './host';

const id = (first17: string) => first17 + idCheckChar(first17);

/** Issue 13 #9 and #10: the preview names an over-long cell as an error and formula-like text as a warning. */
test('an over-long 备注 is an error naming the limit; text beginning with = is imported with a warning', async ({ page, host }) => {
  test.setTimeout(180_000);
  const staff = [{ username: 'zhao', displayName: '赵辅导员', role: 'counselor', password: 'Counsel12345' }];
  await seedDepartment(host, staff);
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('名单');
  ws.addRow(['学号', '姓名', '身份证号', '宿舍', '备注']);
  ws.addRow(['2027990001', '测试甲', id('11010520070315123'), '1号楼', '']);
  ws.addRow(['2027990002', '测试乙', id('31010420070402124'), '', '长'.repeat(600)]);
  ws.addRow(['2027990003', '测试丙', id('44030520070501135'), '@3号楼', '=HYPERLINK("http://example.com","点我")']);
  const xlsx = Buffer.from(await wb.xlsx.writeBuffer());

  await signIn(page, host, 'zhao', staff[0]!.password);
  await page.getByRole('navigation', { name: '主导航' }).getByRole('link', { name: '数据导入' }).click();
  await page.getByLabel('选择名单文件').setInputFiles({ name: '名单.xlsx', mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', buffer: xlsx });
  await page.getByRole('button', { name: '下一步' }).click();
  await page.getByRole('button', { name: '下一步' }).click();
  await page.getByRole('button', { name: '开始检查' }).click();
  await expect(page.getByRole('heading', { name: '检查结果' })).toBeVisible({ timeout: 30_000 });
  const problems = page.getByRole('grid', { name: '问题清单' });
  await expect(problems.getByText('第 3 行“备注”：不能超过 500 个字符，现有 600 个字符')).toBeVisible();
  await expect(problems.getByText(/^第 4 行“备注”：以“=”开头，将按原样保存为文字/)).toBeVisible();
  await expect(problems.getByText(/^第 4 行“宿舍”：以“@”开头/)).toBeVisible();
  await expect(page.getByText('有效 2', { exact: true })).toBeVisible();
  await page.screenshot({ path: 'test-results/screens/import-field-rules.png', fullPage: true });

  await page.getByRole('button', { name: '下一步' }).click();
  await page.getByRole('button', { name: '只导入有效的 2 行' }).click();
  await expect(page.getByText('导入完成：新增 2、更新 0、跳过 1')).toBeVisible({ timeout: 30_000 });
  await host.api('auth.signIn', { username: 'admin', password: 'Admin12345xy' }, 'seed-admin-0001');
  const saved = await host.api<{ rows: { dormitory: string | null; notes: string | null }[] }>('students.list', { page: 0, pageSize: 10, filter: { q: '2027990003' } }, 'seed-admin-0001');
  expect(saved.rows[0]).toMatchObject({ dormitory: '@3号楼', notes: '=HYPERLINK("http://example.com","点我")' });
});
