import ExcelJS from 'exceljs';
import { unzipSync, zipSync } from 'fflate';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { validateIdNumber } from '../../shared/domain/idcard';
import type { CallOutput } from '../../shared/ipc/contract';
import { COUNSELOR, MANAGER, makeApp, type TestApp } from '../support/harness';
import { CLASS_NAME, MAJOR, MESSY, MESSY_HEADERS, cleanRoster, csvBytes, makeId, messyRoster, numberedId, numberedStudents, workbook } from '../support/roster-fixtures';

let app: TestApp;
const A = 'admin-client';
const C = COUNSELOR.client;
const M = MANAGER.client;

beforeEach(async () => {
  app = makeApp();
  await app.setup();
  await app.addStaff();
  const major = await app.call(C, 'org.createMajor', { ...MAJOR });
  await app.call(C, 'org.createClass', { name: CLASS_NAME, majorId: major.id, cohortYear: 2025 });
});
afterEach(() => app?.remove());

type Opened = CallOutput<'imports.open'>;

async function open(bytes: Buffer, fileName = '新生名单.xlsx', client: string = C): Promise<Opened> {
  return app.call(client, 'imports.open', app.upload(client, fileName, bytes));
}

/** open → inspect with the automatic mapping; returns what preview/commit need. */
async function prepared(bytes: Buffer, fileName = '新生名单.xlsx', sheet?: string) {
  const opened = await open(bytes, fileName);
  const name = sheet ?? opened.sheets[0]!.name;
  const inspected = await app.call(C, 'imports.inspect', { uploadId: opened.uploadId, sheet: name });
  return { opened, inspected, options: { uploadId: opened.uploadId, sheet: name, mapping: inspected.mapping } };
}

const total = async () => (await app.call(C, 'students.list', { page: 0, pageSize: 50, filter: {} })).total;

