import { homedir } from 'node:os';
import { join, resolve } from 'node:path';

export const APP_NAME = '学籍通';

/**
 * The same folder Electron's app.getPath('userData') gives for this app, so the CLI, the browser
 * host and the desktop window all use one data folder by default.
 */
export function defaultDataDir(): string {
  if (process.platform === 'win32') return join(process.env.APPDATA ?? join(homedir(), 'AppData', 'Roaming'), APP_NAME);
  if (process.platform === 'darwin') return join(homedir(), 'Library', 'Application Support', APP_NAME);
  return join(process.env.XDG_CONFIG_HOME ?? join(homedir(), '.config'), APP_NAME);
}

/** `--data DIR` wins, then XUEJI_DATA, then the default. */
export function resolveDataDir(argv: string[], fallback: () => string = defaultDataDir): string {
  const i = argv.indexOf('--data');
  const fromArg = i >= 0 ? argv[i + 1] : argv.find((a) => a.startsWith('--data='))?.slice('--data='.length);
  const dir = fromArg ?? process.env.XUEJI_DATA ?? fallback();
  return resolve(dir);
}
