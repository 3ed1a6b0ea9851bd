/**
 * Demo data shows the 待办 reminders: its 休学 students carry a 预计复学日期 relative to the day the
 * demo is loaded, some overdue and some within the next 30 days, so a fresh demo has 到期 items.
 */
import { afterEach, expect, it } from 'vitest';
import { generateDemoOrganisation, generateDemoStudents } from '../../shared/domain/demo';
import { COUNSELOR, makeApp, type TestApp } from '../support/harness';

let app: TestApp;
afterEach(() => app?.remove());

it('a 300-student demo loaded on 2026-09-01 lists its overdue and soon-ending 休学 students in 待办', async () => {
  app = makeApp(); // 2026-09-01 08:00Z
  await app.setup();
  await app.addStaff();
  await app.call('admin-client', 'setup.loadDemo', { students: 300 });
  const rows = app.core.folder.db().$client
    .prepare("SELECT name, status, status_until AS until FROM students WHERE status_until IS NOT NULL OR status = 'suspended' ORDER BY until")
    .all() as { name: string; status: string; until: string | null }[];
  // The same seed the handler uses by default: the stored dates are the generator's offsets from the load day.
  const org = generateDemoOrganisation(20261122);
  const expected = generateDemoStudents(20261122, 300, org).filter((s) => s.status === 'suspended');
  expect(rows.length).toBe(expected.length);
  expect(rows.every((r) => r.status === 'suspended' && r.until !== null)).toBe(true);

  const todo = await app.call(COUNSELOR.client, 'statusChanges.todo', {});
  const dueSoon = rows.filter((r) => r.until! <= '2026-10-01');
  expect(dueSoon.length).toBeGreaterThan(1);
  const key = (name: string, until: string) => `${until} ${name}`;
  expect(todo.ending.map((e) => key(e.studentName, e.until)).sort()).toEqual(dueSoon.map((r) => key(r.name, r.until!)).sort());
  expect(todo.ending.some((e) => e.daysLeft < 0)).toBe(true);
  expect(todo.ending.some((e) => e.daysLeft >= 0 && e.daysLeft <= 30)).toBe(true);
  expect(todo.ending.every((e) => e.status === 'suspended' && e.next.includes('resume'))).toBe(true);
});
