import ExcelJS from 'exceljs';
import { zipSync } from 'fflate';
import sharp from 'sharp';
import { idCheckChar } from '../../shared/domain/idcard';
import { expect, seedDepartment, signIn, test, type RunningHost } from './host';

const id = (first17: string) => first17 + idCheckChar(first17);
const badCheck = (first17: string) => first17 + (idCheckChar(first17) === '0' ? '1' : '0');

/** A roster as admissions offices send it: a merged title, a note row, variant headers, mixed dates. */
async function messyRoster(className: string): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('2027级新生');
  ws.mergeCells('A1:H1');
  ws.getCell('A1').value = '信息工程系 2027 级新生名单';
  ws.getCell('A2').value = '说明：身份证号请以文本格式填写';
  ws.addRow(['学籍号', '学生姓名', '性别', '出生年月', '身份证号码', '民族', '班级名称', '手机号码']);
  const rows: (string | number | Date)[][] = [
    ['2027990001', '测试甲', '男', new Date(Date.UTC(2007, 2, 15)), id('11010520070315123'), '汉族', className, '13800000001'], // row 4 (duplicate with row 10)
    ['2027990002', '测试乙', '女', '2007.4.2', id('31010420070402124'), '汉', className, '13800000002'], // 5
    ['2027990003', '测试丙', '男', '20070501', id('44030520070501135'), '回族', className, '13800000003'], // 6
    ['2027990004', '测试丁', '女', '2007年6月1日', id('51010720070601146'), '01', className, '13800000004'], // 7
    ['2027990005', '测试戊', '男', '2007-07-07', badCheck('33010620070707157'), '汉族', className, '13800000005'], // 8 bad check digit
    ['2027990006', '测试己', '女', '2007-08-08', id('42010620070808153'), '汉族', className, '13800000006'], // 9 17th digit 3 → male: gender mismatch
    ['2027990007', '测试庚', '男', '2007-03-15', id('11010520070315123'), '汉族', className, '13800000007'], // 10 same ID as row 4
    ['2027990008', '测试辛', '男', '2007-09-09', 110105200709091230, '汉族', className, '13800000008'], // 11 ID typed as a number
  ];
  for (const r of rows) ws.addRow(r);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

async function demoClassName(host: RunningHost): Promise<string> {
  const tree = await host.api<{ classes: { name: string }[] }>('org.tree', {}, 'seed-admin-0001');
  return tree.classes[0]!.name;
}

