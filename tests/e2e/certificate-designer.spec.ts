import { readFileSync } from 'node:fs';
import { idCheckChar } from '../../shared/domain/idcard';
import { photo } from '../support/photo-fixtures';
import { expect, seedDepartment, signIn, test, type RunningHost } from './host';

/**
 * Issue 16, 证书套打 模板设计: the clerk places a field with the arrow keys and sees the preview and the
 * mm readout move by exactly the nudged amount (0.1 mm a press, 1 mm with Shift), undoes it, moves it
 * again and saves; the saved template has the new position. The preview shows a real student's text.
 */
const CLERK = { username: 'sun', displayName: '孙老师', role: 'clerk', password: 'Clerk12345xy' };
const ADMIN_CLIENT = 'seed-admin-0001';
/** CSS px per mm at 100 % (96 px to the inch). */
const PX_PER_MM = 96 / 25.4;

async function department(host: RunningHost) {
  const staff = [{ ...CLERK }];
  await seedDepartment(host, staff);
  CLERK.password = staff[0]!.password;
  await host.api('auth.signIn', { username: 'admin', password: 'Admin12345xy' }, ADMIN_CLIENT);
  const major = await host.api<{ id: number }>('org.createMajor', { code: '510201', name: '计算机应用技术', level: '专科', lengthYears: '3', studyForm: '普通全日制' }, ADMIN_CLIENT);
  const cls = await host.api<{ id: number }>('org.createClass', { name: '计算机应用2301班', majorId: major.id, cohortYear: 2023 }, ADMIN_CLIENT);
  const id17 = '11010520050901101';
  await host.api('students.create', { studentNo: '2023510201001', name: '欧阳明轩', idNumber: id17 + idCheckChar(id17), birthDate: '2005-09-01', gender: '1', enrolmentDate: '2023-09-01', classId: cls.id, guardians: [] }, ADMIN_CLIENT);
}

/** A box's position as drawn: its data attributes (mm) and its style (px at the page's zoom). */
async function placed(box: import('@playwright/test').Locator) {
  return box.evaluate((el) => ({
    xMm: Number(el.getAttribute('data-x-mm')),
    yMm: Number(el.getAttribute('data-y-mm')),
    leftPx: parseFloat(getComputedStyle(el).left),
    topPx: parseFloat(getComputedStyle(el).top),
  }));
}

