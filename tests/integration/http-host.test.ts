import { request } from 'node:http';
import { afterEach, describe, expect, it } from 'vitest';
import type { HttpHost } from '../../electron/main/hosts/http-host';
import { makeApp, type TestApp, ADMIN, PROFILE } from '../support/harness';
import { startTestHost } from '../support/test-host';

let app: TestApp;
let host: HttpHost;
afterEach(async () => {
  await host?.close();
  app?.remove();
});

async function start() {
  app = makeApp();
  host = await startTestHost(app);
  const token = new URL(host.url).searchParams.get('token')!;
  return { base: `http://127.0.0.1:${host.port}`, token };
}

function raw(url: string, init: { method?: string; headers?: Record<string, string>; body?: string } = {}) {
  return new Promise<{ status: number; headers: Record<string, string | string[] | undefined>; body: string }>((resolve, reject) => {
    const req = request(url, { method: init.method ?? 'GET', headers: init.headers }, (res) => {
      let body = '';
      res.on('data', (c) => (body += c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
    });
    req.on('error', reject);
    if (init.body) req.write(init.body);
    req.end();
  });
}

describe('browser host', () => {
  it('binds to 127.0.0.1 only and refuses requests without the launch token', async () => {
    const { base } = await start();
    expect(host.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/\?token=[\w-]{40,}$/);
    expect((await raw(`${base}/`)).status).toBe(403);
    expect((await raw(`${base}/?token=wrong`)).status).toBe(403);
    const call = await raw(`${base}/api/call/app.status`, { method: 'POST', headers: { 'X-Xueji-Client': 'client-0001', 'Content-Type': 'application/json' }, body: '{}' });
    expect(call.status).toBe(403);
  });

  it('swaps the URL token for an HttpOnly same-site cookie and serves the app and the contract', async () => {
    const { base, token } = await start();
    const first = await raw(`${base}/?token=${token}`);
    expect(first.status).toBe(302);
    expect(first.headers.location).toBe('/');
    const cookie = String(first.headers['set-cookie']).split(';')[0]!;
    expect(String(first.headers['set-cookie'])).toMatch(/HttpOnly; SameSite=Strict/);
    const page = await raw(`${base}/`, { headers: { Cookie: cookie } });
    expect(page.status).toBe(200);
    expect(page.headers['content-security-policy']).toContain("script-src 'self'");
    const headers = { Cookie: cookie, 'X-Xueji-Client': 'client-0001', 'Content-Type': 'application/json' };
    const status = JSON.parse((await raw(`${base}/api/call/app.status`, { method: 'POST', headers, body: '{}' })).body);
    expect(status).toMatchObject({ ok: true, value: { state: 'not_set_up' } });
    const setup = JSON.parse((await raw(`${base}/api/call/setup.create`, { method: 'POST', headers, body: JSON.stringify({ ...PROFILE, admin: ADMIN }) })).body);
    expect(setup.ok).toBe(true);
    // Another tab (client id) has no session.
    const other = JSON.parse((await raw(`${base}/api/call/users.list`, { method: 'POST', headers: { ...headers, 'X-Xueji-Client': 'client-0002' }, body: '{}' })).body);
    expect(other).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } });
    // Errors carry no stack, path or SQL.
    const bad = (await raw(`${base}/api/call/users.update`, { method: 'POST', headers, body: '{"id":"x"}' })).body;
    expect(bad).not.toMatch(/at |\/work\/|SELECT|sqlite/i);
  });

  it('refuses a foreign Host header (DNS rebinding) and cross-origin calls', async () => {
    const { base, token } = await start();
    const cookie = String((await raw(`${base}/?token=${token}`)).headers['set-cookie']).split(';')[0]!;
    expect((await raw(`${base}/`, { headers: { Cookie: cookie, Host: `evil.example:${host.port}` } })).status).toBe(403);
    const cross = await raw(`${base}/api/call/app.status`, { method: 'POST', headers: { Cookie: cookie, Origin: 'http://evil.example', 'X-Xueji-Client': 'client-0001' }, body: '{}' });
    expect(cross.status).toBe(403);
  });

  it('streams events to the right client', async () => {
    const { base, token } = await start();
    const cookie = String((await raw(`${base}/?token=${token}`)).headers['set-cookie']).split(';')[0]!;
    const received = await new Promise<string>((resolve, reject) => {
      const req = request(`${base}/api/events?client=client-0001`, { headers: { Cookie: cookie } }, (res) => {
        let buf = '';
        res.on('data', (c) => {
          buf += c;
          if (buf.includes('event: session.locked')) {
            resolve(buf);
            req.destroy();
          }
        });
      });
      req.on('error', reject);
      req.end();
      setTimeout(() => {
        app.core.events.emit('http:client-0002', 'session.locked', { reason: 'idle' });
        app.core.events.emit('http:client-0001', 'session.locked', { reason: 'idle' });
      }, 200);
    });
    expect(received.match(/event: session.locked/g)).toHaveLength(1);
    expect(received).toContain('"reason":"idle"');
  });
});
