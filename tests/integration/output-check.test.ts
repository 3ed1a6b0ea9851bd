import { readFileSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { logFilePath } from '../../electron/main/core/log';
import { handlers } from '../../electron/main/handlers';
import { makeApp, type TestApp } from '../support/harness';

const A = 'admin-client';
let app: TestApp;

beforeEach(async () => {
  app = makeApp();
  await app.setup();
});
afterEach(() => {
  vi.restoreAllMocks();
  app.remove();
});

describe('answers are checked against the contract outside the packaged app', () => {
  it('is on here (vitest), as in the CLI and the browser host', () => {
    expect(app.core.checkOutput).toBe(true);
  });

  it('turns an answer the contract does not describe into INTERNAL, logging the paths but no value', async () => {
    const major = { id: 1, code: '510201', name: '计算机应用技术', level: '专科', lengthYears: '3', studyForm: '普通全日制', studentCount: 1, headName: '张三丰' };
    const wrong: unknown = { majors: [major], classes: '计算机应用2501班', cohorts: [2025] };
    vi.spyOn(handlers, 'org.tree').mockImplementation(() => wrong as never);
    const error = await app.fails(A, 'org.tree', {});
    expect(error.code).toBe('INTERNAL');
    const log = readFileSync(logFilePath(app.dir), 'utf8');
    expect(log).toContain('ERROR call org.tree failed OutputMismatch: output of org.tree does not match its contract: classes (invalid_type)');
    // An undeclared key fails too, once the rest is right: zod would have dropped it silently.
    vi.spyOn(handlers, 'org.tree').mockImplementation(() => ({ majors: [major], classes: [], cohorts: [2025] }));
    expect((await app.fails(A, 'org.tree', {})).code).toBe('INTERNAL');
    const after = readFileSync(logFilePath(app.dir), 'utf8');
    expect(after).toContain('output of org.tree does not match its contract: majors[].headName (undeclared)');
    expect(after).not.toContain('张三丰');
    expect(after).not.toContain('计算机应用');

    // The packaged app does not check: the same answer goes through as the handler gave it.
    app.core.checkOutput = false;
    const r = await app.raw(A, 'org.tree', {});
    expect(r.ok && (r.value as { majors: { headName?: string }[] }).majors[0]!.headName).toBe('张三丰');
  });

  it('the audit trail is listed without the chain hashes, which only audit.verify uses', async () => {
    await app.call(A, 'settings.update', { idleLockMinutes: 15 });
    const { rows } = await app.call(A, 'audit.list', { page: 0, pageSize: 50 });
    expect(rows.length).toBeGreaterThan(0);
    for (const row of rows) expect(Object.keys(row).sort()).toEqual(['action', 'at', 'changes', 'childCount', 'entity', 'entityId', 'id', 'parentId', 'summary', 'userId', 'username']);
    expect((await app.call(A, 'audit.verify', {})).ok).toBe(true);
  });

  it('answers of the calls no other test makes match their contract', async () => {
    await app.call(A, 'setup.loadDemo', { students: 20 });
    const tree = await app.call(A, 'org.tree', {});
    const major = await app.call(A, 'org.updateMajor', { id: tree.majors[0]!.id, name: '计算机应用技术（改）' });
    expect(major.name).toBe('计算机应用技术（改）');
    const cls = await app.call(A, 'org.updateClass', { id: tree.classes[0]!.id, headTeacher: '周老师' });
    expect(cls.headTeacher).toBe('周老师');

    const student = (await app.call(A, 'students.list', { page: 0, pageSize: 1, filter: {} })).rows[0]!;
    const withRecord = await app.call(A, 'students.addRecord', { studentId: student.id, kind: 'reward', title: '国家励志奖学金', level: '国家级', date: '2025-11-20', docNo: null, term: null, notes: null });
    const history = await app.call(A, 'students.history', { id: student.id });
    expect(history.length).toBeGreaterThan(0);
    expect(withRecord.records).toHaveLength(1);
    expect((await app.call(A, 'students.removeRecord', { id: withRecord.records[0]!.id })).records).toEqual([]);

    const view = await app.call(A, 'views.save', { name: '2025级在籍', definition: { filter: { cohortYear: 2025, status: 'enrolled' }, sort: { field: 'studentNo', dir: 'asc' }, columns: ['studentNo', 'name'] } });
    expect(await app.call(A, 'views.list', {})).toEqual([view]);
    await app.call(A, 'views.remove', { id: view.id });
    expect(await app.call(A, 'views.list', {})).toEqual([]);
  });
});
