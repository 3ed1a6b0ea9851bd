import { request } from 'node:http';
import { afterEach, describe, expect, it } from 'vitest';
import type { HttpHost } from '../../electron/main/hosts/http-host';
import { makeApp, type TestApp, ADMIN, COUNSELOR, PROFILE } from '../support/harness';
import { openBrowser, startTestHost } from '../support/test-host';
import { photo } from '../support/photo-fixtures';
import { idCheckChar } from '../../shared/domain/idcard';

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

/**
 * Sends a body of `total` bytes in 64 KB pieces (with its length declared, or chunked) and gives
 * the host's answer with how many bytes had left this side when the connection ended: a host that
 * refuses early answers while most of the body is still unsent.
 */
function sendLarge(url: string, headers: Record<string, string>, total: number, declareLength = true) {
  return new Promise<{ status: number; body: string; sent: number }>((resolve) => {
    let status = 0;
    let body = '';
    let written = 0;
    const req = request(url, { method: 'POST', headers: declareLength ? { ...headers, 'Content-Length': String(total) } : headers }, (res) => {
      status = res.statusCode ?? 0;
      res.on('data', (c) => (body += c));
    });
    req.on('error', () => {}); // the host closing the connection early is the point
    req.on('close', () => resolve({ status, body, sent: written }));
    const piece = Buffer.alloc(64 * 1024, 0x20);
    const pump = () => {
      while (written < total && !req.destroyed) {
        written += piece.length;
        if (!req.write(piece)) return void req.once('drain', pump);
      }
      if (!req.destroyed) req.end();
    };
    pump();
  });
}

const MB = 1024 * 1024;

describe('browser host', () => {
  it('binds to 127.0.0.1 only and refuses requests without the launch token', async () => {
    const { base } = await start();
    expect(host.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/\?token=[\w-]{40,}$/);
    expect((await raw(`${base}/`)).status).toBe(403);
    expect((await raw(`${base}/?token=wrong`)).status).toBe(403);
    const call = await raw(`${base}/api/call/app.status`, { method: 'POST', headers: { 'X-Xueji-Client': 'client-0001', 'Content-Type': 'application/json' }, body: '{}' });
    expect(call.status).toBe(403);
    expect((await raw(`${base}/api/clients`, { method: 'POST' })).status).toBe(403);
  });

  it('swaps the URL token for HttpOnly same-site cookies (the launch token and this browser’s id) and serves the app and the contract', async () => {
    const { base, token } = await start();
    const first = await raw(`${base}/?token=${token}`);
    expect(first.status).toBe(302);
    expect(first.headers.location).toBe('/');
    const set = first.headers['set-cookie'] as string[];
    expect(set).toHaveLength(2);
    for (const c of set) expect(c).toMatch(/HttpOnly; SameSite=Strict/);
    const cookie = set.map((c) => c.split(';')[0]!).join('; ');
    const page = await raw(`${base}/`, { headers: { Cookie: cookie } });
    expect(page.status).toBe(200);
    expect(page.headers['content-security-policy']).toContain("script-src 'self'");
    // The tab's client id comes from the host, long enough not to be guessed.
    const issued = JSON.parse((await raw(`${base}/api/clients`, { method: 'POST', headers: { Cookie: cookie } })).body);
    expect(issued.value.clientId).toMatch(/^[\w-]{40,}$/);
    const headers = { Cookie: cookie, 'X-Xueji-Client': issued.value.clientId, 'Content-Type': 'application/json' };
    const status = JSON.parse((await raw(`${base}/api/call/app.status`, { method: 'POST', headers, body: '{}' })).body);
    expect(status).toMatchObject({ ok: true, value: { state: 'not_set_up' } });
    const setup = JSON.parse((await raw(`${base}/api/call/setup.create`, { method: 'POST', headers, body: JSON.stringify({ ...PROFILE, admin: ADMIN }) })).body);
    expect(setup.ok).toBe(true);
    // Another tab has no session.
    const other = JSON.parse((await raw(`${base}/api/clients`, { method: 'POST', headers: { Cookie: cookie } })).body).value.clientId;
    const otherCall = await raw(`${base}/api/call/users.list`, { method: 'POST', headers: { ...headers, 'X-Xueji-Client': other }, body: '{}' });
    expect(JSON.parse(otherCall.body)).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } });
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

  it('streams events to the right tab', async () => {
    await start();
    const browser = await openBrowser(host);
    const [tab, otherTab] = [await browser.newTab(), await browser.newTab()];
    const received = await new Promise<string>((resolve, reject) => {
      const req = request(`${browser.base}/api/events?client=${tab}`, { headers: { Cookie: browser.cookie } }, (res) => {
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
        app.core.events.emit(`http:${otherTab}`, 'session.locked', { reason: 'idle' });
        app.core.events.emit(`http:${tab}`, 'session.locked', { reason: 'idle' });
      }, 200);
    });
    expect(received.match(/event: session.locked/g)).toHaveLength(1);
    expect(received).toContain('"reason":"idle"');
  });
});

