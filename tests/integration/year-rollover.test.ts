/**
 * 学年升级 (issue 14): preview per class, one transaction that moves the department into the next
 * 学年 and marks the cohorts in their last year, in the trail as one batch with an entry per student,
 * undoable the same day only.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ADMIN, COUNSELOR, makeApp, type TestApp } from '../support/harness';
import { makeId } from '../support/roster-fixtures';

let app: TestApp;
const A = 'admin-client';
const DAY = 24 * 3600_000;
const ids: Record<string, number> = {};

async function later(ms: number) {
  app.advance(ms);
  await app.raw(A, 'auth.unlock', { password: ADMIN.password });
  await app.raw(COUNSELOR.client, 'auth.unlock', { password: COUNSELOR.password });
}

beforeEach(async () => {
  app = makeApp(); // 2026-09-01: set up in the 2026-2027学年
  await app.setup();
  await app.addStaff();
  const major = await app.call(A, 'org.createMajor', { code: '510201', name: '计算机应用技术', level: '专科', lengthYears: '3', studyForm: '普通全日制' });
  let seq = 99; // odd sequences: men (第 17 位)
  for (const cohort of [2024, 2025, 2026]) {
    const cls = await app.call(A, 'org.createClass', { name: `计算机${String(cohort).slice(2)}01班`, majorId: major.id, cohortYear: cohort });
    for (const n of [1, 2]) {
      const name = `学生${cohort}${n}`;
      const s = await app.call(A, 'students.create', { studentNo: `${cohort}51020100${n}`, name, gender: '1', birthDate: '2006-05-01', idNumber: makeId('110105', '20060501', String((seq += 2))), enrolmentDate: `${cohort}-09-01`, classId: cls.id, guardians: [] });
      ids[name] = s.id;
    }
  }
  // A 2025级 student on 休学 does not advance (nor is marked): they rejoin a later cohort on 复学.
  app.core.folder.db().$client.prepare("UPDATE students SET status = 'suspended' WHERE id = ?").run(ids['学生20252']);
});
afterEach(() => app?.remove());

describe('学年升级', () => {
  it('previews per class, applies in one go, marks the last-year cohort, and is in the trail per student', async () => {
    await later(334 * DAY); // 2027-08-01
    const preview = await app.call(A, 'yearRollover.preview', {});
    expect(preview).toMatchObject({ fromYear: 2026, toYear: 2027, fromLabel: '2026-2027学年', toLabel: '2027-2028学年', effectiveOn: '2027-08-01', last: null });
    expect(preview.lines.map((l) => [l.className, l.students, l.fromStudyYear, l.toStudyYear, l.graduating, l.beyond])).toEqual([
      ['计算机2401班', 2, 3, 4, false, true],
      ['计算机2501班', 1, 2, 3, true, false],
      ['计算机2601班', 2, 1, 2, false, false],
    ]);
    expect(preview.totals).toEqual({ students: 5, graduating: 1, withoutClass: 0 });
    expect((await app.fails(COUNSELOR.client, 'yearRollover.preview', {})).code).toBe('FORBIDDEN');

    const done = await app.call(A, 'yearRollover.apply', { effectiveOn: '2027-08-01', fromYear: 2026 });
    expect(done).toMatchObject({ toYear: 2027, students: 5, graduating: 1 });
    // Applied once: the same preview confirmed again (another window) is refused.
    expect((await app.fails(A, 'yearRollover.apply', { effectiveOn: '2027-08-01', fromYear: 2026 })).code).toBe('CONFLICT');
    const graduating = app.core.folder.db().$client.prepare('SELECT name FROM students WHERE graduating = 1').all();
    expect(graduating).toEqual([{ name: '学生20251' }]);
    const after = await app.call(A, 'yearRollover.preview', {});
    expect(after).toMatchObject({ fromYear: 2027, toYear: 2028, last: { id: done.id, canUndo: true } });

    const trail = await app.call(A, 'audit.list', { page: 0, pageSize: 50, action: 'yearRollover.apply' });
    const batch = trail.rows.find((r) => r.action === 'yearRollover.apply' && r.entity === 'students')!;
    expect(batch.summary).toBe('学年升级：2026-2027学年 → 2027-2028学年（2027-08-01 起），在籍在校 5 人升入下一年级，1 人标记为毕业年级');
    const history = await app.call(A, 'students.history', { id: ids['学生20251']! });
    expect(history.map((h) => h.summary)).toContain('学年升级：学生20251（2025510201001）二年级 → 三年级，毕业年级');
    expect((await app.call(A, 'students.history', { id: ids['学生20252']! })).some((h) => h.action === 'yearRollover.apply')).toBe(false);
    expect((await app.call(A, 'audit.verify', {})).ok).toBe(true);
  });

  it('is undone the same day only, and only the latest', async () => {
    await later(334 * DAY);
    const done = await app.call(A, 'yearRollover.apply', { effectiveOn: '2027-08-01', fromYear: 2026 });
    const undone = await app.call(A, 'yearRollover.undo', { id: done.id });
    expect(undone).toMatchObject({ toYear: 2026, graduating: 1 });
    expect(app.core.folder.db().$client.prepare('SELECT count(*) AS n FROM students WHERE graduating = 1').get()).toEqual({ n: 0 });
    expect((await app.call(A, 'yearRollover.preview', {})).fromYear).toBe(2026);
    expect((await app.fails(A, 'yearRollover.undo', { id: done.id })).code).toBe('CONFLICT');

    const again = await app.call(A, 'yearRollover.apply', { effectiveOn: '2027-08-01', fromYear: 2026 });
    await later(DAY);
    const late = await app.fails(A, 'yearRollover.undo', { id: again.id });
    expect(late.message).toContain('只能在当天撤销');
    expect((await app.call(A, 'yearRollover.preview', {})).last).toMatchObject({ id: again.id, canUndo: false });
  });

  it('refuses a day outside the next 学年, and a day still to come', async () => {
    const r = await app.fails(A, 'yearRollover.apply', { effectiveOn: '2026-09-01', fromYear: 2026 });
    expect(r).toMatchObject({ code: 'VALIDATION', field: 'effectiveOn' });
    // 2026-09-01: the preview proposes 2027-08-01, which cannot be confirmed yet.
    const early = await app.fails(A, 'yearRollover.apply', { effectiveOn: '2027-08-01', fromYear: 2026 });
    expect(early.message).toContain('还没到');
  });

  it('毕业年级 follows the class: lost on leaving 在籍在校, taken on 复学 into a graduating class', async () => {
    await later(334 * DAY);
    await app.call(A, 'yearRollover.apply', { effectiveOn: '2027-08-01', fromYear: 2026 });
    const graduating = () => (app.core.folder.db().$client.prepare('SELECT name FROM students WHERE graduating = 1 ORDER BY name').pluck().all());
    expect(graduating()).toEqual(['学生20251']);
    // The 2025级 student on 休学 comes back into the 2025 class (the admin records both steps on paper).
    const chain = [{ label: '教务处审核', role: null }];
    await app.call(A, 'statusChanges.saveChain', { type: 'resume', steps: chain });
    await app.call(A, 'students.register', { ids: [ids['学生20252']!] });
    const back = await app.call(A, 'statusChanges.file', { studentId: ids['学生20252']!, type: 'resume', data: { reason: '复学', effectiveDate: '2027-08-01', term: '2027-2028-1', targetClassId: app.core.folder.db().$client.prepare("SELECT class_id FROM students WHERE name = '学生20251'").pluck().get() as number } });
    await app.call(A, 'statusChanges.attach', { id: back.id, kind: '复学申请书', ...app.upload(A, '复学申请书.pdf', Buffer.from('%PDF-1.4')) });
    await app.call(A, 'statusChanges.decide', { id: back.id, stepIndex: 0, approve: true, paper: { deciderName: '孙教务', deciderPost: '教务处处长', decidedOn: '2027-08-01' } });
    expect(graduating()).toEqual(['学生20251', '学生20252']);
  });
});
