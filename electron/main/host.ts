import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createCore } from './core/create-core';
import { log } from './core/log';
import { resolveDataDir } from './core/paths';
import { startHttpHost } from './hosts/http-host';

/**
 * Entry of the browser host (`node dist/main/host.mjs [--data DIR] [--port N]`): used by `npm start`
 * when Electron's binary is missing, and by the end-to-end tests.
 */
async function main() {
  const argv = process.argv.slice(2);
  const dataDir = resolveDataDir(argv);
  const portArg = argv.indexOf('--port');
  const port = portArg >= 0 ? Number(argv[portArg + 1]) : 0;
  const here = dirname(fileURLToPath(import.meta.url));
  const rendererDir = [join(here, '..', 'renderer'), join(here, '..', '..', 'dist', 'renderer')].find((d) => existsSync(join(d, 'index.html')));
  if (!rendererDir) {
    console.error('找不到界面文件（dist/renderer），请先运行 npm run build。');
    process.exit(1);
  }
  const { core, dispatch } = createCore(dataDir);
  const host = await startHttpHost({ core, dispatch, rendererDir, port });
  log.info(`学籍通浏览器模式已启动，数据文件夹：${dataDir}`);
  // Machine-readable line first (tests and the start script read it), then the human one.
  console.log(`XUEJI_URL=${host.url}`);
  console.log(`请在浏览器中打开：${host.url}`);
  const stop = async () => {
    await host.close();
    core.folder.close();
    process.exit(0);
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

void main();
