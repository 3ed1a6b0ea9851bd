import { randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { basename, extname, join } from 'node:path';
import { app, BrowserWindow, dialog, ipcMain, Menu, protocol, session, type IpcMainInvokeEvent, type WebContents } from 'electron';
import { CHANNELS, HOST_PRINT_OUTPUT, HOST_SAVE_OUTPUT, HOST_UPLOAD, IPC_EVENT_PREFIX, IPC_PREFIX } from '../../../shared/ipc/channels';
import { toErrorData } from '../core/errors';
import { addFile } from '../core/files';
import { jobOutput } from '../core/jobs';
import type { AppCore } from '../core/context';
import { lockIdleSessions, type Dispatch } from '../core/dispatch';
import { log } from '../core/log';
import { readRendererFile, RENDERER_CSP } from './static-files';

export const APP_SCHEME = 'app';
export const APP_ORIGIN = `${APP_SCHEME}://xueji`;

/** Must run before app 'ready': the app's own scheme behaves like https (secure, standard). */
export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([{ scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } }]);
}

export const WINDOW_PREFERENCES = {
  contextIsolation: true,
  sandbox: true,
  nodeIntegration: false,
  nodeIntegrationInWorker: false,
  webSecurity: true,
  allowRunningInsecureContent: false,
  webviewTag: false,
  spellcheck: false,
} as const;

/**
 * The desktop host: one sandboxed window loading the renderer from app://xueji, every IPC channel
 * registered here and nowhere else, every sender checked before the dispatcher runs.
 */
