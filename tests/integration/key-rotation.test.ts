import { createCipheriv, randomBytes, scryptSync } from 'node:crypto';
import { copyFileSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { KEY_FILE, normaliseRecoveryKey, parseKeyFile, readKeyFile, unlockWithPassword, unlockWithRecoveryKey, writeKeyFile, type Slot } from '../../db/keyslots';
import { openEncryptedDatabase } from '../../db/open';
import { ROTATION_FILE } from '../../db/rotation-journal';
import { ADMIN, COUNSELOR, HARNESS_KDF, MANAGER, makeApp, type TestApp } from '../support/harness';

/**
 * Issue 13 #4: access can be revoked. Disabling a user and then changing the data key leaves an old
 * copy of keyslots.json and every old password opening nothing of the current folder, while every
 * remaining user signs in with an unchanged password and the attachments still open.
 */
let app: TestApp;
afterEach(() => app?.remove());

const A = 'admin-client';
const NEW_MANAGER_PASSWORD = 'Manager67890';
const userOf = async (a: TestApp, username: string) => (await a.call(A, 'users.list', {})).find((u) => u.username === username)!;

/** Opens the database file with a key outside the app: true when the key opens it. */
function keyOpens(dir: string, key: Buffer | null): boolean {
  if (!key) return false;
  try {
    openEncryptedDatabase(join(dir, 'xueji.db'), key, { readonly: true }).close();
    return true;
  } catch {
    return false;
  }
}

async function departmentWithAttachment(a: TestApp) {
  const { recoveryKey } = await a.setup();
  await a.addStaff();
  const pdf = Buffer.from('%PDF-1.4 休学证明 张三 430102200501017351');
  const att = await a.call(COUNSELOR.client, 'attachments.upload', { purpose: 'document', ...a.upload(COUNSELOR.client, '证明.pdf', pdf) });
  return { recoveryKey, pdf, attachmentId: att.id };
}

describe('changing the data key (key rotation)', () => {
  it('disable a user, then rotate: the old key file and the old passwords open nothing; every other user signs in; attachments open', async () => {
    app = makeApp();
    const { recoveryKey, pdf, attachmentId } = await departmentWithAttachment(app);
    // The copy someone keeps: before the manager's password change and before the counselor leaves.
    const oldKeyFile = join(app.dir, 'keyslots-old-copy.json');
    copyFileSync(join(app.dir, KEY_FILE), oldKeyFile);
    await app.call(MANAGER.client, 'auth.changePassword', { oldPassword: MANAGER.password, newPassword: NEW_MANAGER_PASSWORD });

    const zhao = await userOf(app, COUNSELOR.username);
    await app.call(A, 'users.update', { id: zhao.id, disabled: true });
    expect((await userOf(app, COUNSELOR.username)).hasKey).toBe(true); // until the data key is changed

    // Only the admin may change the data key.
    expect((await app.fails(MANAGER.client, 'keys.rotate', {})).code).toBe('FORBIDDEN');
    const result = await app.call(A, 'keys.rotate', { jobId: 'rotate-1' });
    expect(result).toMatchObject({ attachments: 1, accounts: 2, needPasswordReset: [], recoveryKey: null });
    const job = (await app.call(A, 'jobs.list', {})).find((j) => j.jobId === 'rotate-1')!;
    expect(job).toMatchObject({ kind: 'keys.rotate', state: 'done' });
    expect(job.summary).toContain('数据密钥已更换');
    expect(existsSync(join(app.dir, ROTATION_FILE))).toBe(false);
    expect(readKeyFile(app.dir).slots.map((s) => s.username)).not.toContain(COUNSELOR.username);
    expect((await userOf(app, COUNSELOR.username)).hasKey).toBe(false);
    const audit = app.core.folder.raw().prepare("SELECT username, summary FROM audit_log WHERE action = 'keys.rotate'").all() as { username: string; summary: string }[];
    expect(audit).toEqual([{ username: ADMIN.username, summary: expect.stringContaining('更换数据密钥') }]);
    const currentKey = Buffer.from(app.core.folder.dbKey());
    app.close();

    // The old copy still unwraps the old key for the old passwords, and that key opens nothing now.
    const old = parseKeyFile(readFileSync(oldKeyFile, 'utf8'));
    const oldKey = unlockWithPassword(old, COUNSELOR.username, COUNSELOR.password);
    expect(oldKey).not.toBeNull();
    expect(keyOpens(app.dir, oldKey)).toBe(false);
    expect(keyOpens(app.dir, unlockWithPassword(old, MANAGER.username, MANAGER.password))).toBe(false);
    expect(keyOpens(app.dir, unlockWithPassword(old, ADMIN.username, ADMIN.password))).toBe(false);
    expect(keyOpens(app.dir, currentKey)).toBe(true);

    // Put back in the folder, the old copy lets no one in.
    const current = readFileSync(join(app.dir, KEY_FILE));
    writeFileSync(join(app.dir, KEY_FILE), readFileSync(oldKeyFile));
    app = makeApp(app.dir);
    for (const [username, password] of [[COUNSELOR.username, COUNSELOR.password], [MANAGER.username, MANAGER.password], [ADMIN.username, ADMIN.password]]) {
      const err = await app.fails('c', 'auth.signIn', { username, password });
      expect(err.message).toContain('不属于同一套数据');
    }
    expect(app.core.folder.isOpen).toBe(false);
    writeFileSync(join(app.dir, KEY_FILE), current);

    // With the current file: the disabled counselor's password opens nothing, everyone else signs in.
    app = makeApp(app.dir);
    expect(unlockWithPassword(readKeyFile(app.dir), COUNSELOR.username, COUNSELOR.password)).toBeNull();
    expect((await app.fails('c', 'auth.signIn', { username: COUNSELOR.username, password: COUNSELOR.password })).code).toBe('WRONG_PASSWORD');
    await app.call(MANAGER.client, 'auth.signIn', { username: MANAGER.username, password: NEW_MANAGER_PASSWORD });
    await app.call(A, 'auth.signIn', ADMIN);
    const download = await app.call(A, 'attachments.download', { id: attachmentId });
    expect(app.output(A, download.jobId).equals(pdf)).toBe(true);
    // The printed recovery key still works.
    expect(unlockWithRecoveryKey(readKeyFile(app.dir), recoveryKey)!.equals(currentKey)).toBe(true);
  });

  it('re-enabling a user whose slot was removed asks for a password reset, which lets them in again', async () => {
    app = makeApp();
    await departmentWithAttachment(app);
    const zhao = await userOf(app, COUNSELOR.username);
    await app.call(A, 'users.update', { id: zhao.id, disabled: true });
    await app.call(A, 'keys.rotate', {});
    await app.call(A, 'users.update', { id: zhao.id, disabled: false });
    expect((await userOf(app, COUNSELOR.username)).hasKey).toBe(false);
    await app.call(A, 'users.resetPassword', { id: zhao.id, newPassword: 'Again1234567' });
    expect((await userOf(app, COUNSELOR.username)).hasKey).toBe(true);
    const info = await app.call('z', 'auth.signIn', { username: COUNSELOR.username, password: 'Again1234567' });
    expect(info.mustChangePassword).toBe(true);
  });

  it('on demand, with a new recovery key: the old recovery key opens nothing, the new one does', async () => {
    app = makeApp();
    const { recoveryKey } = await departmentWithAttachment(app);
    const result = await app.call(A, 'keys.rotate', { newRecoveryKey: true });
    expect(result.recoveryKey).toMatch(/^([0-9A-HJKMNP-TV-Z]{4}-){7}[0-9A-HJKMNP-TV-Z]{4}$/);
    expect(result.accounts).toBe(3);
    const keyFile = readKeyFile(app.dir);
    expect(unlockWithRecoveryKey(keyFile, recoveryKey)).toBeNull();
    expect(unlockWithRecoveryKey(keyFile, result.recoveryKey!)!.equals(app.core.folder.dbKey())).toBe(true);
  });

  it('slots from before two-level slots: upgraded at sign-in; one still old at a rotation is named for a password reset, an old recovery slot gets a new recovery key', async () => {
    app = makeApp();
    const { recoveryKey } = await departmentWithAttachment(app);
    const key = app.core.folder.dbKey();
    // As the previous version wrote them: the password wraps the database key itself.
    const legacy = (secret: string, kind: Slot['kind'], username: string | null): Slot => {
      const salt = randomBytes(16);
      const iv = randomBytes(12);
      const c = createCipheriv('aes-256-gcm', scryptSync(secret.normalize('NFKC'), salt, 32, { N: HARNESS_KDF.N, r: 8, p: 1, maxmem: 64 * 1024 * 1024 }), iv);
      c.setAAD(Buffer.from(`xueji:slot:${kind}:${username ?? ''}`));
      const wrapped = Buffer.concat([c.update(key), c.final()]);
      return { kind, username, kdf: HARNESS_KDF, salt: salt.toString('base64'), iv: iv.toString('base64'), tag: c.getAuthTag().toString('base64'), wrapped: wrapped.toString('base64'), createdAt: '2026-01-01T00:00:00Z' };
    };
    const keyFile = readKeyFile(app.dir);
    writeKeyFile(app.dir, {
      ...keyFile,
      slots: keyFile.slots.map((s) =>
        s.kind === 'recovery' ? legacy(normaliseRecoveryKey(recoveryKey), 'recovery', null) : s.username === ADMIN.username ? s : legacy(s.username === COUNSELOR.username ? COUNSELOR.password : MANAGER.password, 'user', s.username),
      ),
    });
    await app.call(MANAGER.client, 'auth.signOut', {});
    await app.call(MANAGER.client, 'auth.signIn', { username: MANAGER.username, password: MANAGER.password });
    expect(readKeyFile(app.dir).slots.find((s) => s.username === MANAGER.username)!.publicKey).toBeDefined();

    const result = await app.call(A, 'keys.rotate', {});
    expect(result.needPasswordReset).toEqual([COUNSELOR.username]);
    expect(result.recoveryKey).not.toBeNull();
    const after = readKeyFile(app.dir);
    expect(after.slots.map((s) => s.username).sort()).toEqual([null, ADMIN.username, MANAGER.username].sort());
    expect(unlockWithRecoveryKey(after, result.recoveryKey!)!.equals(app.core.folder.dbKey())).toBe(true);
    expect((await userOf(app, COUNSELOR.username)).hasKey).toBe(false);
    await app.call(MANAGER.client, 'auth.signOut', {});
    await app.call(MANAGER.client, 'auth.signIn', { username: MANAGER.username, password: MANAGER.password });
  });

  it('a two-level slot with a public key or sealed key of the wrong length is refused as tampered', async () => {
    app = makeApp();
    await app.setup();
    await app.call(A, 'auth.signOut', {});
    const keyFile = readKeyFile(app.dir);
    const admin = keyFile.slots.find((s) => s.username === ADMIN.username)!;
    writeFileSync(join(app.dir, KEY_FILE), JSON.stringify({ ...keyFile, slots: [...keyFile.slots.filter((s) => s !== admin), { ...admin, dataKey: { ...admin.dataKey!, sealed: Buffer.alloc(64).toString('base64') } }] }));
    const err = await app.fails('c', 'auth.signIn', ADMIN);
    expect(err.message).toContain('用户 admin 的密钥槽参数超出允许范围（公钥或加密的数据库密钥长度不正确）');
    expect(app.core.folder.isOpen).toBe(false);
  });
});