describe('browser host: what it reads before it knows who asks (issue 13 #11)', () => {
  it('refuses a large body to a call that needs a session, when the tab has none, before reading it', async () => {
    await start();
    await app.setup();
    const browser = await openBrowser(host);
    const tab = await browser.newTab();
    const headers = { Cookie: browser.cookie, 'X-Xueji-Client': tab, 'Content-Type': 'application/json' };
    for (const declareLength of [true, false]) {
      const answer = await sendLarge(`${browser.base}/api/call/students.list`, headers, 64 * MB, declareLength);
      expect(answer.status).toBe(401);
      expect(JSON.parse(answer.body)).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED', message: '登录已失效，请重新登录。' } });
      expect(answer.sent).toBeLessThan(16 * MB);
    }
    // A file, too: no session, nothing read.
    const file = await sendLarge(`${browser.base}/api/files?name=x.xlsx`, { ...headers, 'Content-Type': 'application/octet-stream' }, 90 * MB);
    expect(file.status).toBe(401);
    expect(file.sent).toBeLessThan(16 * MB);
    // An unknown channel is refused by its name, before its body.
    const unknown = await sendLarge(`${browser.base}/api/call/students.nothing`, headers, 64 * MB);
    expect(unknown.status).toBe(404);
    expect(JSON.parse(unknown.body)).toMatchObject({ ok: false, error: { code: 'UNKNOWN_CHANNEL' } });
    expect(unknown.sent).toBeLessThan(16 * MB);
  });

  it('signed in, a call carries at most 1 MB; a file (an attachment of 9 MB) comes through /api/files, never inside a call', async () => {
    await start();
    await app.setup();
    const browser = await openBrowser(host);
    const tab = await browser.newTab();
    expect((await browser.call(tab, 'auth.signIn', { username: ADMIN.username, password: ADMIN.password })).ok).toBe(true);
    const headers = { Cookie: browser.cookie, 'X-Xueji-Client': tab, 'Content-Type': 'application/json' };
    for (const declareLength of [true, false]) {
      const answer = await sendLarge(`${browser.base}/api/call/students.list`, headers, 64 * MB, declareLength);
      expect(answer.status).toBe(413);
      expect(JSON.parse(answer.body)).toMatchObject({ ok: false, error: { code: 'VALIDATION', message: '请求内容超过 1 MB，已拒绝。' } });
      expect(answer.sent).toBeLessThan(16 * MB);
    }
    // A search of 20,000 ids (the largest list a call takes) fits.
    const ids = Array.from({ length: 20_000 }, (_, i) => 1_000_000 + i);
    const many = await browser.call(tab, 'students.register', { ids });
    expect(many.ok ? 'ok' : many.error.code).not.toBe('VALIDATION');
    // An attachment of 9 MB: the file itself as the body of /api/files, then the call names it.
    const file = await fetch(`${browser.base}/api/files?name=${encodeURIComponent('证明.pdf')}`, {
      method: 'POST',
      headers: { Cookie: browser.cookie, 'X-Xueji-Client': tab, 'Content-Type': 'application/octet-stream' },
      body: Buffer.concat([Buffer.from('%PDF-1.4\n'), Buffer.alloc(9 * MB - 9, 7)]),
    });
    const { value } = (await file.json()) as { value: { fileId: string } };
    const attachment = await browser.call(tab, 'attachments.upload', { purpose: 'document', fileId: value.fileId });
    expect(attachment).toMatchObject({ ok: true, value: { fileName: '证明.pdf', mime: 'application/pdf', size: 9 * MB } });
    // A file inside a call's JSON (base64, as attachments.upload once took) is refused at 1 MB, unread.
    const tooBig = await sendLarge(`${browser.base}/api/call/attachments.upload`, headers, 40 * MB);
    expect(tooBig.status).toBe(413);
    expect(tooBig.sent).toBeLessThan(16 * MB);
  });
});

