import type { Result } from '../../../shared/ipc/result';
import type { XuejiBridge } from './xueji';

/** One way to reach the main process: Electron IPC through the preload, or HTTP to the local host. */
export interface Transport {
  invoke(channel: string, input: unknown): Promise<Result<unknown>>;
  on(event: string, cb: (payload: unknown) => void): () => void;
  /** Hands a file the user chose to the main process (its bytes, never base64 or a path). */
  upload(file: File): Promise<Result<{ fileId: string }>>;
  /** Saves a finished job's output: the save dialog (desktop) or a download (browser). */
  saveOutput(jobId: string, fileName: string): Promise<Result<{ saved: boolean }>>;
}

export const CONNECTION_LOST_MESSAGE = '无法连接到学籍通服务，请确认程序仍在运行';
const BAD_RESPONSE_MESSAGE = '学籍通服务返回了无法识别的结果，请重试';

const connectionLost = (): Result<unknown> => ({
  ok: false,
  error: { code: 'INTERNAL', message: CONNECTION_LOST_MESSAGE },
});

function isResult(value: unknown): value is Result<unknown> {
  if (typeof value !== 'object' || value === null || !('ok' in value)) return false;
  const v = value as { ok: unknown; error?: unknown };
  if (v.ok === true) return 'value' in value;
  return v.ok === false && typeof v.error === 'object' && v.error !== null;
}

function electronTransport(bridge: XuejiBridge): Transport {
  return {
    async invoke(channel, input) {
      try {
        const result = await bridge.invoke(channel, input);
        return isResult(result) ? result : { ok: false, error: { code: 'INTERNAL', message: BAD_RESPONSE_MESSAGE } };
      } catch {
        return connectionLost();
      }
    },
    on: (event, cb) => bridge.on(event, cb),
    async upload(file) {
      try {
        const r = await bridge.upload(file.name, await file.arrayBuffer());
        return isResult(r) ? (r as Result<{ fileId: string }>) : { ok: false, error: { code: 'INTERNAL', message: BAD_RESPONSE_MESSAGE } };
      } catch {
        return { ok: false, error: { code: 'VALIDATION', message: `无法读取文件“${file.name}”` } };
      }
    },
    async saveOutput(jobId) {
      try {
        const r = await bridge.saveOutput(jobId);
        return isResult(r) ? (r as Result<{ saved: boolean }>) : { ok: false, error: { code: 'INTERNAL', message: BAD_RESPONSE_MESSAGE } };
      } catch {
        return connectionLost() as Result<{ saved: boolean }>;
      }
    },
  };
}

function newClientId(): string {
  if (typeof crypto !== 'undefined' && typeof crypto.randomUUID === 'function') return crypto.randomUUID();
  // randomUUID needs a secure context; 127.0.0.1 is one, but keep a fallback just in case.
  const bytes = new Uint8Array(16);
  crypto.getRandomValues(bytes);
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}

/**
 * One client id per browser tab, kept across reloads (sessionStorage is per tab), so pressing F5
 * keeps the user signed in as it does in the desktop window; a new tab signs in on its own.
 */
function tabClientId(): string {
  try {
    const kept = window.sessionStorage.getItem('xueji.clientId');
    if (kept) return kept;
    const id = newClientId();
    window.sessionStorage.setItem('xueji.clientId', id);
    return id;
  } catch {
    return newClientId();
  }
}

function httpTransport(): Transport {
  const clientId = tabClientId();
  const listeners = new Map<string, Set<(payload: unknown) => void>>();
  const attached = new Set<string>();
  let source: EventSource | null = null;

  const ensureSource = (): EventSource => {
    if (!source) source = new EventSource(`/api/events?client=${encodeURIComponent(clientId)}`);
    return source;
  };

  const attach = (event: string) => {
    if (attached.has(event)) return;
    attached.add(event);
    ensureSource().addEventListener(event, (message: MessageEvent<string>) => {
      let payload: unknown = null;
      try {
        payload = message.data ? JSON.parse(message.data) : null;
      } catch {
        return;
      }
      for (const cb of listeners.get(event) ?? []) cb(payload);
    });
  };

  return {
    async invoke(channel, input) {
      let response: Response;
      try {
        response = await fetch(`/api/call/${encodeURIComponent(channel)}`, {
          method: 'POST',
          credentials: 'same-origin',
          headers: { 'Content-Type': 'application/json', 'X-Xueji-Client': clientId },
          body: JSON.stringify(input ?? {}),
        });
      } catch {
        return connectionLost();
      }
      try {
        const body: unknown = await response.json();
        if (isResult(body)) return body;
      } catch {
        // fall through
      }
      return { ok: false, error: { code: 'INTERNAL', message: BAD_RESPONSE_MESSAGE } };
    },
    async upload(file) {
      let response: Response;
      try {
        // The File is the body: the browser streams it from disk, nothing is encoded.
        response = await fetch(`/api/files?name=${encodeURIComponent(file.name)}`, {
          method: 'POST',
          credentials: 'same-origin',
          headers: { 'Content-Type': 'application/octet-stream', 'X-Xueji-Client': clientId },
          body: file,
        });
      } catch {
        return connectionLost() as Result<{ fileId: string }>;
      }
      try {
        const body: unknown = await response.json();
        if (isResult(body)) return body as Result<{ fileId: string }>;
      } catch {
        // fall through
      }
      return { ok: false, error: { code: 'INTERNAL', message: BAD_RESPONSE_MESSAGE } };
    },
    async saveOutput(jobId, fileName) {
      // A plain download of the job's output, behind the same cookie and this tab's client id.
      const a = document.createElement('a');
      a.href = `/api/jobs/${encodeURIComponent(jobId)}/output?client=${encodeURIComponent(clientId)}`;
      a.download = fileName;
      a.style.display = 'none';
      document.body.appendChild(a);
      a.click();
      a.remove();
      return { ok: true, value: { saved: true } };
    },
    on(event, cb) {
      let set = listeners.get(event);
      if (!set) {
        set = new Set();
        listeners.set(event, set);
      }
      set.add(cb);
      attach(event);
      return () => {
        set.delete(cb);
      };
    },
  };
}

let current: Transport | null = null;

/** The transport for this page: chosen once, on first use. */
export function getTransport(): Transport {
  if (!current) current = typeof window !== 'undefined' && window.xueji ? electronTransport(window.xueji) : httpTransport();
  return current;
}