describe('roster import', () => {
  it('finds the header under title rows, maps variant headers and names every problem by row and column', async () => {
    const { opened, inspected, options } = await prepared(await messyRoster());
    expect(opened).toMatchObject({ kind: 'xlsx', encoding: null });
    expect(opened.sheets).toEqual([{ name: '新生名单', rows: 13 }, { name: '说明', rows: 1 }]);
    expect(inspected.headerRow).toBe(3);
    expect(inspected.headers).toEqual(MESSY_HEADERS);
    const byHeader = Object.fromEntries(Object.entries(inspected.mapping).map(([i, f]) => [MESSY_HEADERS[Number(i)], f]));
    expect(byHeader).toMatchObject({ 学号: 'studentNo', 身份证号码: 'idNumber', 出生年月: 'birthDate', 手机号码: 'phone', 班级: 'className', 备注: 'notes' });
    expect(inspected.unmapped).toEqual([{ index: 0, header: '序号' }]);
    expect(inspected.missingRequired).toEqual([]);
    expect(inspected.dataRows).toBe(10);
    expect(inspected.sampleRows).toHaveLength(5);
    expect(inspected.sampleRows[0]!.slice(1, 6)).toEqual(['2025510201001', '张三', '男', '2005-09-01', MESSY.M1]);

    const preview = await app.call(C, 'imports.preview', options);
    expect(preview).toMatchObject({ spec: 'roster', rows: 9, valid: 4, invalid: 5, toAdd: 4, toUpdate: 0, roster: { keyChanges: 0, unknownClasses: [] } });
    const errors = preview.issues.filter((i) => i.severity === 'error');
    const found = (row: number) => errors.filter((i) => i.row === row).map((i) => [i.column, i.code]);
    expect(found(6)).toEqual([['身份证号码', 'ID_CHECKSUM']]);
    expect(found(7)).toEqual([['性别', 'GENDER_MISMATCH']]);
    expect(found(8)).toEqual([['身份证号码', 'DUPLICATE_IN_FILE']]);
    expect(found(9)).toEqual([['身份证号码', 'DUPLICATE_IN_FILE']]);
    expect(found(12)).toEqual([['身份证号码', 'ID_AS_NUMBER']]);
    for (const row of [4, 5, 10, 11, 13]) expect(found(row)).toEqual([]);
    const checksum = errors.find((i) => i.row === 6)!;
    expect(checksum.message).toMatch(/^第 6 行“身份证号码”：.*第 18 位应为/);
    expect(errors.find((i) => i.row === 8)!.message).toContain('与第 9 行身份证号重复');
    expect(preview.issuesTotal).toBe(preview.issues.length);
  });

  it('commits nothing while any row is invalid; with skipInvalid only the valid rows, as a manual create would', async () => {
    const { options } = await prepared(await messyRoster());
    const refused = await app.call(C, 'imports.commit', options);
    expect(refused).toMatchObject({ batchId: null, rows: 9, imported: 0, updated: 0, skipped: 9 });
    expect(refused.errors.map((e) => e.row)).toEqual([6, 7, 8, 9, 12]);
    expect(await total()).toBe(0);
    expect(await app.call(C, 'imports.batches', {})).toEqual([]);

    const done = await app.call(C, 'imports.commit', { ...options, skipInvalid: true });
    expect(done).toMatchObject({ spec: 'roster', rows: 9, imported: 4, updated: 0, skipped: 5, roster: { keyChangeRequests: 0 } });
    expect(done.batchId).toBeGreaterThan(0);
    const rows = (await app.call(C, 'students.list', { page: 0, pageSize: 50, filter: {}, sort: { field: 'studentNo', dir: 'asc' } })).rows;
    expect(rows.map((r) => r.studentNo)).toEqual(['2025510201001', '2025510201002', '2025510201007', '2025510201008']);
    for (const r of rows) {
      expect(r).toMatchObject({ birthDate: '2005-09-01', enrolmentDate: '2025-09-01', className: CLASS_NAME, status: 'enrolled', registered: false });
    }
    const li = rows.find((r) => r.name === '李四')!;
    expect(li).toMatchObject({ gender: '2', ethnicityCode: '03', politicalStatusCode: '03', phone: '13912345678', idNumber: MESSY.F1 });
    const profile = await app.call(C, 'students.get', { id: li.id });
    expect(profile.notes).toBe('走读');
    expect(profile.statusHistory).toEqual([expect.objectContaining({ fromStatus: null, toStatus: 'enrolled', createdBy: 'zhao' })]);
    expect(profile.classHistory).toEqual([expect.objectContaining({ className: CLASS_NAME })]);
    // Search keys are written like a manual save.
    expect((await app.call(C, 'students.list', { page: 0, pageSize: 5, filter: { q: 'lisi' } })).rows.map((r) => r.name)).toEqual(['李四']);

    // One audit entry for the batch, listed once, with one entry per student as its parts.
    const audit = await app.call(A, 'audit.list', { action: 'imports.commit', pageSize: 100 });
    expect(audit.total).toBe(1);
    const summary = audit.rows[0]!;
    expect(summary).toMatchObject({ entity: 'import', entityId: String(done.batchId), childCount: 4 });
    const parts = await app.call(A, 'audit.list', { parentId: summary.id, pageSize: 100 });
    const perStudent = parts.rows.find((r) => r.entity === 'student' && r.entityId === String(li.id))!;
    expect(perStudent.changes).toEqual(expect.arrayContaining([{ field: 'name', before: null, after: '李四' }, { field: 'idNumber', before: null, after: MESSY.F1 }]));
    // Stored compactly (one object of the new values), read back as the same list.
    expect(JSON.parse((app.core.folder.raw().prepare('SELECT changes FROM audit_log WHERE id = ?').get(perStudent.id) as { changes: string }).changes)).toMatchObject({ added: { name: '李四' } });
    expect((await app.call(A, 'audit.verify', {})).ok).toBe(true);

    // The upload is gone after a commit.
    expect((await app.fails(C, 'imports.preview', options)).code).toBe('NOT_FOUND');
    const [batch] = await app.call(C, 'imports.batches', {});
    expect(batch).toMatchObject({ id: done.batchId, fileName: '新生名单.xlsx', createdBy: 'zhao', mode: 'add', rows: 9, imported: 4, skipped: 5, undoable: true, undoBlockedReason: null });
  });

  it('undoes a batch, and refuses once one of its students was edited', async () => {
    const { options } = await prepared(await messyRoster());
    const first = await app.call(C, 'imports.commit', { ...options, skipInvalid: true });
    expect(await app.call(C, 'imports.undo', { id: first.batchId! })).toEqual({ removed: 4, restored: 0 });
    expect(await total()).toBe(0);
    // Gone from the search indexes too (removed in bulk), with the index triggers back in place.
    const raw = app.core.folder.raw();
    raw.prepare("INSERT INTO students_fts(students_fts) VALUES ('integrity-check')").run();
    raw.prepare("INSERT INTO students_name_fts(students_name_fts) VALUES ('integrity-check')").run();
    expect(raw.prepare("SELECT count(*) AS n FROM sqlite_master WHERE type = 'trigger' AND name IN ('students_fts_ad', 'students_name_fts_ad')").get()).toEqual({ n: 2 });
    expect(raw.prepare('SELECT count(*) AS n FROM guardians').get()).toEqual({ n: 0 });
    const undoAudit = await app.call(A, 'audit.list', { action: 'imports.undo', pageSize: 100 });
    expect(undoAudit.rows.map((r) => [r.entity, r.childCount])).toEqual([['import', 4]]);
    const [undone] = await app.call(C, 'imports.batches', {});
    expect(undone).toMatchObject({ undoable: false });
    expect(undone!.undoneAt).toBeTruthy();
    expect((await app.fails(C, 'imports.undo', { id: first.batchId! })).code).toBe('CONFLICT');

    const again = await prepared(await messyRoster(), '新生名单（第二次）.xlsx');
    const second = await app.call(C, 'imports.commit', { ...again.options, skipInvalid: true });
    expect(second.imported).toBe(4);
    const li = (await app.call(C, 'students.list', { page: 0, pageSize: 5, filter: { q: '李四' } })).rows[0]!;
    const full = await app.call(C, 'students.get', { id: li.id });
    await app.call(C, 'students.update', { id: li.id, version: full.version, patch: { dormitory: '5号楼-302' } });
    const batch = (await app.call(C, 'imports.batches', {})).find((b) => b.id === second.batchId)!;
    expect(batch.undoable).toBe(false);
    expect(batch.undoBlockedReason).toContain('李四（学号 2025510201002）在导入后已被修改');
    const refused = await app.fails(C, 'imports.undo', { id: second.batchId! });
    expect(refused.code).toBe('CONFLICT');
    expect(await total()).toBe(4);
  });

  it('update mode with 学号 but no 身份证号 column matches by 学号 and asks only for the columns in the file', async () => {
    const people = ['001', '003'].map((seq, i) => ({ studentNo: `202551020120${i}`, name: ['周一', '吴二'][i]!, id: makeId('110105', '20060513', seq), phone: '13800000000' }));
    expect((await app.call(C, 'imports.commit', (await prepared(await cleanRoster(people))).options)).imported).toBe(2);
    // A dormitory list from the housing office: 学号, 姓名, 宿舍 — no ID numbers, no 性别 or 出生日期.
    const dorms = await prepared(await cleanRoster(people.map((p, i) => ({ ...p, dormitory: `${i + 5}号楼-201` })), ['学号', '姓名', '宿舍']), '宿舍.xlsx');
    const options = { ...dorms.options, mode: 'update' as const, matchBy: 'idNumber' as const };
    const preview = await app.call(C, 'imports.preview', options);
    expect(preview).toMatchObject({ rows: 2, valid: 2, invalid: 0, toAdd: 0, toUpdate: 2, roster: { matchBy: 'studentNo' } });
    expect(preview.issues.filter((i) => i.severity === 'error')).toEqual([]);
    expect(await app.call(C, 'imports.commit', options)).toMatchObject({ updated: 2, imported: 0 });
    const rows = (await app.call(C, 'students.list', { page: 0, pageSize: 5, filter: {}, sort: { field: 'studentNo', dir: 'asc' } })).rows;
    expect(rows.map((r) => r.dormitory)).toEqual(['5号楼-201', '6号楼-201']);
  });

  it('update mode changes non-key fields and turns a registered student’s new name into a change request', async () => {
    const ids = ['001', '003', '005'].map((seq, i) => ({ studentNo: `202551020110${i}`, name: ['陈一', '林二', '黄三'][i]!, id: makeId('110105', '20060512', seq), phone: '13800000000' }));
    const first = await prepared(await cleanRoster(ids));
    expect((await app.call(C, 'imports.commit', first.options)).imported).toBe(3);
    const registered = (await app.call(C, 'students.list', { page: 0, pageSize: 5, filter: { q: '林二' } })).rows[0]!;
    await app.call(C, 'students.register', { ids: [registered.id] });

    const changed = ids.map((s, i) => ({ ...s, phone: `1390000000${i}`, dormitory: `${i + 1}号楼-101`, name: s.name === '林二' ? '林贰' : s.name === '陈一' ? '陈壹' : s.name }));
    const upd = await prepared(await cleanRoster(changed), '更新.xlsx');
    const options = { ...upd.options, mode: 'update' as const, matchBy: 'idNumber' as const };
    const preview = await app.call(C, 'imports.preview', options);
    expect(preview).toMatchObject({ rows: 3, valid: 3, invalid: 0, toAdd: 0, toUpdate: 3, roster: { keyChanges: 1 } });
    const locked = preview.issues.find((i) => i.code === 'KEY_FIELD_LOCKED')!;
    expect(locked).toMatchObject({ row: 3, column: '姓名', severity: 'warning' });
    expect(locked.message).toContain('将提交信息变更申请（姓名：林二 → 林贰）');

    const done = await app.call(C, 'imports.commit', options);
    expect(done).toMatchObject({ imported: 0, updated: 3, skipped: 0, roster: { keyChangeRequests: 1 }, errors: [] });
    const rows = (await app.call(C, 'students.list', { page: 0, pageSize: 5, filter: {}, sort: { field: 'studentNo', dir: 'asc' } })).rows;
    expect(rows.map((r) => [r.name, r.phone, r.dormitory])).toEqual([
      ['陈壹', '13900000000', '1号楼-101'], // not registered: the name changes directly
      ['林二', '13900000001', '2号楼-101'], // registered: name kept, request filed
      ['黄三', '13900000002', '3号楼-101'],
    ]);
    const requests = await app.call(M, 'keyChanges.list', { status: 'pending' });
    expect(requests).toHaveLength(1);
    expect(requests[0]).toMatchObject({ studentId: registered.id, changes: [{ field: 'name', before: '林二', after: '林贰' }], requestedBy: 'zhao' });
    expect(requests[0]!.reason).toContain('更新.xlsx');

    // Undo restores the previous values and withdraws the request.
    expect(await app.call(C, 'imports.undo', { id: done.batchId! })).toEqual({ removed: 0, restored: 3 });
    const restored = (await app.call(C, 'students.list', { page: 0, pageSize: 5, filter: {}, sort: { field: 'studentNo', dir: 'asc' } })).rows;
    expect(restored.map((r) => [r.name, r.phone, r.dormitory])).toEqual([['陈一', '13800000000', null], ['林二', '13800000000', null], ['黄三', '13800000000', null]]);
    expect(await app.call(M, 'keyChanges.list', { status: 'pending' })).toEqual([]);
    expect((await app.call(C, 'students.list', { page: 0, pageSize: 5, filter: { q: 'chenyi' } })).rows.map((r) => r.name)).toEqual(['陈一']);
  });

  it('reports students already in the system, and unknown classes unless asked to create them', async () => {
    const s = { studentNo: '2025510201201', name: '马一', id: makeId('110105', '20060101', '011') };
    await app.call(C, 'imports.commit', (await prepared(await cleanRoster([s]))).options);
    const roster = await cleanRoster([
      { ...s, studentNo: '2025510201202' },
      { studentNo: '2025510201201', name: '马二', id: makeId('110105', '20060101', '031') },
      { studentNo: '2025510201203', name: '马三', id: makeId('110105', '20060101', '051'), className: '大数据2501班' },
    ], ['学号', '姓名', '身份证号', '班级', '专业']);
    const { options } = await prepared(roster, '第二批.xlsx');
    const preview = await app.call(C, 'imports.preview', options);
    expect(preview.roster?.unknownClasses).toEqual(['大数据2501班']);
    expect(preview.issues.map((i) => [i.row, i.column, i.code])).toEqual([
      [2, '身份证号', 'DUPLICATE_IN_DB'],
      [3, '学号', 'DUPLICATE_IN_DB'],
      [4, '班级', 'UNKNOWN_CLASS'],
    ]);
    // Creating the class needs its major: the 专业 column is empty, so it is still reported.
    const create = await app.call(C, 'imports.preview', { ...options, createMissingClasses: true });
    expect(create.issues.map((i) => [i.row, i.code])).toEqual([[2, 'DUPLICATE_IN_DB'], [3, 'DUPLICATE_IN_DB'], [4, 'UNKNOWN_CLASS']]);
  });

  it('checks against the database as it is at preview, not as it was when the file was opened', async () => {
    const s = { studentNo: '2025510201211', name: '牛一', id: makeId('110105', '20060101', '071') };
    const later = await prepared(await cleanRoster([s, { studentNo: '2025510201212', name: '牛二', id: makeId('110105', '20060101', '093'), className: '大数据2501班' }]), '后到.xlsx');
    // Written after that file was opened (its lookups were read while it was parsed).
    await app.call(C, 'imports.commit', (await prepared(await cleanRoster([s]), '先到.xlsx')).options);
    const major = (await app.call(C, 'org.tree', {})).majors[0]!;
    await app.call(C, 'org.createClass', { name: '大数据2501班', majorId: major.id, cohortYear: 2025 });
    const preview = await app.call(C, 'imports.preview', later.options);
    expect(preview.issues.map((i) => [i.row, i.column, i.code]).sort()).toEqual([[2, '学号', 'DUPLICATE_IN_DB'], [2, '身份证号', 'DUPLICATE_IN_DB']]);
    expect(preview.roster?.unknownClasses).toEqual([]);
  });

  it('writes alone: another window’s call made during the write waits for it, and is not undone with a cancelled import', async () => {
    /** A hand-made student with this ID number: birth date and gender as the number says. */
    const byHand = (studentNo: string, name: string, id: string) => ({
      studentNo, name, idNumber: id, birthDate: `${id.slice(6, 10)}-${id.slice(10, 12)}-${id.slice(12, 14)}`, gender: (Number(id[16]) % 2 ? '1' : '2') as '1' | '2', guardians: [],
    });
    const first = numberedStudents(1200, '20255102', '写入');
    const last = first.at(-1)!;
    const { options } = await prepared(await cleanRoster(first));
    const others: Promise<unknown>[] = [];
    const writing: [number, number][] = [];
    let off = app.core.events.subscribe((client, event, payload) => {
      const p = payload as { message: string; done: number; total: number };
      if (client !== C || event !== 'progress' || !p.message.startsWith('正在写入数据库')) return;
      writing.push([p.done, p.total]);
      // Mid-write, another window adds by hand the student of the file's last row, not yet written.
      if (!others.length) others.push(app.raw(A, 'students.create', byHand('2025510299999', '写入', last.id)));
    });
    const done = await app.call(C, 'imports.commit', { ...options, jobId: 'w1' });
    off();
    expect(writing).toEqual([[1000, 1200]]);
    // The import wrote every row; the hand-made student came after it and met the imported one.
    expect(done.imported).toBe(1200);
    const late = (await others[0]) as { ok: boolean; error?: { code: string; message: string } };
    expect(late.ok).toBe(false);
    expect(late.error?.message).toContain('已有在籍学籍');
    expect(await total()).toBe(1200);

    // Cancelled mid-write: the import is rolled back whole; the other window's student stays.
    const second = numberedStudents(1200, '20255102', '写入', 2000);
    const again = await prepared(await cleanRoster(second));
    others.length = 0;
    off = app.core.events.subscribe((client, event, payload) => {
      const p = payload as { message: string };
      if (client !== C || event !== 'progress' || !p.message.startsWith('正在写入数据库') || others.length) return;
      others.push(app.call(A, 'students.create', byHand('2025510298888', '手工', numberedId(5000))));
      void app.raw(C, 'jobs.cancel', { jobId: 'w2' });
    });
    const cancelled = await app.fails(C, 'imports.commit', { ...again.options, jobId: 'w2' });
    off();
    expect(cancelled.message).toContain('已取消');
    expect(((await others[0]) as { id: number }).id).toBeGreaterThan(0);
    expect((await app.call(C, 'students.list', { page: 0, pageSize: 5, filter: { q: '手工' } })).total).toBe(1);
    expect(await total()).toBe(1201);
    expect((await app.call(C, 'imports.batches', {})).length).toBe(1);
  });

  it('closing the last window mid-write (the database closes) leaves nothing of the import behind', async () => {
    const many = numberedStudents(1500, '20255104', '关窗');
    const { options } = await prepared(await cleanRoster(many));
    const off = app.core.events.subscribe((client, event, payload) => {
      if (client !== C || event !== 'progress' || !(payload as { message: string }).message.startsWith('正在写入数据库')) return;
      // What the Electron host does when the last window goes: every session ends, the key leaves memory.
      for (const id of [A, C, M]) app.core.sessions.end(id);
      app.core.folder.close();
    });
    const r = await app.raw(C, 'imports.commit', { ...options, jobId: 'closing' });
    off();
    expect(r).toMatchObject({ ok: false, error: { code: 'CANCELLED' } });
    await app.call(C, 'auth.signIn', { username: COUNSELOR.username, password: COUNSELOR.password });
    expect(await total()).toBe(0);
    expect(await app.call(C, 'imports.batches', {})).toEqual([]);
    // The search-index triggers the write had suspended are back, and the database is sound.
    const raw = app.core.folder.raw();
    expect(raw.prepare("SELECT count(*) AS n FROM sqlite_master WHERE type = 'trigger' AND name IN ('students_fts_ai', 'students_name_fts_ai')").get()).toEqual({ n: 2 });
    expect(raw.pragma('integrity_check', { simple: true })).toBe('ok');
  });

  it('two windows committing overlapping rosters at once: one writes, the other is checked again and refused whole', async () => {
    const one = numberedStudents(600, '20255103', '甲');
    const two = [one[0]!, one[599]!, { studentNo: '2025510399999', name: '乙', id: makeId('110105', '20060104', '001') }];
    const a = await prepared(await cleanRoster(one));
    const openedByA = await open(await cleanRoster(two), '另一窗口.xlsx', A);
    const inspectedByA = await app.call(A, 'imports.inspect', { uploadId: openedByA.uploadId, sheet: openedByA.sheets[0]!.name });
    const bOptions = { uploadId: openedByA.uploadId, sheet: openedByA.sheets[0]!.name, mapping: inspectedByA.mapping };
    // Both previews are clean: neither file's students exist yet.
    expect((await app.call(C, 'imports.preview', a.options)).invalid).toBe(0);
    expect((await app.call(A, 'imports.preview', bOptions)).invalid).toBe(0);
    const [byC, byA] = await Promise.all([app.call(C, 'imports.commit', a.options), app.call(A, 'imports.commit', bOptions)]);
    const [winner, loser] = byC.batchId ? [byC, byA] : [byA, byC];
    expect(winner.batchId).toBeGreaterThan(0);
    expect(loser).toMatchObject({ batchId: null, imported: 0 });
    expect(new Set(loser.errors.map((e) => e.code))).toEqual(new Set(['DUPLICATE_IN_DB']));
    expect(await total()).toBe(winner.imported);
  });

  it('reads a workbook zipped with workbook.xml after its sheets, as some programs write it', async () => {
    const students = [
      { studentNo: '2025510201401', name: '顺一', id: makeId('110105', '20060101', '071') },
      { studentNo: '2025510201402', name: '顺二', id: makeId('110105', '20060101', '091') },
    ];
    const files = unzipSync(new Uint8Array(await cleanRoster(students)));
    const first = ['[Content_Types].xml', '_rels/.rels', 'xl/_rels/workbook.xml.rels', 'xl/sharedStrings.xml', 'xl/styles.xml'];
    const rest = Object.keys(files).filter((n) => !n.endsWith('/') && !first.includes(n) && n !== 'xl/workbook.xml');
    // exceljs' streaming reader meets the sheet before it knows the workbook, and gives up.
    const reordered = zipSync(Object.fromEntries([...first, ...rest, 'xl/workbook.xml'].map((n) => [n, files[n]!])));
    const { opened, options } = await prepared(Buffer.from(reordered), '另一种顺序.xlsx');
    expect(opened.sheets.map((x) => x.rows)).toEqual([3]);
    expect((await app.call(C, 'imports.preview', options)).valid).toBe(2);
    expect((await app.call(C, 'imports.commit', options)).imported).toBe(2);
    expect((await app.call(C, 'students.list', { page: 0, pageSize: 5, filter: { q: '顺二' } })).rows.map((r) => r.studentNo)).toEqual(['2025510201402']);
  });

  it('creates missing classes under the major named in the file', async () => {
    const roster = await workbook([{ name: 'S', rows: [
      ['学号', '姓名', '身份证号', '专业', '班级', '年级'],
      ['2025510201301', '何一', makeId('110105', '20060101', '071'), '510201', '计算机应用2502班', '2025级'],
      ['2025510201302', '何二', makeId('110105', '20060101', '091'), '计算机应用技术', '计算机应用2502班', '2025级'],
      ['2025510201303', '何三', makeId('110105', '20060101', '111'), '不存在的专业', '不存在2501班', ''],
    ] }]);
    const { options } = await prepared(roster);
    const preview = await app.call(C, 'imports.preview', { ...options, createMissingClasses: true });
    expect(preview.roster?.unknownClasses.sort()).toEqual(['不存在2501班', '计算机应用2502班']);
    expect(preview.issues.map((i) => [i.row, i.column, i.code])).toEqual([[4, '专业', 'UNKNOWN_MAJOR']]);
    const done = await app.call(C, 'imports.commit', { ...options, createMissingClasses: true, skipInvalid: true });
    expect(done.imported).toBe(2);
    const tree = await app.call(C, 'org.tree', {});
    expect(tree.classes.find((c) => c.name === '计算机应用2502班')).toMatchObject({ majorName: '计算机应用技术', cohortYear: 2025, studentCount: 2 });
  });

  it('reads GBK and UTF-8 (BOM) CSV files', async () => {
    const rows = [
      ['学号', '姓名', '性别', '出生日期', '身份证号码', '民族', '手机号码', '班级'],
      ['2025510201401', '欧阳娜', '女', '2006/1/1', makeId('110105', '20060101', '122'), '汉族', '13812345678', CLASS_NAME],
      ['2025510201402', '诸葛亮', '男', '2006-01-01', makeId('110105', '20060101', '133'), '蒙古族', '13812345679', CLASS_NAME],
    ];
    const gbk = await open(csvBytes(rows, 'gbk'), '名单.csv');
    expect(gbk).toMatchObject({ kind: 'csv', encoding: 'GBK', sheets: [{ name: '名单', rows: 3 }] });
    const bom = await open(csvBytes(rows, 'utf8-bom'), 'roster.csv');
    expect(bom).toMatchObject({ kind: 'csv', encoding: 'UTF-8', sheets: [{ name: 'roster', rows: 3 }] });
    for (const o of [gbk, bom]) {
      const inspected = await app.call(C, 'imports.inspect', { uploadId: o.uploadId, sheet: o.sheets[0]!.name });
      expect(inspected.headers).toEqual(rows[0]);
      expect(inspected.headerRow).toBe(1);
      const preview = await app.call(C, 'imports.preview', { uploadId: o.uploadId, sheet: o.sheets[0]!.name, mapping: inspected.mapping });
      expect(preview).toMatchObject({ rows: 2, valid: 2, invalid: 0 });
    }
    const done = await app.call(C, 'imports.commit', { uploadId: gbk.uploadId, sheet: '名单', mapping: (await app.call(C, 'imports.inspect', { uploadId: gbk.uploadId, sheet: '名单' })).mapping });
    expect(done.imported).toBe(2);
    const names = (await app.call(C, 'students.list', { page: 0, pageSize: 5, filter: {}, sort: { field: 'studentNo', dir: 'asc' } })).rows.map((r) => [r.name, r.ethnicityCode]);
    expect(names).toEqual([['欧阳娜', '01'], ['诸葛亮', '02']]);
  });

  it('writes an error report with the original rows, the bad cells filled red and a 问题说明 column', async () => {
    const { options } = await prepared(await messyRoster());
    const report = await app.call(C, 'imports.errorReport', options);
    expect(report.fileName).toBe('导入问题_新生名单.xlsx');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(app.output(C, report.jobId) as unknown as ArrayBuffer);
    const ws = wb.worksheets[0]!;
    const values = (r: number) => (ws.getRow(r).values as unknown[]).slice(1);
    expect(values(1)).toEqual([...MESSY_HEADERS, '问题说明']);
    expect(ws.rowCount).toBe(6); // header + rows 6, 7, 8, 9, 12
    expect(values(2).slice(1, 3)).toEqual(['2025510201003', '王五']);
    const fill = (r: number, c: number) => (ws.getRow(r).getCell(c).fill as ExcelJS.FillPattern | undefined)?.fgColor?.argb;
    expect(fill(2, 6)).toBe('FFFFC7CE'); // 身份证号码 of the bad check digit
    expect(fill(2, 3)).toBeUndefined();
    expect(fill(3, 4)).toBe('FFFFC7CE'); // 性别 of the gender mismatch
    expect(String(ws.getRow(2).getCell(13).value)).toContain('第 6 行“身份证号码”');
    // The numeric ID stays a number, as it was in the file.
    expect(typeof ws.getRow(6).getCell(6).value).toBe('number');
  });

  it('gives a template whose sample row imports cleanly', async () => {
    const t = await app.call(C, 'imports.template', { spec: 'roster' });
    const bytes = app.output(C, t.jobId);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(bytes as unknown as ArrayBuffer);
    const ws = wb.worksheets[0]!;
    expect((ws.getRow(1).values as unknown[]).slice(1)).toEqual([
      '学号', '考生号', '姓名', '性别', '出生日期', '身份证号', '民族', '政治面貌', '籍贯', '生源地', '联系电话', '电子邮箱', '家庭住址', '户籍地址',
      '入学日期', '年级', '专业', '班级', '宿舍', '监护人姓名', '监护人关系', '监护人电话', '备注',
    ]);
    expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect(ws.getColumn(6).numFmt).toBe('@');
    expect(validateIdNumber(String(ws.getCell('F2').value), { asOf: new Date() }).ok).toBe(true);
    const { options } = await prepared(bytes, t.fileName);
    const preview = await app.call(C, 'imports.preview', options);
    expect(preview).toMatchObject({ rows: 1, valid: 1, toAdd: 1 });
  });

  it('remembers a mapping the user chose for the next file with that header', async () => {
    const id = makeId('110105', '20060101', '151');
    const roster = await workbook([{ name: 'S', rows: [['学号', '姓名', '身份证号', '紧急联络号码'], ['2025510201501', '宋一', id, '13811112222']] }]);
    const a = await prepared(roster);
    expect(a.inspected.unmapped).toEqual([{ index: 3, header: '紧急联络号码' }]);
    await app.call(C, 'imports.preview', { ...a.options, mapping: { ...a.options.mapping, 3: 'guardianPhone' } });
    const b = await prepared(roster);
    expect(b.inspected.mapping['3']).toBe('guardianPhone');
    // And a column the user left out stays out.
    await app.call(C, 'imports.preview', { ...b.options, mapping: { 0: 'studentNo', 1: 'name', 2: 'idNumber' }, rememberMapping: true });
    const c = await prepared(roster);
    expect(c.inspected.mapping['3']).toBeUndefined();
  });

  it('reports progress and stops a cancelled commit before anything is written', async () => {
    const many = Array.from({ length: 2500 }, (_, i) => ({
      studentNo: `2025510209${String(i).padStart(4, '0')}`, name: '测试', id: makeId('110105', `2006010${1 + Math.floor(i / 1000)}`, String(i % 1000).padStart(3, '0')),
    }));
    const { options } = await prepared(await cleanRoster(many));
    const events: { jobId: string; done: number; total: number; message: string; cancellable?: boolean }[] = [];
    const off = app.core.events.subscribe((client, event, payload) => {
      if (client !== C || event !== 'progress') return;
      const p = payload as (typeof events)[number];
      events.push(p);
      if (p.jobId === 'c1' && p.done >= 1000) void app.raw(C, 'jobs.cancel', { jobId: 'c1' });
    });
    const cancelled = await app.fails(C, 'imports.commit', { ...options, jobId: 'c1' });
    expect(cancelled.code).toBe('CANCELLED');
    expect(cancelled.message).toContain('已取消');
    expect(events.length).toBeGreaterThan(0);
    expect(await total()).toBe(0);
    // Not cancelled: progress runs to the end.
    events.length = 0;
    const ok = await app.call(C, 'imports.preview', { ...options, jobId: 'p1' });
    expect(ok.valid).toBe(many.length);
    expect(events.at(-1)).toMatchObject({ done: many.length, total: many.length });
    expect(events.every((e) => !('cancellable' in e))).toBe(true);

    // A large commit fills the search index in bulk: everything findable, the triggers back in place.
    // The write reports how far it got (取消 still offered); once every row is in, the client is
    // told 取消 is no longer possible, and stays told.
    events.length = 0;
    expect((await app.call(C, 'imports.commit', { ...options, jobId: 'c2' })).imported).toBe(many.length);
    off();
    const steps = events.filter((e) => e.message.startsWith('正在写入数据库'));
    expect(steps.map((e) => [e.done, e.total, 'cancellable' in e])).toEqual([[1000, 2500, false], [2000, 2500, false]]);
    const finishing = events.findIndex((e) => 'cancellable' in e);
    expect(finishing).toBeGreaterThan(events.indexOf(steps.at(-1)!));
    expect(events[finishing]).toMatchObject({ jobId: 'c2', cancellable: false, message: expect.stringContaining('此时不能取消') });
    expect(events.slice(finishing).every((e) => (e as { cancellable?: boolean }).cancellable === false)).toBe(true);
    const raw = app.core.folder.raw();
    raw.prepare("INSERT INTO students_fts(students_fts) VALUES ('integrity-check')").run();
    raw.prepare("INSERT INTO students_name_fts(students_name_fts) VALUES ('integrity-check')").run();
    expect(raw.prepare("SELECT count(*) AS n FROM sqlite_master WHERE type = 'trigger' AND name IN ('students_fts_ai', 'students_name_fts_ai')").get()).toEqual({ n: 2 });
    expect((await app.call(C, 'students.list', { page: 0, pageSize: 5, filter: { q: '20255102092499' } })).total).toBe(1);
    expect((await app.call(C, 'students.list', { page: 0, pageSize: 5, filter: { q: 'ceshi' } })).total).toBe(many.length);
    const later = await app.call(C, 'students.create', {
      studentNo: '2025510201999', name: '晚到', gender: '1', birthDate: '2006-01-05', idNumber: makeId('110105', '20060105', '001'), guardians: [],
    });
    expect((await app.call(C, 'students.list', { page: 0, pageSize: 5, filter: { q: '晚到' } })).rows.map((r) => r.id)).toEqual([later.id]);
  });

  it('keeps uploads per client and refuses other files', async () => {
    const opened = await open(await messyRoster());
    expect((await app.fails(A, 'imports.inspect', { uploadId: opened.uploadId, sheet: '新生名单' })).code).toBe('NOT_FOUND');
    expect((await app.fails(C, 'imports.inspect', { uploadId: opened.uploadId, sheet: '不存在' })).message).toContain('没有名为“不存在”的工作表');
    const xls = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0, 0, 0]);
    // Read as an Excel 97-2003 workbook, and found damaged (a header and nothing else).
    expect((await app.fails(C, 'imports.open', app.upload(C, '旧名单.xls', xls))).message).toMatch(/^文件“旧名单.xls”无法读取，可能已损坏/);
    // Viewers may not import.
    await app.call(A, 'users.create', { username: 'sun', displayName: '孙', role: 'viewer', password: 'Viewer123456' });
    await app.call('v', 'auth.signIn', { username: 'sun', password: 'Viewer123456' });
    expect((await app.fails('v', 'imports.open', { fileName: 'a.csv', dataBase64: 'YQ==' })).code).toBe('FORBIDDEN');
    // Dropped after 30 minutes.
    app.advance(31 * 60_000);
    await app.call(C, 'auth.signIn', { username: COUNSELOR.username, password: COUNSELOR.password }); // idle-locked meanwhile
    expect((await app.fails(C, 'imports.inspect', { uploadId: opened.uploadId, sheet: '新生名单' })).code).toBe('NOT_FOUND');
  });

  it('forgets an uploaded roster when its user signs out, and only theirs', async () => {
    const mine = await open(await messyRoster());
    const admins = await open(await messyRoster(), '新生名单.xlsx', A);
    await app.call(C, 'auth.signOut', {});
    await app.call(C, 'auth.signIn', { username: COUNSELOR.username, password: COUNSELOR.password });
    expect((await app.fails(C, 'imports.inspect', { uploadId: mine.uploadId, sheet: '新生名单' })).message).toContain('请重新选择文件');
    expect((await app.call(A, 'imports.inspect', { uploadId: admins.uploadId, sheet: '新生名单' })).headers.length).toBeGreaterThan(5);
  });
});
