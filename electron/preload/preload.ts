import { contextBridge, ipcRenderer } from 'electron';
import { CHANNELS, EVENTS, HOST_PRINT_OUTPUT, HOST_SAVE_OUTPUT, HOST_UPLOAD, IPC_EVENT_PREFIX, IPC_PREFIX } from '../../shared/ipc/channels';

/**
 * The only bridge between the sandboxed page and the main process: `invoke` for the contract's
 * channels, `on` for its events, and the host's file capabilities (a chosen file's bytes in, a
 * job's output saved through the save dialog or printed), nothing else. The main process checks everything again.
 */
const channels = new Set<string>(CHANNELS);
const events = new Set<string>(EVENTS);

contextBridge.exposeInMainWorld('xueji', {
  invoke(channel: string, input: unknown): Promise<unknown> {
    if (!channels.has(channel)) return Promise.resolve({ ok: false, error: { code: 'UNKNOWN_CHANNEL', message: '未知的请求。' } });
    return ipcRenderer.invoke(IPC_PREFIX + channel, input);
  },
  /** Hands a chosen file's bytes to the main process; answers { fileId }. */
  upload(fileName: string, data: ArrayBuffer): Promise<unknown> {
    return ipcRenderer.invoke(HOST_UPLOAD, String(fileName), data);
  },
  /** Saves a job's output through the system's save dialog; answers { saved }. */
  saveOutput(jobId: string): Promise<unknown> {
    return ipcRenderer.invoke(HOST_SAVE_OUTPUT, String(jobId));
  },
  /** Shows a job's PDF and opens the system print dialog for it; answers { opened }. */
  printOutput(jobId: string): Promise<unknown> {
    return ipcRenderer.invoke(HOST_PRINT_OUTPUT, String(jobId));
  },
  on(event: string, callback: (payload: unknown) => void): () => void {
    if (!events.has(event)) return () => undefined;
    const listener = (_e: unknown, payload: unknown) => callback(payload);
    ipcRenderer.on(IPC_EVENT_PREFIX + event, listener);
    return () => ipcRenderer.removeListener(IPC_EVENT_PREFIX + event, listener);
  },
});
