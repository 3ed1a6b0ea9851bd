import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { test as base, expect, type Page } from '@playwright/test';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');

export const ADMIN = { username: 'admin', displayName: '王建国', password: 'Admin12345xy' };
export const PROFILE = { schoolCode: '12345', schoolName: '示范职业技术学院', departmentName: '信息工程系' };

export interface RunningHost {
  url: string;
  origin: string;
  dataDir: string;
  /** Calls the contract over HTTP as a separate client (for seeding data), returning the value; clientId names a tab of its own. */
  api<T = unknown>(channel: string, input: unknown, clientId?: string): Promise<T>;
  /** A student's photo as the host serves it (GET /api/photos/<id>, photos.get's checks); null when none. */
  photo(studentId: number, clientId?: string): Promise<{ mime: string; bytes: Buffer } | null>;
}

/** Starts the real browser host (dist/main/host.mjs) on a fresh temp data folder. */
async function startHost(dataDir: string): Promise<{ child: ChildProcess; url: string }> {
  const child = spawn(process.execPath, [join(ROOT, 'dist', 'main', 'host.mjs'), '--data', dataDir, '--port', '0'], {
    cwd: ROOT,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const url = await new Promise<string>((resolveUrl, reject) => {
    let out = '';
    const timer = setTimeout(() => reject(new Error(`host did not start: ${out}`)), 20_000);
    child.stdout!.on('data', (c: Buffer) => {
      out += c.toString();
      const m = out.match(/XUEJI_URL=(\S+)/);
      if (m) {
        clearTimeout(timer);
        resolveUrl(m[1]!);
      }
    });
    child.stderr!.on('data', (c: Buffer) => (out += c.toString()));
    child.on('exit', (code) => reject(new Error(`host exited ${code}: ${out}`)));
  });
  return { child, url };
}

export const test = base.extend<{ host: RunningHost; prepareData: ((dataDir: string) => Promise<void>) | null }>({
  /**
   * Fills the data folder before the host starts (test.use): for data that needs another day than
   * today, made through the services with a clock of its own (the browser host runs on the real one).
   */
  prepareData: [null, { option: true }],
  host: async ({ prepareData }, use) => {
    const dataDir = mkdtempSync(join(tmpdir(), 'xueji-e2e-'));
    if (prepareData) await prepareData(dataDir);
    const { child, url } = await startHost(dataDir);
    const origin = new URL(url).origin;
    const first = await fetch(url, { redirect: 'manual' });
    const cookie = first.headers
      .getSetCookie()
      .map((c) => c.split(';')[0]!)
      .join('; ');
    // The host gives each tab its client id; a name a test uses stands for one such tab.
    const tabs = new Map<string, Promise<string>>();
    const tab = (name: string) => {
      if (!tabs.has(name)) {
        tabs.set(
          name,
          fetch(`${origin}/api/clients`, { method: 'POST', headers: { Cookie: cookie } })
            .then((r) => r.json() as Promise<{ value: { clientId: string } }>)
            .then((r) => r.value.clientId),
        );
      }
      return tabs.get(name)!;
    };
    const api = async <T,>(channel: string, input: unknown, clientId = 'seed-client-0001'): Promise<T> => {
      const res = await fetch(`${origin}/api/call/${channel}`, {
        method: 'POST',
        headers: { Cookie: cookie, 'Content-Type': 'application/json', 'X-Xueji-Client': await tab(clientId) },
        body: JSON.stringify(input),
      });
      const r = (await res.json()) as { ok: boolean; value?: T; error?: { message: string } };
      if (!r.ok) throw new Error(`${channel}: ${r.error?.message}`);
      return r.value as T;
    };
    const photo = async (studentId: number, clientId = 'seed-client-0001') => {
      const res = await fetch(`${origin}/api/photos/${studentId}`, { headers: { Cookie: cookie, 'X-Xueji-Client': await tab(clientId) } });
      if (res.status === 204) return null;
      const mime = res.headers.get('content-type') ?? '';
      if (!mime.startsWith('image/')) throw new Error(`photo ${studentId}: ${await res.text()}`);
      return { mime, bytes: Buffer.from(await res.arrayBuffer()) };
    };
    await use({ url, origin, dataDir, api, photo });
    const exited = new Promise((r) => child.once('exit', r));
    child.kill('SIGTERM');
    const timer = setTimeout(() => child.kill('SIGKILL'), 5_000);
    await exited;
    clearTimeout(timer);
    rmSync(dataDir, { recursive: true, force: true });
  },
});
export { expect };

/** Sets the department up through the API (the wizard itself has its own test). */
export async function seedDepartment(host: RunningHost, users: { username: string; displayName: string; role: string; password: string }[] = []) {
  await host.api('setup.create', { ...PROFILE, admin: ADMIN });
  for (const u of users) {
    await host.api('users.create', u);
    // Users created by an admin must change their password at first sign-in; do that here so
    // navigation tests start from a normal session.
    const client = `seed-${u.username}-0001`;
    await host.api('auth.signIn', { username: u.username, password: u.password }, client);
    await host.api('auth.changePassword', { oldPassword: u.password, newPassword: `${u.password}x` }, client);
    await host.api('auth.signOut', {}, client);
    u.password = `${u.password}x`;
  }
  await host.api('auth.signOut', {});
}

export async function signIn(page: Page, host: RunningHost, username: string, password: string) {
  await page.goto(host.url);
  await page.getByLabel('用户名').fill(username);
  await page.getByLabel('密码', { exact: true }).fill(password);
  await page.getByRole('button', { name: '登录' }).click();
}
