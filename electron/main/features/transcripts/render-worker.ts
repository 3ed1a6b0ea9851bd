/**
 * Worker thread that lays out and renders a batch of transcripts (a class, or more), so pdfmake's
 * synchronous layout — seconds for a class, minutes for a year — runs beside the main process
 * instead of stopping it: other windows' calls are answered, and the job can be cancelled (the
 * thread is terminated). Bundled as dist/main/transcripts-worker.mjs (see render.ts).
 */
import { parentPort, workerData } from 'node:worker_threads';
import { renderPdf } from '../../core/pdf';
import { transcriptDocument } from './document';
import type { RenderReply, RenderRequest } from './render';

const port = parentPort;
if (port) {
  const { parts, page } = workerData as RenderRequest;
  renderPdf(transcriptDocument(parts, page), 'serif').then(
    (bytes) => {
      // A copy that owns its memory, so it can be moved to the main thread without copying again.
      const out = new Uint8Array(bytes);
      port.postMessage({ ok: true, bytes: out } satisfies RenderReply, [out.buffer]);
    },
    (e: unknown) => port.postMessage({ ok: false, message: e instanceof Error ? e.message : String(e) } satisfies RenderReply),
  );
}
