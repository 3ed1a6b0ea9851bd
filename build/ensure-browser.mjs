// The one place that knows where the end-to-end tests' Chromium is.
//
// `npm run test:e2e` runs this file first (`node build/ensure-browser.mjs && playwright test`): it finds
// a Chromium or installs one, and otherwise stops with one line saying what to install.
// playwright.config.ts imports findChromium() from here and hands the path to Playwright, so the
// check and the launch can never disagree.
//
// Order (the first that works wins):
//   1. XUEJI_CHROMIUM=/path, when set: that file and nothing else (a wrong path is an error, not a
//      reason to install something).
//   2. A system Chromium: /usr/bin/chromium (Debian), /usr/bin/chromium-browser (Ubuntu, older Debian).
//   3. Playwright's own Chromium, when `playwright install` has put it in its cache.
//   4. `playwright install --no-shell chromium`, killed after INSTALL_TIMEOUT_MS: where its download
//      host is unreachable it can hang instead of failing.
//   5. Debian's package: `apt-get install chromium`, when apt-get is on PATH and we are root or have
//      passwordless sudo.
// XUEJI_NO_BROWSER_INSTALL=1 skips 4 and 5 (find only: for machines where the tests must not install
// anything, and to see the "what to install" line).
import { spawn, spawnSync } from 'node:child_process';
import { accessSync, constants } from 'node:fs';
import { createRequire } from 'node:module';
import { delimiter, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium } from '@playwright/test';

const require = createRequire(import.meta.url);

/** Where Debian and Ubuntu put their Chromium. */
const SYSTEM_CHROMIUM = ['/usr/bin/chromium', '/usr/bin/chromium-browser'];

/** `playwright install` gets this long (it can hang on an unreachable download host). */
const INSTALL_TIMEOUT_MS = 120_000;

/** The line printed when every way has failed. */
export const MISSING_LINE =
  '找不到 Chromium：请安装 chromium（Debian/Ubuntu: sudo apt-get install chromium）或运行 npx playwright install chromium，或用 XUEJI_CHROMIUM 指定路径' +
  ' / No Chromium: install chromium (Debian/Ubuntu: sudo apt-get install chromium), or run npx playwright install chromium, or set XUEJI_CHROMIUM=/path';

function isExecutable(path) {
  try {
    accessSync(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

/**
 * The Chromium the tests should launch, without installing anything: `{ path, source }`, or null when
 * there is none. Throws when XUEJI_CHROMIUM names a file that is not there.
 * Synchronous and cheap: playwright.config.ts calls it every time the config is loaded.
 */
export function findChromium() {
  const override = process.env.XUEJI_CHROMIUM;
  if (override) {
    if (isExecutable(override)) return { path: override, source: 'XUEJI_CHROMIUM' };
    throw new Error(`XUEJI_CHROMIUM=${override}：文件不存在或不可执行 / not an executable file`);
  }
  if (process.platform === 'linux') {
    const system = SYSTEM_CHROMIUM.find(isExecutable);
    if (system) return { path: system, source: 'system' };
  }
  // Where this Playwright version's own Chromium lives (honours PLAYWRIGHT_BROWSERS_PATH), installed or not.
  const own = chromium.executablePath();
  if (own && isExecutable(own)) return { path: own, source: 'playwright' };
  return null;
}

/** Runs a command with our stdout/stderr; resolves true on exit code 0. Kills it (and its children) after timeoutMs. */
function run(command, args, { timeoutMs = 0, env = process.env, quiet = false } = {}) {
  return new Promise((resolve) => {
    // Its own process group on POSIX, so a timeout can kill the downloader it forks as well.
    const group = process.platform !== 'win32';
    const child = spawn(command, args, { stdio: ['ignore', quiet ? 'ignore' : 'inherit', 'inherit'], env, detached: group });
    const kill = () => {
      try {
        if (group) process.kill(-child.pid, 'SIGKILL');
        else child.kill('SIGKILL');
      } catch {
        // already gone
      }
    };
    // Being in its own group, it would not get the terminal's Ctrl-C: pass our end on to it.
    const onSignal = (signal) => {
      kill();
      process.exit(signal === 'SIGINT' ? 130 : 143);
    };
    process.once('SIGINT', onSignal);
    process.once('SIGTERM', onSignal);
    let timedOut = false;
    const timer = timeoutMs
      ? setTimeout(() => {
          timedOut = true;
          console.log(`  ${Math.round(timeoutMs / 1000)} 秒内未完成，已终止。`);
          kill();
        }, timeoutMs)
      : null;
    const done = (ok) => {
      if (timer) clearTimeout(timer);
      process.off('SIGINT', onSignal);
      process.off('SIGTERM', onSignal);
      resolve(ok);
    };
    child.on('error', () => done(false)); // e.g. the command does not exist
    child.on('exit', (code) => {
      if (timedOut) kill(); // whatever it left running in its group
      done(code === 0 && !timedOut);
    });
  });
}

function onPath(name) {
  return (process.env.PATH ?? '').split(delimiter).some((dir) => dir && isExecutable(join(dir, name)));
}

/** Runs apt-get as root: directly when we are root, through passwordless sudo otherwise; null when neither. */
function aptRunner() {
  if (process.platform !== 'linux' || !onPath('apt-get')) return null;
  if (process.getuid?.() === 0) return (args, quiet) => run('apt-get', args, { env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' }, quiet });
  const sudo = onPath('sudo') && spawnSync('sudo', ['-n', 'true'], { stdio: 'ignore' }).status === 0;
  if (!sudo) return null;
  return (args, quiet) => run('sudo', ['-n', 'env', 'DEBIAN_FRONTEND=noninteractive', 'apt-get', ...args], { quiet });
}

/**
 * The Chromium path, installing one first when none is found (see the order at the top).
 * Throws an Error whose message is MISSING_LINE when there is still none.
 */
export async function ensureChromium({ log = console.log } = {}) {
  let found = findChromium();
  if (found) return found.path;
  if (process.env.XUEJI_NO_BROWSER_INSTALL) throw new Error(MISSING_LINE);

  log('未找到 Chromium：尝试 playwright install chromium（最多 ' + INSTALL_TIMEOUT_MS / 1000 + ' 秒）……');
  // @playwright/test's own CLI, run with this Node: no npx lookup, same Playwright version as the tests.
  const cli = require.resolve('@playwright/test/cli');
  if (await run(process.execPath, [cli, 'install', '--no-shell', 'chromium'], { timeoutMs: INSTALL_TIMEOUT_MS })) {
    found = findChromium();
    if (found) return found.path;
  }

  const apt = aptRunner();
  if (apt) {
    log('playwright install 未成功：用 apt-get 安装 Debian 的 chromium……');
    // No timeout here: apt has its own network timeouts, and killing dpkg mid-install breaks the system's packages.
    if ((await apt(['update', '-qq'], false)) && (await apt(['install', '-y', '-qq', 'chromium'], true))) {
      found = findChromium();
      if (found) return found.path;
    }
  }
  throw new Error(MISSING_LINE);
}

// As a CLI: print where Chromium is (after installing it if need be), or the one line saying what to install.
if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  try {
    const path = await ensureChromium();
    console.log(`Chromium：${path}`);
  } catch (error) {
    console.error(error instanceof Error ? error.message : String(error));
    process.exit(1);
  }
}
