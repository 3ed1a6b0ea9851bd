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
  /**
   * Prints a finished job's PDF: the desktop shows it and opens the system print dialog; the browser
   * opens it in a new tab, in its own PDF viewer, where the user prints it.
   */
  printOutput(jobId: string): Promise<Result<{ opened: boolean }>>;
  /**
   * A student's photo (photos.get, with its checks), as bytes never base64: over the desktop's IPC
   * as they are, in the browser from GET /api/photos/<id>. Null when the student has none.
   */
  photo(studentId: number): Promise<Result<Blob | null>>;
  /**
   * A certificate template's scanned blank form (certificateTemplates.background, with its checks),
   * as bytes like a photo: over IPC as they are, in the browser from GET /api/certificate-backgrounds/<name>.
   */
  templateBackground(name: string): Promise<Result<Blob | null>>;
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

/** A call answered with an image's bytes ({mime, bytes} or null), as a Blob. */
async function imageOverIpc(bridge: XuejiBridge, channel: string, input: unknown): Promise<Result<Blob | null>> {
  try {
    const r = await bridge.invoke(channel, input);
    if (!isResult(r)) return { ok: false, error: { code: 'INTERNAL', message: BAD_RESPONSE_MESSAGE } };
    if (!r.ok) return r;
    const image = r.value as { mime: string; bytes: Uint8Array } | null;
    return { ok: true, value: image ? new Blob([new Uint8Array(image.bytes)], { type: image.mime }) : null };
  } catch {
    return connectionLost() as Result<Blob | null>;
  }
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
    photo: (studentId) => imageOverIpc(bridge, 'photos.get', { id: studentId }),
    templateBackground: (name) => imageOverIpc(bridge, 'certificateTemplates.background', { name }),
    async printOutput(jobId) {
      try {
        const r = await bridge.printOutput(jobId);
        return isResult(r) ? (r as Result<{ opened: boolean }>) : { ok: false, error: { code: 'INTERNAL', message: BAD_RESPONSE_MESSAGE } };
      } catch {
        return connectionLost() as Result<{ opened: boolean }>;
      }
    },
  };
}

/** Where a tab keeps the client id the host gave it: sessionStorage is per tab and survives a reload. */
const CLIENT_ID_KEY = 'xueji.clientId';
/** The host's answer to a client id it did not give this browser (electron/main/hosts/http-host.ts). */
const CLIENT_NOT_RECOGNIZED = 409;
/**
 * How long a page waits for the id it found in sessionStorage to be free. A reload finds it free at
 * once (the old page is gone); a copy of a live tab (复制标签页, or a page opened from it, which the
 * browser gives a copy of the tab's storage) does not, and asks for an id of its own.
 */
const CLAIM_WAIT_MS = 500;

/**
 * Holds the lock named after the client id for as long as this page lives; false when another
 * live page of this browser holds it. Without Web Locks, the id is simply taken.
 */
function claim(clientId: string): Promise<boolean> {
  const locks = typeof navigator !== 'undefined' ? navigator.locks : undefined;
  if (!locks) return Promise.resolve(true);
  return new Promise((resolve) => {
    const stopWaiting = new AbortController();
    const timer = setTimeout(() => stopWaiting.abort(), CLAIM_WAIT_MS);
    locks
      .request(`xueji.client.${clientId}`, { signal: stopWaiting.signal }, () => {
        clearTimeout(timer);
        resolve(true);
        return new Promise<void>(() => {}); // released when the page goes away
      })
      .catch(() => resolve(false));
  });
}

function stored(): string | null {
  try {
    return window.sessionStorage.getItem(CLIENT_ID_KEY);
  } catch {
    return null;
  }
}

function store(clientId: string): void {
  try {
    window.sessionStorage.setItem(CLIENT_ID_KEY, clientId);
  } catch {
    // Without storage the tab still works; a reload then signs in again.
  }
}

/** A client id from the host, bound to this browser's cookie. Throws when the host cannot be reached. */
async function issuedClientId(): Promise<string> {
  const response = await fetch('/api/clients', { method: 'POST', credentials: 'same-origin' });
  const body: unknown = await response.json();
  if (!isResult(body) || !body.ok) throw new Error('no client id');
  const clientId = (body.value as { clientId: string }).clientId;
  store(clientId);
  await claim(clientId);
  return clientId;
}

/**
 * This tab's client id: the one it had before a reload (F5 keeps the user signed in, as in the
 * desktop window), unless a live tab holds it; otherwise a new one from the host. Each tab signs in
 * on its own, so a second tab signed in as someone else never changes the first tab's user.
 */
async function tabClientId(): Promise<string> {
  const kept = stored();
  if (kept && (await claim(kept))) return kept;
  return issuedClientId();
}

