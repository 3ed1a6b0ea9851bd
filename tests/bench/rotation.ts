/**
 * Key rotation (issue 13 #4) on the benchmark's database: 更换数据密钥 as the admin runs it (new key
 * file, every attachment re-encrypted, PRAGMA rekey, files swapped), against a bare `PRAGMA rekey`
 * of the same database in the same run — the least any rotation of it can take.
 *
 * Called by run.ts at the end (on its 100,000-student folder), or on its own:
 *   tsx tests/bench/rotation.ts     (BENCH_STUDENTS, BENCH_ROTATION_FILES: its own folder)
 */
import { randomBytes, randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { openEncryptedDatabase } from '../../db/open';
import { benchApp, BENCH_DEPARTMENT, BENCH_USER } from './bench-app';

type BenchApp = ReturnType<typeof benchApp>;
export interface RotationFigure {
  name: string;
  p50: number;
  p95: number;
  target: number;
  unit: string;
}

/** app: signed in as the admin, on a folder with its students loaded. */
export async function benchRotation(app: BenchApp, files: number): Promise<RotationFigure[]> {
  // Photo-sized files (40 KB), as the attachments folder of a department holds.
  for (let i = 0; i < files; i++) {
    await app.call('attachments.upload', { purpose: 'document', ...app.upload(`证明${i}.pdf`, Buffer.concat([Buffer.from('%PDF-1.4\n'), randomBytes(40_000)])) });
  }
  const folder = app.core.folder;
  await folder.checkpoint.idle();
  const dbMb = statSync(folder.dbFile).size / 1024 / 1024;

  // The longest the event loop went without a turn: PRAGMA rekey is one call.
  let longest = 0;
  let last = performance.now();
  const beat = setInterval(() => {
    const now = performance.now();
    longest = Math.max(longest, now - last);
    last = now;
  }, 5);
  // Two phases, split where the job says it starts on the database: the key file and the
  // attachments, then the database (PRAGMA rekey) and the swap of the files.
  let databaseAt = 0;
  const unsubscribe = app.core.events.subscribe((_c, event, payload) => {
    if (!databaseAt && event === 'progress' && String((payload as { message: string }).message).startsWith('正在用新密钥')) databaseAt = performance.now();
  });
  const t = performance.now();
  const r = await app.call('keys.rotate', { jobId: randomUUID() });
  const totalMs = performance.now() - t;
  const phases: [string, number][] = [['key file + attachments', databaseAt - t], ['database + swap', t + totalMs - databaseAt]];
  unsubscribe();
  clearInterval(beat);

  // The same database, nothing but PRAGMA rekey (in rollback-journal mode, as it must run).
  const key = Buffer.from(folder.dbKey());
  await app.call('auth.signOut', {});
  const db = openEncryptedDatabase(folder.dbFile, key);
  db.pragma('journal_mode = DELETE');
  const b = performance.now();
  db.pragma(`rekey="x'${randomBytes(32).toString('hex')}'"`);
  const bareMs = performance.now() - b;
  // Back to the app's key (and WAL), so the benchmark can sign in again and go on.
  db.pragma(`rekey="x'${key.toString('hex')}'"`);
  db.pragma('journal_mode = WAL');
  db.close();

  console.log(
    `  key rotation: ${r.accounts} accounts, ${r.attachments} files, ${dbMb.toFixed(0)} MB database: ${totalMs.toFixed(0)} ms (${phases.map(([n, ms]) => `${n} ${ms.toFixed(0)} ms`).join(', ')}); ` +
      `bare PRAGMA rekey of the same database ${bareMs.toFixed(0)} ms: ${(totalMs / bareMs).toFixed(2)}×; longest main-thread block ${longest.toFixed(0)} ms`,
  );
  return [
    { name: `key rotation (${r.attachments} files)`, p50: totalMs, p95: totalMs, target: 2 * bareMs + 5 * files, unit: 'ms' },
    { name: 'bare PRAGMA rekey, same database', p50: bareMs, p95: bareMs, target: 60_000, unit: 'ms' },
  ];
}

/** On its own: a folder of its own with BENCH_STUDENTS demo students. */
async function alone() {
  const students = Number(process.env.BENCH_STUDENTS ?? 100_000);
  const dir = mkdtempSync(join(tmpdir(), 'xueji-bench-rotation-'));
  try {
    const app = benchApp(dir, 'bench-rotation');
    await app.call('setup.create', BENCH_DEPARTMENT);
    await app.call('setup.loadDemo', { students });
    await app.call('auth.signOut', {});
    await app.call('auth.signIn', BENCH_USER);
    console.log(`学籍通 key-rotation benchmark — ${students} demo students`);
    for (const f of await benchRotation(app, Number(process.env.BENCH_ROTATION_FILES ?? 1000))) {
      console.log(`  ${f.name.padEnd(40)} ${f.p50.toFixed(0).padStart(7)} ms   < ${f.target.toFixed(0)} ${f.p50 < f.target ? 'ok' : 'SLOW'}`);
    }
    app.core.folder.close();
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) void alone();
