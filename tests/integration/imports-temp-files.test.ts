/**
 * Nothing of an imported roster may reach the disk unencrypted (issue 13 #1): exceljs' streaming
 * reader used to spool a worksheet that comes before the shared strings — as exceljs itself writes
 * them — to a file in the OS temp folder. With TMPDIR pointed at an empty folder, the folder stays
 * empty while a roster is read, checked and written, cancelled, refused, and when the process
 * reading it is killed.
 */
import { spawn, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { unzipSync, zipSync } from 'fflate';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN, COUNSELOR, makeApp, type TestApp } from '../support/harness';
import { CLASS_NAME, MAJOR, cleanRoster, numberedStudents, writeRosterXlsx } from '../support/roster-fixtures';

const ROOT = resolve(__dirname, '..', '..');
const base = mkdtempSync(join(tmpdir(), 'xueji-tmpdir-'));
/** The empty folder TMPDIR points at, a new one per test. */
let watched = '';
let folders = 0;
function newTempFolder(): string {
  watched = join(base, `tmp-${++folders}`);
  mkdirSync(watched);
  return watched;
}
/**
 * What is in the temp folder, leaving out tsx's cache of transpiled source: the tests start the
 * workers and the CLI from source through tsx, which the packaged app does not.
 */
const contents = () => readdirSync(watched).filter((f) => !/^tsx-\d+$/.test(f));
const realTmp = process.env.TMPDIR;
const C = COUNSELOR.client;

/** Everything that appeared in the watched temp folder while `work` ran, polled every 5 ms. */
async function seenDuring<T>(work: () => Promise<T>): Promise<{ seen: string[]; result: T | Error }> {
  const seen = new Set<string>();
  const look = () => contents().forEach((f) => seen.add(f));
  const timer = setInterval(look, 5);
  let result: T | Error;
  try {
    result = await work();
  } catch (e) {
    result = e as Error;
  } finally {
    clearInterval(timer);
  }
  // A deletion scheduled by the reader gets its turn before the final look.
  await new Promise((r) => setTimeout(r, 300));
  look();
  return { seen: [...seen], result };
}

let roster: Buffer;
let app: TestApp;

beforeAll(async () => {
  roster = await cleanRoster(numberedStudents(20_000, '20255102', '测试'));
  // The case that spooled: the worksheet is zipped before the shared strings.
  const order = Object.keys(unzipSync(roster));
  expect(order.indexOf('xl/worksheets/sheet1.xml')).toBeLessThan(order.indexOf('xl/sharedStrings.xml'));
}, 60_000);

/** Back to what it was: unset stays unset (assigning undefined would set the text "undefined"). */
function restoreTmp() {
  if (realTmp === undefined) delete process.env.TMPDIR;
  else process.env.TMPDIR = realTmp;
}

afterAll(() => {
  restoreTmp();
  rmSync(base, { recursive: true, force: true });
});

