import { addDays, format } from 'date-fns';
import type { Locator, Page } from '@playwright/test';
import { rolloverDefaultDay, schoolYearLabel, schoolYearOf, studyYearLabel } from '../../shared/domain/school-year';
import { execFile } from 'node:child_process';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { ADMIN, expect, signIn, test } from './host';

/**
 * 学年升级 on the settings page. The browser host runs on the real clock and a roll-over is confirmed
 * only once the new 学年 has begun, so the department is set up (through the services, with a clock
 * of their own) on 1 September of the previous 学年: today the admin moves it into the current one.
 */
const shot = (name: string) => `test-results/screens/year-rollover-${name}.png`;
/** The panel alone (the settings page above it is long), or the window with a dialog open. */
const snap = (p: Page | Locator, name: string) => p.screenshot({ path: shot(name), animations: 'disabled' });
const A = 'seed-admin-0001';
const today = format(new Date(), 'yyyy-MM-dd');
const to = schoolYearOf(today);
const from = to - 1;
const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
const run = promisify(execFile);
const VIEWPORT = { width: 1366, height: 1400 };
/** A second admin, limited to one class (数据范围). */
const SUN = { username: 'sun', displayName: '孙管理员', role: 'admin', password: 'Admin23456xy' };

type Preview = {
  fromYear: number; toYear: number; effectiveOn: string;
  lines: { className: string; cohortYear: number; students: number; fromStudyYear: number; toStudyYear: number; graduating: boolean; beyond: boolean }[];
  totals: { students: number; graduating: number; withoutClass: number };
  last: { canUndo: boolean } | null;
};

// A function given to test.use is a fixture: it hands over the preparation. A tall window: the
// panel's screenshots clear the fixed top bar.
test.use({
  viewport: VIEWPORT,
  prepareData: async ({}, use) =>
    use(async (dir: string) => {
      await run(process.execPath, [join(ROOT, 'node_modules', 'tsx', 'dist', 'cli.mjs'), join(ROOT, 'tests', 'e2e', 'year-rollover.seed.ts'), dir, String(from), JSON.stringify(SUN)], { cwd: ROOT });
    }),
});

async function openSettings(page: Page) {
  await page.getByRole('navigation', { name: '主导航' }).getByRole('link', { name: '系统设置' }).click();
  const panel = page.getByRole('region', { name: '学年升级' });
  await expect(panel.getByRole('heading', { name: '学年升级' })).toBeVisible();
  return panel;
}

