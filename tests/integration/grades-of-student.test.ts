/**
 * grades.ofStudent (the profile's 成绩 tab): a student's courses with every recorded attempt, in
 * transcript order, with the plan's credits, nature and scale; read by grades.read only.
 */
import { afterEach, beforeEach, expect, it } from 'vitest';
import type { CallInput } from '../../shared/ipc/contract';
import { COUNSELOR, makeApp, type TestApp } from '../support/harness';
import { makeId } from '../support/roster-fixtures';

let app: TestApp;
const A = 'admin-client';
const CLERK = { username: 'sun', displayName: '孙老师', role: 'clerk', password: 'Clerk12345xy' } as const;
const VIEWER = { username: 'li', displayName: '李老师', role: 'viewer', password: 'Viewer12345xy' } as const;
type CourseIn = CallInput<'plans.save'>['courses'][number];
const course = (code: string, name: string, credits: string, over: Partial<CourseIn> = {}): CourseIn => ({
  code, name, nameEn: '', credits, hours: 32, nature: '必修', module: '专业核心', assessment: '考试', term: 1, scale: '百分制', countsTowardGpa: true, ...over,
});

let classId: number;
let studentId: number;
beforeEach(async () => {
  app = makeApp();
  await app.setup();
  await app.addStaff();
  await app.addUser(CLERK, 'clerk');
  await app.addUser(VIEWER, 'viewer');
  const majorId = (await app.call(A, 'org.createMajor', { code: '510201', name: '计算机应用技术', level: '专科', lengthYears: '3', studyForm: '普通全日制' })).id;
  classId = (await app.call(A, 'org.createClass', { name: '计算机2601班', majorId, cohortYear: 2026 })).id;
  studentId = (await app.call(A, 'students.create', { studentNo: '2026510201001', name: '张三', gender: '1', birthDate: '2007-05-01', idNumber: makeId('110105', '20070501', '013'), enrolmentDate: '2026-09-01', classId, guardians: [] })).id;
});
afterEach(() => app?.remove());

it('lists each course once with all its attempts, by the term first taken', async () => {
  const plan = await app.call('clerk', 'plans.save', {
    majorId: (await app.call(A, 'org.tree', {})).majors[0]!.id, cohortYear: 2026, name: '方案',
    courses: [course('MATH101', '高等数学', '4'), course('CS101', '程序设计基础', '2.5', { term: 2, nature: '限选' }), course('ENG101', '大学英语', '2', { scale: '五级制' })],
  });
  const id = (code: string) => plan.courses.find((c) => c.code === code)!.id;
  const save = (code: string, term: string, entry: Omit<CallInput<'grades.save'>['entries'][number], 'studentId'>) =>
    app.call('clerk', 'grades.save', { courseId: id(code), classId, term, entries: [{ studentId, ...entry }] });
  await save('CS101', '2026-2027-2', { attempt: '正考', score: '45' });
  await save('CS101', '2027-2028-1', { attempt: '补考', score: '66' });
  await save('MATH101', '2026-2027-1', { attempt: '正考', score: '', absent: true });
  await save('ENG101', '2026-2027-1', { attempt: '正考', score: '良好' });

  const r = await app.call(COUNSELOR.client, 'grades.ofStudent', { studentId });
  expect(r.courses.map((c) => [c.code, c.name, c.credits, c.nature, c.scale, c.first])).toEqual([
    ['ENG101', '大学英语', '2', '必修', '五级制', '2026-2027-1'],
    ['MATH101', '高等数学', '4', '必修', '百分制', '2026-2027-1'],
    ['CS101', '程序设计基础', '2.5', '限选', '百分制', '2026-2027-2'],
  ]);
  expect(r.courses[2]!.attempts.map((a) => [a.attemptNo, a.kind, a.score, a.term, a.enteredBy])).toEqual([
    [1, '正考', '45', '2026-2027-2', 'sun'],
    [2, '补考', '66', '2027-2028-1', 'sun'],
  ]);
  expect(r.courses[1]!.attempts[0]).toMatchObject({ kind: '正考', score: null, absent: true, void: false });

  expect((await app.fails('viewer', 'grades.ofStudent', { studentId })).code).toBe('FORBIDDEN');
  expect((await app.fails(COUNSELOR.client, 'grades.ofStudent', { studentId: 9999 })).code).toBe('NOT_FOUND');
  expect((await app.call(COUNSELOR.client, 'grades.ofStudent', { studentId })).studentId).toBe(studentId);
});
