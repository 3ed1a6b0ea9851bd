import type { Page } from '@playwright/test';
import { idCheckChar } from '../../shared/domain/idcard';
import { expect, seedDepartment, signIn, test, type RunningHost } from './host';

const withCheck = (id17: string) => id17 + idCheckChar(id17);
const MALE_ID = withCheck('11010520070315123'); // born 2007-03-15, 17th digit odd → 男
const FEMALE_ID = withCheck('41010220060521124'); // born 2006-05-21, 17th digit even → 女
const OTHER_ID = withCheck('31010420050101135'); // born 2005-01-01, 男
const ID17_BAD = '44030520070501135';
const BAD_ID = ID17_BAD + (idCheckChar(ID17_BAD) === '0' ? '1' : '0');

const PHONE_MESSAGE = '联系电话格式不正确：手机号应为 1 开头的 11 位数字，座机应带区号（如 010-12345678）';

async function openNewStudent(page: Page, host: RunningHost, demo = 0) {
  await seedDepartment(host);
  if (demo > 0) {
    await host.api('auth.signIn', { username: 'admin', password: 'Admin12345xy' }, 'seed-admin-0001');
    await host.api('setup.loadDemo', { students: demo }, 'seed-admin-0001');
  }
  await signIn(page, host, 'admin', 'Admin12345xy');
  await page.getByRole('navigation', { name: '主导航' }).getByRole('link', { name: '学生名册' }).click();
  await page.getByRole('button', { name: '新建学生' }).click();
  const form = page.getByRole('form', { name: '学生档案' });
  await expect(form).toBeVisible();
  return form;
}

/** Whether leaving the page now (closing the window, reloading) would be held up by the page. */
const unloadHeld = (page: Page) =>
  page.evaluate(() => {
    const e = new Event('beforeunload', { cancelable: true });
    window.dispatchEvent(e);
    return e.defaultPrevented;
  });

test('an ID number fills 出生日期 and 性别, and a date typed by hand stays', async ({ page, host }) => {
  const form = await openNewStudent(page, host);
  const birth = form.getByLabel('出生日期');
  const gender = form.getByRole('combobox', { name: '性别' });

  await form.getByLabel('身份证号').fill(MALE_ID);
  await expect(birth).toHaveValue('2007-03-15');
  await expect(gender).toHaveText('男');
  await page.waitForTimeout(500); // the labels' move out of the way, for the picture
  await page.screenshot({ path: 'test-results/screens/student-form-id.png' });

  // Corrected ID: what the previous one filled in follows it.
  await form.getByLabel('身份证号').fill(FEMALE_ID);
  await expect(birth).toHaveValue('2006-05-21');
  await expect(gender).toHaveText('女');

  // A half-typed ID changes nothing.
  await form.getByLabel('身份证号').fill(FEMALE_ID.slice(0, 12));
  await expect(birth).toHaveValue('2006-05-21');

  // A date the user typed is theirs: a later ID does not overwrite it (the server compares them on saving).
  await birth.fill('2006-05-22');
  await form.getByLabel('身份证号').fill(OTHER_ID);
  await expect(birth).toHaveValue('2006-05-22');
  await expect(gender).toHaveText('男');
});

test('every problem of the form shows at once, and fixing a field clears its message', async ({ page, host }) => {
  const form = await openNewStudent(page, host);
  await form.getByLabel('姓名', { exact: true }).fill('赵六');
  await form.getByLabel('身份证号').fill(BAD_ID);
  await form.getByLabel('联系电话').fill('1381234567');
  await form.getByRole('button', { name: '保存' }).click();

  const genderHelp = form.getByText('请选择性别', { exact: true });
  const birthHelp = form.getByText('请填写出生日期', { exact: true });
  const idHelp = form.getByText(`第 18 位应为 ${idCheckChar(ID17_BAD)}`);
  const phoneHelp = form.getByText(PHONE_MESSAGE, { exact: true });
  await expect(genderHelp).toBeVisible();
  await expect(birthHelp).toBeVisible();
  await expect(idHelp).toBeVisible();
  await expect(phoneHelp).toBeVisible();
  await expect(form.getByText(/格式应为 YYYY-MM-DD/)).toHaveCount(0);
  await page.screenshot({ path: 'test-results/screens/student-form-all-problems.png', fullPage: true });

  // Changing a field clears its own message and no other.
  await form.getByLabel('联系电话').fill('13812345678');
  await expect(phoneHelp).toBeHidden();
  await expect(birthHelp).toBeVisible();
  await expect(idHelp).toBeVisible();
  await form.getByRole('combobox', { name: '性别' }).click();
  await page.getByRole('option', { name: '男', exact: true }).click();
  await expect(genderHelp).toBeHidden();
  await expect(birthHelp).toBeVisible();
});

