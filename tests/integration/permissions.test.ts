import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hasPermission, ROLES, type Role } from '../../shared/domain/permissions';
import { CHANNELS } from '../../shared/ipc/channels';
import { contract } from '../../shared/ipc/contract';
import { handlers } from '../../electron/main/handlers';
import { makeApp, type TestApp } from '../support/harness';

let app: TestApp;
const PASSWORD = 'RolePass12345';

beforeAll(async () => {
  app = makeApp();
  await app.setup();
  // Each signs in and replaces the admin's first password, so only the role decides what is refused.
  for (const role of ROLES) {
    if (role === 'admin') continue;
    await app.addUser({ username: `u_${role}`, displayName: role, role, password: PASSWORD }, `as-${role}`);
  }
}, 60_000);
afterAll(() => app?.remove());

const clientOf = (role: Role) => (role === 'admin' ? 'admin-client' : `as-${role}`);

describe('permissions are enforced in the main process on every call', () => {
  it('has exactly one handler per contract channel', () => {
    expect(Object.keys(handlers).sort()).toEqual([...CHANNELS].sort());
    expect(Object.keys(contract).sort()).toEqual([...CHANNELS].sort());
  });

  for (const channel of CHANNELS) {
    const access = contract[channel].access;
    if (access === 'public') continue;
    it(`${channel} (${String(access)}) as every role`, async () => {
      for (const role of ROLES) {
        // A probe input that no schema accepts: a permitted call stops at validation (or runs a
        // harmless read), a forbidden one must be refused before validation.
        const r = await app.raw(clientOf(role), channel, { __probe: true });
        const allowed = access === 'session' || (typeof access === 'string' ? hasPermission(role, access) : access.some((p) => hasPermission(role, p)));
        if (allowed) expect(r.ok || r.error.code !== 'FORBIDDEN', `${role} should be allowed ${channel}`).toBe(true);
        else {
          expect(r.ok, `${role} must not be allowed ${channel}`).toBe(false);
          if (!r.ok) {
            expect(r.error.code).toBe('FORBIDDEN');
            expect(r.error.message).toMatch(/没有“.+”的权限/);
          }
        }
      }
    });
  }

  it('refuses every non-public call without a session', async () => {
    for (const channel of CHANNELS) {
      if (contract[channel].access === 'public') continue;
      const r = await app.raw('stranger', channel, {});
      expect(r.ok ? 'ok' : r.error.code, channel).toBe('UNAUTHENTICATED');
    }
  });

  it('matches the product rules for a few key cases', async () => {
    expect((await app.raw(clientOf('viewer'), 'users.list', {})).ok).toBe(false);
    expect((await app.raw(clientOf('counselor'), 'audit.list', {})).ok).toBe(false);
    expect((await app.raw(clientOf('manager'), 'audit.list', {})).ok).toBe(true);
    expect((await app.raw(clientOf('clerk'), 'settings.update', { idleLockMinutes: 5 })).ok).toBe(false);
  });

  it('an unknown channel is refused', async () => {
    const r = await app.raw('admin-client', 'students.dropAll', {});
    expect(r.ok ? '' : r.error.code).toBe('UNKNOWN_CHANNEL');
  });

  it('a role change by an admin takes effect on the next call of a signed-in user', async () => {
    const viewer = (await app.call('admin-client', 'users.list', {})).find((u) => u.username === 'u_viewer')!;
    expect((await app.raw(clientOf('viewer'), 'audit.list', {})).ok).toBe(false);
    await app.call('admin-client', 'users.update', { id: viewer.id, role: 'manager' });
    expect((await app.raw(clientOf('viewer'), 'audit.list', {})).ok).toBe(true);
    await app.call('admin-client', 'users.update', { id: viewer.id, role: 'viewer', disabled: true });
    const r = await app.raw(clientOf('viewer'), 'settings.get', {});
    expect(r.ok ? '' : r.error.code).toBe('UNAUTHENTICATED');
  });

  it('keeps at least one enabled admin', async () => {
    const admin = (await app.call('admin-client', 'users.list', {})).find((u) => u.role === 'admin')!;
    const err = await app.fails('admin-client', 'users.update', { id: admin.id, role: 'viewer' });
    expect(err.code).toBe('CONFLICT');
    expect(err.message).toContain('至少需要保留一个');
  });
});
