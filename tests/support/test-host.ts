import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startHttpHost, type HttpHost } from '../../electron/main/hosts/http-host';
import type { Result } from '../../shared/ipc/result';
import type { TestApp } from './harness';

/** The real browser host over a test app's services, with a stub page for the renderer. */
export async function startTestHost(app: TestApp): Promise<HttpHost> {
  const rendererDir = mkdtempSync(join(tmpdir(), 'xueji-r-'));
  mkdirSync(rendererDir, { recursive: true });
  writeFileSync(join(rendererDir, 'index.html'), '<!doctype html><title>学籍通</title>');
  const { createDispatcher } = await import('../../electron/main/core/dispatch');
  const { handlers } = await import('../../electron/main/handlers');
  return startHttpHost({ core: app.core, dispatch: createDispatcher(app.core, handlers), rendererDir });
}

/** A browser that opened the host's address: its cookies, and tabs with the ids the host gave them. */
export interface TestBrowser {
  base: string;
  /** The Cookie header this browser sends (the launch token and the browser's own id). */
  cookie: string;
  /** A new tab: asks the host for its client id, as the page does when it starts. */
  newTab(): Promise<string>;
  /** One call of the contract from a tab, as the page makes it. */
  call(tab: string, channel: string, input: unknown): Promise<Result<unknown>>;
}

/** Opens the host's address (with its launch token) the way a browser does and keeps the cookies it gets. */
export async function openBrowser(host: HttpHost): Promise<TestBrowser> {
  const base = `http://127.0.0.1:${host.port}`;
  const first = await fetch(host.url, { redirect: 'manual' });
  const cookie = first.headers
    .getSetCookie()
    .map((c) => c.split(';')[0]!)
    .join('; ');
  return {
    base,
    cookie,
    async newTab() {
      const r = (await (await fetch(`${base}/api/clients`, { method: 'POST', headers: { Cookie: cookie } })).json()) as Result<{ clientId: string }>;
      if (!r.ok) throw new Error(`no client id: ${r.error.message}`);
      return r.value.clientId;
    },
    async call(tab, channel, input) {
      const res = await fetch(`${base}/api/call/${channel}`, {
        method: 'POST',
        headers: { Cookie: cookie, 'Content-Type': 'application/json', 'X-Xueji-Client': tab },
        body: JSON.stringify(input),
      });
      return (await res.json()) as Result<unknown>;
    },
  };
}
