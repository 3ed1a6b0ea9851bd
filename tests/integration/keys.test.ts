import { createHash } from 'node:crypto';
import { readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { KEY_FILE, readKeyFile } from '../../db/keyslots';
import { openEncryptedDatabase } from '../../db/open';
import { ADMIN, makeApp, type TestApp } from '../support/harness';

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
