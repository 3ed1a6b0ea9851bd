/**
 * Worker thread that lays out and renders a certificate batch (see render.ts), so pdfmake's
 * synchronous layout runs beside the main process. It loads the fonts at once, while the main
 * process still reads the photos, then renders the batch it is sent. Bundled as
 * dist/main/certificates-worker.mjs.
 */
import { parentPort } from 'node:worker_threads';
import { loadFonts, renderPdf } from '../../core/pdf';
import { certificateDocument } from './document';
import type { CertificateRenderReply, CertificateRenderRequest } from './render';

const port = parentPort;
if (port) {
  loadFonts();
  port.postMessage({ ready: true } satisfies CertificateRenderReply);
  port.once('message', ({ sheets, page }: CertificateRenderRequest) => {
    const { doc, images } = certificateDocument(sheets, page);
    renderPdf(doc, 'serif', images).then(
      (bytes) => {
        const out = new Uint8Array(bytes);
        port.postMessage({ ok: true, bytes: out } satisfies CertificateRenderReply, [out.buffer]);
      },
      (e: unknown) => port.postMessage({ ok: false, message: e instanceof Error ? e.message : String(e) } satisfies CertificateRenderReply),
    );
  });
}
