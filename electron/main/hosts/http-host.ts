import { randomBytes, timingSafeEqual } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { AppCore } from '../core/context';
import { lockIdleSessions, type Dispatch } from '../core/dispatch';
import { log } from '../core/log';
import { toErrorData } from '../core/errors';
import { addFile, MAX_FILE_BYTES } from '../core/files';
import { jobOutput } from '../core/jobs';
import { readRendererFile, RENDERER_CSP } from './static-files';

export interface HttpHost {
  url: string;
  port: number;
  close(): Promise<void>;
}

// Calls carry JSON; files come separately (POST /api/files).
const MAX_BODY = 20 * 1024 * 1024;
const CLIENT_ID = /^[A-Za-z0-9_-]{1,64}$/;

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
 * so other local users' pages and DNS-rebinding sites cannot reach the data.
 */
export async function startHttpHost(options: { core: AppCore; dispatch: Dispatch; rendererDir: string; port?: number }): Promise<HttpHost> {
  const { core, dispatch, rendererDir } = options;
  const token = randomBytes(32).toString('base64url');
  const tokenBuf = Buffer.from(token);
  const streams = new Map<string, Set<ServerResponse>>();
  let port = 0;
  let cookieName = 'xueji_token';

  const tokenOk = (candidate: string | undefined) => {
    if (!candidate) return false;
    const b = Buffer.from(candidate);
    return b.length === tokenBuf.length && timingSafeEqual(b, tokenBuf);
  };

  const cookieToken = (req: IncomingMessage) =>
    (req.headers.cookie ?? '')
      .split(';')
      .map((c) => c.trim().split('='))
      .find(([k]) => k === cookieName)?.[1];

  const send = (res: ServerResponse, status: number, body: string | Buffer, type: string, extra: Record<string, string> = {}) => {
    res.writeHead(status, { ...SECURITY_HEADERS, 'Content-Type': type, 'Cache-Control': 'no-store', ...extra });
    res.end(body);
  };

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
      return send(res, 302, '', 'text/plain', {
        'Set-Cookie': `${cookieName}=${token}; HttpOnly; SameSite=Strict; Path=/`,
        Location: '/',
      });
    }
    if (!tokenOk(cookieToken(req))) return refuse(res);

    if (url.pathname.startsWith('/api/call/')) {
      if (req.method !== 'POST') return send(res, 405, '', 'text/plain');
      const origin = req.headers.origin;
      if (origin && origin !== `http://${host}`) return refuse(res);
      const clientId = String(req.headers['x-xueji-client'] ?? '');
      if (!CLIENT_ID.test(clientId)) return send(res, 400, '', 'text/plain');
      const body = await readBody(req);
      let input: unknown;
      try {
        input = body.length ? JSON.parse(body.toString('utf8')) : {};
      } catch {
        return send(res, 400, JSON.stringify({ ok: false, error: { code: 'VALIDATION', message: '请求格式错误' } }), 'application/json');
      }
      const channel = decodeURIComponent(url.pathname.slice('/api/call/'.length));
      const result = await dispatch(`http:${clientId}`, channel, input);
      return send(res, 200, JSON.stringify(result), 'application/json; charset=utf-8');
    }

    // A file the user chose, streamed as the request body (not base64): kept in memory for this tab.
    if (url.pathname === '/api/files') {
      if (req.method !== 'POST') return send(res, 405, '', 'text/plain');
      const origin = req.headers.origin;
      if (origin && origin !== `http://${host}`) return refuse(res);
      const clientId = String(req.headers['x-xueji-client'] ?? '');
      if (!CLIENT_ID.test(clientId)) return send(res, 400, '', 'text/plain');
      const name = url.searchParams.get('name') ?? '';
      const answer = (r: unknown) => send(res, 200, JSON.stringify(r), 'application/json; charset=utf-8');
      let bytes: Buffer;
      try {
        bytes = await readBody(req, MAX_FILE_BYTES);
      } catch {
        return answer({ ok: false, error: { code: 'VALIDATION', message: `文件“${name}”超过 ${MAX_FILE_BYTES / 1024 / 1024} MB` } });
      }
      try {
        return answer({ ok: true, value: { fileId: addFile(core, `http:${clientId}`, name || '未命名文件', bytes) } });
      } catch (e) {
        return answer({ ok: false, error: toErrorData(e, 'upload') });
      }
    }

    // A job's output (an export) as a download: only to the tab whose job it is, signed in.
    const output = /^\/api\/jobs\/([A-Za-z0-9_-]{1,64})\/output$/.exec(url.pathname);
    if (output && req.method === 'GET') {
      const clientId = url.searchParams.get('client') ?? '';
      if (!CLIENT_ID.test(clientId)) return send(res, 400, '', 'text/plain');
      const file = jobOutput(core, `http:${clientId}`, output[1]!);
      if (!file) return send(res, 404, '<!doctype html><meta charset="utf-8"><p>文件已不可用：请回到学籍通重新导出。</p>', 'text/html; charset=utf-8');
      const ascii = file.fileName.replace(/[^\x20-\x7e]/g, '_').replace(/"/g, '');
      return send(res, 200, Buffer.from(file.bytes), file.mime, {
        'Content-Disposition': `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(file.fileName)}`,
      });
    }

    if (url.pathname === '/api/events' && req.method === 'GET') {
      const clientId = url.searchParams.get('client') ?? '';
      if (!CLIENT_ID.test(clientId)) return send(res, 400, '', 'text/plain');
      const key = `http:${clientId}`;
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
  cookieName = `xueji_token_${port}`; // cookies ignore ports; two hosts must not share one
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

function readBody(req: IncomingMessage, max = MAX_BODY): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (c: Buffer) => {
      size += c.length;
      if (size > max) {
        reject(new Error('body too large'));
        req.destroy();
      } else chunks.push(c);
    });
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}
