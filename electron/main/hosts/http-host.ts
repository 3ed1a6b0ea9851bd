import { randomBytes, timingSafeEqual } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Channel } from '../../../shared/ipc/channels';
import { contract } from '../../../shared/ipc/contract';
import type { AppErrorData } from '../../../shared/ipc/result';
import type { AppCore } from '../core/context';
import { isChannel, lockIdleSessions, type Dispatch } from '../core/dispatch';
import { log } from '../core/log';
import { toErrorData } from '../core/errors';
import { addFile, MAX_FILE_BYTES } from '../core/files';
import { jobOutput } from '../core/jobs';
import { BrowserClients } from './browser-clients';
import { BodyTooLong, declaredTooLong, MAX_CALL_BYTES, megabytes, readBody } from './request-body';
import { readRendererFile, RENDERER_CSP } from './static-files';

export interface HttpHost {
  url: string;
  port: number;
  close(): Promise<void>;
}

/**
 * The answer to a client id this browser was not given (see BrowserClients): the page then asks for
 * a new one (renderer/src/ipc/transport.ts), which has no session, so it shows the sign-in.
 */
const CLIENT_NOT_RECOGNIZED = 409;
const NOT_SIGNED_IN: AppErrorData = { code: 'UNAUTHENTICATED', message: '登录已失效，请重新登录。' };
const TAB_NOT_RECOGNIZED: AppErrorData = { code: 'UNAUTHENTICATED', message: '此标签页的登录信息已失效，请重新登录。' };
/** Calls whose answer is a file's bytes: served by a route of their own (below), never as JSON. */
const SERVED_AS_FILES = new Set<Channel>(['photos.get', 'certificateTemplates.background']);

const SECURITY_HEADERS = {
  'Content-Security-Policy': RENDERER_CSP,
  'X-Content-Type-Options': 'nosniff',
  'X-Frame-Options': 'DENY',
  'Referrer-Policy': 'no-referrer',
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Resource-Policy': 'same-origin',
};

/**
 * The browser host: the same renderer and services as the desktop window, over HTTP on 127.0.0.1
 * only. Every request must carry the per-launch secret (first in the URL, which is swapped for an
 * HttpOnly same-site cookie and removed from the address bar), and the Host header must be ours,
 * so other local users' pages and DNS-rebinding sites cannot reach the data. Each tab names the
 * client id the host gave it, bound to this browser's own cookie (browser-clients.ts); a body is
 * read only once the tab, the channel and (unless the call is public) the session are known, and
 * only up to what that channel takes.
 */
