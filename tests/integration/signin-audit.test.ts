import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { auditActionLabel } from '../../shared/domain/audit-actions';
import { ADMIN, makeApp, type TestApp } from '../support/harness';

let app: TestApp;
afterEach(() => app?.remove());

const CLERK = { username: 'li', displayName: '李老师', role: 'clerk', password: 'Clerk1234567' } as const;
/** Every password any test here types; none may appear anywhere in the trail. */
const TRIED = ['Nope12345678', 'Wrong1password', 'Wrong2password', 'Guess1234567', 'NotMine12345', 'Reset9876543', CLERK.password, ADMIN.password];

async function trail(a: TestApp) {
  return (await a.call('admin-client', 'audit.list', { page: 0, pageSize: 200 })).rows;
}

/** No password, tried or real, in any column of any audit row. */
function expectNoPasswords(rows: unknown) {
  const text = JSON.stringify(rows);
  for (const p of TRIED) expect(text).not.toContain(p);
}

describe('failed sign-ins, lockouts, unlocks and resets in the audit trail', () => {
  it('records a wrong password, the lockout after 5, an admin unlock and an admin reset, with no password text', async () => {
    app = makeApp();
    await app.setup();
    const li = await app.call('admin-client', 'users.create', CLERK);

    const wrong = await app.fails('x', 'auth.signIn', { username: 'li', password: 'Nope12345678' });
    expect(wrong.code).toBe('WRONG_PASSWORD');
    let rows = await trail(app);
    const failed = rows.find((r) => r.action === 'auth.signInFailed')!;
    expect(failed).toBeDefined();
    expect(auditActionLabel(failed.action)).toBe('登录失败');
    expect(failed).toMatchObject({ userId: null, username: 'li', entity: 'user', entityId: String(li.id) });
    expect(failed.summary).toContain('密码错误');
    expect(Date.parse(failed.at)).toBe(Date.parse('2026-09-01T08:00:00Z'));

    for (let i = 2; i <= 5; i++) await app.fails('x', 'auth.signIn', { username: 'li', password: 'Nope12345678' });
    rows = await trail(app);
    const lockout = rows.find((r) => r.action === 'auth.lockout')!;
    expect(lockout).toBeDefined();
    expect(auditActionLabel(lockout.action)).toBe('账户锁定');
    expect(lockout).toMatchObject({ userId: null, username: 'li' });
    expect(lockout.summary).toMatch(/账户已锁定 1 分钟/);
    expect(rows.filter((r) => r.action === 'auth.signInFailed')).toHaveLength(4);

    // The right password against a locked account is refused, and that is recorded too.
    expect((await app.fails('x', 'auth.signIn', { username: 'li', password: CLERK.password })).code).toBe('ACCOUNT_LOCKED');
    rows = await trail(app);
    expect(rows[0]).toMatchObject({ action: 'auth.signInFailed', username: 'li', userId: null });
    expect(rows[0]!.summary).toMatch(/账户已锁定/);

    await app.call('admin-client', 'users.update', { id: li.id, unlock: true });
    await app.call('admin-client', 'users.resetPassword', { id: li.id, newPassword: 'Reset9876543' });
    rows = await trail(app);
    const unlock = rows.find((r) => r.action === 'users.unlock')!;
    expect(auditActionLabel(unlock.action)).toBe('解除锁定');
    expect(unlock).toMatchObject({ username: 'admin', entityId: String(li.id) });
    const reset = rows.find((r) => r.action === 'users.resetPassword')!;
    expect(auditActionLabel(reset.action)).toBe('重置密码');
    expect(reset).toMatchObject({ username: 'admin', entityId: String(li.id) });

    expectNoPasswords(rows);
    expect(await app.call('admin-client', 'audit.verify', {})).toMatchObject({ ok: true, problems: [] });
  });

  it('names an unknown user and a disabled account as the outcome', async () => {
    app = makeApp();
    await app.setup();
    const li = await app.call('admin-client', 'users.create', CLERK);
    await app.call('admin-client', 'users.update', { id: li.id, disabled: true });

    // To the person signing in, an unknown name looks like a wrong password; the trail says which it was.
    expect((await app.fails('x', 'auth.signIn', { username: 'nobody', password: 'Guess1234567' })).message).toContain('用户名或密码错误');
    // A password typed into the user-name box must not end up in the trail.
    expect((await app.fails('x', 'auth.signIn', { username: 'Secret9876543', password: 'x' })).code).toBe('WRONG_PASSWORD');
    // A disabled account answers as a wrong password does: the answer must not confirm the password.
    expect((await app.fails('x', 'auth.signIn', { username: 'li', password: CLERK.password })).code).toBe('WRONG_PASSWORD');
    const rows = (await trail(app)).filter((r) => r.action === 'auth.signInFailed');
    expect(rows.map((r) => [r.username, r.userId, r.summary])).toEqual([
      ['li', null, expect.stringContaining('账户已停用')],
      ['（不存在的用户名）', null, expect.stringContaining('用户不存在')],
      ['（不存在的用户名）', null, expect.stringContaining('用户不存在')],
    ]);
    expect(JSON.stringify(await trail(app))).not.toMatch(/nobody|Secret9876543/);
    expectNoPasswords(await trail(app));
    expect((await app.call('admin-client', 'audit.verify', {})).ok).toBe(true);
  });

  it('keeps failures made while no one is signed in (the database is closed) and writes them at the next sign-in', async () => {
    app = makeApp();
    await app.setup();
    await app.call('admin-client', 'auth.signOut', {});
    expect(app.core.folder.isOpen).toBe(false);
    await app.fails('x', 'auth.signIn', { username: 'admin', password: 'Wrong1password' });
    app.advance(60_000);
    await app.fails('x', 'auth.signIn', { username: 'admin', password: 'Wrong2password' });
    app.advance(60_000);
    await app.call('admin-client', 'auth.signIn', ADMIN);

    const rows = await trail(app);
    // Newest first: the sign-in, then the two failures, each at the time it happened.
    expect(rows.slice(0, 3).map((r) => [r.action, r.userId, Date.parse(r.at)])).toEqual([
      ['auth.signIn', 1, Date.parse('2026-09-01T08:02:00Z')],
      ['auth.signInFailed', null, Date.parse('2026-09-01T08:01:00Z')],
      ['auth.signInFailed', null, Date.parse('2026-09-01T08:00:00Z')],
    ]);
    expect(rows[1]!.summary).toContain('密码错误');
    expectNoPasswords(rows);
    expect((await app.call('admin-client', 'audit.verify', {})).ok).toBe(true);

    // Written once: the next sign-in does not repeat them.
    await app.call('admin-client', 'auth.signOut', {});
    await app.call('admin-client', 'auth.signIn', ADMIN);
    expect((await trail(app)).filter((r) => r.action === 'auth.signInFailed')).toHaveLength(2);
  });

  it('a wrong current password on the lock screen or in 修改密码 says 当前密码不正确 and is recorded', async () => {
    app = makeApp();
    await app.setup();
    await app.call('admin-client', 'settings.update', { idleLockMinutes: 5 });
    app.advance(6 * 60_000);
    expect((await app.fails('admin-client', 'settings.get', {})).code).toBe('SESSION_LOCKED');
    const onLock = await app.fails('admin-client', 'auth.unlock', { password: 'NotMine12345' });
    expect(onLock.code).toBe('WRONG_PASSWORD');
    expect(onLock.message).toContain('当前密码不正确');
    expect(onLock.message).not.toContain('用户名');
    await app.call('admin-client', 'auth.unlock', { password: ADMIN.password });

    const onChange = await app.fails('admin-client', 'auth.changePassword', { oldPassword: 'NotMine12345', newPassword: 'Brand1234567' });
    expect(onChange).toMatchObject({ code: 'WRONG_PASSWORD', field: 'oldPassword' });
    expect(onChange.message).toContain('当前密码不正确');

    const rows = await trail(app);
    const unlockFailed = rows.find((r) => r.action === 'auth.unlockFailed')!;
    expect(auditActionLabel(unlockFailed.action)).toBe('解锁失败');
    expect(unlockFailed).toMatchObject({ userId: 1, username: 'admin' });
    const changeFailed = rows.find((r) => r.action === 'auth.changePasswordFailed')!;
    expect(auditActionLabel(changeFailed.action)).toBe('修改密码失败');
    expect(changeFailed).toMatchObject({ userId: 1, username: 'admin' });
    expectNoPasswords(rows);
    expect((await app.call('admin-client', 'audit.verify', {})).ok).toBe(true);
  });
});

