import { handlers } from '../handlers';
import type { AppCore } from './context';
import { DataFolder } from './data-folder';
import { createDispatcher, type Dispatch } from './dispatch';
import { EventBus } from './events';
import { logToFolder } from './log';
import { SessionStore } from './sessions';
import { WriteGate } from './write-gate';

declare const __APP_VERSION__: string | undefined;
export const APP_VERSION = typeof __APP_VERSION__ === 'string' ? __APP_VERSION__ : '0.0.0-dev';

/** The services for one data folder, with the dispatcher every host calls. */
export function createCore(dataDir: string, options: { now?: () => number } = {}): { core: AppCore; dispatch: Dispatch } {
  // The log file lives with the data (logs/xueji.log); the latest core's folder when there are several (tests).
  logToFolder(dataDir);
  const core: AppCore = {
    folder: new DataFolder(dataDir),
    sessions: new SessionStore(),
    events: new EventBus(),
    now: options.now ?? Date.now,
    version: APP_VERSION,
    writeGate: new WriteGate(),
  };
  return { core, dispatch: createDispatcher(core, handlers) };
}
