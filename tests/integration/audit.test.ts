import ExcelJS from 'exceljs';
import { afterEach, describe, expect, it } from 'vitest';
import { jobOutput } from '../../electron/main/core/jobs';
import { makeApp, type TestApp } from '../support/harness';

let app: TestApp;
afterEach(() => app?.remove());

async function appWithHistory() {
  const a = makeApp();
  await a.setup();
  await a.call('admin-client', 'settings.update', { idleLockMinutes: 15 });
  await a.call('admin-client', 'users.create', { username: 'zhao', displayName: '赵老师', role: 'counselor', password: 'Counsel12345' });
  await a.call('admin-client', 'settings.update', { departmentName: '电子信息系' });
  await a.call('admin-client', 'settings.update', { passwordMaxAgeDays: 90 });
  return a;
}

/** Edits the file the way someone with the key and a SQLite tool would: triggers dropped first. */
function tamper(a: TestApp, sql: string) {
  const db = a.core.folder.raw();
  db.exec('DROP TRIGGER audit_log_no_update; DROP TRIGGER audit_log_no_delete;');
  db.exec(sql);
}

describe('audit trail', () => {
  it('records who, when, what and each field before and after', async () => {
    app = await appWithHistory();
    const { rows, total } = await app.call('admin-client', 'audit.list', { action: 'settings.update' });
    expect(total).toBe(3);
    const dept = rows.find((r) => r.changes.some((c) => c.field === 'departmentName'))!;
    expect(dept.username).toBe('admin');
    expect(dept.changes).toEqual([{ field: 'departmentName', before: '信息工程系', after: '电子信息系' }]);
    expect(Date.parse(dept.at)).not.toBeNaN();
    const created = (await app.call('admin-client', 'audit.list', { entity: 'user', action: 'users.create' })).rows[0]!;
    expect(created.summary).toContain('zhao');
  });

  it('refuses updates and deletes of audit rows from the app’s own connection', async () => {
    app = await appWithHistory();
    const db = app.core.folder.raw();
    expect(() => db.exec("UPDATE audit_log SET summary = 'x' WHERE id = 1")).toThrow(/append-only/);
    expect(() => db.exec('DELETE FROM audit_log WHERE id = 1')).toThrow(/append-only/);
  });

  it('verify finds nothing wrong in an untouched trail', async () => {
    app = await appWithHistory();
    const v = await app.call('admin-client', 'audit.verify', {});
    expect(v).toMatchObject({ ok: true, problems: [], integrity: [] });
    expect(v.checked).toBeGreaterThanOrEqual(5);
  });

  it('names an edited row', async () => {
    app = await appWithHistory();
    tamper(app, `UPDATE audit_log SET changes = '[]' WHERE id = 3`);
    const v = await app.call('admin-client', 'audit.verify', {});
    expect(v.ok).toBe(false);
    expect(v.problems).toEqual([expect.objectContaining({ id: 3, kind: 'edited', message: expect.stringContaining('第 3 条') })]);
  });

  it('names a deleted row', async () => {
    app = await appWithHistory();
    tamper(app, 'DELETE FROM audit_log WHERE id = 2');
    const v = await app.call('admin-client', 'audit.verify', {});
    expect(v.problems).toEqual([expect.objectContaining({ kind: 'deleted', message: expect.stringContaining('第 2 条审计记录已被删除') })]);
  });

  it('names a row cut off the end', async () => {
    app = await appWithHistory();
    const last = (app.core.folder.raw().prepare('SELECT max(id) AS m FROM audit_log').get() as { m: number }).m;
    tamper(app, `DELETE FROM audit_log WHERE id = ${last}`);
    const v = await app.call('admin-client', 'audit.verify', {});
    expect(v.problems.map((p) => p.kind)).toContain('deleted');
    expect(v.problems[0]!.message).toContain(`第 ${last}`);
  });

  it('names an inserted row, even one with a plausible hash', async () => {
    app = await appWithHistory();
    const db = app.core.folder.raw();
    // Renumber rows 3.. up by one and slip a forged row in at 3, hashed correctly on its own.
    tamper(app, 'UPDATE audit_log SET id = id + 1000 WHERE id >= 3; UPDATE audit_log SET id = id - 999 WHERE id >= 1003;');
    const { auditHash } = await import('../../db/queries/audit');
    const prev = db.prepare('SELECT hash FROM audit_log WHERE id = 2').get() as { hash: string };
    const forged = { id: 3, at: new Date().toISOString(), userId: 1, username: 'admin', action: 'users.create', entity: 'user', entityId: '9', summary: '伪造', changes: '[]', prevHash: prev.hash };
    db.prepare('INSERT INTO audit_log (id, at, user_id, username, action, entity, entity_id, summary, changes, prev_hash, hash) VALUES (?,?,?,?,?,?,?,?,?,?,?)')
      .run(forged.id, forged.at, forged.userId, forged.username, forged.action, forged.entity, forged.entityId, forged.summary, forged.changes, forged.prevHash, auditHash(forged));
    const v = await app.call('admin-client', 'audit.verify', {});
    expect(v.ok).toBe(false);
    expect(v.problems).toContainEqual(expect.objectContaining({ id: 4, kind: 'inserted' }));
  });
});

