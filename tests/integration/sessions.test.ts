import { afterEach, describe, expect, it } from 'vitest';
import { CHANNELS } from '../../shared/ipc/channels';
import { contract } from '../../shared/ipc/contract';
import { ADMIN, makeApp, type TestApp } from '../support/harness';

let app: TestApp;
afterEach(() => app?.remove());
const MIN = 60_000;

describe('lockout after wrong passwords', () => {
  it('locks the account after 5 wrong attempts, with a growing delay, even for the right password', async () => {
    app = makeApp();
    await app.setup();
    await app.call('admin-client', 'auth.signOut', {});
    for (let i = 1; i <= 4; i++) {
      const e = await app.fails('c', 'auth.signIn', { username: 'admin', password: `Wrong${i}23456` });
      expect(e.code).toBe('WRONG_PASSWORD');
      expect(e.message).toContain(`再输错 ${5 - i} 次`);
    }
    const fifth = await app.fails('c', 'auth.signIn', { username: 'admin', password: 'Wrong523456' });
    expect(fifth.code).toBe('ACCOUNT_LOCKED');
    expect(fifth.message).toMatch(/约 1 分钟/);
    expect((await app.fails('c', 'auth.signIn', ADMIN)).code).toBe('ACCOUNT_LOCKED');
    app.advance(1 * MIN + 1000);
    // A 6th wrong attempt after the first lock expires locks for longer.
    const sixth = await app.fails('c', 'auth.signIn', { username: 'admin', password: 'Wrong623456' });
    expect(sixth.code).toBe('ACCOUNT_LOCKED');
    expect(sixth.message).toMatch(/约 2 分钟/);
    app.advance(1 * MIN);
    expect((await app.fails('c', 'auth.signIn', ADMIN)).code).toBe('ACCOUNT_LOCKED');
    app.advance(1 * MIN + 1000);
    await app.call('c', 'auth.signIn', ADMIN);
    // A success resets the count.
    await app.call('c', 'auth.signOut', {});
    expect((await app.fails('c', 'auth.signIn', { username: 'admin', password: 'Wrong723456' })).message).toContain('再输错 4 次');
  });

  it('an admin can lift another account’s lockout', async () => {
    app = makeApp();
    await app.setup();
    const u = await app.call('admin-client', 'users.create', { username: 'li', displayName: '李老师', role: 'clerk', password: 'Clerk1234567' });
    for (let i = 0; i < 5; i++) await app.fails('x', 'auth.signIn', { username: 'li', password: 'Nope12345678' });
    const listed = (await app.call('admin-client', 'users.list', {})).find((r) => r.id === u.id)!;
    expect(listed.lockedUntil).not.toBeNull();
    await app.call('admin-client', 'users.update', { id: u.id, unlock: true });
    await app.call('x', 'auth.signIn', { username: 'li', password: 'Clerk1234567' });
  });
});

describe('idle lock', () => {
  it('locks after the configured idle time; only the same password unlocks; work continues', async () => {
    app = makeApp();
    await app.setup();
    const info = await app.call('admin-client', 'app.status', {});
    expect(info.session?.idleLockMinutes).toBe(10);
    app.advance(9 * MIN);
    await app.call('admin-client', 'auth.touch', {});
    app.advance(9 * MIN); // 18 minutes since sign-in, 9 since the last activity
    await app.call('admin-client', 'settings.get', {});
    app.advance(10 * MIN);
    const locked = await app.fails('admin-client', 'settings.get', {});
    expect(locked.code).toBe('SESSION_LOCKED');
    expect((await app.call('admin-client', 'app.status', {})).session?.locked).toBe(true);
    expect((await app.fails('admin-client', 'auth.unlock', { password: 'WrongPass1234' })).code).toBe('WRONG_PASSWORD');
    await app.call('admin-client', 'auth.unlock', { password: ADMIN.password });
    expect((await app.call('admin-client', 'settings.get', {})).schoolCode).toBe('12345');
  });

  it('pushes a session.locked event to the client when the timer locks it', async () => {
    app = makeApp();
    await app.setup();
    const seen: string[] = [];
    app.core.events.subscribe((clientId, event) => seen.push(`${clientId}:${event}`));
    const { lockIdleSessions } = await import('../../electron/main/core/dispatch');
    await app.call('admin-client', 'settings.update', { idleLockMinutes: 3 });
    app.advance(3 * MIN);
    lockIdleSessions(app.core);
    expect(seen).toEqual(['admin-client:session.locked']);
  });
});

