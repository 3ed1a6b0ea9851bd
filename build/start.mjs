// `npm start`: the desktop window when Electron's binary is present (fetching it first when it is
// missing and the internet is reachable); otherwise the same app in the browser host, with a
// one-line explanation and the URL to open.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);
const args = process.argv.slice(2);

function electronBinary() {
  try {
    const path = require('electron'); // the package exports the binary's path, or throws when absent
    return typeof path === 'string' && existsSync(path) ? path : null;
  } catch {
    return null;
  }
}

let binary = electronBinary();
if (!binary && !process.env.XUEJI_NO_ELECTRON_DOWNLOAD) {
  console.log('首次启动：正在下载 Electron 运行文件……');
  const installer = join(root, 'node_modules', 'electron', 'install.js');
  if (existsSync(installer)) spawnSync(process.execPath, [installer], { stdio: 'ignore', timeout: 180_000 });
  binary = electronBinary();
}

const noDisplay = process.platform === 'linux' && !process.env.DISPLAY && !process.env.WAYLAND_DISPLAY;
if (binary && !noDisplay) {
  const child = spawn(binary, [root, ...args], { stdio: 'inherit' });
  child.on('exit', (code) => process.exit(code ?? 0));
} else {
  console.log(
    binary
      ? '没有图形显示环境，改用浏览器模式运行学籍通。'
      : '未能获取 Electron 运行文件（本机无法下载），改用浏览器模式运行学籍通：功能与数据完全相同。',
  );
  const child = spawn(process.execPath, [join(root, 'dist', 'main', 'host.mjs'), ...args], { stdio: 'inherit' });
  child.on('exit', (code) => process.exit(code ?? 0));
  for (const sig of ['SIGINT', 'SIGTERM']) process.on(sig, () => child.kill(sig));
}
