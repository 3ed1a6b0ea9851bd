import { contextBridge, ipcRenderer } from 'electron';
import { CHANNELS, EVENTS, IPC_EVENT_PREFIX, IPC_PREFIX } from '../../shared/ipc/channels';

/**
 * The only bridge between the sandboxed page and the main process: `invoke` for the contract's
 * channels and `on` for its events, nothing else. The main process checks everything again.
 */
const channels = new Set<string>(CHANNELS);
const events = new Set<string>(EVENTS);

contextBridge.exposeInMainWorld('xueji', {
  invoke(channel: string, input: unknown): Promise<unknown> {
    if (!channels.has(channel)) return Promise.resolve({ ok: false, error: { code: 'UNKNOWN_CHANNEL', message: '未知的请求。' } });
    return ipcRenderer.invoke(IPC_PREFIX + channel, input);
  },
  on(event: string, callback: (payload: unknown) => void): () => void {
    if (!events.has(event)) return () => undefined;
    const listener = (_e: unknown, payload: unknown) => callback(payload);
    ipcRenderer.on(IPC_EVENT_PREFIX + event, listener);
    return () => ipcRenderer.removeListener(IPC_EVENT_PREFIX + event, listener);
  },
});
