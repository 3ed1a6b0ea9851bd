/**
 * Renders a certificate batch to PDF bytes. A batch is laid out in a worker thread
 * (render-worker.ts) so the main process keeps answering while pdfmake lays out a thousand pages,
 * and 取消 ends the thread. The worker is started as soon as the batch is known (before the photos
 * are read and the fields measured), so its fonts load while this process does that work. One
 * sheet is rendered here; without a worker (a packaging problem) so is the batch: same file.
 */
import { renderPdf, type PageMm } from '../../core/pdf';
import { runWorker, type RunningWorker } from '../../core/worker-runner';
import { certificateDocument } from './document';
import type { CertificateSheet } from './layout';

export interface CertificateRenderRequest {
  sheets: CertificateSheet[];
  page: PageMm;
}
/** `ready`: the thread is up with its fonts loaded (so a later error is the work's, not a start-up failure). */
export type CertificateRenderReply = { ready: true } | { ok: true; bytes: Uint8Array } | { ok: false; message: string };

const CANCEL_POLL_MS = 200;

export interface CertificateRenderer {
  /** The PDF, or null when cancelled while rendering. */
  render(req: CertificateRenderRequest, cancelled: () => boolean): Promise<Buffer | null>;
  /** Ends the worker (refused before rendering, or done). */
  end(): void;
}

const here = async (req: CertificateRenderRequest) => {
  const { doc, images } = certificateDocument(req.sheets, req.page);
  return renderPdf(doc, 'serif', images);
};
/** The photos' buffers, moved to the thread rather than copied (each photo owns its buffer). */
const photoBuffers = (req: CertificateRenderRequest) => [...new Set(req.sheets.flatMap((s) => (s.photo ? [s.photo.bytes.buffer as ArrayBuffer] : [])))];

export function certificateRenderer(inWorker: boolean): CertificateRenderer {
  if (!inWorker) return { render: (req) => here(req), end() {} };
  let settle: { resolve(b: Buffer | null): void; reject(e: unknown): void } | null = null;
  let pending: CertificateRenderRequest | null = null;
  let ready = false;
  // The photos move to the thread (not copied), so the batch is sent only once the thread has said
  // it is up: until then a start-up failure falls back to this process with the photos still here.
  const send = () => {
    if (ready && pending && worker) worker.thread.postMessage(pending, photoBuffers(pending));
  };
  let outcome: { unavailable: true } | { error: Error } | null = null;
  const worker: RunningWorker | null = runWorker<CertificateRenderReply>(
    { here: import.meta.url, source: './render-worker.ts', bundled: 'certificates-worker', resourceLimits: { maxOldGenerationSizeMb: 2048 } },
    {
      message(m) {
        if ('ready' in m) {
          ready = true;
          return send();
        }
        worker?.end();
        if (m.ok) settle?.resolve(Buffer.from(m.bytes.buffer, m.bytes.byteOffset, m.bytes.byteLength));
        else settle?.reject(new Error(m.message));
      },
      unavailable() {
        outcome = { unavailable: true };
        if (pending && settle) here(pending).then(settle.resolve, settle.reject);
      },
      failed(e) {
        outcome = { error: e };
        settle?.reject(e);
      },
      exited(code) {
        const e = new Error(`证书排版线程意外退出（${code}）`);
        outcome ??= { error: e };
        settle?.reject(e);
      },
    },
  );
  return {
    render(req, cancelled) {
      if (!worker || outcome && 'unavailable' in outcome) return here(req);
      if (outcome) return Promise.reject(outcome.error);
      return new Promise<Buffer | null>((resolve, reject) => {
        const poll = setInterval(() => {
          if (!cancelled()) return;
          worker.end();
          finish();
          resolve(null);
        }, CANCEL_POLL_MS);
        const finish = () => clearInterval(poll);
        settle = { resolve: (b) => (finish(), resolve(b)), reject: (e) => (finish(), reject(e)) };
        pending = req;
        send();
      });
    },
    end() {
      worker?.end();
    },
  };
}

/** One batch, start to end (the bench's and simple callers' way). */
export async function renderCertificates(req: CertificateRenderRequest, cancelled: () => boolean, inWorker = req.sheets.length > 1): Promise<Buffer | null> {
  const r = certificateRenderer(inWorker);
  try {
    return await r.render(req, cancelled);
  } finally {
    r.end();
  }
}
