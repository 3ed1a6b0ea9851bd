import type { CliSession } from './session';

/**
 * Progress of a long import on stderr, at most once a second (the first at once): someone running
 * a 50,000-row import from a script sees it move, and stdout stays the result or the JSON.
 */
export function showProgress(session: CliSession): () => void {
  let last = 0;
  return session.onProgress((p) => {
    const now = Date.now();
    if (last !== 0 && now - last < 1000) return;
    last = now;
    process.stderr.write(`${p.message}\n`);
  });
}
