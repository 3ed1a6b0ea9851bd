import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve, dirname } from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * Dependency direction: renderer → shared; electron → db, shared; db → shared; shared → nothing of
 * ours. A wrong import (say, the renderer reaching into db/) fails here.
 */
const ROOT = resolve(__dirname, '..', '..');
const ALLOWED: Record<string, string[]> = {
  shared: ['shared'],
  renderer: ['renderer', 'shared'],
  db: ['db', 'shared'],
  electron: ['electron', 'db', 'shared'],
};

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((f) => {
    const p = join(dir, f);
    if (f === 'node_modules') return [];
    return statSync(p).isDirectory() ? sources(p) : /\.(ts|tsx)$/.test(f) ? [p] : [];
  });
}

const IMPORT = /(?:import|export)\s[^'"]*?from\s+['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)|require\(\s*['"]([^'"]+)['"]\s*\)/g;

describe('layering', () => {
  for (const [layer, allowed] of Object.entries(ALLOWED)) {
    it(`${layer}/ imports only from ${allowed.join(', ')}`, () => {
      const violations: string[] = [];
      for (const file of sources(join(ROOT, layer))) {
        const text = readFileSync(file, 'utf8');
        for (const m of text.matchAll(IMPORT)) {
          const spec = m[1] ?? m[2] ?? m[3]!;
          if (!spec.startsWith('.')) continue;
          const target = relative(ROOT, resolve(dirname(file), spec)).split(/[\\/]/)[0]!;
          if (!allowed.includes(target)) violations.push(`${relative(ROOT, file)} → ${spec}`);
        }
      }
      expect(violations).toEqual([]);
    });
  }

  it('shared/ and the renderer use no Node or Electron modules', () => {
    const bad: string[] = [];
    for (const layer of ['shared', 'renderer']) {
      for (const file of sources(join(ROOT, layer))) {
        for (const m of readFileSync(file, 'utf8').matchAll(IMPORT)) {
          const spec = m[1] ?? m[2] ?? m[3]!;
          if (spec.startsWith('node:') || spec === 'electron' || spec === 'better-sqlite3' || /^(fs|path|crypto|os|child_process)$/.test(spec)) {
            bad.push(`${relative(ROOT, file)} → ${spec}`);
          }
        }
      }
    }
    expect(bad).toEqual([]);
  });

  it('only the preload and the Electron host import electron', () => {
    const users = sources(join(ROOT, 'electron')).filter((f) => /from\s+['"]electron['"]/.test(readFileSync(f, 'utf8')));
    expect(users.map((f) => relative(ROOT, f)).sort()).toEqual(['electron/main/hosts/electron-host.ts', 'electron/main/main.ts', 'electron/preload/preload.ts']);
  });

  it('ipcMain is used in exactly one place', () => {
    const users = sources(join(ROOT, 'electron')).filter((f) => readFileSync(f, 'utf8').includes('ipcMain.'));
    expect(users.map((f) => relative(ROOT, f))).toEqual(['electron/main/hosts/electron-host.ts']);
  });
});
