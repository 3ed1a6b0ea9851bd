import { expect, seedDepartment, signIn, test } from './host';

test.use({ viewport: { width: 1366, height: 768 } });

interface OrgTree { classes: { id: number; name: string; cohortYear: number }[]; cohorts: number[] }
interface Listed { total: number }

async function openRoster(page: import('@playwright/test').Page, host: import('./host').RunningHost, students: number) {
  await seedDepartment(host);
  await host.api('auth.signIn', { username: 'admin', password: 'Admin12345xy' }, 'seed-admin-0001');
  await host.api('setup.loadDemo', { students }, 'seed-admin-0001');
  await signIn(page, host, 'admin', 'Admin12345xy');
}

test('班级 takes several classes: the roster lists the students of both and no others (issue 12 #8)', async ({ page, host }) => {
  test.setTimeout(120_000);
  await openRoster(page, host, 200);
  const org = await host.api<OrgTree>('org.tree', {}, 'seed-admin-0001');
  const [a, b] = org.classes;
  const both = await host.api<Listed>('students.list', { page: 0, pageSize: 1, filter: { classId: [a!.id, b!.id] } }, 'seed-admin-0001');
  expect(both.total).toBeGreaterThan(0);
  expect(both.total).toBeLessThan(50);

  await page.getByRole('navigation', { name: '主导航' }).getByRole('link', { name: '学生名册' }).click();
  await expect(page.getByText('1–50 共 200')).toBeVisible();
  const classBox = page.getByRole('combobox', { name: '班级' });
  for (const c of [a!, b!]) {
    await classBox.click();
    await classBox.fill(c.name);
    await page.getByRole('option', { name: new RegExp(`^${c.name}`) }).click();
  }
  await page.keyboard.press('Escape');
  await expect(page.getByText(`共 ${both.total} 名学生`)).toBeVisible();
  // Every listed student is in one of the two classes, and both classes are there.
  const classCells = page.locator('.MuiDataGrid-row [data-field="className"]');
  await expect(classCells).toHaveCount(both.total);
  const names = new Set(await classCells.allInnerTexts());
  expect([...names].sort()).toEqual([a!.name, b!.name].sort());
  await page.locator('body').click({ position: { x: 700, y: 110 } });
  await expect(classBox).not.toBeFocused();
  await page.screenshot({ path: 'test-results/screens/roster-two-classes-1366x768.png' });

  // Two grades: every student of either, none without a class.
  await page.getByRole('button', { name: '清除筛选' }).click();
  await expect(page.getByText('1–50 共 200')).toBeVisible();
  const [y1, y2] = org.cohorts;
  const grades = await host.api<Listed>('students.list', { page: 0, pageSize: 1, filter: { cohortYear: [y1, y2] } }, 'seed-admin-0001');
  await page.getByRole('combobox', { name: '年级' }).click();
  await page.getByRole('option', { name: `${y1} 级` }).click();
  await page.getByRole('option', { name: `${y2} 级` }).click();
  await page.keyboard.press('Escape');
  await expect(page.getByText(new RegExp(`共 ${grades.total}$`))).toBeVisible();
  await expect(page.getByRole('combobox', { name: '年级' })).toHaveText(`${Math.max(y1!, y2!)} 级 +1`);
  await page.screenshot({ path: 'test-results/screens/roster-two-grades-1366x768.png' });
});

test('学号 and 姓名 stay in view while the roster scrolls sideways (issue 12 #8)', async ({ page, host }) => {
  test.setTimeout(120_000);
  await openRoster(page, host, 60);
  // Many columns, wider than the screen.
  await page.evaluate(() =>
    sessionStorage.setItem('xueji.roster', JSON.stringify({ visible: ['studentNo', 'name', 'gender', 'birthDate', 'idNumber', 'cohortYear', 'majorName', 'className', 'status', 'sourceRegion', 'nativePlace', 'householdAddress', 'phone', 'email', 'homeAddress'] })),
  );
  await page.getByRole('navigation', { name: '主导航' }).getByRole('link', { name: '学生名册' }).click();
  await expect(page.getByText('1–50 共 60')).toBeVisible();
  const scroller = page.locator('.MuiDataGrid-virtualScroller');
  const gridLeft = (await page.locator('.MuiDataGrid-main').boundingBox())!.x;
  await scroller.evaluate((el) => (el.scrollLeft = el.scrollWidth));
  await expect.poll(() => scroller.evaluate((el) => el.scrollLeft)).toBeGreaterThan(500);
  await page.waitForTimeout(300);
  const firstRow = page.locator('.MuiDataGrid-row[data-rowindex="0"]');
  const no = (await firstRow.locator('[data-field="studentNo"]').boundingBox())!;
  const name = (await firstRow.locator('[data-field="name"]').boundingBox())!;
  const header = (await page.locator('.MuiDataGrid-columnHeader[data-field="name"]').boundingBox())!;
  // Right after the checkbox column, at the grid's left edge, with the header over them.
  expect(no.x).toBeGreaterThanOrEqual(gridLeft);
  expect(no.x).toBeLessThan(gridLeft + 80);
  expect(name.x).toBeCloseTo(no.x + no.width, 0);
  expect(header.x).toBeCloseTo(name.x, 0);
  // The cell under 学号 at its place is the 学号, not a scrolled column drawn over it.
  const hit = await page.evaluate(({ x, y }) => (document.elementFromPoint(x, y)?.closest('[data-field]') as HTMLElement | null)?.dataset.field, { x: name.x + 10, y: name.y + name.height / 2 });
  expect(hit).toBe('name');
  await expect(firstRow.locator('[data-field="homeAddress"]')).toBeInViewport();
  await page.screenshot({ path: 'test-results/screens/roster-scrolled-sideways-1366x768.png' });
});
