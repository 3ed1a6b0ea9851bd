import { afterEach, describe, expect, it } from 'vitest';
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
