import ExcelJS from 'exceljs';
import { afterEach, describe, expect, it } from 'vitest';
import { jobOutput } from '../../electron/main/core/jobs';
import type { HttpHost } from '../../electron/main/hosts/http-host';
import { openBrowser, startTestHost } from '../support/test-host';
import { COUNSELOR, MANAGER, makeApp, type TestApp } from '../support/harness';
import { CLASS_NAME, MAJOR, cleanRoster, numberedStudents } from '../support/roster-fixtures';

let app: TestApp;
let host: HttpHost | undefined;
const C = COUNSELOR.client;
const M = MANAGER.client;
afterEach(async () => {
  await host?.close();
  host = undefined;
  app?.remove();
});

async function withStudents(n: number) {
  app = makeApp();
  await app.setup();
  await app.addStaff();
  const major = await app.call(C, 'org.createMajor', { ...MAJOR });
  await app.call(C, 'org.createClass', { name: CLASS_NAME, majorId: major.id, cohortYear: 2025 });
  const opened = await app.call(C, 'imports.open', app.upload(C, '名单.xlsx', await cleanRoster(numberedStudents(n, '2025510201', '学生'))));
  const sheet = opened.sheets[0]!.name;
  const { mapping } = await app.call(C, 'imports.inspect', { uploadId: opened.uploadId, sheet });
  await app.call(C, 'imports.commit', { uploadId: opened.uploadId, sheet, mapping, jobId: 'import-0001' });
}

describe('jobs', () => {
  it('lists a window its own jobs with their outcome, and an export’s file only to that window', async () => {
    await withStudents(30);
    const out = await app.call(C, 'students.export', { filter: {}, columns: ['studentNo', 'name'], jobId: 'export-0001' });
    expect(out).toMatchObject({ jobId: 'export-0001', rows: 30 });
    const jobs = await app.call(C, 'jobs.list', {});
    expect(jobs.map((j) => [j.kind, j.state])).toEqual([['students.export', 'done'], ['roster.commit', 'done']]);
    expect(jobs[0]!.summary).toContain('已导出 30 行');
    expect(jobs[0]!.output).toMatchObject({ fileName: out.fileName });
    expect(jobs[1]!.summary).toContain('新增 30 人');
    // Another window sees none of them, and cannot fetch the file.
    expect(await app.call(M, 'jobs.list', {})).toEqual([]);
    expect(jobOutput(app.core, M, 'export-0001')).toBeNull();
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(app.output(C, 'export-0001') as unknown as ArrayBuffer);
    expect(wb.worksheets[0]!.rowCount).toBe(31);
    // Signing out forgets the window's jobs and their files.
    await app.call(C, 'auth.signOut', {});
    expect(jobOutput(app.core, C, 'export-0001')).toBeNull();
  });

  it('cancel ends an export with the CANCELLED outcome, not an error, and leaves no file', async () => {
    await withStudents(2500);
    const off = app.core.events.subscribe((client, event, payload) => {
      const p = payload as { jobId: string; done: number };
      if (client === C && event === 'progress' && p.jobId === 'export-0002' && p.done >= 1000) void app.raw(C, 'jobs.cancel', { jobId: 'export-0002' });
    });
    const r = await app.fails(C, 'students.export', { filter: {}, jobId: 'export-0002' });
    off();
    expect(r).toMatchObject({ code: 'CANCELLED', message: '已取消导出。' });
    const [job] = await app.call(C, 'jobs.list', {});
    expect(job).toMatchObject({ jobId: 'export-0002', state: 'cancelled', output: null });
    expect(jobOutput(app.core, C, 'export-0002')).toBeNull();
    // No audit entry for an export that did not happen.
    const audit = await app.call('admin-client', 'audit.list', { action: 'students.export' });
    expect(audit.rows.filter((row) => row.action === 'students.export')).toEqual([]);
  });

  it('a file is handed over once, to the window that chose it', async () => {
    await withStudents(1);
    const { fileId } = app.upload(C, '名单.xlsx', await cleanRoster(numberedStudents(1, '2025510202', '乙')));
    expect((await app.fails('admin-client', 'imports.open', { fileId })).code).toBe('NOT_FOUND');
    await app.call(C, 'imports.open', { fileId });
    const again = await app.fails(C, 'imports.open', { fileId });
    expect(again).toMatchObject({ code: 'NOT_FOUND', message: expect.stringContaining('请重新选择文件') });
    // A roster over 50 MB is refused before it is read.
    const big = await app.fails(C, 'imports.open', app.upload(C, '超大名单.xlsx', new Uint8Array(50 * 1024 * 1024 + 1)));
    expect(big).toMatchObject({ code: 'VALIDATION', message: '文件“超大名单.xlsx”超过 50 MB，请拆分后分批导入' });
  });
});

