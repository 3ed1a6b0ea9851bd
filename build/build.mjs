// Builds the three bundles: main process (Electron entry + browser-host entry, ESM), preload (one
// sandbox-safe CommonJS file that requires only 'electron') and the renderer (vite). esbuild for the
// Node side because it bundles TypeScript in well under a second and needs no config beyond this;
// vite for the renderer because it owns React/HMR and splits the MUI chunks.
import { build } from 'esbuild';
import { cpSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { spawnSync } from 'node:child_process';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
const only = process.argv[2]; // 'node' to skip the renderer

rmSync(join(root, 'dist', 'main'), { recursive: true, force: true });
rmSync(join(root, 'dist', 'preload'), { recursive: true, force: true });

// Native and Electron modules stay outside the bundle; everything else is bundled. unzipper too:
// its Open.s3 (never used here) requires @aws-sdk/client-s3, which is not installed; loaded from
// node_modules at run time, that require is only reached if s3 is called.
// pdfmake and fontkit too: pdfmake must share fontkit's instance, and both load fine from node_modules.
const external = ['electron', 'better-sqlite3', 'sharp', 'exceljs', 'pdfmake', 'fontkit', 'unzipper'];
const define = { __APP_VERSION__: JSON.stringify(pkg.version) };
// Bundled CommonJS dependencies may call require(); give ESM output one.
const banner = { js: "import { createRequire as __xuejiCreateRequire } from 'node:module'; const require = __xuejiCreateRequire(import.meta.url);" };

const started = Date.now();
await build({
  // Worker threads (roster parser, WAL checkpoint, transcript rendering) are loaded beside the bundle at run time.
  entryPoints: {
    main: 'electron/main/main.ts',
    host: 'electron/main/host.ts',
    'import-worker': 'electron/main/features/imports/parse-worker.ts',
    'checkpoint-worker': 'electron/main/core/checkpoint-worker.ts',
    'transcripts-worker': 'electron/main/features/transcripts/render-worker.ts',
    'certificates-worker': 'electron/main/features/certificatePrint/render-worker.ts',
  },
  absWorkingDir: root,
  outdir: 'dist/main',
  outExtension: { '.js': '.mjs' },
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  external,
  define,
  banner,
  sourcemap: true,
  logLevel: 'warning',
});
await build({
  entryPoints: ['electron/preload/preload.ts'],
  absWorkingDir: root,
  outfile: 'dist/preload/preload.cjs',
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'chrome130',
  external: ['electron'],
  logLevel: 'warning',
});
mkdirSync(join(root, 'dist'), { recursive: true });
rmSync(join(root, 'dist', 'migrations'), { recursive: true, force: true });
cpSync(join(root, 'db', 'migrations'), join(root, 'dist', 'migrations'), { recursive: true });
// The PDF fonts (electron/main/core/pdf/fonts.ts finds them in dist/fonts): only the four files
// used, not the font packages with every weight (~200 MB).
const fontFiles = JSON.parse(readFileSync(join(root, 'electron', 'main', 'core', 'pdf', 'font-files.json'), 'utf8'));
mkdirSync(join(root, 'dist', 'fonts'), { recursive: true });
for (const [name, source] of Object.entries(fontFiles)) cpSync(join(root, 'node_modules', source), join(root, 'dist', 'fonts', name));
console.log(`main + preload built in ${Date.now() - started} ms`);

if (only !== 'node') {
  const r = spawnSync(process.execPath, [join(root, 'node_modules', 'vite', 'bin', 'vite.js'), 'build', '--logLevel', 'warn'], { cwd: root, stdio: 'inherit' });
  if (r.status !== 0) process.exit(r.status ?? 1);
  console.log('renderer built');
}