test('a messy roster: every problem named by row and column; valid rows imported; the batch undone', async ({ page, host }) => {
  test.setTimeout(180_000);
  const staff = [{ username: 'zhao', displayName: '赵辅导员', role: 'counselor', password: 'Counsel12345' }];
  await seedDepartment(host, staff);
  await host.api('auth.signIn', { username: 'admin', password: 'Admin12345xy' }, 'seed-admin-0001');
  await host.api('setup.loadDemo', { students: 50 }, 'seed-admin-0001');
  const className = await demoClassName(host);
  const xlsx = await messyRoster(className);

  await signIn(page, host, 'zhao', staff[0]!.password);
  await page.getByRole('navigation', { name: '主导航' }).getByRole('link', { name: '数据导入' }).click();
  await page.getByLabel('选择名单文件').setInputFiles({ name: '2027级新生名单.xlsx', mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', buffer: xlsx });
  await expect(page.getByText('2027级新生名单.xlsx', { exact: true })).toBeVisible();
  await page.getByRole('button', { name: '下一步' }).click();
  await expect(page.getByText('表头位于第 3 行')).toBeVisible();
  // Variant headers were mapped to the fields.
  await expect(page.getByLabel('对应字段：身份证号码', { exact: true })).toContainText('身份证号');
  await expect(page.getByLabel('对应字段：出生年月', { exact: true })).toContainText('出生日期');
  await page.getByRole('button', { name: '下一步' }).click();
  await page.getByRole('button', { name: '开始检查' }).click();
  await expect(page.getByRole('heading', { name: '检查结果' })).toBeVisible({ timeout: 30_000 });
  await page.screenshot({ path: 'test-results/screens/import-preview.png', fullPage: true });
  const problems = page.getByRole('grid', { name: '问题清单' });
  const problem = (row: number, column: string, text: RegExp) =>
    expect(problems.getByRole('row').filter({ hasText: column }).filter({ has: page.getByRole('gridcell', { name: String(row), exact: true }) }).filter({ hasText: text }).first()).toBeVisible();
  await problem(8, '身份证号码', /校验位/);
  await problem(9, '性别', /不一致/);
  await problem(10, '身份证号码', /重复/);
  await problem(11, '身份证号码', /文本/);
  await expect(page.getByText('有效 3', { exact: true })).toBeVisible();

  await page.getByRole('button', { name: '下一步' }).click();
  await page.getByRole('button', { name: '只导入有效的 3 行' }).click();
  await expect(page.getByText('导入完成：新增 3、更新 0、跳过 5')).toBeVisible({ timeout: 30_000 });
  const imported = await host.api<{ total: number }>('students.list', { page: 0, pageSize: 10, filter: { q: '2027990' } }, 'seed-admin-0001');
  expect(imported.total).toBe(3);

  await page.getByRole('button', { name: '查看导入记录' }).click();
  await page.getByRole('button', { name: '撤销导入 2027级新生名单.xlsx' }).click();
  await page.getByRole('dialog', { name: '撤销导入' }).getByRole('button', { name: '确认撤销' }).click();
  await expect(page.getByText('已撤销：删除 3 名、恢复 0 名')).toBeVisible();
  const after = await host.api<{ total: number }>('students.list', { page: 0, pageSize: 10, filter: { q: '2027990' } }, 'seed-admin-0001');
  expect(after.total).toBe(0);
});

test('photos from a zip: matched, one unmatched and one duplicate reported', async ({ page, host }) => {
  test.setTimeout(180_000);
  await seedDepartment(host);
  await host.api('auth.signIn', { username: 'admin', password: 'Admin12345xy' }, 'seed-admin-0001');
  await host.api('setup.loadDemo', { students: 20 }, 'seed-admin-0001');
  const list = await host.api<{ rows: { id: number }[] }>('students.list', { page: 0, pageSize: 4, filter: {} }, 'seed-admin-0001');
  const ids: string[] = [];
  for (const r of list.rows) ids.push((await host.api<{ idNumber: string }>('students.get', { id: r.id }, 'seed-admin-0001')).idNumber);
  const photo = async (seed: number) =>
    sharp({ create: { width: 600, height: 800, channels: 3, background: { r: 60 + seed * 40, g: 120, b: 200 - seed * 30 } } }).jpeg().toBuffer();
  const same = await photo(9);
  const zip = zipSync({
    [`${ids[0]}.jpg`]: new Uint8Array(await photo(1)),
    [`${ids[1]}.jpg`]: new Uint8Array(await photo(2)),
    [`${ids[2]}.jpg`]: new Uint8Array(same),
    [`${ids[3]}.jpg`]: new Uint8Array(same), // the same picture for two students
    '999999999999999999.jpg': new Uint8Array(await photo(3)), // nobody has this number
  });

  await signIn(page, host, 'admin', 'Admin12345xy');
  await page.goto(`${host.origin}/#/import?tab=photos`);
  await page.getByLabel('选择照片或压缩包').setInputFiles({ name: '照片.zip', mimeType: 'application/zip', buffer: Buffer.from(zip) });
  await page.getByRole('button', { name: '开始导入' }).click();
  await expect(page.getByRole('heading', { name: '导入结果' })).toBeVisible({ timeout: 60_000 });
  await page.screenshot({ path: 'test-results/screens/photo-report.png', fullPage: true });
  const section = (title: string) => page.locator('section', { has: page.getByRole('heading', { name: title, exact: true }) });
  await expect(section('已匹配')).toContainText(ids[0]!.slice(0, 6));
  await expect(section('未匹配的文件')).toContainText('999999999999999999.jpg');
  await expect(section('重复的照片')).toContainText(`${ids[2]}.jpg`);
  const got = await host.api<{ mime: string } | null>('photos.get', { id: list.rows[0]!.id }, 'seed-admin-0001');
  expect(got?.mime).toBe('image/jpeg');
  expect(await host.api('photos.get', { id: list.rows[2]!.id }, 'seed-admin-0001')).toBeNull();
});