describe('an import leaves nothing in the temp folder', () => {
  afterEach(() => {
    restoreTmp();
    app?.remove();
  });

  async function signedInApp() {
    app = makeApp(mkdtempSync(join(base, 'data-')));
    await app.setup();
    await app.addStaff();
    const major = await app.call(C, 'org.createMajor', { ...MAJOR });
    await app.call(C, 'org.createClass', { name: CLASS_NAME, majorId: major.id, cohortYear: 2025 });
    // Set after the data folder exists: from here on every temporary file would land in `watched`.
    process.env.TMPDIR = newTempFolder();
  }

  it('a roster read, checked and written', async () => {
    await signedInApp();
    const { seen, result } = await seenDuring(async () => {
      const opened = await app.call(C, 'imports.open', app.upload(C, '名单.xlsx', roster));
      const sheet = opened.sheets[0]!.name;
      const inspected = await app.call(C, 'imports.inspect', { uploadId: opened.uploadId, sheet });
      return app.call(C, 'imports.commit', { uploadId: opened.uploadId, sheet, mapping: inspected.mapping });
    });
    expect(result).toMatchObject({ imported: 20_000 });
    expect(seen).toEqual([]);
  }, 120_000);

  it('a read cancelled half-way, and a damaged workbook refused', async () => {
    await signedInApp();
    const off = app.core.events.subscribe((client, event, payload) => {
      const p = payload as { jobId: string; done: number };
      if (client === C && event === 'progress' && p.jobId === 'read-1' && p.done >= 5000) void app.raw(C, 'jobs.cancel', { jobId: 'read-1' });
    });
    const cancelled = await seenDuring(() => app.fails(C, 'imports.open', { ...app.upload(C, '名单.xlsx', roster), jobId: 'read-1' }));
    off();
    expect(cancelled.result).toMatchObject({ code: 'CANCELLED' });
    expect(cancelled.seen).toEqual([]);

    // The sheet's XML cut off half-way: read until it breaks, then refused.
    const parts = unzipSync(roster);
    const sheet = parts['xl/worksheets/sheet1.xml']!;
    parts['xl/worksheets/sheet1.xml'] = sheet.subarray(0, sheet.length / 2);
    const damaged = Buffer.from(zipSync(parts));
    const refused = await seenDuring(() => app.fails(C, 'imports.open', app.upload(C, '名单.xlsx', damaged)));
    expect(refused.result).toMatchObject({ code: 'VALIDATION' });
    expect(refused.seen).toEqual([]);
  }, 120_000);

  it('a command-line import killed while it reads', async () => {
    const data = join(base, 'cli-data');
    newTempFolder();
    const cli = (args: string[], env: Record<string, string> = {}) =>
      spawn(process.execPath, [join(ROOT, 'node_modules', 'tsx', 'dist', 'cli.mjs'), join(ROOT, 'electron', 'cli', 'main.ts'), ...args, '--data', data], {
        cwd: ROOT,
        env: { ...process.env, XUEJI_PASSWORD: ADMIN.password, ...env },
      });
    const init = spawnSync(process.execPath, [join(ROOT, 'node_modules', 'tsx', 'dist', 'cli.mjs'), join(ROOT, 'electron', 'cli', 'main.ts'), 'init', '--data', data, '--school-code', '12345', '--school', '示范职业技术学院', '--department', '信息工程系', '--admin', ADMIN.username], {
      cwd: ROOT, env: { ...process.env, XUEJI_PASSWORD: ADMIN.password }, encoding: 'utf8', timeout: 60_000,
    });
    expect(init.status, init.stderr).toBe(0);
    // 150,000 rows (exceljs' streaming writer: shared strings after the sheet, as ever), so the read
    // lasts a few seconds even on a fast, idle machine.
    const file = join(base, '名单.xlsx');
    // (75,000 students twice: a dry run of duplicates is read like any other roster.)
    const half = numberedStudents(75_000, '202551', '测试').map((s) => [s.studentNo, s.name, s.id]);
    await writeRosterXlsx(file, ['学号', '姓名', '身份证号'], [...half, ...half]);

    const { seen, result } = await seenDuring(
      () =>
        new Promise<NodeJS.Signals | null>((done) => {
          const child = cli(['import', 'students', file, '--dry-run', '--json'], { TMPDIR: watched });
          // Killed once a temporary file shows, or as soon as the CLI reports rows read (its
          // progress on stderr): mid-read, whatever the machine's speed.
          let reading = false;
          child.stderr!.on('data', (c: Buffer) => (reading ||= c.toString().includes('已读取')));
          const poll = setInterval(() => {
            if (contents().length > 0 || reading) {
              clearInterval(poll);
              child.kill('SIGKILL');
            }
          }, 5);
          child.on('exit', (_code, signal) => {
            clearInterval(poll);
            done(signal);
          });
        }),
    );
    expect(result).toBe('SIGKILL');
    expect(seen).toEqual([]);
  }, 120_000);
});
