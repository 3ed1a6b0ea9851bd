import { existsSync, readFileSync, statSync } from 'node:fs';
import { extname, join, normalize, sep } from 'node:path';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.ttf': 'font/ttf',
};

/** The renderer's CSP, sent by both hosts (the page also carries it in a meta tag). */
export const RENDERER_CSP = [
  "default-src 'self'",
  "script-src 'self'",
  // MUI (emotion) injects <style> elements at run time.
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

/**
 * Resolves a URL path to a file inside the renderer folder; anything outside it (../) is refused.
 * Unknown paths fall back to index.html (the app routes with the URL hash, so this is rare).
 */
export function readRendererFile(rendererDir: string, urlPath: string): { body: Buffer; type: string } | null {
  const decoded = decodeURIComponent(urlPath.split('?')[0] ?? '/');
  const rel = normalize(decoded === '/' ? '/index.html' : decoded).replace(/^([/\\])+/, '');
  const file = join(rendererDir, rel);
  if (!file.startsWith(rendererDir + sep) && file !== rendererDir) return null;
  const target = existsSync(file) && statSync(file).isFile() ? file : join(rendererDir, 'index.html');
  if (!existsSync(target)) return null;
  return { body: readFileSync(target), type: TYPES[extname(target)] ?? 'application/octet-stream' };
}