describe('audit trail: a student filter', () => {
  it('finds every entry about the students a name, 学号 or ID number names, and nothing else', async () => {
    app = makeApp();
    await app.setup();
    await app.call('admin-client', 'setup.loadDemo', { students: 20 });
    const [a, b] = (await app.call('admin-client', 'students.list', { page: 0, pageSize: 2, filter: {} })).rows;
    for (const s of [a!, b!]) {
      const p = await app.call('admin-client', 'students.get', { id: s.id });
      await app.call('admin-client', 'students.update', { id: p.id, version: p.version, patch: { dormitory: `宿舍${s.id}` } });
    }
    const about = async (student: string) => (await app.call('admin-client', 'audit.list', { student })).rows.map((r) => [r.action, r.entityId]);
    expect(await about(a!.name)).toContainEqual(['students.update', String(a!.id)]);
    expect((await about(a!.name)).every(([, id]) => id === String(a!.id) || (b!.name.startsWith(a!.name) && id === String(b!.id)))).toBe(true);
    expect((await about(a!.studentNo!)).map(([, id]) => id)).toEqual([String(a!.id)]);
    const full = await app.call('admin-client', 'students.get', { id: b!.id });
    expect((await about(full.idNumber)).map(([, id]) => id)).toEqual([String(b!.id)]);
    // A name with LIKE's special characters matches only itself.
    expect(await about('%')).toEqual([]);
  });
});

describe('audit trail: export', () => {
  it('writes the filtered entries to .xlsx in Chinese, as a job whose file only its window gets, and records the export', async () => {
    app = await appWithHistory();
    const out = await app.call('admin-client', 'audit.export', { action: 'settings.update', jobId: 'audit-x1' });
    expect(out).toMatchObject({ jobId: 'audit-x1', rows: 3 });
    expect(out.fileName).toMatch(/^审计日志_\d{8}_\d{4}\.xlsx$/);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(app.output('admin-client', 'audit-x1') as unknown as ArrayBuffer);
    const ws = wb.worksheets[0]!;
    expect(ws.getRow(1).values).toEqual([undefined, '时间', '用户', '操作', '对象', '摘要', '字段变化']);
    const body = [2, 3, 4].map((r) => (ws.getRow(r).values as unknown[]).slice(2).join(' | '));
    expect(body.every((t) => t.includes('修改系统设置') && t.includes('系统设置'))).toBe(true);
    expect(body.join('\n')).toContain('密码有效期（天）：180 → 90');
    expect(body.join('\n')).not.toMatch(/settings\.update|passwordMaxAgeDays/);
    expect(ws.getRow(2).getCell(1).value).toBeInstanceOf(Date);
    expect(jobOutput(app.core, 'another-window', 'audit-x1')).toBeNull();
    const [entry] = (await app.call('admin-client', 'audit.list', { action: 'audit.export' })).rows;
    expect(entry).toMatchObject({ summary: '导出审计日志 3 条' });
  });
});
