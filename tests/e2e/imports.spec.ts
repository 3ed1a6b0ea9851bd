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
  const got = await host.photo(list.rows[0]!.id, 'seed-admin-0001');
  expect(got?.mime).toBe('image/jpeg');
  expect(await host.photo(list.rows[2]!.id, 'seed-admin-0001')).toBeNull();
});

/** Issue 12 #7 and #3: a new class asks for its major before it is promised; the problem workbook; the import as one audit entry. */
test('a roster with a new class asks for its major, imports without contradiction, and is one entry in the audit log', async ({ page, host }) => {
  test.setTimeout(180_000);
  await seedDepartment(host);
  await host.api('auth.signIn', { username: 'admin', password: 'Admin12345xy' }, 'seed-admin-0001');
  await host.api('setup.loadDemo', { students: 20 }, 'seed-admin-0001');
  const major = (await host.api<{ majors: { name: string; code: string }[] }>('org.tree', {}, 'seed-admin-0001')).majors[0]!;
  const day = (y: number, m: number, d: number) => new Date(Date.UTC(y, m - 1, d));
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('新生');
  ws.addRow(['学号', '姓名', '性别', '出生日期', '身份证号', '班级', '入学日期']);
  ws.addRow(['2699000001', '电甲', '男', day(2007, 3, 15), id('11010520070315123'), '电子2699班', day(2026, 9, 1)]);
  ws.addRow(['2699000002', '电乙', '女', day(2007, 4, 2), id('31010420070402124'), '电子2699班', day(2026, 9, 1)]);
  ws.addRow(['2699000003', '电丙', '男', day(2007, 5, 1), id('44030520070501135'), '电子2699班', day(2026, 9, 1)]);
  ws.addRow(['2699000004', '电丁', '男', day(2007, 7, 7), badCheck('33010620070707157'), '电子2699班', day(2026, 9, 1)]); // row 5: bad check digit
  for (const c of ['D', 'G']) ws.getColumn(c).numFmt = 'yyyy-mm-dd';
  const xlsx = Buffer.from(await wb.xlsx.writeBuffer());

  await signIn(page, host, 'admin', 'Admin12345xy');
  await page.getByRole('navigation', { name: '主导航' }).getByRole('link', { name: '数据导入' }).click();
  await page.getByLabel('选择名单文件').setInputFiles({ name: '电子新班.xlsx', mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', buffer: xlsx });
  await page.getByRole('button', { name: '下一步' }).click();
  await page.getByRole('button', { name: '下一步' }).click();
  await page.getByLabel('自动创建名单中不存在的班级').check();
  await page.getByRole('button', { name: '开始检查' }).click();
  await expect(page.getByRole('heading', { name: '检查结果' })).toBeVisible({ timeout: 30_000 });
  // Nothing is promised before the class has a major: the wizard asks for it.
  await expect(page.getByText('请为 1 个新班级选择所属专业')).toBeVisible();
  await expect(page.getByText(/导入时将新建/)).toHaveCount(0);
  await page.getByRole('combobox', { name: '“电子2699班”所属专业' }).click();
  await page.getByRole('option', { name: `${major.name}（${major.code}）` }).click();
  // Checked again at once: now the class is promised, with its major, and its rows are valid.
  await expect(page.getByText('导入时将新建 1 个班级')).toBeVisible({ timeout: 30_000 });
  await expect(page.getByText('有效 3', { exact: true })).toBeVisible();
  const problems = page.getByRole('grid', { name: '问题清单' });
  await expect(problems.getByRole('row').filter({ hasText: '电丁' }).filter({ hasText: '校验位' })).toHaveCount(1);
  await expect(problems).not.toContainText('无法确定');
  await page.screenshot({ path: 'test-results/screens/import-new-class-major.png', fullPage: true });

  // The problem workbook: the row as it was, dates as date cells, the student named.
  const downloading = page.waitForEvent('download');
  await page.getByRole('button', { name: '下载问题清单' }).click();
  const report = new ExcelJS.Workbook();
  await report.xlsx.readFile(await (await downloading).path());
  const sheet = report.worksheets[0]!;
  expect(sheet.rowCount).toBe(2);
  expect(sheet.getCell('B2').value).toBe('电丁');
  for (const c of ['D2', 'G2']) {
    expect(sheet.getCell(c).value).toBeInstanceOf(Date);
    expect(sheet.getCell(c).numFmt).toBe('yyyy-mm-dd');
  }
  expect(String(sheet.getCell('H2').value)).toMatch(/^电丁：第 5 行“身份证号”/);

  await page.getByRole('button', { name: '下一步' }).click();
  await page.getByRole('button', { name: '只导入有效的 3 行' }).click();
  await expect(page.getByText('导入完成：新增 3、更新 0、跳过 1')).toBeVisible({ timeout: 30_000 });
  const tree = await host.api<{ classes: { name: string; majorName: string; studentCount: number }[] }>('org.tree', {}, 'seed-admin-0001');
  expect(tree.classes.find((c) => c.name === '电子2699班')).toMatchObject({ majorName: major.name, studentCount: 3 });

  // The audit log lists the import once; it expands to its 3 rows, and one of them opens.
  await page.getByRole('navigation', { name: '主导航' }).getByRole('link', { name: '审计日志' }).click();
  const grid = page.getByRole('grid').first();
  await expect(grid.getByRole('row').filter({ hasText: '导入名单' })).toHaveCount(1);
  await expect(grid.getByRole('row').filter({ hasText: '新建学生档案' })).toHaveCount(0);
  await grid.getByRole('button', { name: '展开 4 条明细' }).click();
  const dialog = page.getByRole('dialog');
  await expect(dialog).toContainText('本批次明细（共 4 条）');
  const rows = dialog.getByRole('grid', { name: '本批次明细' });
  await expect(rows.getByRole('row').filter({ hasText: '新建学生档案' })).toHaveCount(3);
  await expect(rows.getByRole('row').filter({ hasText: '新建班级' })).toHaveCount(1);
  await page.screenshot({ path: 'test-results/screens/audit-import-batch.png', fullPage: true });
  await rows.getByRole('row').filter({ hasText: '电乙' }).getByRole('button', { name: '查看' }).click();
  await expect(dialog).toContainText('身份证号');
  await expect(dialog).not.toContainText('idNumber');
  await dialog.getByRole('button', { name: '返回本批次' }).click();
  await expect(dialog).toContainText('本批次明细（共 4 条）');
  await dialog.getByRole('button', { name: '关闭' }).click();

  // The student filter finds the student's own row of the import, which leads to the batch.
  await page.getByLabel('学生').fill('电乙');
  await page.getByRole('button', { name: '查询' }).click();
  await expect(grid.getByRole('row').filter({ hasText: '第 3 行：新建学生档案 电乙' })).toHaveCount(1);
  await grid.getByRole('button', { name: '查看' }).click();
  await dialog.getByRole('button', { name: '查看所属批次' }).click();
  await expect(dialog).toContainText('本批次明细（共 4 条）');
  await page.screenshot({ path: 'test-results/screens/audit-student-to-batch.png', fullPage: true });
});
