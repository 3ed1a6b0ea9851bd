import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ADMIN, COUNSELOR, MANAGER, makeApp, type TestApp } from '../support/harness';
import { CLASS_NAME, MAJOR, cleanRoster, makeId } from '../support/roster-fixtures';

/**
 * The import keeps what it read from the database (lookups, the checks of the last preview) while
 * nothing has been written since. The command line opens the same data folder through its own
 * connection (a second core, as here), so "nothing written" must cover other connections' commits.
 */
let app: TestApp;
let other: TestApp | undefined;
let classId: number;
const C = COUNSELOR.client;
const M = MANAGER.client;
const CLI = 'cli:test';

beforeEach(async () => {
  app = makeApp();
  await app.setup();
  await app.addStaff();
  const major = await app.call(C, 'org.createMajor', { ...MAJOR });
  classId = (await app.call(C, 'org.createClass', { name: CLASS_NAME, majorId: major.id, cohortYear: 2025 })).id;
});
afterEach(() => {
  other?.close();
  other = undefined;
  app?.remove();
});

/** The command line's way in: its own core (and connection) on the same folder, signed in. */
async function commandLine(user: { username: string; password: string } = ADMIN) {
  other = makeApp(app.dir);
  await other.call(CLI, 'auth.signIn', { username: user.username, password: user.password });
  return other;
}

async function prepared(bytes: Buffer) {
  const opened = await app.call(C, 'imports.open', app.upload(C, '新生名单.xlsx', bytes));
  const sheet = opened.sheets[0]!.name;
  const inspected = await app.call(C, 'imports.inspect', { uploadId: opened.uploadId, sheet });
  return { uploadId: opened.uploadId, sheet, mapping: inspected.mapping };
}

const A = { studentNo: '2025510201001', name: '陈一', id: makeId('110105', '20060512', '001') };
const B = { studentNo: '2025510201002', name: '林二', id: makeId('110105', '20060513', '003') };

describe('roster import with another connection writing to the same folder', () => {
  it('a student written by the command line after the preview is seen by the next preview and by commit', async () => {
    const options = await prepared(await cleanRoster([A, B]));
    expect(await app.call(C, 'imports.preview', options)).toMatchObject({ rows: 2, valid: 2, invalid: 0, toAdd: 2 });

    // Meanwhile, on the command line: 林二's ID number is taken by a student entered there.
    const cli = await commandLine();
    await cli.call(CLI, 'students.create', { studentNo: '2025510201099', name: '林二', gender: '1', birthDate: '2006-05-13', idNumber: B.id, enrolmentDate: '2025-09-01', classId, guardians: [] });

    const again = await app.call(C, 'imports.preview', options);
    expect(again).toMatchObject({ rows: 2, valid: 1, invalid: 1, toAdd: 1 });
    expect(again.issues.filter((i) => i.severity === 'error').map((i) => [i.row, i.column, i.code])).toEqual([[3, '身份证号', 'DUPLICATE_IN_DB']]);

    // Commit refuses while a row is invalid: nothing is written.
    expect(await app.call(C, 'imports.commit', options)).toMatchObject({ batchId: null, imported: 0 });
    const list = async () => (await app.call(C, 'students.list', { page: 0, pageSize: 10, filter: {}, sort: { field: 'studentNo', dir: 'asc' } })).rows.map((r) => r.studentNo);
    expect(await list()).toEqual(['2025510201099']);
    // With skipInvalid, only 陈一.
    expect(await app.call(C, 'imports.commit', { ...options, skipInvalid: true })).toMatchObject({ imported: 1, skipped: 1 });
    expect(await list()).toEqual(['2025510201001', '2025510201099']);
  });

  it('a change request filed by the command line after the preview: the import files none of its own', async () => {
    const first = await prepared(await cleanRoster([A, B]));
    expect((await app.call(C, 'imports.commit', first)).imported).toBe(2);
    const lin = (await app.call(C, 'students.list', { page: 0, pageSize: 5, filter: { q: '林二' } })).rows[0]!;
    await app.call(C, 'students.register', { ids: [lin.id] });

    const options = { ...(await prepared(await cleanRoster([A, { ...B, name: '林贰' }]))), mode: 'update' as const, matchBy: 'idNumber' as const };
    expect(await app.call(C, 'imports.preview', options)).toMatchObject({ valid: 2, roster: { keyChanges: 1 } });

    const cli = await commandLine(COUNSELOR);
    const filed = await cli.call(CLI, 'keyChanges.request', { studentId: lin.id, changes: { name: '林弍' }, reason: '户籍更名' });

    const again = await app.call(C, 'imports.preview', options);
    expect(again.roster?.keyChanges).toBe(0);
    expect(again.issues.find((i) => i.code === 'KEY_FIELD_LOCKED')?.message).toContain(`已有待审批的变更申请（第 ${filed.id} 号）`);
    expect(await app.call(C, 'imports.commit', options)).toMatchObject({ roster: { keyChangeRequests: 0 } });
    expect((await app.call(M, 'keyChanges.list', { status: 'pending' })).map((r) => r.id)).toEqual([filed.id]);
  });
});