test('the clerk nudges a field by 0.5 mm and 2 mm, sees the preview move by exactly that, undoes, and saves', async ({ page, host }) => {
  test.setTimeout(120_000);
  await department(host);
  await signIn(page, host, CLERK.username, CLERK.password);
  await page.getByRole('link', { name: '证书套打' }).click();
  await expect(page.getByRole('heading', { name: '证书套打' })).toBeVisible();
  const canvas = page.getByLabel('证书版面');
  await expect(canvas.getByRole('button', { name: '字段 姓名' })).toBeVisible();
  await page.screenshot({ path: 'test-results/screens/certificate-designer-fit.png' });
  // The page opens zoomed to fit the window; at 100 % it is drawn at its true size.
  await page.getByLabel('缩放').click();
  await page.getByRole('option', { name: '100%' }).click();
  await expect(canvas).toHaveAttribute('data-zoom', '1');

  // The preview shows a real student's certificate text, through the same fieldText the print uses.
  await page.getByLabel('预览学生').fill('欧阳');
  await page.getByRole('option', { name: /欧阳明轩/ }).click();
  const name = canvas.getByRole('button', { name: '字段 姓名' });
  await expect(name).toContainText('欧阳明轩');
  await expect(canvas.getByRole('button', { name: '字段 出生日期' })).toContainText('二〇〇五年九月一日');
  await expect(canvas.getByRole('button', { name: '字段 专业' })).toContainText('计算机应用技术');
  await page.screenshot({ path: 'test-results/screens/certificate-designer.png' });

  await name.click();
  const before = await placed(name);
  const readout = page.getByRole('status', { name: '选中位置' });
  await expect(readout).toContainText(`左边距 X ${before.xMm.toFixed(1)} 毫米`);
  for (let i = 0; i < 5; i++) await page.keyboard.press('ArrowRight');
  for (let i = 0; i < 2; i++) await page.keyboard.press('Shift+ArrowDown');
  const after = await placed(name);
  expect(after.xMm).toBeCloseTo(before.xMm + 0.5, 6);
  expect(after.yMm).toBeCloseTo(before.yMm + 2, 6);
  // Drawn at mm × 96/25.4 px (zoom 100 %): 0.5 mm ≈ 1.89 px right, 2 mm ≈ 7.56 px down.
  expect(after.leftPx - before.leftPx).toBeCloseTo(0.5 * PX_PER_MM, 2);
  expect(after.topPx - before.topPx).toBeCloseTo(2 * PX_PER_MM, 2);
  await expect(readout).toContainText(`左边距 X ${(before.xMm + 0.5).toFixed(1)} 毫米`);
  await expect(readout).toContainText(`上边距 Y ${(before.yMm + 2).toFixed(1)} 毫米`);
  // The side panel shows the same numbers.
  const panel = page.getByRole('group', { name: '字段属性' });
  await expect(panel.getByLabel('左边距 X')).toHaveValue(String(before.xMm + 0.5));
  await page.screenshot({ path: 'test-results/screens/certificate-designer-selected.png' });

  // One Ctrl+Z takes the whole burst of nudges back; Ctrl+Y brings it again.
  await page.keyboard.press('Control+z');
  expect(await placed(name)).toEqual(before);
  await expect(readout).toContainText(`左边距 X ${before.xMm.toFixed(1)} 毫米`);
  await page.keyboard.press('Control+y');
  expect((await placed(name)).xMm).toBeCloseTo(before.xMm + 0.5, 6);
  await page.getByRole('button', { name: '撤销' }).click();
  expect(await placed(name)).toEqual(before);
  await page.getByRole('button', { name: '重做' }).click();

  // Leaving with the change unsaved asks first.
  await page.getByRole('link', { name: '首页' }).click();
  await expect(page.getByRole('dialog', { name: '放弃未保存的修改？' })).toBeVisible();
  await page.getByRole('button', { name: '留在此页' }).click();

  // A field pushed off the page is refused on that field, nothing saved.
  await panel.getByLabel('框宽').fill('300');
  await page.getByRole('button', { name: '保存模板' }).click();
  await expect(page.getByRole('alert').filter({ hasText: '模板未保存' })).toContainText('“姓名”超出纸张右边');
  await expect(panel.getByText(/超出纸张右边/)).toBeVisible();
  await page.screenshot({ path: 'test-results/screens/certificate-designer-refused.png' });
  await page.keyboard.press('Escape');
  await page.getByRole('button', { name: '撤销' }).click();
  await expect(page.getByRole('alert').filter({ hasText: '模板未保存' })).toHaveCount(0);

  await page.getByRole('button', { name: '保存模板' }).click();
  await expect(page.getByText(/已保存模板/)).toBeVisible();
  await expect(page.getByRole('button', { name: '已保存' })).toBeDisabled();

  // Saved: the stored template has the new position, and a fresh page draws it there.
  const list = await host.api<{ name: string; isDefault: boolean }[]>('certificateTemplates.list', {}, ADMIN_CLIENT);
  const def = list.find((t) => t.isDefault)!;
  const stored = await host.api<{ template: { fields: { key: string; xMm: number; yMm: number }[] } }>('certificateTemplates.get', { name: def.name }, ADMIN_CLIENT);
  const f = stored.template.fields.find((x) => x.key === 'name')!;
  expect(f.xMm).toBeCloseTo(before.xMm + 0.5, 6);
  expect(f.yMm).toBeCloseTo(before.yMm + 2, 6);
  await page.reload();
  const again = page.getByLabel('证书版面').getByRole('button', { name: '字段 姓名' });
  await expect(again).toHaveAttribute('data-x-mm', (before.xMm + 0.5).toFixed(1));
  await expect(again).toHaveAttribute('data-y-mm', (before.yMm + 2).toFixed(1));
});

