/**
 * Renders a certificate batch to PDF bytes: one sheet here, a batch in a worker thread
 * (render-worker.ts) so the main process keeps answering while pdfmake lays out a thousand pages,
 * and 取消 ends the thread. As transcripts/render.ts; without a worker (a packaging problem) the
 * batch is rendered here: slower to respond, same file.
 */
import { renderPdf, type PageMm } from '../../core/pdf';
import { runWorker } from '../../core/worker-runner';
import { certificateDocument } from './document';
import type { CertificateSheet } from './layout';

export interface CertificateRenderRequest {
  sheets: CertificateSheet[];
  page: PageMm;
}
export type CertificateRenderReply = { ok: true; bytes: Uint8Array } | { ok: false; message: string };

const CANCEL_POLL_MS = 200;

export async function renderCertificates(req: CertificateRenderRequest, cancelled: () => boolean, inWorker = req.sheets.length > 1): Promise<Buffer | null> {
  const here = async () => renderPdf(certificateDocument(req.sheets, req.page), 'serif');
  if (!inWorker) return here();
  return new Promise<Buffer | null>((resolve, reject) => {
    let poll: ReturnType<typeof setInterval> | undefined;
    const done = () => {
      if (poll) clearInterval(poll);
      worker?.end();
    };
    const worker = runWorker<CertificateRenderReply>(
      { here: import.meta.url, source: './render-worker.ts', bundled: 'certificates-worker', workerData: req, resourceLimits: { maxOldGenerationSizeMb: 2048 } },
      {
        message(m) {
          done();
          if (m.ok) resolve(Buffer.from(m.bytes.buffer, m.bytes.byteOffset, m.bytes.byteLength));
          else reject(new Error(m.message));
        },
        unavailable() {
          done();
          here().then(resolve, reject);
        },
        failed(e) {
          done();
          reject(e);
        },
        exited(code) {
          done();
          reject(new Error(`证书排版线程意外退出（${code}）`));
        },
      },
    );
    if (!worker) return;
    poll = setInterval(() => {
      if (cancelled()) {
        done();
        resolve(null);
      }
    }, CANCEL_POLL_MS);
  });
}
