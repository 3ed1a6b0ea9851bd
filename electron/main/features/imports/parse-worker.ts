/**
 * Worker thread that reads an uploaded roster, so a 50,000-row workbook does not stall the main
 * process (every window's calls go through it). Receives the bytes once, posts rows in chunks of
 * CHUNK_ROWS, then `done` (or `error`). Bundled as dist/main/import-worker.mjs; from source it is
 * started through tsx (see parse-runner.ts).
 */
import { parentPort } from 'node:worker_threads';
import { FileRefused, parseSpreadsheet, type FileKind } from './parse';
import { InflatedTooLarge } from './xlsx-reader';

export interface ParseRequest {
  bytes: Uint8Array;
  kind: FileKind;
  fileName: string;
  maxRows: number;
}

export type ParseMessage =
  | { type: 'sheet'; name: string }
  | { type: 'rows'; rowNos: number[]; cells: unknown[][] }
  | { type: 'done'; encoding: string | null; order: string[] }
  | {
      type: 'error';
      /** For the log; shown to the user only when `refused`. */
      message: string;
      /** The message is the whole reason for the user (FileRefused). */
      refused?: boolean;
      /** The workbook inflates to more than a roster can be (InflatedTooLarge). */
      tooLarge?: boolean;
    };

const port = parentPort;
if (port) {
  port.once('message', (req: ParseRequest) => {
    const post = (m: ParseMessage) => port.postMessage(m);
    parseSpreadsheet(req.bytes, req.kind, req.fileName, req.maxRows, {
      sheet: (name) => post({ type: 'sheet', name }),
      rows: (rowNos, cells) => post({ type: 'rows', rowNos, cells }),
      cancelled: () => false,
    }).then(
      (r) => post({ type: 'done', encoding: r.encoding, order: r.order }),
      (e: unknown) => post({ type: 'error', message: e instanceof Error ? e.message : String(e), refused: e instanceof FileRefused, tooLarge: e instanceof InflatedTooLarge }),
    );
  });
}
