import type { IncomingMessage } from 'node:http';

const MB = 1024 * 1024;

/**
 * A call's JSON: the largest list a call takes (20,000 student ids) is about 160 KB. No call carries
 * a file: files come through POST /api/files and calls name them by fileId.
 */
export const MAX_CALL_BYTES = 1 * MB;

/** "超过 1 MB" — the limit as the refusal names it. */
export const megabytes = (bytes: number) => `${Math.round(bytes / MB)} MB`;

/** The body says beforehand that it is longer than allowed: refused before a byte of it is read. */
export function declaredTooLong(req: IncomingMessage, max: number): boolean {
  const declared = Number(req.headers['content-length']);
  return Number.isFinite(declared) && declared > max;
}

export class BodyTooLong extends Error {}

/**
 * Reads the body up to `max` bytes. Past that it stops reading and rejects with BodyTooLong; the
 * caller then answers with `Connection: close`, so the rest is never read.
 */
export function readBody(req: IncomingMessage, max: number): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const onData = (c: Buffer) => {
      size += c.length;
      if (size <= max) return void chunks.push(c);
      req.off('data', onData);
      req.pause();
      reject(new BodyTooLong());
    };
    req.on('data', onData);
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}
