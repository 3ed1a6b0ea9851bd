/**
 * What the main process and the checkpoint worker (checkpoint-worker.ts) exchange. A module of its
 * own: importing the worker module for these would also run the worker's top level, which acts as
 * soon as it finds itself in any worker thread.
 */
export interface CheckpointJob {
  file: string;
  key: Uint8Array;
  /** One Int32: 1 once this thread runs, 2 once its connection is closed (see BackgroundCheckpoint.stop). */
  state: SharedArrayBuffer;
}

export const RUNNING = 1;
export const FINISHED = 2;

export type CheckpointReply = { ok: true; frames: number; copied: number } | { ok: false; message: string };