test('学年升级: preview per class, confirm, the 毕业年级 count, a stale window refused, undo the same day; refused for an admin with a 数据范围', async ({ page, browser, host }) => {
  test.setTimeout(180_000);
  await host.api('auth.signIn', { username: 'admin', password: ADMIN.password }, A);
  const expected = await host.api<Preview>('yearRollover.preview', {}, A);
  expect(expected).toMatchObject({ fromYear: from, toYear: to, effectiveOn: rolloverDefaultDay(to), last: null });
  const graduating = expected.lines.filter((l) => l.graduating);
  expect(graduating.length).toBeGreaterThan(0);
  expect(expected.totals.graduating).toBe(graduating.reduce((n, l) => n + l.students, 0));
  expect(expected.totals.withoutClass).toBe(1);

  // ── The preview. ──
  await signIn(page, host, 'admin', ADMIN.password);
  const panel = await openSettings(page);
  await expect(panel).toContainText(`当前学年${schoolYearLabel(from)}`);
  await expect(panel).toContainText(`升级后${schoolYearLabel(to)}`);
  const date = panel.getByLabel('升级日期');
  await expect(date).toHaveValue(rolloverDefaultDay(to));
  const table = panel.getByRole('table', { name: '各班升级情况' });
  await expect(table.getByRole('row')).toHaveCount(expected.lines.length + 1);
  const row = (className: string) => table.getByRole('row').filter({ hasText: className });
  const last = graduating[0]!;
  await expect(row(last.className)).toContainText(`${last.cohortYear}级`);
  await expect(row(last.className)).toContainText('3 年');
  await expect(row(last.className)).toContainText(`${studyYearLabel(last.fromStudyYear)} → ${studyYearLabel(last.toStudyYear)}`);
  expect(last.toStudyYear).toBe(3);
  await expect(row(last.className)).toContainText('毕业年级');
  const younger = expected.lines.find((l) => !l.graduating && !l.beyond)!;
  await expect(row(younger.className)).toContainText(`${studyYearLabel(younger.fromStudyYear)} → ${studyYearLabel(younger.toStudyYear)}`);
  await expect(row(younger.className)).not.toContainText('毕业年级');
  const beyond = expected.lines.filter((l) => l.beyond);
  if (beyond.length > 0) await expect(table.getByRole('row').filter({ hasText: beyond[0]!.className })).toContainText('超出学制');
  const totals = panel.getByRole('region', { name: '升级合计' });
  await expect(totals).toContainText(`在籍在校 ${expected.totals.students} 人升入下一年级，其中毕业年级 ${expected.totals.graduating} 人；未分班 1 人`);
  await expect(totals).toContainText('未分班的在籍学生不会升级（1 人）');

  // A day outside the new 学年, or still to come, is refused before anything is sent.
  const upgrade = panel.getByRole('button', { name: '学年升级…' });
  await expect(upgrade).toBeEnabled();
  await date.fill(`${to + 1}-08-01`);
  await expect(panel).toContainText(`升级日期应在${schoolYearLabel(to)}内（${to}-08-01 至 ${to + 1}-07-31）`);
  await expect(upgrade).toBeDisabled();
  // Two days on: still to come in the browser's time zone too.
  const tomorrow = format(addDays(new Date(), 2), 'yyyy-MM-dd');
  if (schoolYearOf(tomorrow) === to) {
    await date.fill(tomorrow);
    await expect(panel).toContainText(`升级日期 ${tomorrow} 还没到，请到当天或之后再升级`);
    await expect(upgrade).toBeDisabled();
  }
  await date.fill(rolloverDefaultDay(to));
  await expect(upgrade).toBeEnabled();
  await snap(panel, 'preview');

  // A second window of the same admin keeps the preview it opened with.
  const stale = await (await browser.newContext({ viewport: VIEWPORT })).newPage();
  await signIn(stale, host, 'admin', ADMIN.password);
  const stalePanel = await openSettings(stale);
  await expect(stalePanel).toContainText(`当前学年${schoolYearLabel(from)}`);

  // ── Confirm: the dialog says exactly what will happen. ──
  await upgrade.click();
  const confirm = page.getByRole('dialog', { name: '确认学年升级' });
  const items = confirm.getByRole('list', { name: '升级内容' });
  await expect(items).toContainText(`学年：${schoolYearLabel(from)} → ${schoolYearLabel(to)}（${to}-08-01 起）`);
  await expect(items).toContainText(`${expected.totals.students} 人升入下一年级`);
  await expect(items).toContainText(`${expected.totals.graduating} 人标记为毕业年级`);
  await expect(items).toContainText('1 名未分班的在籍学生不会升级');
  await expect(confirm).toContainText('当天可以撤销');
  await snap(page, 'confirm');
  await confirm.getByRole('button', { name: '确认升级' }).click();
  await expect(confirm).toBeHidden();
  await expect(page.getByText(`已升级到${schoolYearLabel(to)}：${expected.totals.students} 人升入下一年级，${expected.totals.graduating} 人标记为毕业年级`)).toBeVisible();
  const done = panel.getByRole('status', { name: '上次学年升级' });
  await expect(done).toContainText(`上次学年升级：${schoolYearLabel(from)} → ${schoolYearLabel(to)}，由 admin 于`);
  await expect(done).toContainText(`${expected.totals.graduating} 人标记为毕业年级`);
  await expect(done).toContainText('当天可以撤销');
  await expect(panel).toContainText(`当前学年${schoolYearLabel(to)}`);
  // The next one waits for the 学年 after.
  await expect(panel).toContainText(`系里现在是${schoolYearLabel(to)}。升级到${schoolYearLabel(to + 1)}最早在 ${to + 1}-08-01（新学年开始）进行`);
  await expect(panel.getByRole('button', { name: '学年升级…' })).toBeDisabled();
  await expect(date).toBeDisabled();
  await expect(panel).toContainText(`${to + 1}-08-01 起可以升级`);
  await snap(panel, 'applied');

  // The server has it: the next preview starts from the new 学年 and offers the same-day undo.
  const after = await host.api<Preview & { last: { canUndo: boolean } | null }>('yearRollover.preview', {}, A);
  expect(after.fromYear).toBe(to);
  expect(after.last?.canUndo).toBe(true);

  // ── The stale window confirms too: refused, and it shows what is true now. ──
  await stalePanel.getByRole('button', { name: '学年升级…' }).click();
  await stale.getByRole('dialog', { name: '确认学年升级' }).getByRole('button', { name: '确认升级' }).click();
  await expect(stalePanel).toContainText(`学年升级已在其他窗口完成（系里已经是${schoolYearLabel(to)}）`);
  await expect(stalePanel).toContainText(`当前学年${schoolYearLabel(to)}`);
  await expect(stalePanel.getByRole('status', { name: '上次学年升级' })).toBeVisible();
  await snap(stalePanel, 'stale-refused');
  await stale.context().close();

  // ── Undo the same day. ──
  await done.getByRole('button', { name: '撤销本次升级' }).click();
  const undo = page.getByRole('dialog', { name: '撤销本次升级' });
  await expect(undo).toContainText(`学年回到${schoolYearLabel(from)}`);
  await snap(page, 'undo-confirm');
  await undo.getByRole('button', { name: '撤销升级' }).click();
  await expect(undo).toBeHidden();
  await expect(page.getByText(`已撤销学年升级，回到${schoolYearLabel(from)}，取消 ${expected.totals.graduating} 人的毕业年级标记`)).toBeVisible();
  await expect(panel).toContainText(`当前学年${schoolYearLabel(from)}`);
  await expect(panel.getByRole('status', { name: '上次学年升级' })).toHaveCount(0);
  await expect(date).toHaveValue(rolloverDefaultDay(to));
  await expect(date).toBeEnabled();
  await snap(panel, 'undone');
  expect((await host.api<Preview>('yearRollover.preview', {}, A)).fromYear).toBe(from);

  // ── An admin limited to one class may not move the whole department. ──
  const scoped = await (await browser.newContext({ viewport: VIEWPORT })).newPage();
  await signIn(scoped, host, 'sun', SUN.password);
  const scopedPanel = await openSettings(scoped);
  await expect(scopedPanel.getByRole('alert')).toHaveText('学年升级涉及全系学生，需由不受数据范围限制的管理员操作。');
  await expect(scopedPanel.getByRole('button', { name: '学年升级…' })).toHaveCount(0);
  await snap(scopedPanel, 'scoped-refused');
});
