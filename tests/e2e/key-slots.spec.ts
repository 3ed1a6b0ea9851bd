import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ADMIN, expect, seedDepartment, test } from './host';

/** Issue 13 #8: a key file whose scrypt parameters were tampered with is refused, saying which and why. */
test('a tampered keyslots.json (scrypt N of 2^24) is refused on the sign-in page with the slot and the parameter named', async ({ page, host }) => {
  await seedDepartment(host);
  const file = join(host.dataDir, 'keyslots.json');
  const keys = JSON.parse(readFileSync(file, 'utf8')) as { slots: { username: string | null; kdf: { N: number } }[] };
  keys.slots.find((s) => s.username === ADMIN.username)!.kdf.N = 2 ** 24;
  writeFileSync(file, JSON.stringify(keys));

  await page.goto(host.url);
  await expect(page.getByText(/用户 admin 的密钥槽参数超出允许范围（参数 N（16777216）须在 2\^15 至 2\^18 之间）/)).toBeVisible();
  await page.screenshot({ path: 'test-results/screens/key-slots-tampered.png' });
});