describe('password age reminder', () => {
  it('reports an expired password after the configured period', async () => {
    app = makeApp();
    await app.setup();
    expect((await app.call('admin-client', 'app.status', {})).session?.passwordExpired).toBe(false);
    await app.call('admin-client', 'settings.update', { passwordMaxAgeDays: 30 });
    app.advance(31 * 24 * 60 * MIN);
    await app.call('admin-client', 'auth.touch', {}).catch(() => undefined);
    await app.call('admin-client', 'auth.unlock', { password: ADMIN.password });
    expect((await app.call('admin-client', 'app.status', {})).session?.passwordExpired).toBe(true);
  });
});

describe('a password the admin chose must be changed before anything else', () => {
  const WANG = { username: 'wang', displayName: '王老师', role: 'admin', password: 'Admin2first1' } as const;
  /** What a signed-in user may still do before the change: change it, leave, lock, unlock, see the status. */
  const BEFORE_CHANGE = ['app.status', 'auth.changePassword', 'auth.signOut', 'auth.lock', 'auth.unlock', 'auth.touch'];

  it('the main process refuses every other call, whatever the screens do, until the password is changed', async () => {
    app = makeApp();
    await app.setup();
    await app.call('admin-client', 'users.create', WANG);
    const info = await app.call('w', 'auth.signIn', { username: WANG.username, password: WANG.password });
    expect(info.mustChangePassword).toBe(true);

    // Every channel a session may use, asked directly (an admin has every permission, so only the rule refuses).
    const refused: string[] = [];
    for (const channel of CHANNELS) {
      if (contract[channel].access === 'public' || BEFORE_CHANGE.includes(channel)) continue;
      const r = await app.raw('w', channel, {});
      expect(r.ok, channel).toBe(false);
      if (!r.ok && r.error.code === 'PASSWORD_CHANGE_REQUIRED') refused.push(channel);
      if (!r.ok) expect(r.error.message, channel).toBe('请先修改密码：管理员设置或重置的密码须由本人修改后才能继续使用。');
    }
    expect(refused.length).toBeGreaterThan(40);
    expect(refused).toContain('students.list');
    expect(refused).toContain('users.create');
    expect(refused).toContain('settings.get');

    // What the change needs still works: status, lock and unlock, the change itself.
    expect((await app.call('w', 'app.status', {})).session?.mustChangePassword).toBe(true);
    await app.call('w', 'auth.touch', {});
    await app.call('w', 'auth.lock', {});
    await app.call('w', 'auth.unlock', { password: WANG.password });
    const changed = await app.call('w', 'auth.changePassword', { oldPassword: WANG.password, newPassword: 'Admin2second2' });
    expect(changed.mustChangePassword).toBe(false);
    expect((await app.call('w', 'users.list', {})).map((u) => u.username)).toContain('wang');
  });

  it('after an admin resets a password, the signed-in user is held at the change too, and may sign out', async () => {
    app = makeApp();
    await app.setup();
    await app.addUser({ username: 'li', displayName: '李老师', role: 'clerk', password: 'Clerk1234567' }, 'li-client');
    await app.call('li-client', 'settings.get', {});
    const li = (await app.call('admin-client', 'users.list', {})).find((u) => u.username === 'li')!;
    await app.call('admin-client', 'users.resetPassword', { id: li.id, newPassword: 'Reset1234567' });
    expect((await app.fails('li-client', 'settings.get', {})).code).toBe('PASSWORD_CHANGE_REQUIRED');
    await app.call('li-client', 'auth.signOut', {});
    expect((await app.fails('li-client', 'settings.get', {})).code).toBe('UNAUTHENTICATED');
  });
});

