/**
 * A large import adds its new students to the full-text search indexes after the rows are in, in
 * id ranges with a pause between them (db/queries/imports.ts withSearchIndexDeferred).
 */
import { afterEach, describe, expect, it } from 'vitest';
import { importWriters, withSearchIndexDeferred } from '../../db/queries/imports';
import { makeApp, type TestApp } from '../support/harness';
import { makeId } from '../support/roster-fixtures';

let app: TestApp;
afterEach(() => app?.remove());

const NAMES = ['甲一', '乙二', '丙三', '丁四', '戊五', '己六', '庚七'];

describe('search index filled after a bulk insert', () => {
  it('covers every new student, range after range, and puts the index triggers back', async () => {
    app = makeApp();
    await app.setup();
    const C = 'admin-client';
    await app.call(C, 'students.create', { studentNo: '2025000000001', name: '先有', gender: '1', birthDate: '2006-01-01', idNumber: makeId('110105', '20060101', '011'), guardians: [] });
    const now = new Date().toISOString();
    let pauses = 0;
    await app.core.folder.transactionInSteps((db) =>
      withSearchIndexDeferred(
        db,
        async () => {
          const w = importWriters(db);
          NAMES.forEach((name, i) => {
            const id = makeId('110105', '20060102', String(21 + i * 2).padStart(3, '0'));
            w.insertStudent({ studentNo: `202500000010${i}`, name, gender: '1', birthDate: '2006-01-02', idNumber: id, status: 'enrolled', registered: false, createdAt: now, updatedAt: now });
          });
        },
        async () => void pauses++,
        3,
      ),
    );
    // Seven new students in ranges of three: three statements, a pause after each.
    expect(pauses).toBe(3);
    const raw = app.core.folder.raw();
    raw.prepare("INSERT INTO students_fts(students_fts) VALUES ('integrity-check')").run();
    raw.prepare("INSERT INTO students_name_fts(students_name_fts) VALUES ('integrity-check')").run();
    expect(raw.prepare("SELECT count(*) AS n FROM sqlite_master WHERE type = 'trigger' AND name IN ('students_fts_ai', 'students_name_fts_ai')").get()).toEqual({ n: 2 });
    for (const [i, name] of NAMES.entries()) {
      expect((await app.call(C, 'students.list', { page: 0, pageSize: 5, filter: { q: `202500000010${i}` } })).rows.map((r) => r.name)).toEqual([name]);
      expect((await app.call(C, 'students.list', { page: 0, pageSize: 5, filter: { q: name } })).total).toBe(1);
    }
    // Written after the triggers came back: indexed one by one as usual.
    await app.call(C, 'students.create', { studentNo: '2025000000201', name: '后来', gender: '2', birthDate: '2006-01-03', idNumber: makeId('110105', '20060103', '022'), guardians: [] });
    expect((await app.call(C, 'students.list', { page: 0, pageSize: 5, filter: { q: '后来' } })).total).toBe(1);
  });
});
