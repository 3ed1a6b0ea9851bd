import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { log, logFilePath, logToFolder } from '../../electron/main/core/log';
import { handlers } from '../../electron/main/handlers';
import { generateDemoOrganisation, generateDemoStudents } from '../../shared/domain/demo';
import { ADMIN, COUNSELOR, MANAGER, makeApp, type TestApp } from '../support/harness';
import { MESSY, messyRoster } from '../support/roster-fixtures';

const A = 'admin-client';
const C = COUNSELOR.client;
const DEMO_SEED = 20261122; // setup.loadDemo's default
const DEMO_COUNT = 120;

let app: TestApp | undefined;
afterEach(() => {
  vi.restoreAllMocks();
  app?.remove();
  app = undefined;
});

describe('the log file in the data folder', () => {
  it('records an INTERNAL error with its stack, and no name, ID number, phone or e-mail of anyone', async () => {
    app = makeApp();
    await app.setup();
    await app.addStaff();
    await app.call(A, 'setup.loadDemo', { students: DEMO_COUNT });
    const org = generateDemoOrganisation(DEMO_SEED);
    const demo = generateDemoStudents(DEMO_SEED, DEMO_COUNT, org);

    // A roster with five bad rows into a demo class; the four good ones are imported.
    const opened = await app.call(C, 'imports.open', app.upload(C, '新生名单.xlsx', (await messyRoster(org.classes[0]!.name))));
    const sheet = opened.sheets[0]!.name;
    const inspected = await app.call(C, 'imports.inspect', { uploadId: opened.uploadId, sheet });
    const options = { uploadId: opened.uploadId, sheet, mapping: inspected.mapping };
    expect((await app.call(C, 'imports.preview', options)).invalid).toBe(5);
    expect((await app.call(C, 'imports.commit', options)).imported).toBe(0);
    expect((await app.call(C, 'imports.commit', { ...options, skipInvalid: true })).imported).toBe(4);

    // A bug that throws with someone's data in its message.
    const who = demo[0]!;
    vi.spyOn(handlers, 'org.tree').mockImplementation(() => {
      throw new Error(`row for ${who.name} ${who.idNumber} tel ${who.phone} / 138-1234-5678 zhang.san@example.com in /home/zhangsan/名单.xlsx`);
    });
    const internal = await app.fails(C, 'org.tree', {});
    expect(internal.code).toBe('INTERNAL');
    expect(internal.message).not.toContain(who.name);

    const file = logFilePath(app.dir);
    expect(existsSync(file)).toBe(true);
    const text = readFileSync(file, 'utf8');
    expect(text).toMatch(/ ERROR call org\.tree failed Error: row for <text> <number> tel <number> \/ <number> <email> in <path>/);
    expect(text).toMatch(/\n {4}at .*log-file\.test\.ts:\d+:\d+/); // stack frames, without their directories
    expect(text).not.toContain(app.dir);

    const people = [
      ...demo.flatMap((s) => [s.name, s.idNumber, s.phone, s.examNo, s.address, s.guardian.name, s.guardian.phone]),
      ...Object.values(MESSY), '张三', '李四', '13812345678', '13912345678',
      ADMIN.displayName, COUNSELOR.displayName, MANAGER.displayName,
      'zhang.san@example.com', 'zhangsan',
    ];
    for (const p of people) expect(text, p).not.toContain(p);
    expect(text).not.toMatch(/[^\x00-\x7f]/); // no text in any script: names, addresses, file names
    const longNumbers = text.split('\n').map((l) => l.replace(/^\S+Z /, '')).join('\n').match(/\d{6,}/g);
    expect(longNumbers).toBeNull();
  });

  it('rotates when the file would pass its limit (1 MB in use), keeping three old files', () => {
    const dir = mkdtempSync(join(tmpdir(), 'xueji-log-'));
    try {
      logToFolder(dir, { maxBytes: 10_000 });
      for (let i = 0; i < 100; i++) log.info(`checkpoint ${i} ${'x'.repeat(900)}`);
      const files = readdirSync(join(dir, 'logs')).sort();
      expect(files).toEqual(['xueji.log', 'xueji.log.1', 'xueji.log.2', 'xueji.log.3']);
      for (const f of files) expect(statSync(join(dir, 'logs', f)).size).toBeLessThanOrEqual(10_000);
      expect(statSync(join(dir, 'logs', 'xueji.log.1')).size).toBeGreaterThan(9_000);
      expect(readFileSync(join(dir, 'logs', 'xueji.log'), 'utf8')).toContain('INFO checkpoint 99 ');
    } finally {
      logToFolder(null);
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('never fails a call: an unwritable log is skipped, and a missing data folder is not created', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'xueji-log-'));
    try {
      writeFileSync(join(dir, 'logs'), 'not a folder');
      logToFolder(dir);
      expect(() => log.error('call org.tree failed', new Error('boom'))).not.toThrow();
      logToFolder(join(dir, 'gone'));
      expect(() => log.warn('checkpoint failed')).not.toThrow();
      expect(existsSync(join(dir, 'gone'))).toBe(false);
    } finally {
      logToFolder(null);
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
