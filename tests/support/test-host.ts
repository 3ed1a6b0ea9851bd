import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startHttpHost, type HttpHost } from '../../electron/main/hosts/http-host';
import type { TestApp } from './harness';

/** The real browser host over a test app's services, with a stub page for the renderer. */
export async function startTestHost(app: TestApp): Promise<HttpHost> {
  const rendererDir = mkdtempSync(join(tmpdir(), 'xueji-r-'));
  mkdirSync(rendererDir, { recursive: true });
  writeFileSync(join(rendererDir, 'index.html'), '<!doctype html><title>学籍通</title>');
  const { createDispatcher } = await import('../../electron/main/core/dispatch');
  const { handlers } = await import('../../electron/main/handlers');
  return startHttpHost({ core: app.core, dispatch: createDispatcher(app.core, handlers), rendererDir });
}