describe('files through the browser host', () => {
  it('takes an upload as the request body and serves an export as a download, to that tab only', async () => {
    await withStudents(3);
    host = await startTestHost(app);
    const browser = await openBrowser(host);
    const { base, cookie } = browser;
    const tab = await browser.newTab();
    const headers = { Cookie: cookie, 'X-Xueji-Client': tab };
    const api = async (channel: string, input: unknown) =>
      (await (await fetch(`${base}/api/call/${channel}`, { method: 'POST', headers: { ...headers, 'Content-Type': 'application/json' }, body: JSON.stringify(input) })).json()) as { ok: boolean; value: never; error: { code: string } };
    expect((await api('auth.signIn', { username: COUNSELOR.username, password: COUNSELOR.password })).ok).toBe(true);

    const roster = await cleanRoster(numberedStudents(2, '2025510203', '丙'));
    const sent = (await (await fetch(`${base}/api/files?name=${encodeURIComponent('新生名单.xlsx')}`, { method: 'POST', headers: { ...headers, 'Content-Type': 'application/octet-stream' }, body: new Uint8Array(roster) })).json()) as { ok: boolean; value: { fileId: string } };
    expect(sent.ok).toBe(true);
    const opened = await api('imports.open', { fileId: sent.value.fileId });
    expect(opened).toMatchObject({ ok: true, value: { kind: 'xlsx', sheets: [{ rows: 3 }] } });
    // Without the launch cookie: refused.
    expect((await fetch(`${base}/api/files?name=x.xlsx`, { method: 'POST', headers: { 'X-Xueji-Client': tab }, body: new Uint8Array(roster) })).status).toBe(403);

    const exported = await api('students.export', { filter: {}, jobId: 'export-http-1' });
    expect(exported.ok).toBe(true);
    const download = await fetch(`${base}/api/jobs/export-http-1/output?client=${tab}`, { headers: { Cookie: cookie } });
    expect(download.status).toBe(200);
    expect(download.headers.get('content-disposition')).toContain(`filename*=UTF-8''${encodeURIComponent('学生名单_')}`);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(await download.arrayBuffer()) as unknown as ArrayBuffer);
    expect(wb.worksheets[0]!.rowCount).toBe(4);
    // Another tab, or no cookie: no file.
    expect((await fetch(`${base}/api/jobs/export-http-1/output?client=${await browser.newTab()}`, { headers: { Cookie: cookie } })).status).toBe(404);
    expect((await fetch(`${base}/api/jobs/export-http-1/output?client=${tab}`)).status).toBe(403);
  });
});

describe('the import pipeline over a spec', () => {
  it('inspect gives the spec’s field catalogue to the column step, and a mapping to a field the spec lacks is refused in Chinese', async () => {
    await withStudents(1);
    const opened = await app.call(C, 'imports.open', { ...app.upload(C, '名单.xlsx', await cleanRoster(numberedStudents(2, '2025510204', '丁'))), spec: 'roster' });
    const sheet = opened.sheets[0]!.name;
    const inspected = await app.call(C, 'imports.inspect', { uploadId: opened.uploadId, sheet });
    expect(inspected.fields.find((f) => f.key === 'idNumber')).toEqual({ key: 'idNumber', label: '身份证号', required: true });
    expect(inspected.fields.find((f) => f.key === 'studentNo')).toEqual({ key: 'studentNo', label: '学号', required: false });
    const bad = await app.fails(C, 'imports.preview', { uploadId: opened.uploadId, sheet, mapping: { ...inspected.mapping, 9: 'courseCode' } });
    expect(bad).toMatchObject({ code: 'VALIDATION', message: '第 10 列对应的字段不是学生信息中的字段，请重新选择' });
  });
});