describe('browser host: a tab’s client id is the host’s, bound to the browser that got it (issue 13 #11)', () => {
  it('refuses a client id the host did not give this browser: calls, files, the events stream and downloads', async () => {
    await start();
    await app.setup();
    const mine = await openBrowser(host);
    const other = await openBrowser(host);
    const tab = await mine.newTab();
    expect((await mine.call(tab, 'auth.signIn', { username: ADMIN.username, password: ADMIN.password })).ok).toBe(true);
    expect((await mine.call(tab, 'users.list', {})).ok).toBe(true);
    expect((await mine.call(tab, 'students.export', { filter: {}, jobId: 'export-tab-1' })).ok).toBe(true);

    const asked = (cookie: string, client: string, path = '/api/call/users.list', method = 'POST') =>
      raw(`${mine.base}${path}${method === 'GET' ? `?client=${client}` : ''}`, {
        method,
        headers: { Cookie: cookie, 'X-Xueji-Client': client, 'Content-Type': 'application/json' },
        ...(method === 'POST' ? { body: '{}' } : {}),
      });
    const tokenOnly = mine.cookie.split('; ').find((c) => c.startsWith('xueji_token_'))!;
    // The same id from another browser (same launch token, other cookie), from a browser without its id, or an id made up.
    for (const [cookie, client] of [
      [other.cookie, tab],
      [tokenOnly, tab],
      [mine.cookie, 'client-0001'],
    ] as const) {
      for (const [path, method] of [['/api/call/users.list', 'POST'], ['/api/files', 'POST'], ['/api/events', 'GET'], ['/api/jobs/export-tab-1/output', 'GET']] as const) {
        const r = await asked(cookie, client, path, method);
        expect(r.status, `${path} ${client}`).toBe(409);
        if (path.startsWith('/api/call') || path === '/api/files') {
          expect(JSON.parse(r.body)).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED', message: '此标签页的登录信息已失效，请重新登录。' } });
        }
      }
    }
    // The tab itself still works, and its download is there.
    expect((await mine.call(tab, 'users.list', {})).ok).toBe(true);
    expect((await asked(mine.cookie, tab, '/api/jobs/export-tab-1/output', 'GET')).status).toBe(200);
  });

  it('two tabs of one browser keep their own users: signing in on the second leaves the first as it was', async () => {
    await start();
    await app.setup();
    await app.addUser({ username: COUNSELOR.username, displayName: COUNSELOR.displayName, role: COUNSELOR.role, password: COUNSELOR.password }, COUNSELOR.client);
    const browser = await openBrowser(host);
    const [first, second] = [await browser.newTab(), await browser.newTab()];
    await browser.call(first, 'auth.signIn', { username: ADMIN.username, password: ADMIN.password });
    await browser.call(second, 'auth.signIn', { username: COUNSELOR.username, password: COUNSELOR.password });
    const whoFirst = (await browser.call(first, 'app.status', {})) as { ok: true; value: { session: { user: { username: string } } } };
    expect(whoFirst.value.session.user.username).toBe('admin');
    expect((await browser.call(first, 'users.list', {})).ok).toBe(true);
    const whoSecond = (await browser.call(second, 'app.status', {})) as { ok: true; value: { session: { user: { username: string } } } };
    expect(whoSecond.value.session.user.username).toBe(COUNSELOR.username);
  });
});

