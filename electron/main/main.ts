import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { app, BrowserWindow, dialog } from 'electron';
import { createCore } from './core/create-core';
import { resolveDataDir } from './core/paths';
import { registerAppScheme, startElectronHost } from './hosts/electron-host';

/** Entry of the desktop app (Electron main process). */
const here = dirname(fileURLToPath(import.meta.url));

if (!app.requestSingleInstanceLock()) {
  // Two copies writing one database would be asking for trouble; the first window comes forward.
  app.quit();
} else {
  registerAppScheme();
  // Chinese UI chrome (date inputs, context menus, spellcheck off) whatever the system language.
  app.commandLine.appendSwitch('lang', 'zh-CN');
  const dataDir = resolveDataDir(process.argv.slice(1), () => app.getPath('userData'));

  app.on('second-instance', () => {
    const win = BrowserWindow.getAllWindows()[0];
    if (win) {
      if (win.isMinimized()) win.restore();
      win.focus();
    }
  });

  app.whenReady().then(() => {
    // An installed copy answers with what its handlers return; checking answers is for development.
    const { core, dispatch } = createCore(dataDir, { checkOutput: !app.isPackaged });
    const host = startElectronHost({
      core,
      dispatch,
      rendererDir: join(here, '..', 'renderer'),
      preloadFile: join(here, '..', 'preload', 'preload.cjs'),
    });
    host.createWindow();
    app.on('window-all-closed', () => {
      core.folder.close();
      app.quit();
    });
  }).catch((e: unknown) => {
    dialog.showErrorBox('学籍通无法启动', String(e));
    app.quit();
  });
}
