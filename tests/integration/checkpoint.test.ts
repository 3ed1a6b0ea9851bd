/**
 * Large writes are copied from the write-ahead log back into the database file by a worker thread,
 * not by the call that wrote them: the main connection never checkpoints on commit.
 */
import { copyFileSync, existsSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { afterEach, describe, expect, it } from 'vitest';
import { LOG_LIMIT } from '../../electron/main/core/background-checkpoint';
import { workerSpec } from '../../electron/main/core/worker-spec';
import { ADMIN, makeApp, type TestApp } from '../support/harness';

let app: TestApp;
const extra: string[] = [];
afterEach(() => {
  app?.remove();
  for (const d of extra.splice(0)) rmSync(d, { recursive: true, force: true });
});

const CLIENT = 'admin-client';

describe('background checkpoint', () => {
  it('copies a large write back into xueji.db in a worker, so the database file alone holds it', async () => {
    app = makeApp();
    await app.setup(CLIENT);
    await app.call(CLIENT, 'setup.loadDemo', { students: 6000 });
    const folder = app.core.folder;
    // The write left more than the limit in the log, and the commit itself did not copy it back.
    expect(statSync(join(app.dir, 'xueji.db-wal')).size).toBeGreaterThan(LOG_LIMIT);
    await folder.checkpoint.idle();
    expect(folder.checkpoint.done.worker).toBe(1);
    expect(folder.checkpoint.done.inProcess).toBe(0);
    const [state] = folder.raw().pragma('wal_checkpoint(PASSIVE)') as { log: number; checkpointed: number }[];
    expect(state!.checkpointed).toBe(state!.log);

    // A copy of just the database file and the key slots (no -wal) opens with every student in it.
    const copy = mkdtempSync(join(tmpdir(), 'xueji-copy-'));
    extra.push(copy);
    copyFileSync(join(app.dir, 'xueji.db'), join(copy, 'xueji.db'));
    copyFileSync(join(app.dir, 'keyslots.json'), join(copy, 'keyslots.json'));
    const other = makeApp(copy);
    await other.call('c2', 'auth.signIn', { username: ADMIN.username, password: ADMIN.password });
    const list = await other.call('c2', 'students.list', { page: 0, pageSize: 1, filter: {} });
    other.close();
    expect(list.total).toBe(6000);
  });

  it('closing the folder while the checkpoint runs waits for it, closes last and loses nothing', async () => {
    app = makeApp();
    await app.setup(CLIENT);
    await app.call(CLIENT, 'setup.loadDemo', { students: 6000 });
    expect(statSync(join(app.dir, 'xueji.db-wal')).size).toBeGreaterThan(LOG_LIMIT);
    const running = app.core.folder.checkpoint.idle();
    app.core.folder.close();
    // The main connection closed last: SQLite folded the log into xueji.db and removed it.
    expect(existsSync(join(app.dir, 'xueji.db-wal'))).toBe(false);
    await running;
    await app.call(CLIENT, 'auth.signIn', { username: ADMIN.username, password: ADMIN.password });
    const list = await app.call(CLIENT, 'students.list', { page: 0, pageSize: 1, filter: {} });
    expect(list.total).toBe(6000);
  });

  it('does nothing after small writes', async () => {
    app = makeApp();
    await app.setup(CLIENT);
    await app.call(CLIENT, 'setup.loadDemo', { students: 20 });
    await app.core.folder.checkpoint.idle();
    expect(app.core.folder.checkpoint.done).toEqual({ worker: 0, inProcess: 0 });
    expect(existsSync(join(app.dir, 'xueji.db-wal'))).toBe(true);
  });

  it('importing it inside another worker thread starts no checkpoint there', async () => {
    // The worker's own module acts as soon as it runs in a worker; the job's types and constants
    // live apart so that importing them does not run it (it once crashed a write worker).
    const { target, options } = workerSpec(import.meta.url, '../support/worker-importing-checkpoint.ts', 'unused');
    const worker = new Worker(target, options);
    const outcome = await new Promise<unknown>((resolve) => {
      worker.once('message', resolve);
      worker.once('error', (e) => resolve({ error: e.message }));
    });
    await worker.terminate();
    expect(outcome).toEqual({ loaded: true });
  });
});
