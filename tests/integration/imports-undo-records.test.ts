/**
 * A roster import whose new students have since got grades can no longer be undone: the grades are
 * kept (they never go with a student), so the batch says why instead of failing on the way.
 */
import { afterEach, beforeEach, expect, it } from 'vitest';
import { COUNSELOR, makeApp, type TestApp } from '../support/harness';
import { CLASS_NAME, MAJOR, cleanRoster, numberedStudents } from '../support/roster-fixtures';

let app: TestApp;
const A = 'admin-client';
const C = COUNSELOR.client;
let majorId = 0;
let classId = 0;

beforeEach(async () => {
  app = makeApp();
  await app.setup();
  await app.addStaff();
  majorId = (await app.call(C, 'org.createMajor', { ...MAJOR })).id;
  classId = (await app.call(C, 'org.createClass', { name: CLASS_NAME, majorId, cohortYear: 2025 })).id;
});
afterEach(() => app?.remove());

it('refuses to undo a batch whose new student has grades, naming the student; a batch without any undoes', async () => {
  const importRoster = async (students: ReturnType<typeof numberedStudents>, name: string) => {
    const opened = await app.call(C, 'imports.open', app.upload(C, name, await cleanRoster(students)));
    const sheet = opened.sheets[0]!.name;
    const { mapping } = await app.call(C, 'imports.inspect', { uploadId: opened.uploadId, sheet });
    return app.call(C, 'imports.commit', { uploadId: opened.uploadId, sheet, mapping });
  };
  const first = await importRoster(numberedStudents(3, '20255102', '甲'), '甲.xlsx');
  const second = await importRoster(numberedStudents(2, '20255103', '乙', 10), '乙.xlsx');
  const plan = await app.call(A, 'plans.save', {
    majorId, cohortYear: 2025, name: '2025级方案',
    courses: [{ code: 'MATH101', name: '高等数学', nameEn: '', credits: '4', hours: 64, nature: '必修', module: '公共基础', assessment: '考试', term: 1, scale: '百分制', countsTowardGpa: true }],
  });
  const someone = (await app.call(A, 'students.list', { page: 0, pageSize: 1, filter: { q: '20255102' } })).rows[0]!;
  await app.call(A, 'grades.save', { courseId: plan.courses[0]!.id, classId, term: '2025-2026-1', entries: [{ studentId: someone.id, attempt: '正考', score: '88' }] });

  const batches = await app.call(C, 'imports.batches', {});
  const blocked = batches.find((b) => b.id === first.batchId)!;
  expect(blocked).toMatchObject({ undoable: false, undoBlockedReason: expect.stringContaining('在导入后已有成绩，不能撤销此批次') });
  expect(blocked.undoBlockedReason).toContain(someone.name);
  expect(await app.fails(C, 'imports.undo', { id: first.batchId! })).toMatchObject({ code: 'CONFLICT', message: blocked.undoBlockedReason });
  expect((await app.call(A, 'grades.gpa', { studentId: someone.id })).gpaText).toBe('3.80');

  expect(batches.find((b) => b.id === second.batchId)).toMatchObject({ undoable: true });
  expect(await app.call(C, 'imports.undo', { id: second.batchId! })).toMatchObject({ removed: 2 });
});