function httpTransport(): Transport {
  const listeners = new Map<string, Set<(payload: unknown) => void>>();
  const attached = new Set<string>();
  let clientIdPromise: Promise<string> | null = null;
  let source: { clientId: string; events: EventSource } | null = null;

  /** The tab's id, asked for once (again after a failure, so a host started later is found). */
  const clientId = (): Promise<string> => {
    clientIdPromise ??= tabClientId().catch((e: unknown) => {
      clientIdPromise = null;
      throw e;
    });
    return clientIdPromise;
  };

  const deliver = (event: string) => (message: MessageEvent<string>) => {
    let payload: unknown = null;
    try {
      payload = message.data ? JSON.parse(message.data) : null;
    } catch {
      return;
    }
    for (const cb of listeners.get(event) ?? []) cb(payload);
  };

  /** The events stream of this tab's id (opened again under a new id). */
  const listen = (id: string) => {
    if (source?.clientId === id) return;
    source?.events.close();
    const events = new EventSource(`/api/events?client=${encodeURIComponent(id)}`);
    for (const event of attached) events.addEventListener(event, deliver(event));
    source = { clientId: id, events };
  };

  /**
   * The host did not recognise the id (this browser's cookie changed, say): a new one, which has no
   * session, so the page shows the sign-in. Calls refused at the same time share the new id.
   */
  const renew = async (stale: string): Promise<string> => {
    const current = await clientId().catch(() => stale);
    if (current !== stale) return current;
    clientIdPromise = issuedClientId();
    const id = await clientIdPromise;
    if (source) listen(id);
    return id;
  };

  /** A request that names the tab; once more with a new id if the host did not know the old one. */
  const sendAsTab = async (send: (clientId: string) => Promise<Response>): Promise<Response | null> => {
    try {
      const id = await clientId();
      // Events asked for while the host could not be reached are listened to now.
      if (!source && attached.size > 0) listen(id);
      const response = await send(id);
      return response.status === CLIENT_NOT_RECOGNIZED ? await send(await renew(id)) : response;
    } catch {
      return null;
    }
  };

  const resultOf = async (response: Response): Promise<Result<unknown>> => {
    try {
      const body: unknown = await response.json();
      if (isResult(body)) return body;
    } catch {
      // fall through
    }
    return { ok: false, error: { code: 'INTERNAL', message: BAD_RESPONSE_MESSAGE } };
  };

  /** An image route (a photo, a template's blank): fetched with the tab's id in a header, like a call; the image arrives as stored. */
  const image = async (path: string): Promise<Result<Blob | null>> => {
    const response = await sendAsTab((id) => fetch(path, { credentials: 'same-origin', headers: { 'X-Xueji-Client': id } }));
    if (!response) return connectionLost() as Result<Blob | null>;
    if (response.status === 204) return { ok: true, value: null };
    if (response.ok && (response.headers.get('Content-Type') ?? '').startsWith('image/')) return { ok: true, value: await response.blob() };
    const r = await resultOf(response);
    return r.ok ? { ok: false, error: { code: 'INTERNAL', message: BAD_RESPONSE_MESSAGE } } : r;
  };

  return {
    async invoke(channel, input) {
      const response = await sendAsTab((id) =>
        fetch(`/api/call/${encodeURIComponent(channel)}`, {
          method: 'POST',
          credentials: 'same-origin',
          headers: { 'Content-Type': 'application/json', 'X-Xueji-Client': id },
          body: JSON.stringify(input ?? {}),
        }),
      );
      return response ? resultOf(response) : connectionLost();
    },
    async upload(file) {
      // The File is the body: the browser streams it from disk, nothing is encoded.
      const response = await sendAsTab((id) =>
        fetch(`/api/files?name=${encodeURIComponent(file.name)}`, {
          method: 'POST',
          credentials: 'same-origin',
          headers: { 'Content-Type': 'application/octet-stream', 'X-Xueji-Client': id },
          body: file,
        }),
      );
      return (response ? resultOf(response) : connectionLost()) as Promise<Result<{ fileId: string }>>;
    },
    async saveOutput(jobId, fileName) {
      let id: string;
      try {
        id = await clientId();
      } catch {
        return connectionLost() as Result<{ saved: boolean }>;
      }
      // A plain download of the job's output, behind the same cookies and this tab's client id.
      const a = document.createElement('a');
      a.href = `/api/jobs/${encodeURIComponent(jobId)}/output?client=${encodeURIComponent(id)}`;
      a.download = fileName;
      a.style.display = 'none';
      document.body.appendChild(a);
      a.click();
      a.remove();
      return { ok: true, value: { saved: true } };
    },
    photo: (studentId) => image(`/api/photos/${encodeURIComponent(String(studentId))}`),
    templateBackground: (name) => image(`/api/certificate-backgrounds/${encodeURIComponent(name)}`),
    async printOutput(jobId) {
      let id: string;
      try {
        id = await clientId();
      } catch {
        return connectionLost() as Result<{ opened: boolean }>;
      }
      // The same output route, shown inline: the browser's PDF viewer prints it at its own size.
      const tab = window.open(`/api/jobs/${encodeURIComponent(jobId)}/output?client=${encodeURIComponent(id)}&inline=1`, '_blank');
      if (!tab) return { ok: false, error: { code: 'VALIDATION', message: '浏览器阻止了新标签页：请允许本页打开新窗口，或改用“保存 PDF”后打印。' } };
      tab.opener = null;
      return { ok: true, value: { opened: true } };
    },
    on(event, cb) {
      let set = listeners.get(event);
      if (!set) {
        set = new Set();
        listeners.set(event, set);
      }
      set.add(cb);
      if (!attached.has(event)) {
        attached.add(event);
        if (source) source.events.addEventListener(event, deliver(event));
        else
          void clientId()
            .then(listen)
            .catch(() => {});
      }
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