test('templates: the scanned blank shown on screen and hidden, a copy saved, exported, refused on import while its name is taken, deleted, imported back', async ({ page, host }) => {
  test.setTimeout(120_000);
  await department(host);
  await signIn(page, host, CLERK.username, CLERK.password);
  await page.getByRole('link', { name: '证书套打' }).click();
  const canvas = page.getByLabel('证书版面');
  await expect(canvas.getByRole('button', { name: '字段 姓名' })).toBeVisible();

  // The scanned blank form: behind the fields on screen only (the print never has it).
  await page.getByLabel('选择底图文件').setInputFiles({ name: '空白证书.png', mimeType: 'image/png', buffer: await photo({ width: 1200, height: 850, format: 'png' }) });
  const blank = canvas.getByRole('img', { name: /空白证书底图/ });
  await expect(blank).toBeVisible();
  await page.screenshot({ path: 'test-results/screens/certificate-designer-background.png' });
  await page.getByLabel('显示底图').uncheck();
  await expect(blank).toHaveCount(0);
  await page.getByLabel('显示底图').check();
  await expect(blank).toBeVisible();

  // 复制: a new template, unsaved until 保存.
  await page.getByRole('button', { name: '复制' }).click();
  const nameBox = page.getByRole('group', { name: '模板属性' }).getByLabel('模板名称');
  await expect(nameBox).toHaveValue('毕业证书（通用）（副本）');
  await nameBox.fill('本校毕业证书');
  await page.getByRole('button', { name: '保存模板' }).click();
  await expect(page.getByText('已保存模板“本校毕业证书”')).toBeVisible();
  await expect(page.getByRole('tabpanel', { name: '模板设计' }).getByRole('combobox', { name: '模板' })).toContainText('本校毕业证书');

  // 导出文件: the template as a file through the host.
  const downloading = page.waitForEvent('download');
  await page.getByRole('button', { name: '导出文件' }).click();
  const file = readFileSync((await (await downloading).path())!);
  const exported = JSON.parse(file.toString('utf8').replace(/^\uFEFF/, '')) as { template: { format: number; name: string; fields: unknown[] } };
  expect(exported.template).toMatchObject({ format: 1, name: '本校毕业证书' });
  expect(exported.template.fields.length).toBeGreaterThan(5);

  // Importing it while the name is taken is refused by name; after 删除 it comes back.
  await page.getByLabel('选择模板文件').setInputFiles({ name: '本校毕业证书.json', mimeType: 'application/json', buffer: file });
  await expect(page.getByRole('alert').filter({ hasText: '已有名为“本校毕业证书”的证书模板' })).toBeVisible();
  await page.getByRole('button', { name: '删除', exact: true }).click();
  await page.getByRole('dialog', { name: '删除模板“本校毕业证书”？' }).getByRole('button', { name: '删除' }).click();
  await expect(page.getByText('已删除模板“本校毕业证书”')).toBeVisible();
  await expect(page.getByRole('tabpanel', { name: '模板设计' }).getByRole('combobox', { name: '模板' })).toContainText('毕业证书（通用）');
  await page.getByLabel('选择模板文件').setInputFiles({ name: '本校毕业证书.json', mimeType: 'application/json', buffer: file });
  await expect(page.getByText('已导入模板“本校毕业证书”')).toBeVisible();
  await expect(page.getByRole('tabpanel', { name: '模板设计' }).getByRole('combobox', { name: '模板' })).toContainText('本校毕业证书');
});
