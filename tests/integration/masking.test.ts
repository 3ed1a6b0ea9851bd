/**
 * A masked ID number must not be rebuildable (issue 13 #3): its masked digits are the birth date,
 * so wherever a role sees the ID masked it sees the birth year only, and no call — list, profile,
 * history, change requests, search, sort, the duplicate check — gives the hidden digits back.
 * Roles with students.identity.read keep seeing everything.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { COUNSELOR, MANAGER, makeApp, type TestApp } from '../support/harness';
import { makeId } from '../support/roster-fixtures';

let app: TestApp;
const C = COUNSELOR.client;
const M = MANAGER.client;
const V = 'viewer-client';
const BIRTH = '2005-02-25';
const ID = makeId('630102', '20050225', '735');
const NEW_BIRTH = '2005-03-26';
let studentId = 0;

beforeEach(async () => {
  app = makeApp();
  await app.setup();
  await app.addStaff();
  await app.addUser({ username: 'sun', displayName: '孙老师', role: 'viewer', password: 'Viewer123456' }, V);
  const major = await app.call(C, 'org.createMajor', { code: '510201', name: '计算机应用技术', level: '专科', lengthYears: '3', studyForm: '普通全日制' });
  const cls = await app.call(C, 'org.createClass', { name: '计算机应用2501班', majorId: major.id, cohortYear: 2025 });
  const s = await app.call(C, 'students.create', {
    studentNo: '2025510201001', name: '马青', gender: '1', birthDate: BIRTH, idNumber: ID, enrolmentDate: '2025-09-01', classId: cls.id, guardians: [],
  });
  studentId = s.id;
  await app.call(C, 'students.register', { ids: [s.id] });
  // A pending change of the birth date (and so of the ID number's middle digits).
  await app.call(C, 'keyChanges.request', { studentId: s.id, changes: { birthDate: NEW_BIRTH, idNumber: makeId('630102', '20050326', '735') }, reason: '户籍信息更正' });
});
afterEach(() => app?.remove());

/** Everything a role is shown about the student, as one text. */
async function everythingShownTo(client: string): Promise<string> {
  const shown = [
    await app.call(client, 'students.list', { page: 0, pageSize: 50, filter: {} }),
    await app.call(client, 'students.get', { id: studentId }),
    await app.call(client, 'students.history', { id: studentId }),
    await app.call(client, 'keyChanges.list', {}),
  ];
  return JSON.stringify(shown);
}

describe('masked ID numbers stay masked', () => {
  it('a role without identity access sees the birth year only, everywhere the ID is masked', async () => {
    const list = await app.call(V, 'students.list', { page: 0, pageSize: 50, filter: {} });
    expect(list.masked).toBe(true);
    expect(list.rows[0]).toMatchObject({ idNumber: '630102********' + ID.slice(14), birthDate: '2005-**-**' });
    expect((await app.call(V, 'students.get', { id: studentId })).birthDate).toBe('2005-**-**');
    const request = (await app.call(V, 'keyChanges.list', {}))[0]!;
    expect(request.changes.find((c) => c.field === 'birthDate')).toMatchObject({ before: '2005-**-**', after: '2005-**-**' });

    const text = await everythingShownTo(V);
    for (const hidden of ['20050225', '0225', '02-25', '20050326', '0326', '03-26']) expect(text).not.toContain(hidden);
  });

  it('a role without identity access cannot probe the hidden digits by search, sort or the duplicate check', async () => {
    for (const digits of ['20050225', '0225735', ID]) {
      expect((await app.call(C, 'students.list', { page: 0, pageSize: 50, filter: { q: digits } })).total).toBe(1);
      expect((await app.call(V, 'students.list', { page: 0, pageSize: 50, filter: { q: digits } })).total).toBe(0);
      expect((await app.call(V, 'students.ids', { filter: { q: digits } })).total).toBe(0);
    }
    // 学号 and 考生号 digits still find the student.
    expect((await app.call(V, 'students.list', { page: 0, pageSize: 50, filter: { q: '2025510201001' } })).total).toBe(1);

    const sorted = await app.fails(V, 'students.list', { page: 0, pageSize: 50, filter: {}, sort: { field: 'birthDate', dir: 'asc' } });
    expect(sorted).toMatchObject({ code: 'FORBIDDEN', message: '您的角色只能看到出生年份，不能按出生日期排序' });
    const probe = await app.fails(V, 'students.duplicates', { name: '马青', birthDate: BIRTH, idNumber: ID });
    expect(probe.code).toBe('FORBIDDEN');
  });

  it('roles with identity access see the full values', async () => {
    for (const client of [C, M, 'admin-client']) {
      const list = await app.call(client, 'students.list', { page: 0, pageSize: 50, filter: {}, sort: { field: 'birthDate', dir: 'asc' } });
      expect(list.masked).toBe(false);
      expect(list.rows[0]).toMatchObject({ idNumber: ID, birthDate: BIRTH });
      expect(await everythingShownTo(client)).toContain(NEW_BIRTH);
    }
  });
});
