/**
 * A worker thread that only imports the checkpoint machinery (as any future worker reaching
 * data-folder.ts would) and says so: used by checkpoint.test.ts.
 */
import { parentPort } from 'node:worker_threads';
import { LOG_LIMIT } from '../../electron/main/core/background-checkpoint';

parentPort?.postMessage({ loaded: LOG_LIMIT > 0 });
