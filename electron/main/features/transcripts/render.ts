/**
 * Renders transcripts to PDF bytes: one transcript in this process (a moment's work), a batch in a
 * worker thread (render-worker.ts) so the main process keeps answering while pdfmake lays out
 * pages, and the job's 取消 ends the thread. If no worker can be started (a packaging problem) the
 * batch is rendered here instead: slower to respond, same file.
 */
import { renderPdf } from '../../core/pdf';
import { runWorker } from '../../core/worker-runner';
import type { TranscriptPageSize } from '../../../../shared/domain/transcripts';
import { transcriptDocument, type TranscriptPart } from './document';

export interface RenderRequest {
  parts: TranscriptPart[];
  page: TranscriptPageSize;
}
export type RenderReply = { ok: true; bytes: Uint8Array } | { ok: false; message: string };

/** How often a batch being rendered looks whether its job was cancelled. */
const CANCEL_POLL_MS = 200;

export async function renderTranscripts(req: RenderRequest, cancelled: () => boolean): Promise<Buffer | null> {
  const here = async () => renderPdf(transcriptDocument(req.parts, req.page), 'serif');
  if (req.parts.length <= 1) return here();
  return new Promise<Buffer | null>((resolve, reject) => {
    let poll: ReturnType<typeof setInterval> | undefined;
    const done = () => {
      if (poll) clearInterval(poll);
      worker?.end();
    };
    const worker = runWorker<RenderReply>(
      { here: import.meta.url, source: './render-worker.ts', bundled: 'transcripts-worker', workerData: req, resourceLimits: { maxOldGenerationSizeMb: 2048 } },
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
          reject(new Error(`成绩单排版线程意外退出（${code}）`));
        },
      },
    );
    if (!worker) return;
    // Cancelled while the pages are being laid out: the thread is ended, nothing is recorded.
    poll = setInterval(() => {
      if (cancelled()) {
        done();
        resolve(null);
      }
    }, CANCEL_POLL_MS);
  });
}
