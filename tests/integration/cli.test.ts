import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openEncryptedDatabase } from '../../db/open';
import { readKeyFile, unlockWithPassword } from '../../db/keyslots';
import { validateIdNumber } from '../../shared/domain/idcard';

const ROOT = resolve(__dirname, '..', '..');
const dir = mkdtempSync(join(tmpdir(), 'xueji-cli-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function cli(args: string[], env: Record<string, string> = {}) {
  const r = spawnSync(process.execPath, [join(ROOT, 'node_modules', 'tsx', 'dist', 'cli.mjs'), join(ROOT, 'electron', 'cli', 'main.ts'), ...args], {
    cwd: ROOT,
    env: { ...process.env, XUEJI_PASSWORD: 'Admin12345xy', ...env },
    encoding: 'utf8',
    timeout: 60_000,
  });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

describe('command line', () => {
  it('init prints a recovery key; demo loads valid students; verify passes, then catches tampering', () => {
    const init = cli(['init', '--data', dir, '--school-code', '12345', '--school', '示范职业技术学院', '--department', '信息工程系', '--admin', 'admin', '--json']);
    expect(init.code, init.err).toBe(0);
    expect(JSON.parse(init.out).recoveryKey).toMatch(/^[0-9A-Z]{4}(-[0-9A-Z]{4}){7}$/);

    const demo = cli(['demo', '--data', dir, '--students', '500', '--json']);
    expect(demo.code, demo.err).toBe(0);
    expect(JSON.parse(demo.out)).toMatchObject({ students: 500 });

    // The data are real: every ID number valid, birth date and gender matching it, many regions.
    const key = unlockWithPassword(readKeyFile(dir), 'admin', 'Admin12345xy')!;
    const db = openEncryptedDatabase(join(dir, 'xueji.db'), key);
    const rows = db.prepare('SELECT id_number AS id, birth_date AS birth, gender FROM students').all() as { id: string; birth: string; gender: string }[];
    expect(rows).toHaveLength(500);
    for (const r of rows) {
      const v = validateIdNumber(r.id, { asOf: new Date('2026-11-22') });
      expect(v.ok, r.id).toBe(true);
      if (v.ok) expect([v.birthDate, v.gender]).toEqual([r.birth, r.gender]);
    }
    expect(new Set(rows.map((r) => r.id.slice(0, 2))).size).toBeGreaterThanOrEqual(15);

    expect(cli(['verify', '--data', dir]).code).toBe(0);
    db.exec("DROP TRIGGER audit_log_no_update; UPDATE audit_log SET summary = '篡改' WHERE id = 2;");
    db.close();
    const bad = cli(['verify', '--data', dir]);
    expect(bad.code).toBe(1);
    expect(bad.out).toContain('第 2 条审计记录的内容已被改动');
  }, 120_000);

  it('signs in like the app: a wrong password or a missing permission is refused', () => {
    expect(cli(['verify', '--data', dir], { XUEJI_PASSWORD: 'Wrong1234567' }).err).toContain('用户名或密码错误');
    const add = cli(['users', 'add', 'qian', '--role', 'viewer', '--name', '钱老师', '--data', dir], { XUEJI_NEW_PASSWORD: 'Viewer123456' });
    expect(add.code, add.err).toBe(0);
    const list = JSON.parse(cli(['users', 'list', '--data', dir, '--json']).out) as { username: string; role: string }[];
    expect(list.map((u) => [u.username, u.role])).toContainEqual(['qian', 'viewer']);
    // qian's first password was chosen by the admin: nothing but the change until it is changed.
    const held = cli(['users', 'list', '--data', dir, '--user', 'qian'], { XUEJI_PASSWORD: 'Viewer123456' });
    expect(held.code).toBe(1);
    expect(held.err).toContain('用户 qian 须先修改密码');
    expect(held.err).toContain('users passwd');
    const passwd = cli(['users', 'passwd', '--data', dir, '--user', 'qian'], { XUEJI_PASSWORD: 'Viewer123456', XUEJI_NEW_PASSWORD: 'Viewer654321' });
    expect(passwd.code, passwd.err).toBe(0);
    expect(passwd.out).toContain('已修改用户 qian 的密码');
    expect(cli(['users', 'list', '--data', dir, '--user', 'qian'], { XUEJI_PASSWORD: 'Viewer123456' }).err).toContain('用户名或密码错误');
    const denied = cli(['users', 'list', '--data', dir, '--user', 'qian'], { XUEJI_PASSWORD: 'Viewer654321' });
    expect(denied.code).toBe(1);
    expect(denied.err).toContain('没有“管理用户账户”的权限');
    // A new password the policy refuses is refused with the reason.
    const weak = cli(['users', 'passwd', '--data', dir, '--user', 'qian'], { XUEJI_PASSWORD: 'Viewer654321', XUEJI_NEW_PASSWORD: 'short' });
    expect(weak.code).not.toBe(0);
    expect(weak.err).toMatch(/^错误：.*密码/);
  }, 120_000);
});
