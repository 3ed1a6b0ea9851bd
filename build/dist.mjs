// `npm run dist`: the Windows installer. Needs Electron's binary (fetched here when missing) and
// internet for electron-builder's native rebuild; on machines without them it says so and stops.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);
const hasElectron = () => {
  try {
    const p = require('electron');
    return typeof p === 'string' && existsSync(p);
  } catch {
    return false;
  }
};
if (!hasElectron()) {
  console.log('正在下载 Electron 运行文件……');
  spawnSync(process.execPath, [join(root, 'node_modules', 'electron', 'install.js')], { stdio: 'inherit', timeout: 300_000 });
}
if (!hasElectron()) {
  console.error('无法获取 Electron 运行文件（需要联网），不能打包安装程序。');
  process.exit(1);
}
const builder = join(root, 'node_modules', 'electron-builder', 'cli.js');
const r = spawnSync(process.execPath, [builder, '--config', 'build/electron-builder.yml', '--win', 'nsis', ...process.argv.slice(2)], { cwd: root, stdio: 'inherit' });
process.exit(r.status ?? 1);
