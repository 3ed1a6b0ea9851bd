import { ADMIN, expect, seedDepartment, signIn, test, type RunningHost } from './host';
import type { Page } from '@playwright/test';

const shot = (name: string) => `test-results/screens/${name}.png`;

interface Row {
  id: number;
  name: string;
  studentNo: string | null;
}

/** 30 demo students; the first page of the roster in its default order, as the server gives it. */
async function seedRoster(host: RunningHost): Promise<Row[]> {
  await seedDepartment(host);
  await host.api('auth.signIn', ADMIN, 'seed-admin-0001');
  await host.api('setup.loadDemo', { students: 30 }, 'seed-admin-0001');
  const list = await host.api<{ rows: Row[] }>('students.list', { page: 0, pageSize: 50, filter: {} }, 'seed-admin-0001');
  await host.api('auth.signOut', {}, 'seed-admin-0001');
  return list.rows;
}

async function openRoster(page: Page, host: RunningHost) {
  await signIn(page, host, ADMIN.username, ADMIN.password);
  await page.getByRole('navigation', { name: '主导航' }).getByRole('link', { name: '学生名册' }).click();
  await expect(page.getByText('共 30 名学生')).toBeVisible();
}

async function openUserMenu(page: Page) {
  await page.getByRole('button', { name: new RegExp(ADMIN.displayName) }).click();
}

test('roster: the arrow keys move through the rows and Enter opens the focused student', async ({ page, host }) => {
  const rows = await seedRoster(host);
  await openRoster(page, host);
  // Focus the first student's 姓名 cell (row 0 of the grid is the header row), then go down one row.
  const firstRow = page.getByRole('row').nth(1);
  await firstRow.getByRole('gridcell').nth(1).focus();
  await page.keyboard.press('ArrowDown');
  await expect(page.getByRole('row').nth(2).getByRole('gridcell').nth(1)).toBeFocused();
  await page.screenshot({ path: shot('roster-keyboard-focus') });
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(new RegExp(`#/students/${rows[1]!.id}$`));
  await expect(page.getByRole('heading', { level: 1, name: new RegExp(rows[1]!.name) })).toBeVisible();
});

test('roster: Enter in the search box opens the student when exactly one matches', async ({ page, host }) => {
  const rows = await seedRoster(host);
  const target = rows.find((r) => r.studentNo)!;
  await openRoster(page, host);
  const search = page.getByLabel('搜索');
  // Every student matches an empty search: Enter leaves the roster as it is.
  await search.press('Enter');
  await page.waitForTimeout(500);
  await expect(page).toHaveURL(/#\/students$/);
  // Exactly one: Enter opens it, even before the list below has caught up with the typing.
  await search.fill(target.studentNo!);
  await search.press('Enter');
  await expect(page).toHaveURL(new RegExp(`#/students/${target.id}$`));
  await expect(page.getByRole('heading', { level: 1, name: new RegExp(target.name) })).toBeVisible();
});

test('user menu: 立即锁定 shows the lock screen at once, and it stays locked after a reload', async ({ page, host }) => {
  await seedDepartment(host);
  await signIn(page, host, ADMIN.username, ADMIN.password);
  await expect(page.getByText(`你好，${ADMIN.displayName}`)).toBeVisible();
  await openUserMenu(page);
  await page.getByRole('menuitem', { name: '立即锁定' }).click();
  const lock = page.getByRole('dialog', { name: '已锁定' });
  await expect(lock).toBeVisible();
  await page.screenshot({ path: shot('lock-now') });
  // The server locked the session too: a reload does not get past it.
  await page.reload();
  await expect(page.getByRole('dialog', { name: '已锁定' })).toBeVisible();
  await page.getByRole('dialog', { name: '已锁定' }).getByLabel('密码').fill(ADMIN.password);
  await page.getByRole('button', { name: '解锁' }).click();
  await expect(page.getByRole('dialog', { name: '已锁定' })).toHaveCount(0);
  await expect(page.getByText(`你好，${ADMIN.displayName}`)).toBeVisible();
});

test('sign-in: a warning shows while Caps Lock is on', async ({ page, host }) => {
  await seedDepartment(host);
  await page.goto(host.url);
  const password = page.getByLabel('密码', { exact: true });
  await password.focus();
  await expect(page.getByText('大写锁定已打开')).toHaveCount(0);
  // Headless Chromium does not toggle Caps Lock for page.keyboard.press('CapsLock') (getModifierState
  // stays false, checked), and CDP key events carry no Caps Lock modifier: the key events are
  // dispatched with the state the operating system would give them.
  const key = (capsLock: boolean) =>
    password.evaluate((el, on) => {
      el.dispatchEvent(new KeyboardEvent('keydown', { key: on ? 'A' : 'a', bubbles: true, modifierCapsLock: on } as KeyboardEventInit));
      el.dispatchEvent(new KeyboardEvent('keyup', { key: on ? 'A' : 'a', bubbles: true, modifierCapsLock: on } as KeyboardEventInit));
    }, capsLock);
  await key(true);
  await expect(page.getByText('大写锁定已打开')).toBeVisible();
  await page.screenshot({ path: shot('sign-in-caps-lock') });
  await key(false);
  await expect(page.getByText('大写锁定已打开')).toHaveCount(0);
});

test('修改密码: a wrong current password says 当前密码不正确; a change is confirmed with 密码已修改', async ({ page, host }) => {
  await seedDepartment(host);
  await signIn(page, host, ADMIN.username, ADMIN.password);
  await expect(page.getByText(`你好，${ADMIN.displayName}`)).toBeVisible();
  await openUserMenu(page);
  await page.getByRole('menuitem', { name: '修改密码' }).click();
  const dialog = page.getByRole('dialog', { name: '修改密码' });
  await dialog.getByLabel('当前密码').fill('NotMyPassword1');
  await dialog.getByLabel('新密码', { exact: true }).fill('NewSecret12345');
  await dialog.getByLabel('确认新密码').fill('NewSecret12345');
  await dialog.getByRole('button', { name: '确认修改' }).click();
  await expect(dialog.getByText(/当前密码不正确/)).toBeVisible();
  await expect(dialog.getByText(/用户名或密码错误/)).toHaveCount(0);
  await page.screenshot({ path: shot('change-password-wrong-current') });

  await dialog.getByLabel('当前密码').fill(ADMIN.password);
  await dialog.getByRole('button', { name: '确认修改' }).click();
  await expect(dialog).toHaveCount(0);
  await expect(page.getByText('密码已修改')).toBeVisible();
  await page.screenshot({ path: shot('change-password-done') });
  // The new password is the one that works now.
  await host.api('auth.signIn', { username: ADMIN.username, password: 'NewSecret12345' }, 'check-client-0001');
});
