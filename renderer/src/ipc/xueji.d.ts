import type { Result } from '../../../shared/ipc/result';

/** The bridge the Electron preload exposes on `window.xueji` (absent in the browser host). */
export interface XuejiBridge {
  invoke(channel: string, input: unknown): Promise<Result<unknown>>;
  on(event: string, cb: (payload: unknown) => void): () => void;
  upload(fileName: string, data: ArrayBuffer): Promise<unknown>;
  saveOutput(jobId: string): Promise<unknown>;
  printOutput(jobId: string): Promise<unknown>;
}

declare global {
  interface Window {
    xueji?: XuejiBridge;
  }
}
