/**
 * Runs the real command line (electron/cli/main.ts through tsx, a process of its own) on a data
 * folder, the password in XUEJI_PASSWORD as a user would set it; answers the exit code and output.
 */
import { spawnSync } from 'node:child_process';
import { join, resolve } from 'node:path';
import { ADMIN } from './harness';

const ROOT = resolve(__dirname, '..', '..');

export function runCli(dir: string, args: string[], password: string = ADMIN.password) {
  const r = spawnSync(process.execPath, [join(ROOT, 'node_modules', 'tsx', 'dist', 'cli.mjs'), join(ROOT, 'electron', 'cli', 'main.ts'), ...args, '--data', dir], {
    cwd: ROOT,
    env: { ...process.env, XUEJI_PASSWORD: password },
    encoding: 'utf8',
    timeout: 90_000,
  });
  return { code: r.status, out: r.stdout, err: r.stderr };
}