export async function startHttpHost(options: { core: AppCore; dispatch: Dispatch; rendererDir: string; port?: number }): Promise<HttpHost> {
  const { core, dispatch, rendererDir } = options;
  const token = randomBytes(32).toString('base64url');
  const tokenBuf = Buffer.from(token);
  const streams = new Map<string, Set<ServerResponse>>();
  const clients = new BrowserClients((clientId) => core.sessions.get(sessionKey(clientId)) !== undefined);
  let port = 0;
  let cookieName = 'xueji_token';
  let browserCookieName = 'xueji_browser';

  const tokenOk = (candidate: string | undefined) => {
    if (!candidate) return false;
    const b = Buffer.from(candidate);
    return b.length === tokenBuf.length && timingSafeEqual(b, tokenBuf);
  };

  const cookie = (req: IncomingMessage, name: string) =>
    (req.headers.cookie ?? '')
      .split(';')
      .map((c) => c.trim().split('='))
      .find(([k]) => k === name)?.[1];
  const browserOf = (req: IncomingMessage) => clients.knownBrowser(cookie(req, browserCookieName));
  const cookieHeader = (name: string, value: string) => `${name}=${value}; HttpOnly; SameSite=Strict; Path=/`;
  /** This browser's id; a new one, with the cookie that names it, when it has none the host knows. */
  const browserCookieFor = (req: IncomingMessage): { browserId: string; setCookie?: string } => {
    const known = browserOf(req);
    if (known) return { browserId: known };
    const browserId = clients.newBrowser();
    return { browserId, setCookie: cookieHeader(browserCookieName, browserId) };
  };

  const send = (res: ServerResponse, status: number, body: string | Buffer, type: string, extra: Record<string, string | string[]> = {}) => {
    res.writeHead(status, { ...SECURITY_HEADERS, 'Content-Type': type, 'Cache-Control': 'no-store', ...extra });
    res.end(body);
  };

  /**
   * A JSON answer that ends the connection: sent before the body is read (or all of it), it keeps
   * Node from reading the rest to reuse the connection.
   */
  const answerAndClose = (res: ServerResponse, status: number, error: AppErrorData) =>
    send(res, status, JSON.stringify({ ok: false, error }), 'application/json; charset=utf-8', { Connection: 'close' });

  const refuse = (res: ServerResponse) =>
    send(res, 403, '<!doctype html><meta charset="utf-8"><title>学籍通</title><p>访问被拒绝：请使用学籍通启动时显示的完整地址打开。</p>', 'text/html; charset=utf-8');

  const server = createServer((req, res) => {
    handle(req, res).catch((e) => {
      log.error('http host request failed', e);
      if (!res.headersSent) send(res, 500, JSON.stringify({ ok: false, error: { code: 'INTERNAL', message: '程序内部错误' } }), 'application/json');
    });
  });

  async function handle(req: IncomingMessage, res: ServerResponse) {
    const url = new URL(req.url ?? '/', `http://127.0.0.1:${port}`);
    const host = req.headers.host;
    if (host !== `127.0.0.1:${port}` && host !== `localhost:${port}`) return refuse(res);

    if (req.method === 'GET' && url.searchParams.has('token')) {
      if (!tokenOk(url.searchParams.get('token') ?? undefined)) return refuse(res);
      const { setCookie } = browserCookieFor(req);
      return send(res, 302, '', 'text/plain', {
        'Set-Cookie': [cookieHeader(cookieName, token), ...(setCookie ? [setCookie] : [])],
        Location: '/',
      });
    }
    if (!tokenOk(cookie(req, cookieName))) return refuse(res);

    const sameOrigin = () => {
      const origin = req.headers.origin;
      return !origin || origin === `http://${host}`;
    };
    /** The tab's client id, when the host gave it to this browser; undefined (answered) otherwise. */
    const tabOf = (clientId: string): string | undefined => {
      if (clients.belongs(clientId, browserOf(req))) return clientId;
      if (url.pathname.startsWith('/api/call/') || url.pathname === '/api/files' || url.pathname.startsWith('/api/photos/') || url.pathname.startsWith('/api/certificate-backgrounds/')) answerAndClose(res, CLIENT_NOT_RECOGNIZED, TAB_NOT_RECOGNIZED);
      else send(res, CLIENT_NOT_RECOGNIZED, '<!doctype html><meta charset="utf-8"><p>此标签页的登录信息已失效：请回到学籍通重新登录。</p>', 'text/html; charset=utf-8', { Connection: 'close' });
      return undefined;
    };

    // A new tab asks for its client id (and a browser without the host's cookie gets one).
    if (url.pathname === '/api/clients') {
      if (req.method !== 'POST') return send(res, 405, '', 'text/plain');
      if (!sameOrigin()) return refuse(res);
      const { browserId, setCookie } = browserCookieFor(req);
      const value = { clientId: clients.newTab(browserId) };
      return send(res, 200, JSON.stringify({ ok: true, value }), 'application/json; charset=utf-8', setCookie ? { 'Set-Cookie': setCookie } : {});
    }

    if (url.pathname.startsWith('/api/call/')) {
      if (req.method !== 'POST') return send(res, 405, '', 'text/plain');
      if (!sameOrigin()) return refuse(res);
      const clientId = tabOf(String(req.headers['x-xueji-client'] ?? ''));
      if (!clientId) return;
      const channel = decodeURIComponent(url.pathname.slice('/api/call/'.length));
      // Who asks and what for, before a byte of the body is read.
      if (!isChannel(channel) || SERVED_AS_FILES.has(channel)) return answerAndClose(res, 404, { code: 'UNKNOWN_CHANNEL', message: '未知的请求。' });
      if (contract[channel].access !== 'public' && !core.sessions.get(sessionKey(clientId))) return answerAndClose(res, 401, NOT_SIGNED_IN);
      const limit = MAX_CALL_BYTES;
      const tooLong: AppErrorData = { code: 'VALIDATION', message: `请求内容超过 ${megabytes(limit)}，已拒绝。` };
      if (declaredTooLong(req, limit)) return answerAndClose(res, 413, tooLong);
      let body: Buffer;
      try {
        body = await readBody(req, limit);
      } catch (e) {
        if (e instanceof BodyTooLong) return answerAndClose(res, 413, tooLong);
        throw e;
      }
      let input: unknown;
      try {
        input = body.length ? JSON.parse(body.toString('utf8')) : {};
      } catch {
        return send(res, 400, JSON.stringify({ ok: false, error: { code: 'VALIDATION', message: '请求格式错误' } }), 'application/json');
      }
      const result = await dispatch(sessionKey(clientId), channel, input);
      return send(res, 200, JSON.stringify(result), 'application/json; charset=utf-8');
    }

    // A file the user chose, streamed as the request body (not base64): kept in memory for this tab.
    if (url.pathname === '/api/files') {
      if (req.method !== 'POST') return send(res, 405, '', 'text/plain');
      if (!sameOrigin()) return refuse(res);
      const clientId = tabOf(String(req.headers['x-xueji-client'] ?? ''));
      if (!clientId) return;
      if (!core.sessions.get(sessionKey(clientId))) return answerAndClose(res, 401, NOT_SIGNED_IN);
      const name = url.searchParams.get('name') ?? '';
      const tooLong: AppErrorData = { code: 'VALIDATION', message: `文件“${name}”超过 ${megabytes(MAX_FILE_BYTES)}` };
      if (declaredTooLong(req, MAX_FILE_BYTES)) return answerAndClose(res, 413, tooLong);
      const answer = (r: unknown) => send(res, 200, JSON.stringify(r), 'application/json; charset=utf-8');
      let bytes: Buffer;
      try {
        bytes = await readBody(req, MAX_FILE_BYTES);
      } catch (e) {
        if (e instanceof BodyTooLong) return answerAndClose(res, 413, tooLong);
        throw e;
      }
      try {
        return answer({ ok: true, value: { fileId: addFile(core, sessionKey(clientId), name || '未命名文件', bytes) } });
      } catch (e) {
        return answer({ ok: false, error: toErrorData(e, 'upload') });
      }
    }

    // A job's output (an export) as a download: only to the tab whose job it is, signed in. With
    // ?inline=1 a PDF is shown in the browser's own viewer instead (a new tab, where the user prints it).
    const output = /^\/api\/jobs\/([A-Za-z0-9_-]{1,64})\/output$/.exec(url.pathname);
    if (output && req.method === 'GET') {
      const clientId = tabOf(url.searchParams.get('client') ?? '');
      if (!clientId) return;
      const file = jobOutput(core, sessionKey(clientId), output[1]!);
      if (!file) return send(res, 404, '<!doctype html><meta charset="utf-8"><p>文件已不可用：请回到学籍通重新导出。</p>', 'text/html; charset=utf-8');
      const ascii = file.fileName.replace(/[^\x20-\x7e]/g, '_').replace(/"/g, '');
      const inline = url.searchParams.get('inline') === '1' && file.mime === 'application/pdf';
      return send(res, 200, Buffer.from(file.bytes), file.mime, {
        'Content-Disposition': `${inline ? 'inline' : 'attachment'}; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(file.fileName)}`,
        // Chrome shows a PDF through an <embed> in a page it makes around it (and a frame of the
        // same origin inside): the renderer's CSP (object-src 'none', default-src) and DENY would
        // block its own viewer. Framing by other sites stays refused; their requests carry no
        // SameSite=Strict cookie anyway.
        ...(inline ? { 'Content-Security-Policy': "frame-ancestors 'self'", 'X-Frame-Options': 'SAMEORIGIN' } : {}),
      });
    }

    // A student's photo for the profile page, as an image (not base64 JSON): answered by the photos.get
    // call itself, so the same checks hold (signed in, not locked, students.identity.read, 数据范围),
    // for the tab that asks (its id in the header: the page fetches it). No photo: 204.
    const photo = /^\/api\/photos\/(\d{1,12})$/.exec(url.pathname);
    if (photo && req.method === 'GET') {
      if (!sameOrigin()) return refuse(res);
      const clientId = tabOf(String(req.headers['x-xueji-client'] ?? ''));
      if (!clientId) return;
      const result = await dispatch(sessionKey(clientId), 'photos.get', { id: Number(photo[1]) });
      if (!result.ok) return send(res, 200, JSON.stringify(result), 'application/json; charset=utf-8');
      const image = result.value as { mime: string; bytes: Uint8Array } | null;
      if (!image) return send(res, 204, '', 'text/plain');
      return send(res, 200, Buffer.from(image.bytes), image.mime);
    }

    // A certificate template's scanned blank for the designer, as an image: answered by the
    // certificateTemplates.background call itself (same checks), the name URL-encoded. None: 204.
    const background = /^\/api\/certificate-backgrounds\/([^/]{1,400})$/.exec(url.pathname);
    if (background && req.method === 'GET') {
      if (!sameOrigin()) return refuse(res);
      const clientId = tabOf(String(req.headers['x-xueji-client'] ?? ''));
      if (!clientId) return;
      let name: string;
      try {
        name = decodeURIComponent(background[1]!);
      } catch {
        return send(res, 404, '', 'text/plain');
      }
      const result = await dispatch(sessionKey(clientId), 'certificateTemplates.background', { name });
      if (!result.ok) return send(res, 200, JSON.stringify(result), 'application/json; charset=utf-8');
      const image = result.value as { mime: string; bytes: Uint8Array } | null;
      if (!image) return send(res, 204, '', 'text/plain');
      return send(res, 200, Buffer.from(image.bytes), image.mime);
    }

    if (url.pathname === '/api/events' && req.method === 'GET') {
      const clientId = tabOf(url.searchParams.get('client') ?? '');
      if (!clientId) return;
      const key = sessionKey(clientId);
      res.writeHead(200, { ...SECURITY_HEADERS, 'Content-Type': 'text/event-stream; charset=utf-8', 'Cache-Control': 'no-store', Connection: 'keep-alive' });
      res.write(': connected\n\n');
      const set = streams.get(key) ?? new Set<ServerResponse>();
      set.add(res);
      streams.set(key, set);
      req.on('close', () => {
        set.delete(res);
        if (set.size === 0) streams.delete(key);
      });
      return;
    }

    if (req.method !== 'GET' && req.method !== 'HEAD') return send(res, 405, '', 'text/plain');
    const file = readRendererFile(rendererDir, url.pathname);
    if (!file) return send(res, 404, '未找到界面文件，请先运行 npm run build。', 'text/plain; charset=utf-8');
    return send(res, 200, file.body, file.type);
  }

  const unsubscribe = core.events.subscribe((clientId, event, payload) => {
    const frame = `event: ${event}\ndata: ${JSON.stringify(payload)}\n\n`;
    for (const [key, set] of streams) {
      if (clientId === null || clientId === key) for (const res of set) res.write(frame);
    }
  });
  // The main process locks idle sessions even when the page makes no calls.
  const idleTimer = setInterval(() => lockIdleSessions(core), 5_000);
  const keepAlive = setInterval(() => {
    for (const set of streams.values()) for (const res of set) res.write(': ping\n\n');
  }, 25_000);

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve());
  });
  port = (server.address() as AddressInfo).port;
  // Cookies ignore ports; two hosts must not share one.
  cookieName = `xueji_token_${port}`;
  browserCookieName = `xueji_browser_${port}`;
  return {
    url: `http://127.0.0.1:${port}/?token=${token}`,
    port,
    close: async () => {
      clearInterval(idleTimer);
      clearInterval(keepAlive);
      unsubscribe();
      for (const set of streams.values()) for (const res of set) res.end();
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      // Browsers keep connections alive; on shutdown they must not hold the process open.
      server.closeAllConnections();
      await closed;
    },
  };
}

/** The dispatcher's client id of a browser tab. */
function sessionKey(clientId: string): string {
  return `http:${clientId}`;
}