export function startElectronHost(options: { core: AppCore; dispatch: Dispatch; rendererDir: string; preloadFile: string }) {
  const { core, dispatch, rendererDir, preloadFile } = options;
  const windows = new Map<string, WebContents>();
  /** PDFs shown for printing, by the one-time token in their app://print/ address; dropped when their window closes. */
  const printing = new Map<string, Uint8Array>();

  protocol.handle(APP_SCHEME, (request) => {
    const url = new URL(request.url);
    // A job's PDF, from memory (its plaintext never touches the disk), for the print window: a
    // privileged standard scheme is what Chromium's PDF viewer needs to read it.
    if (url.host === 'print') {
      const bytes = printing.get(url.pathname.replace(/^\/|\.pdf$/g, ''));
      if (!bytes) return new Response('not found', { status: 404 });
      return new Response(new Uint8Array(bytes), { headers: { 'Content-Type': 'application/pdf', 'X-Content-Type-Options': 'nosniff', 'Cache-Control': 'no-store' } });
    }
    const file = url.host === 'xueji' ? readRendererFile(rendererDir, url.pathname) : null;
    if (!file) return new Response('not found', { status: 404 });
    return new Response(new Uint8Array(file.body), {
      headers: { 'Content-Type': file.type, 'Content-Security-Policy': RENDERER_CSP, 'X-Content-Type-Options': 'nosniff' },
    });
  });

  // The app needs no camera, microphone, notifications, geolocation…: deny every request.
  session.defaultSession.setPermissionRequestHandler((_wc, _permission, callback) => callback(false));
  session.defaultSession.setPermissionCheckHandler(() => false);

  app.on('web-contents-created', (_event, contents) => {
    contents.on('will-navigate', (event, url) => {
      if (!url.startsWith(`${APP_ORIGIN}/`)) event.preventDefault();
    });
    contents.on('will-attach-webview', (event) => event.preventDefault());
    contents.setWindowOpenHandler(() => ({ action: 'deny' }));
  });

  const senderOk = (event: IpcMainInvokeEvent) => {
    const frame = event.senderFrame;
    return !!frame && frame === event.sender.mainFrame && frame.url.startsWith(`${APP_ORIGIN}/`);
  };

  for (const channel of CHANNELS) {
    ipcMain.handle(IPC_PREFIX + channel, async (event, input: unknown) => {
      if (!senderOk(event)) {
        log.warn(`refused ${channel} from ${event.senderFrame?.url ?? 'unknown frame'}`);
        return { ok: false, error: { code: 'FORBIDDEN', message: '请求来源不受信任。' } };
      }
      const clientId = `wc:${event.sender.id}`;
      windows.set(clientId, event.sender);
      return dispatch(clientId, channel, input);
    });
  }

  // A file the user chose in the window: its bytes over IPC (binary, not base64), kept for this window.
  ipcMain.handle(HOST_UPLOAD, (event, fileName: unknown, data: unknown) => {
    if (!senderOk(event)) return { ok: false, error: { code: 'FORBIDDEN', message: '请求来源不受信任。' } };
    if (typeof fileName !== 'string' || !(data instanceof Uint8Array || data instanceof ArrayBuffer)) {
      return { ok: false, error: { code: 'VALIDATION', message: '无法读取所选文件。' } };
    }
    try {
      const bytes = data instanceof ArrayBuffer ? new Uint8Array(data) : data;
      return { ok: true, value: { fileId: addFile(core, `wc:${event.sender.id}`, fileName, bytes) } };
    } catch (e) {
      return { ok: false, error: toErrorData(e, 'upload') };
    }
  });

  // Saving a job's output (an export): the main process asks where, in the system's save dialog,
  // and writes the file itself; the page never sees or names a path.
  ipcMain.handle(HOST_SAVE_OUTPUT, async (event, jobId: unknown) => {
    if (!senderOk(event)) return { ok: false, error: { code: 'FORBIDDEN', message: '请求来源不受信任。' } };
    const file = typeof jobId === 'string' ? jobOutput(core, `wc:${event.sender.id}`, jobId) : null;
    if (!file) return { ok: false, error: { code: 'NOT_FOUND', message: '文件已不可用，请重新导出。' } };
    const win = BrowserWindow.fromWebContents(event.sender);
    const ext = extname(file.fileName).slice(1);
    const options = { defaultPath: join(app.getPath('documents'), file.fileName), filters: ext ? [{ name: `${ext.toUpperCase()} 文件`, extensions: [ext] }] : [] };
    const choice = win ? await dialog.showSaveDialog(win, options) : await dialog.showSaveDialog(options);
    if (choice.canceled || !choice.filePath) return { ok: true, value: { saved: false } };
    try {
      await writeFile(choice.filePath, file.bytes);
      return { ok: true, value: { saved: true, fileName: basename(choice.filePath) } };
    } catch (e) {
      log.warn('saving a job output failed', e);
      return { ok: false, error: { code: 'INTERNAL', message: '文件未能保存：请检查所选位置是否可写，或换一个位置。' } };
    }
  });

  // Printing a job's PDF: shown in a window of its own with Chromium's PDF viewer, and the system
  // print dialog opened for it at the PDF's own page size, margins none and scale 100 — never fitted
  // to the paper (silent printing has forced fit-to-printable-area in some Electron 41 releases, so
  // the dialog is always shown). Not run by the tests: Electron's binary is not available there.
  ipcMain.handle(HOST_PRINT_OUTPUT, async (event, jobId: unknown) => {
    if (!senderOk(event)) return { ok: false, error: { code: 'FORBIDDEN', message: '请求来源不受信任。' } };
    const file = typeof jobId === 'string' ? jobOutput(core, `wc:${event.sender.id}`, jobId) : null;
    if (!file) return { ok: false, error: { code: 'NOT_FOUND', message: '文件已不可用，请重新生成。' } };
    if (file.mime !== 'application/pdf') return { ok: false, error: { code: 'VALIDATION', message: '只有 PDF 文件可以打印，请保存后用相应的程序打开。' } };
    const token = randomUUID();
    printing.set(token, file.bytes);
    const parent = BrowserWindow.fromWebContents(event.sender) ?? undefined;
    const win = new BrowserWindow({ parent, width: 900, height: 1000, title: `打印 ${file.fileName}`, autoHideMenuBar: true, webPreferences: { ...WINDOW_PREFERENCES, plugins: true } });
    win.on('closed', () => printing.delete(token));
    try {
      await win.loadURL(`${APP_SCHEME}://print/${token}.pdf`);
    } catch (e) {
      log.warn('showing a PDF for printing failed', e);
      win.close();
      return { ok: false, error: { code: 'INTERNAL', message: '无法打开打印预览，请改用“保存 PDF”后打印。' } };
    }
    // The viewer reads the document after the page has loaded: give it a moment before printing.
    await new Promise((resolve) => setTimeout(resolve, 800));
    const { widthMm, heightMm } = file.pageMm ?? { widthMm: 210, heightMm: 297 };
    const microns = (v: number) => Math.round(v * 1000);
    win.webContents.print(
      {
        silent: false,
        printBackground: true,
        margins: { marginType: 'none' },
        scaleFactor: 100,
        landscape: widthMm > heightMm,
        pageSize: { width: microns(Math.min(widthMm, heightMm)), height: microns(Math.max(widthMm, heightMm)) },
      },
      (success, reason) => {
        if (!success && reason && reason !== 'cancelled') log.warn(`printing failed: ${reason}`);
      },
    );
    return { ok: true, value: { opened: true } };
  });

  core.events.subscribe((clientId, name, payload) => {
    for (const [id, wc] of windows) {
      if (wc.isDestroyed()) windows.delete(id);
      else if (clientId === null || clientId === id) wc.send(IPC_EVENT_PREFIX + name, payload);
    }
  });
  setInterval(() => lockIdleSessions(core), 5_000);

  Menu.setApplicationMenu(null);

  const createWindow = () => {
    const win = new BrowserWindow({
      width: 1360,
      height: 860,
      minWidth: 1024,
      minHeight: 680,
      title: '学籍通',
      show: false,
      backgroundColor: '#f5f7fb',
      icon: existsSync(join(rendererDir, 'icon.png')) ? join(rendererDir, 'icon.png') : undefined,
      webPreferences: { ...WINDOW_PREFERENCES, preload: preloadFile },
    });
    win.once('ready-to-show', () => win.show());
    // A page holding up closing or reloading (beforeunload: a form with unsaved edits, the recovery
    // key not yet confirmed). Electron would otherwise just refuse to close, without a word.
    win.webContents.on('will-prevent-unload', (event) => {
      const choice = dialog.showMessageBoxSync(win, {
        type: 'warning',
        title: '学籍通',
        message: '确定要离开吗？',
        detail: '此页有尚未保存的内容，离开后将会丢失。',
        buttons: ['离开', '留在此页'],
        defaultId: 1,
        cancelId: 1,
        noLink: true,
      });
      // preventDefault here overrides the page: it leaves.
      if (choice === 0) event.preventDefault();
    });
    win.webContents.on('destroyed', () => {
      const clientId = `wc:${win.webContents.id}`;
      core.sessions.end(clientId);
      windows.delete(clientId);
      if (core.sessions.size === 0) core.folder.close();
    });
    void win.loadURL(`${APP_ORIGIN}/index.html`);
    return win;
  };

  return { createWindow };
}
