/**
 * Where a worker thread's code is: beside the esbuild bundle (dist/main/<bundled>.mjs) when running
 * built, or the TypeScript source started through tsx's ESM loader when running from source (tsx,
 * vitest).
 */
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { WorkerOptions } from 'node:worker_threads';

/** `here`: the caller's import.meta.url; `source`: the worker's .ts file relative to it; `bundled`: its bundle name. */
export function workerSpec(here: string, source: string, bundled: string): { target: URL | string; options: WorkerOptions } {
  if (new URL(here).pathname.endsWith('.ts')) {
    const tsxDir = dirname(createRequire(here).resolve('tsx/package.json'));
    const api = pathToFileURL(join(tsxDir, 'dist', 'esm', 'api', 'index.mjs')).href;
    const src = new URL(source, here).href;
    return {
      target: `import(${JSON.stringify(api)}).then((m) => { m.register(); return import(${JSON.stringify(src)}); });`,
      options: { eval: true },
    };
  }
  return { target: new URL(`./${bundled}.mjs`, here), options: {} };
}