describe('browser host: a student’s photo as an image, not base64 (issue 11 §4)', () => {
  it('serves GET /api/photos/<id> through photos.get’s checks: the tab’s session, students.identity.read, 数据范围', async () => {
    await start();
    await app.setup();
    await app.addStaff();
    const A = 'admin-client';
    const major = await app.call(A, 'org.createMajor', { code: '510201', name: '计算机应用技术', level: '专科', lengthYears: '3', studyForm: '普通全日制' });
    const classOf = async (name: string) => (await app.call(A, 'org.createClass', { name, majorId: major.id, cohortYear: 2025 })).id;
    const [mineClass, otherClass] = [await classOf('计算机应用2501班'), await classOf('计算机应用2502班')];
    const student = async (id17: string, classId: number) =>
      (await app.call(A, 'students.create', { name: '张三', idNumber: id17 + idCheckChar(id17), birthDate: '2007-03-15', gender: '1', enrolmentDate: '2025-09-01', classId, guardians: [] })).id;
    const [withPhoto, without, elsewhere] = [await student('11010520070315101', mineClass), await student('11010520070315103', mineClass), await student('11010520070315105', otherClass)];
    for (const id of [withPhoto, elsewhere]) await app.call(A, 'photos.upload', { studentId: id, ...app.upload(A, '证件照.jpg', await photo()) });
    const stored = (await app.call(A, 'photos.get', { id: withPhoto }))!;
    const users = await app.call(A, 'users.list', {});
    await app.call(A, 'scopes.set', { userId: users.find((u) => u.username === COUNSELOR.username)!.id, classIds: [mineClass], cohortYears: [] });
    await app.call(A, 'users.create', { username: 'sun', displayName: '孙', role: 'viewer', password: 'Viewer123456' });

    const browser = await openBrowser(host);
    const photoAs = (tab: string, id: number, cookie = browser.cookie) => fetch(`${browser.base}/api/photos/${id}`, { headers: { Cookie: cookie, 'X-Xueji-Client': tab } });
    const errorOf = async (r: Response) => ((await r.json()) as { ok: false; error: { code: string } }).error.code;
    const counselor = await browser.newTab();
    // Not signed in yet: refused as a call would be.
    expect(await errorOf(await photoAs(counselor, withPhoto))).toBe('UNAUTHENTICATED');
    expect((await browser.call(counselor, 'auth.signIn', { username: COUNSELOR.username, password: COUNSELOR.password })).ok).toBe(true);
    // The stored bytes, as an image of their type, never cached.
    const image = await photoAs(counselor, withPhoto);
    expect(image.status).toBe(200);
    expect(image.headers.get('content-type')).toBe('image/jpeg');
    expect(image.headers.get('cache-control')).toBe('no-store');
    expect(Buffer.from(await image.arrayBuffer()).equals(Buffer.from(stored.bytes))).toBe(true);
    // No photo: nothing. Outside the counselor's 数据范围, or no such student: not found.
    expect((await photoAs(counselor, without)).status).toBe(204);
    expect(await errorOf(await photoAs(counselor, elsewhere))).toBe('NOT_FOUND');
    expect(await errorOf(await photoAs(counselor, 999_999))).toBe('NOT_FOUND');
    // A role without students.identity.read.
    const viewer = await browser.newTab();
    await browser.call(viewer, 'auth.signIn', { username: 'sun', password: 'Viewer123456' });
    expect(await errorOf(await photoAs(viewer, withPhoto))).toBe('FORBIDDEN');
    // The tab's id from another browser.
    const other = await openBrowser(host);
    expect((await photoAs(counselor, withPhoto, other.cookie)).status).toBe(409);
    // Locked after idle time: the lock holds here too.
    app.advance(24 * 60 * 60_000);
    expect(await errorOf(await photoAs(counselor, withPhoto))).toBe('SESSION_LOCKED');
    // The call itself is not answered as JSON (bytes would become a list of numbers).
    const asCall = await browser.call(counselor, 'photos.get', { id: withPhoto });
    expect(asCall).toMatchObject({ ok: false, error: { code: 'UNKNOWN_CHANNEL' } });
  });
});
