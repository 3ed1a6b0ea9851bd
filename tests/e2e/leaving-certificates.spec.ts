import { execFile } from 'node:child_process';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { expect, signIn, test } from './host';

/**
 * Issue 16 "Withdrawn students get a 肄业证书 or 学习证明 per policy": on 毕业审核 the grade's students
 * who left are listed apart, each with the one the rule gives and why; the counselor issues a 学习证明
 * from that list and a 肄业证书 from the student's profile, where only the right one is offered.
 */
const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
const run = promisify(execFile);
/** As the seed adds it (tests/support/harness COUNSELOR, which Playwright's loader cannot import). */
const COUNSELOR = { username: 'zhao', password: 'Counsel12345' };

test.use({
  viewport: { width: 1366, height: 900 },
  prepareData: async ({}, use) =>
    use(async (dir: string) => {
      await run(process.execPath, [join(ROOT, 'node_modules', 'tsx', 'dist', 'cli.mjs'), join(ROOT, 'tests', 'e2e', 'leaving-certificates.seed.ts'), dir], { cwd: ROOT });
    }),
});

test('the students who left: listed apart on 毕业审核 with 肄业证书 or 学习证明 and why; issued from the list and from the profile', async ({ page, host }) => {
  test.setTimeout(180_000);
  await signIn(page, host, COUNSELOR.username, COUNSELOR.password);
  await page.getByRole('link', { name: '毕业审核' }).click();
  await page.getByLabel('年级').click();
  await page.getByRole('option', { name: '2023 级' }).click();
  const table = page.getByRole('table', { name: '已离校学生' });
  await expect(table.getByRole('row')).toHaveCount(4);
  await expect(table.getByRole('row', { name: /周五/ })).toContainText('肄业证书入学 2023-09-01，退学 2024-12-10，学满一学年以上');
  await expect(table.getByRole('row', { name: /吴六/ })).toContainText('学习证明入学 2023-09-01，退学 2024-06-30，未满一学年');
  await expect(table.getByRole('row', { name: /郑八/ })).toContainText('开除学籍学习证明入学 2023-09-01，开除学籍 2025-03-01，开除学籍者只发学习证明（41号令第五十八条）');
  await expect(table).not.toContainText('张三');
  await page.screenshot({ path: 'test-results/screens/leavers-list.png', fullPage: true, animations: 'disabled' });

  await table.getByRole('button', { name: '开具学习证明 吴六' }).click();
  const dialog = page.getByRole('dialog', { name: '学习证明' });
  await expect(dialog).toContainText(/已为吴六开具学习证明，编号 XXZM\d{4}-0001。/);
  await page.screenshot({ path: 'test-results/screens/leavers-issued.png' });
  await dialog.getByRole('button', { name: '关闭' }).click();

  // The profile of 周五 offers the 肄业证书 (and why), not the 学习证明.
  // The seed made 周五 second in a new database: record 2.
  await page.goto(`${host.origin}/#/students/2`);
  await expect(page.getByRole('heading', { name: /周五/ })).toBeVisible();
  await page.getByRole('button', { name: '开具证明' }).click();
  const item = page.getByRole('menuitem', { name: /肄业证书/ });
  await expect(item).toContainText('入学 2023-09-01，退学 2024-12-10，学满一学年以上');
  await expect(page.getByRole('menuitem', { name: /^学习证明/ })).toHaveCount(0);
  await expect(page.getByRole('menuitem', { name: /在读证明/ })).toHaveAttribute('aria-disabled', 'true');
  await page.screenshot({ path: 'test-results/screens/leavers-profile-menu.png', animations: 'disabled' });
  await item.click();
  await expect(page.getByRole('dialog', { name: '肄业证书' })).toContainText(/已为周五开具肄业证书，编号 YY\d{4}-0001。/);
});
