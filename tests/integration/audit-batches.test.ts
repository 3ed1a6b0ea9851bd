/**
 * Issue 12 #3: an import is one entry in the audit log that expands to its rows. Every row keeps
 * its own chained entry (the trail needs it, verify checks it); the list shows the batch once.
 */
import ExcelJS from 'exceljs';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { COUNSELOR, makeApp, type TestApp } from '../support/harness';
import { CLASS_NAME, MAJOR, cleanRoster, numberedStudents } from '../support/roster-fixtures';

let app: TestApp;
const A = 'admin-client';
const C = COUNSELOR.client;
const N = 30;

beforeEach(async () => {
  app = makeApp();
  await app.setup();
  await app.addStaff();
  const major = await app.call(C, 'org.createMajor', { ...MAJOR });
  await app.call(C, 'org.createClass', { name: CLASS_NAME, majorId: major.id, cohortYear: 2025 });
});
afterEach(() => app?.remove());

async function importRoster(students = numberedStudents(N, '20255102', '批量')) {
  const opened = await app.call(C, 'imports.open', app.upload(C, '三十人.xlsx', await cleanRoster(students)));
  const sheet = opened.sheets[0]!.name;
  const { mapping } = await app.call(C, 'imports.inspect', { uploadId: opened.uploadId, sheet });
  return app.call(C, 'imports.commit', { uploadId: opened.uploadId, sheet, mapping });
}

it('lists an import of N rows as one entry that expands, page by page, to its N rows', async () => {
  const before = (await app.call(A, 'audit.list', { page: 0, pageSize: 100 })).total;
  const done = await importRoster();
  expect(done.imported).toBe(N);

  const list = await app.call(A, 'audit.list', { page: 0, pageSize: 100 });
  expect(list.total).toBe(before + 1);
  const batch = list.rows[0]!;
  expect(batch).toMatchObject({ action: 'imports.commit', entity: 'import', entityId: String(done.batchId), parentId: null, childCount: N });
  expect(list.rows.filter((r) => r.action === 'imports.commit')).toHaveLength(1);

  const first = await app.call(A, 'audit.list', { parentId: batch.id, page: 0, pageSize: 20 });
  const second = await app.call(A, 'audit.list', { parentId: batch.id, page: 1, pageSize: 20 });
  expect(first.total).toBe(N);
  expect(first.rows).toHaveLength(20);
  expect(second.rows).toHaveLength(N - 20);
  const rows = [...first.rows, ...second.rows];
  // In the order of the file, each about one new student.
  expect(rows.map((r) => r.summary.match(/第 (\d+) 行/)?.[1])).toEqual(Array.from({ length: N }, (_, i) => String(i + 2)));
  expect(rows.every((r) => r.entity === 'student' && r.parentId === batch.id && r.childCount === 0)).toBe(true);

  // A student's own entry is still found by the student filter (the row itself, pointing at its batch).
  const mine = await app.call(A, 'audit.list', { student: '2025510200007', page: 0, pageSize: 10 });
  expect(mine.rows.map((r) => [r.action, r.parentId])).toEqual([['imports.commit', batch.id]]);
  // …and leads to its batch, fetched by number.
  const byId = async (id: number) => (await app.call(A, 'audit.list', { id, page: 0, pageSize: 1 })).rows;
  expect(await byId(mine.rows[0]!.id)).toEqual([mine.rows[0]]);
  expect(await byId(mine.rows[0]!.parentId!)).toEqual([batch]);

  // The per-row entries are in the chain: verify checks them, and notices one moved to another batch.
  expect((await app.call(A, 'audit.verify', {})).ok).toBe(true);
  const db = app.core.folder.raw();
  db.exec('DROP TRIGGER audit_log_no_update;');
  db.prepare('UPDATE audit_log SET parent_id = NULL WHERE id = ?').run(rows[3]!.id);
  const v = await app.call(A, 'audit.verify', {});
  expect(v.problems).toEqual([expect.objectContaining({ id: rows[3]!.id, kind: 'edited' })]);
});

it('an undo is one entry too, and filters by 对象 still find the batch through its rows', async () => {
  const done = await importRoster();
  await app.call(C, 'imports.undo', { id: done.batchId! });
  const undo = await app.call(A, 'audit.list', { action: 'imports.undo', page: 0, pageSize: 100 });
  expect(undo.rows.map((r) => [r.entity, r.childCount])).toEqual([['import', N]]);
  // 对象=学生: the import and its undo are listed (as their batch entries), not 2N rows.
  const students = await app.call(A, 'audit.list', { entity: 'student', page: 0, pageSize: 100 });
  expect(students.rows.map((r) => [r.action, r.childCount])).toEqual([['imports.undo', N], ['imports.commit', N]]);
});

it('the export has the same shape: each batch a row, its rows grouped (collapsed) beneath it', async () => {
  await importRoster();
  const { jobId, rows } = await app.call(A, 'audit.export', { action: 'imports.commit' });
  expect(rows).toBe(1 + N);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(app.output(A, jobId) as unknown as ArrayBuffer);
  const ws = wb.worksheets[0]!;
  expect(ws.rowCount).toBe(1 + 1 + N);
  const text = (r: number) => (ws.getRow(r).values as unknown[]).join(' ');
  expect(text(2)).toMatch(/导入《三十人.xlsx》/);
  expect(text(2)).toContain(`明细 ${N} 条`);
  expect(ws.getRow(2).outlineLevel ?? 0).toBe(0);
  expect(text(3)).toMatch(/第 2 行：新建学生档案/);
  expect(ws.getRow(3).outlineLevel).toBe(1);
  expect(ws.getRow(3).hidden).toBe(true);
  expect(ws.getRow(2 + N).outlineLevel).toBe(1);
});
