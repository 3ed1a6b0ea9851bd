import { createHash } from 'node:crypto';
import { readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { DEFAULT_KDF, KEY_FILE, readKeyFile, type KeyFile } from '../../db/keyslots';
import { openEncryptedDatabase } from '../../db/open';
import { ADMIN, HARNESS_KDF, makeApp, type TestApp } from '../support/harness';

let app: TestApp;
afterEach(() => app?.remove());

const sha = (file: string) => createHash('sha256').update(readFileSync(file)).digest('hex');

async function withCounselor(a: TestApp) {
  await a.setup();
  await a.call('admin-client', 'users.create', { username: 'zhang', displayName: '张老师', role: 'counselor', password: 'Counsel12345' });
  await a.call('admin-client', 'auth.signOut', {});
}

describe('key slots and sign-in', () => {
  it('shows a recovery key once at setup, formatted for printing, and it unlocks the database', async () => {
    app = makeApp();
    const { recoveryKey } = await app.setup();
    expect(recoveryKey).toMatch(/^([0-9A-HJKMNP-TV-Z]{4}-){7}[0-9A-HJKMNP-TV-Z]{4}$/);
    expect(readFileSync(join(app.dir, KEY_FILE), 'utf8')).not.toContain(recoveryKey);
    await app.call('admin-client', 'auth.signOut', {});
    expect(app.core.folder.isOpen).toBe(false);
    // Typed sloppily: lower case, no dashes.
    const info = await app.call('c2', 'auth.recover', { recoveryKey: recoveryKey.replace(/-/g, '').toLowerCase(), username: 'admin', newPassword: 'Recovered123' });
    expect(info.user.username).toBe('admin');
    await app.call('c2', 'auth.signOut', {});
    await app.call('c3', 'auth.signIn', { username: 'admin', password: 'Recovered123' });
    expect((await app.fails('c4', 'auth.recover', { recoveryKey: 'AAAA-BBBB-CCCC-DDDD-EEEE-FFFF-GGGG-HHHH', username: 'admin', newPassword: 'Another12345' })).code).toBe('WRONG_PASSWORD');
  });

  it('rejects a wrong password with a clear message and does not open the database', async () => {
    app = makeApp();
    await withCounselor(app);
    const err = await app.fails('c', 'auth.signIn', { username: 'zhang', password: 'Wrong123456' });
    expect(err.code).toBe('WRONG_PASSWORD');
    expect(err.message).toContain('用户名或密码错误');
    expect(app.core.folder.isOpen).toBe(false);
    const unknown = await app.fails('c', 'auth.signIn', { username: 'nobody', password: 'Wrong123456' });
    expect(unknown.message).toContain('用户名或密码错误');
  });

  it('changing a password rewraps only that user’s slot', async () => {
    app = makeApp();
    await withCounselor(app);
    const before = readKeyFile(app.dir);
    await app.call('z', 'auth.signIn', { username: 'zhang', password: 'Counsel12345' });
    await app.call('z', 'auth.changePassword', { oldPassword: 'Counsel12345', newPassword: 'NewCounsel678' });
    const after = readKeyFile(app.dir);
    const slot = (k: typeof before, u: string | null) => JSON.stringify(k.slots.find((s) => s.username === u));
    expect(slot(after, 'admin')).toBe(slot(before, 'admin'));
    expect(slot(after, null)).toBe(slot(before, null));
    expect(slot(after, 'zhang')).not.toBe(slot(before, 'zhang'));
    await app.call('z', 'auth.signOut', {});
    expect((await app.fails('z', 'auth.signIn', { username: 'zhang', password: 'Counsel12345' })).code).toBe('WRONG_PASSWORD');
    await app.call('z', 'auth.signIn', { username: 'zhang', password: 'NewCounsel678' });
  });

  it('an admin resets another user’s password; that user must change it at next sign-in', async () => {
    app = makeApp();
    await withCounselor(app);
    await app.call('a', 'auth.signIn', ADMIN);
    const zhang = (await app.call('a', 'users.list', {})).find((u) => u.username === 'zhang')!;
    await app.call('a', 'users.resetPassword', { id: zhang.id, newPassword: 'Reset1234567' });
    const info = await app.call('z', 'auth.signIn', { username: 'zhang', password: 'Reset1234567' });
    expect(info.mustChangePassword).toBe(true);
  });

  it('refuses weak passwords with the reason', async () => {
    app = makeApp();
    const err = await app.fails('c', 'setup.create', {
      schoolCode: '12345', schoolName: '学院', departmentName: '系',
      admin: { username: 'admin', displayName: '管理员', password: 'onlyletters' },
    });
    expect(err.code).toBe('WEAK_PASSWORD');
    expect(err.field).toBe('admin.password');
    expect(err.message).toContain('数字');
  });

  it('a missing key file gives a clear message and nothing in the folder is touched', async () => {
    app = makeApp();
    await app.setup();
    await app.call('admin-client', 'auth.signOut', {});
    const dbHash = sha(app.core.folder.dbFile);
    renameSync(join(app.dir, KEY_FILE), join(app.dir, 'elsewhere.json'));
    const status = await app.call('c', 'app.status', {});
    expect(status.state).toBe('problem');
    expect(status.problem?.message).toContain('缺少密钥文件');
    const err = await app.fails('c', 'auth.signIn', ADMIN);
    expect(err.message).toContain('缺少密钥文件');
    // Setup is refused too: the existing database must never be overwritten.
    const again = await app.fails('c', 'setup.create', { schoolCode: '12345', schoolName: '学院', departmentName: '系', admin: ADMIN });
    expect(again.code).toBe('ALREADY_SET_UP');
    expect(sha(app.core.folder.dbFile)).toBe(dbHash);
  });

  it('a damaged database file gives a clear message and is left as it was', async () => {
    app = makeApp();
    await app.setup();
    app.core.folder.raw().pragma('wal_checkpoint(TRUNCATE)');
    await app.call('admin-client', 'auth.signOut', {});
    const file = app.core.folder.dbFile;
    const bytes = readFileSync(file);
    bytes.fill(0x5a, 0, 4096); // overwrite the first page
    writeFileSync(file, bytes);
    const damagedHash = sha(file);
    const err = await app.fails('c', 'auth.signIn', ADMIN);
    expect(err.code).toBe('DB_DAMAGED');
    expect(err.message).toContain('已损坏');
    expect(sha(file)).toBe(damagedHash);
  });

  it('a database from a newer app version is refused, unchanged', async () => {
    app = makeApp();
    await app.setup();
    const key = Buffer.from(app.core.folder.dbKey());
    await app.call('admin-client', 'auth.signOut', {});
    const db = openEncryptedDatabase(join(app.dir, 'xueji.db'), key);
    db.pragma('user_version = 999');
    db.pragma('wal_checkpoint(TRUNCATE)');
    db.close();
    const hash = sha(join(app.dir, 'xueji.db'));
    const err = await app.fails('c', 'auth.signIn', ADMIN);
    expect(err.code).toBe('DB_TOO_NEW');
    expect(err.message).toContain('更新版本');
    expect(sha(join(app.dir, 'xueji.db'))).toBe(hash);
  });
});

describe('key-slot cost (scrypt) and its bounds', () => {
  const slotOf = (k: KeyFile, u: string | null) => k.slots.find((s) => s.username === u)!;
  const cpuMs = async (fn: () => Promise<unknown>) => {
    const before = process.cpuUsage();
    await fn();
    const used = process.cpuUsage(before);
    return (used.user + used.system) / 1000;
  };

  it('new and changed passwords are wrapped with scrypt N=2^17, r=8, p=1 (OWASP’s minimum)', async () => {
    app = makeApp(undefined, { kdf: DEFAULT_KDF });
    await app.setup();
    expect(DEFAULT_KDF).toMatchObject({ N: 2 ** 17, r: 8, p: 1, keyLen: 32 });
    expect(slotOf(readKeyFile(app.dir), 'admin').kdf).toMatchObject({ N: 2 ** 17, r: 8, p: 1 });
    await app.call('admin-client', 'auth.changePassword', { oldPassword: ADMIN.password, newPassword: 'Changed12345' });
    expect(slotOf(readKeyFile(app.dir), 'admin').kdf).toMatchObject({ N: 2 ** 17, r: 8, p: 1 });
  });

  it('a slot made with the former cost is rewrapped with the current one at the next successful sign-in, not at a failed one', async () => {
    const old = makeApp();
    await old.setup();
    await old.call('admin-client', 'auth.signOut', {});
    old.close();
    expect(slotOf(readKeyFile(old.dir), 'admin').kdf.N).toBe(HARNESS_KDF.N);
    app = makeApp(old.dir, { kdf: DEFAULT_KDF });
    const before = readKeyFile(app.dir);
    await app.fails('c', 'auth.signIn', { ...ADMIN, password: 'Wrong1234567' });
    expect(readKeyFile(app.dir)).toEqual(before);
    await app.call('c', 'auth.signIn', ADMIN);
    const after = readKeyFile(app.dir);
    expect(slotOf(after, 'admin').kdf).toMatchObject({ N: 2 ** 17, r: 8, p: 1 });
    expect(slotOf(after, 'admin').salt).not.toBe(slotOf(before, 'admin').salt);
    expect(slotOf(after, null)).toEqual(slotOf(before, null)); // the recovery slot is not the user’s
    await app.call('c', 'auth.signOut', {});
    await app.call('c', 'auth.signIn', ADMIN);
    expect(readKeyFile(app.dir)).toEqual(after); // upgraded once
  });

  it('a name no account has costs as much as a known one, also once slots are upgraded', async () => {
    const old = makeApp();
    await old.setup();
    await old.call('admin-client', 'auth.signOut', {});
    old.close();
    app = makeApp(old.dir, { kdf: DEFAULT_KDF });
    await app.call('c', 'auth.signIn', ADMIN); // admin's slot now at N=2^17, the recovery slot still at 2^15
    await app.call('c', 'auth.signOut', {});
    // Processor time, not wall time: other work on the machine does not count.
    const known = Math.min(
      await cpuMs(() => app.fails('c', 'auth.signIn', { ...ADMIN, password: 'Wrong1234567' })),
      await cpuMs(() => app.fails('c', 'auth.signIn', { ...ADMIN, password: 'Wrong2234567' })),
    );
    const unknown = Math.min(
      await cpuMs(() => app.fails('c', 'auth.signIn', { username: 'nobody', password: 'Wrong1234567' })),
      await cpuMs(() => app.fails('c', 'auth.signIn', { username: 'nobody', password: 'Wrong2234567' })),
    );
    expect(unknown).toBeGreaterThan(known * 0.6);
    expect(unknown).toBeLessThan(known * 1.6);
  });

  it.each([
    ['N not a power of two', { N: 2 ** 15 + 1 }, 'N'],
    ['N too large (memory)', { N: 2 ** 20, r: 1 }, 'N'],
    ['r of 0', { r: 0 }, 'r'],
    ['p too large (time)', { p: 64 }, 'p'],
    ['a 64-byte key', { keyLen: 64 }, '密钥长度'],
  ])('refuses a tampered key slot (%s) with a clear message, before deriving anything', async (_what, kdf, named) => {
    app = makeApp();
    await app.setup();
    await app.call('admin-client', 'auth.signOut', {});
    const file = join(app.dir, KEY_FILE);
    const keys = JSON.parse(readFileSync(file, 'utf8')) as KeyFile;
    Object.assign(slotOf(keys, 'admin').kdf, kdf);
    writeFileSync(file, JSON.stringify(keys));
    const spent = await cpuMs(async () => {
      const err = await app.fails('c', 'auth.signIn', ADMIN);
      expect(err.code).toBe('KEY_FILE_MISSING');
      expect(err.message).toContain('密钥文件（keyslots.json）');
      expect(err.message).toContain('用户 admin 的密钥槽');
      expect(err.message).toContain(named);
      expect(err.message.replace('keyslots.json', '').replace('admin', '')).not.toMatch(/[A-Za-z]{2,}/); // no English besides the file's and the user's names
    });
    expect(spent).toBeLessThan(150); // nothing was derived
    expect((await app.call('c', 'app.status', {})).state).toBe('problem');
  });

  it('refuses a tampered salt (empty or huge) the same way', async () => {
    app = makeApp();
    await app.setup();
    await app.call('admin-client', 'auth.signOut', {});
    const file = join(app.dir, KEY_FILE);
    const original = readFileSync(file, 'utf8');
    for (const salt of ['', Buffer.alloc(1 << 20).toString('base64')]) {
      const keys = JSON.parse(original) as KeyFile;
      slotOf(keys, 'admin').salt = salt;
      writeFileSync(file, JSON.stringify(keys));
      const err = await app.fails('c', 'auth.signIn', ADMIN);
      expect(err.message).toContain('用户 admin 的密钥槽');
      expect(err.message).toContain('盐');
    }
  });
});
