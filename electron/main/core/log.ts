import { appendFileSync, mkdirSync, renameSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';

/**
 * Main-process log: the console (quiet under tests unless XUEJI_DEBUG is set) and, once a data
 * folder is known, `<data>/logs/xueji.log` — a packaged Windows app has no console, so this file is
 * where an INTERNAL error's stack ends up. Stacks never reach the renderer.
 *
 * The file must hold no personal data. Callers log codes, counts, channel names and durations;
 * everything is still scrubbed on the way to the file (see `scrub`), because an error thrown by a
 * library or by a bug can carry whatever it was working on. Writing it never fails a call.
 */
const quiet = process.env.VITEST && !process.env.XUEJI_DEBUG;

export const LOG_DIR = 'logs';
export const LOG_FILE = 'xueji.log';
/** Rotated at about 1 MB: xueji.log → xueji.log.1 → … → xueji.log.3, the oldest dropped. */
const MAX_BYTES = 1_000_000;
let maxBytes = MAX_BYTES;
const KEEP = 3;
/** Longer messages are cut (a message is a sentence, not a dump). */
const MAX_TEXT = 2_000;

/** The data folder the file log writes into; one process serves one data folder. */
let folder: string | null = null;

/**
 * Sends the file log to `<dataDir>/logs/` (called by createCore, so the Electron host, the browser
 * host, the CLI and the tests all log where their data is). The data folder itself is never
 * created here: until setup makes it, lines go to the console only.
 */
export function logToFolder(dataDir: string | null, options: { maxBytes?: number } = {}): void {
  folder = dataDir;
  maxBytes = options.maxBytes ?? MAX_BYTES;
}

export const logFilePath = (dataDir: string) => join(dataDir, LOG_DIR, LOG_FILE);

type Level = 'INFO' | 'WARN' | 'ERROR';

function toFile(level: Level, args: unknown[]): void {
  if (folder === null) return;
  try {
    const text = `${new Date().toISOString()} ${level} ${args.map(forFile).join(' ')}\n`;
    const dir = join(folder, LOG_DIR);
    const file = join(dir, LOG_FILE);
    let size = -1;
    try {
      size = statSync(file).size;
    } catch {
      mkdirSync(dir, { mode: 0o700 }); // not recursive: a data folder that is not there stays not there
    }
    if (size > 0 && size + Buffer.byteLength(text) > maxBytes) rotate(file);
    appendFileSync(file, text, { mode: 0o600 });
  } catch {
    // A full disk, a read-only folder or a folder removed under us: the call goes on without its log line.
  }
}

function rotate(file: string): void {
  rmSync(`${file}.${KEEP}`, { force: true });
  for (let i = KEEP - 1; i >= 1; i--) {
    try {
      renameSync(`${file}.${i}`, `${file}.${i + 1}`);
    } catch {
      // not there yet
    }
  }
  renameSync(file, `${file}.1`);
}

/**
 * Text with anything that may be someone's data taken out: every run of non-ASCII characters
 * (names, addresses, any script), e-mail addresses, any number of six digits or more even when
 * spaced or dashed (ID numbers, phones, student numbers), quoted strings, and file paths (they can
 * hold a user name or a file named after a student). Codes, counts, channel names and ASCII
 * messages from the runtime or SQLite remain.
 */
export function scrub(text: string): string {
  // Every pattern here runs in linear time (a log line can be long and must not stall the process).
  return text
    .slice(0, MAX_TEXT)
    .replace(/"[^"\n]*"/g, '"<text>"')
    .replace(/'[^'\n]*'/g, (m) => (/[\\/]/.test(m) ? "'<path>'" : m))
    .replace(/(?:file:\/\/)?(?:[A-Za-z]:)?(?:[\\/][^\s\\/'"()]+){2,}[\\/]?/g, '<path>')
    .replace(/\S+/g, (word) => (word.includes('@') ? '<email>' : word))
    .replace(/\+?\d[\d\s().-]*\d[Xx]?/g, (m) => (m.replace(/\D/g, '').length >= 6 ? '<number>' : m))
    .replace(/[^\x00-\x7f]+/g, '<text>');
}

/** One stack frame without its directory: `at fn (main.mjs:12:5)`. */
function frame(line: string): string {
  const bare = line.trim().replace(/(?:file:\/\/)?[^\s()]*[\\/]([^\\/\s()]+:\d+:\d+)/g, '$1');
  return `    ${bare.replace(/[^\x00-\x7f]+/g, '<text>')}`;
}

/** An argument as the file shows it: errors as class, code, scrubbed message and stack frames. */
function forFile(arg: unknown): string {
  if (typeof arg === 'string') return scrub(arg);
  if (typeof arg === 'number' || typeof arg === 'boolean' || arg === null || arg === undefined) return String(arg);
  if (arg instanceof Error) {
    const code = (arg as { code?: unknown }).code;
    const head = `${arg.name}${typeof code === 'string' && /^[A-Z0-9_]+$/.test(code) ? ` [${code}]` : ''}: ${scrub(arg.message)}`;
    const frames = (arg.stack ?? '').split('\n').filter((l) => /^\s+at /.test(l)).slice(0, 15).map(frame);
    return [head, ...frames].join('\n');
  }
  return `<${typeof arg}>`;
}

export const log = {
  info: (...args: unknown[]) => {
    if (!quiet) console.log('[xueji]', ...args);
    toFile('INFO', args);
  },
  warn: (...args: unknown[]) => {
    if (!quiet) console.warn('[xueji]', ...args);
    toFile('WARN', args);
  },
  error: (...args: unknown[]) => {
    console.error('[xueji]', ...args);
    toFile('ERROR', args);
  },
};