test('a 10-digit phone is refused in Chinese, a landline with area code is accepted, and a saved form leaves without asking', async ({ page, host }) => {
  const form = await openNewStudent(page, host);
  await form.getByLabel('学号', { exact: true }).fill('2025510203901');
  await form.getByLabel('姓名', { exact: true }).fill('钱七');
  await form.getByLabel('身份证号').fill(MALE_ID);
  const phone = form.getByLabel('联系电话');
  await phone.fill('1381234567');
  await form.getByRole('button', { name: '保存' }).click();
  await expect(form.getByText(PHONE_MESSAGE, { exact: true })).toBeVisible();
  await expect(phone).toHaveAttribute('aria-invalid', 'true');
  await expect(page).toHaveURL(/#\/students\/new$/);

  await phone.fill('0371-1234567');
  await form.getByRole('button', { name: '保存' }).click();
  await expect(page.getByText('已新建学生档案').first()).toBeVisible();
  await expect(page.getByRole('dialog')).toHaveCount(0);
  await expect(page.getByText('0371-1234567').first()).toBeVisible();
  await expect.poll(() => unloadHeld(page)).toBe(false);
});

test('leaving a form with unsaved edits asks first; an untouched form does not', async ({ page, host }) => {
  const form = await openNewStudent(page, host);
  const nav = page.getByRole('navigation', { name: '主导航' });
  const confirm = page.getByRole('dialog', { name: '放弃未保存的修改？' });

  // Untouched: leaves at once, nothing held.
  expect(await unloadHeld(page)).toBe(false);
  await nav.getByRole('link', { name: '学生名册' }).click();
  await expect(confirm).toHaveCount(0);
  await expect(page).toHaveURL(/#\/students$/);

  await page.getByRole('button', { name: '新建学生' }).click();
  await form.getByLabel('姓名', { exact: true }).fill('孙八');
  expect(await unloadHeld(page)).toBe(true);

  // The menu: asked; 留在此页 keeps what was typed.
  await nav.getByRole('link', { name: '学生名册' }).click();
  await expect(confirm).toBeVisible();
  await expect(confirm.getByRole('button', { name: '留在此页' })).toBeVisible();
  await page.waitForTimeout(500); // the dialog's fade-in, for the picture
  await page.screenshot({ path: 'test-results/screens/student-form-leave.png' });
  await confirm.getByRole('button', { name: '留在此页' }).click();
  await expect(confirm).toBeHidden();
  await expect(page).toHaveURL(/#\/students\/new$/);
  await expect(form.getByLabel('姓名', { exact: true })).toHaveValue('孙八');

  // The browser's back: asked as well.
  await page.goBack();
  await expect(confirm).toBeVisible();
  await confirm.getByRole('button', { name: '留在此页' }).click();
  await expect(page).toHaveURL(/#\/students\/new$/);
  await expect(form.getByLabel('姓名', { exact: true })).toHaveValue('孙八');

  // 放弃修改并离开 leaves.
  await nav.getByRole('link', { name: '学生名册' }).click();
  await confirm.getByRole('button', { name: '放弃修改并离开' }).click();
  await expect(page).toHaveURL(/#\/students$/);
  await expect(page.getByRole('form', { name: '学生档案' })).toHaveCount(0);
  // (React lets go of the page's handlers just after it has gone.)
  await expect.poll(() => unloadHeld(page)).toBe(false);

  // Closing the window with a dirty form: the browser's own leave prompt.
  await page.getByRole('button', { name: '新建学生' }).click();
  await form.getByLabel('姓名', { exact: true }).fill('孙八');
  const prompted = page.waitForEvent('dialog');
  await page.close({ runBeforeUnload: true });
  const dialog = await prompted;
  expect(dialog.type()).toBe('beforeunload');
  await dialog.accept();
});

test('an edit form asks only once something changed', async ({ page, host }) => {
  await seedDepartment(host);
  await host.api('auth.signIn', { username: 'admin', password: 'Admin12345xy' }, 'seed-admin-0001');
  const student = await host.api<{ id: number }>(
    'students.create',
    { studentNo: '2025510203902', name: '周九', gender: '1', birthDate: '2007-03-15', idNumber: MALE_ID, guardians: [] },
    'seed-admin-0001',
  );
  await signIn(page, host, 'admin', 'Admin12345xy');
  await page.goto(`${host.origin}/#/students/${student.id}/edit`);
  const form = page.getByRole('form', { name: '学生档案' });
  await expect(form.getByLabel('姓名', { exact: true })).toHaveValue('周九');
  const confirm = page.getByRole('dialog', { name: '放弃未保存的修改？' });
  await page.getByRole('button', { name: '返回档案' }).click();
  await expect(confirm).toHaveCount(0);
  await expect(page).toHaveURL(new RegExp(`#/students/${student.id}$`));

  await page.goto(`${host.origin}/#/students/${student.id}/edit`);
  await form.getByLabel('宿舍').fill('7号楼 305');
  await page.getByRole('navigation', { name: '主导航' }).getByRole('link', { name: '学生名册' }).click();
  await expect(confirm).toBeVisible();
  await confirm.getByRole('button', { name: '留在此页' }).click();
  await form.getByRole('button', { name: '保存' }).click();
  await expect(page.getByText('已保存学生档案').first()).toBeVisible();
  await expect(confirm).toHaveCount(0);
});

test('the class field narrows as one types, in the form and in the roster filter', async ({ page, host }) => {
  test.setTimeout(120_000);
  const form = await openNewStudent(page, host, 60);
  const classField = form.getByLabel('班级', { exact: true });
  await classField.click();
  const options = page.getByRole('option');
  const all = await options.count();
  expect(all).toBeGreaterThan(20);

  await classField.fill('2301');
  await expect.poll(() => options.count()).toBeLessThan(all);
  const narrowed = await options.allInnerTexts();
  expect(narrowed.length).toBeGreaterThan(0);
  for (const text of narrowed) expect(text).toContain('2301');
  await page.waitForTimeout(500);
  await page.screenshot({ path: 'test-results/screens/student-form-class-2301.png' });

  await classField.fill('电子');
  await expect.poll(async () => (await options.allInnerTexts()).every((t) => t.includes('电子'))).toBe(true);
  await options.filter({ hasText: '电子信息2301班' }).click();
  await expect(classField).toHaveValue('电子信息2301班');

  // The roster's filter narrows the same way (it takes several classes: the chosen ones are shown beside the typing).
  await page.getByRole('navigation', { name: '主导航' }).getByRole('link', { name: '学生名册' }).click();
  await page.getByRole('dialog', { name: '放弃未保存的修改？' }).getByRole('button', { name: '放弃修改并离开' }).click();
  const classFilter = page.getByRole('combobox', { name: '班级', exact: true });
  await classFilter.click();
  await classFilter.fill('电子信息2301');
  await page.getByRole('option', { name: /电子信息2301班/ }).click();
  await page.keyboard.press('Escape');
  await expect(page.locator('.MuiAutocomplete-root').filter({ has: classFilter })).toContainText('电子信息2301班');
  const tree = await host.api<{ classes: { id: number; name: string }[] }>('org.tree', {}, 'seed-admin-0001');
  const classId = tree.classes.find((c) => c.name === '电子信息2301班')!.id;
  const inClass = await host.api<{ total: number }>('students.list', { filter: { classId }, pageSize: 1 }, 'seed-admin-0001');
  expect(inClass.total).toBeLessThan(60);
  await expect(page.getByText(`共 ${inClass.total} 名学生`)).toBeVisible();
  await page.screenshot({ path: 'test-results/screens/roster-class-filter.png' });
});
