import { spawn } from 'node:child_process';
import { copyFileSync, existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { KEY_FILE, parseKeyFile, unlockWithPassword } from '../../db/keyslots';
import { integrityCheck, openEncryptedDatabase } from '../../db/open';
import { ROTATION_FILE } from '../../db/rotation-journal';
import { rotateDataKey, type RotationSteps } from '../../electron/main/features/keys/rotation';
import { ADMIN, COUNSELOR, MANAGER, makeApp, type TestApp } from '../support/harness';

/**
 * Issue 13 #4: a key rotation cut short — kill -9 in the middle of re-encrypting the database, or a
 * crash between its steps — leaves the folder openable, and the next sign-in finishes it: the old
 * key file opens nothing, every remaining user gets in, every attachment opens, no row is lost.
 */
const ROOT = resolve(__dirname, '..', '..');
let app: TestApp;
afterEach(() => app?.remove());

const ATTACHMENTS = 20;
const contentOf = (i: number) => Buffer.from(`%PDF-1.4 证明材料 第 ${i} 份 430102200501017351`);

async function department(students = 0) {
  app = makeApp();
  await app.setup();
  await app.addStaff();
  if (students) await app.call('admin-client', 'setup.loadDemo', { students });
  const ids: number[] = [];
  for (let i = 0; i < ATTACHMENTS; i++) {
    const a = await app.call(COUNSELOR.client, 'attachments.upload', { purpose: 'document', ...app.upload(COUNSELOR.client, `证明${i}.pdf`, contentOf(i)) });
    ids.push(a.id);
  }
  const count = (app.core.folder.raw().prepare('SELECT count(*) AS n FROM students').get() as { n: number }).n;
  copyFileSync(join(app.dir, KEY_FILE), join(app.dir, 'old-keyslots.json'));
  return { ids, count };
}

/** After the interruption: a fresh app on the folder; a remaining user signs in and finds it all there. */
async function expectFinishedAtNextSignIn(ids: number[], count: number) {
  const dir = app.dir;
  app = makeApp(dir);
  await app.call(MANAGER.client, 'auth.signIn', { username: MANAGER.username, password: MANAGER.password });
  expect(existsSync(join(dir, ROTATION_FILE))).toBe(false);
  expect(existsSync(join(dir, 'xueji.db-journal'))).toBe(false);
  for (const [i, id] of ids.entries()) {
    const file = await app.call(MANAGER.client, 'attachments.download', { id });
    expect(app.output(MANAGER.client, file.jobId).equals(contentOf(i))).toBe(true);
  }
  expect((app.core.folder.raw().prepare('SELECT count(*) AS n FROM students').get() as { n: number }).n).toBe(count);
  expect(integrityCheck(app.core.folder.raw())).toEqual([]);
  await app.call(ADMIN.username, 'auth.signIn', ADMIN);
  // The old key file: its keys open nothing now.
  const oldKey = unlockWithPassword(parseKeyFile(readFileSync(join(dir, 'old-keyslots.json'), 'utf8')), ADMIN.username, ADMIN.password)!;
  expect(oldKey.equals(app.core.folder.dbKey())).toBe(false);
  expect(() => openEncryptedDatabase(join(dir, 'xueji.db'), oldKey, { readonly: true })).toThrow(/不属于同一套数据/);
}

/** Runs the rotation on the open folder, stopping for good at one step, as a crash there would. */
function rotateUntil(stopAt: 'attachments' | 'after-rekey'): Promise<void> {
  const folder = app.core.folder;
  const hang = new Promise<never>(() => {});
  return new Promise<void>((reached) => {
    const steps: RotationSteps = {
      progress: () => {},
      check: () => {},
      beyondCancel: () => {},
      breathe: async () => {
        if (stopAt === 'attachments') {
          reached();
          await hang;
        }
      },
      rekey: async (newKey) => {
        await folder.changeKey(newKey);
        reached();
        await hang;
      },
    };
    void rotateDataKey(folder.dir, folder.keyFile(), folder.dbKey(), { keep: () => true, newRecoveryKey: false, kdf: folder.kdf, now: new Date() }, steps);
  });
}

describe('a key rotation cut short', () => {
  it('between re-encrypting the attachments: finished at the next sign-in', async () => {
    const { ids, count } = await department();
    await rotateUntil('attachments');
    expect(existsSync(join(app.dir, ROTATION_FILE))).toBe(true);
    app.close(); // the process is gone: its connection with it
    await expectFinishedAtNextSignIn(ids, count);
  });

  it('right after the database got the new key, before the attachments were swapped: finished at the next sign-in', async () => {
    const { ids, count } = await department();
    await rotateUntil('after-rekey');
    app.close();
    await expectFinishedAtNextSignIn(ids, count);
  });

  it('kill -9 of the command line while it re-encrypts the database: rolled back and finished at the next sign-in', async () => {
    const { ids, count } = await department(4000);
    await app.call('admin-client', 'auth.signOut', {});
    app.close();
    const child = spawn(process.execPath, [join(ROOT, 'node_modules', 'tsx', 'dist', 'cli.mjs'), join(ROOT, 'electron', 'cli', 'main.ts'), 'keys', 'rotate', '--data', app.dir], {
      cwd: ROOT,
      env: { ...process.env, XUEJI_PASSWORD: ADMIN.password },
      stdio: 'ignore',
    });
    const exited = new Promise<number | null>((done) => child.on('exit', (code) => done(code)));
    let running = true;
    void exited.then(() => (running = false));
    // The rollback journal exists only while PRAGMA rekey runs.
    const hotJournal = join(app.dir, 'xueji.db-journal');
    while (running && !existsSync(hotJournal)) await new Promise((r) => setImmediate(r));
    expect(running, 'the rotation ended before its database step could be interrupted').toBe(true);
    child.kill('SIGKILL');
    await exited;
    expect(existsSync(hotJournal)).toBe(true);
    expect(existsSync(join(app.dir, ROTATION_FILE))).toBe(true);
    await expectFinishedAtNextSignIn(ids, count);
  }, 120_000);
});