describe('what a refused sign-in gives away and leaves behind', () => {
  const fileText = (a: TestApp, name: string) => (existsSync(join(a.dir, name)) ? readFileSync(join(a.dir, name), 'utf8') : '');
  const answers = async (a: TestApp, username: string, passwords: string[]) => {
    const out: [string, string][] = [];
    for (const password of passwords) {
      const e = await a.fails('x', 'auth.signIn', { username, password });
      out.push([e.code, e.message]);
    }
    return out;
  };

  it('a disabled account answers its right password exactly as a wrong one, counts it toward the lockout and leaves the database closed', async () => {
    app = makeApp();
    await app.setup();
    const li = await app.call('admin-client', 'users.create', CLERK);
    await app.call('admin-client', 'users.create', { ...CLERK, username: 'zhou', displayName: '周老师' });
    await app.call('admin-client', 'users.update', { id: li.id, disabled: true });
    await app.call('admin-client', 'auth.signOut', {});
    expect(app.core.folder.isOpen).toBe(false);

    // li (disabled, right password every time) and zhou (enabled, wrong password every time) hear the same.
    const disabled = await answers(app, 'li', Array(6).fill(CLERK.password));
    expect(app.core.folder.isOpen).toBe(false);
    expect(app.core.sessions.size).toBe(0);
    const wrong = await answers(app, 'zhou', Array(6).fill('Nope12345678'));
    expect(disabled).toEqual(wrong);
    expect(disabled[0]).toEqual(['WRONG_PASSWORD', '用户名或密码错误。再输错 4 次，账户将被暂时锁定。']);
    expect(disabled[4]![0]).toBe('ACCOUNT_LOCKED');

    // The trail, for the admin, still says what it was.
    await app.call('admin-client', 'auth.signIn', ADMIN);
    const rows = (await trail(app)).filter((r) => r.username === 'li' && r.action.startsWith('auth.'));
    expect(rows.some((r) => r.summary.includes('账户已停用'))).toBe(true);
    expect(rows.some((r) => r.action === 'auth.lockout')).toBe(true);
    expect((await app.call('admin-client', 'audit.verify', {})).ok).toBe(true);
  });

  it('a name no account has is written nowhere in the data folder, yet is answered as a known name is, lockout included', async () => {
    app = makeApp();
    await app.setup();
    await app.call('admin-client', 'users.create', CLERK);
    await app.call('admin-client', 'auth.signOut', {});
    const tries = ['Wrong1password', 'Wrong2password', 'Wrong1password', 'Wrong2password', 'Wrong1password', 'Wrong2password'];
    const unknown = await answers(app, 'Secret9876543', tries);
    const known = await answers(app, 'li', tries);
    expect(unknown).toEqual(known);
    expect(unknown[4]![0]).toBe('ACCOUNT_LOCKED');

    // The counters file holds known accounts only; the queue of failures waiting for the database
    // (plaintext on disk) names the unknown one only as such.
    expect(fileText(app, 'signin-state.json')).toContain('li');
    expect(fileText(app, 'signin-state.json')).not.toMatch(/secret/i);
    expect(fileText(app, 'signin-events.json')).toContain('（不存在的用户名）');
    expect(fileText(app, 'signin-events.json')).not.toMatch(/secret/i);

    // The failed sign-ins still reach the trail at the next sign-in.
    await app.call('admin-client', 'auth.signIn', ADMIN);
    const rows = await trail(app);
    expect(rows.filter((r) => r.username === '（不存在的用户名）')).toHaveLength(6);
    expect(JSON.stringify(rows)).not.toMatch(/secret/i);
  });
});
