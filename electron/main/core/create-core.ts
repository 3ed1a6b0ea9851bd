import type { KdfParams } from '../../../db/keyslots';
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

export interface CoreOptions {
  now?: () => number;
  /**
   * Check every handler's answer against its contract output schema. On unless the host says
   * otherwise: the packaged desktop app turns it off, so vitest, the CLI, the browser host (also
   * as built for the end-to-end tests) and `npm start` all check. XUEJI_CHECK_OUTPUT=1 or 0 wins.
   */
  checkOutput?: boolean;
  /**
   * The scrypt cost of new key slots. Hosts leave it to the default (db/keyslots.ts DEFAULT_KDF);
   * the test harness passes the former, cheaper cost so the suite's many sign-ins stay quick.
   */
  kdf?: KdfParams;
}

const envFlag = (v: string | undefined): boolean | undefined => (v === '1' ? true : v === '0' ? false : undefined);

/** The services for one data folder, with the dispatcher every host calls. */
export function createCore(dataDir: string, options: CoreOptions = {}): { core: AppCore; dispatch: Dispatch } {
  // The log file lives with the data (logs/xueji.log); the latest core's folder when there are several (tests).
  logToFolder(dataDir);
  const core: AppCore = {
    folder: new DataFolder(dataDir, options.kdf),
    sessions: new SessionStore(),
    events: new EventBus(),
    now: options.now ?? Date.now,
    version: APP_VERSION,
    writeGate: new WriteGate(),
    checkOutput: envFlag(process.env.XUEJI_CHECK_OUTPUT) ?? options.checkOutput ?? true,
  };
  return { core, dispatch: createDispatcher(core, handlers) };
}
