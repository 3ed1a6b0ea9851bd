/**
 * 学籍异动 on the benchmark's 100,000-student database (issue 14): 20,000 orders in every state with
 * their timelines, then — through the real services — the 待办 list and an order's timeline (p95 <
 * 50 ms), the final approval that applies an order (< 50 ms), and 学年升级 of every student against
 * a bare UPDATE of the same rows plus the same number of audit entries, in the same run (≤ 2×).
 */
import { auditAppender } from '../../db/queries/audit';
import { DEFAULT_CHAINS } from '../../shared/domain/status-changes/chains';
import { BENCH_USER, type benchApp } from './bench-app';

type BenchApp = ReturnType<typeof benchApp>;
export interface Figure {
  name: string;
  p50: number;
  p95: number;
  target: number;
  unit: string;
}

function pct(samples: number[], p: number) {
  const s = [...samples].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))]!;
}
async function timed(runs: number, fn: (i: number) => Promise<unknown>) {
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    await fn(i);
    samples.push(performance.now() - t);
  }
  return { p50: pct(samples, 50), p95: pct(samples, 95) };
}

/** 20,000 orders written straight into the database (the setup, not what is measured). */
function seedOrders(app: BenchApp, count: number): number[] {
  const raw = app.core.folder.raw();
  const students = raw.prepare("SELECT id, status, class_id AS classId FROM students WHERE status = 'enrolled' ORDER BY id").all() as { id: number; classId: number | null }[];
  const chain = JSON.stringify(DEFAULT_CHAINS.suspend);
  const insert = raw.prepare(`INSERT INTO status_changes (student_id, type, state, step_index, step_role, chain, data, from_status, to_status, from_class_id, step_since, filed_by, filed_at, closed_at)
    VALUES (?, 'suspend', ?, ?, ?, ?, ?, 'enrolled', 'suspended', ?, ?, 'admin', ?, ?)`);
  const event = raw.prepare(`INSERT INTO status_change_events (change_id, kind, step_index, step_label, via, actor, decided_on, opinion, at) VALUES (?, ?, ?, ?, 'app', 'admin', ?, ?, ?)`);
  const pendingIds: number[] = [];
  const day = (i: number) => new Date(Date.UTC(2026, 0, 1) + (i % 330) * 86_400_000).toISOString();
  raw.transaction(() => {
    for (let i = 0; i < count; i++) {
      const s = students[(i * 7919) % students.length]!;
      // Open orders (pending, returned) are at most one per student: the first students get them.
      const kind = i % 10;
      const state = kind < 6 ? 'approved' : kind < 8 ? 'pending' : kind < 9 ? 'returned' : 'withdrawn';
      // An open order's student is students[i]: no two open orders share one.
      const sid = state === 'pending' || state === 'returned' ? students[i]!.id : s.id;
      const step = state === 'pending' ? i % 2 : 0;
      const at = day(i);
      const data = JSON.stringify({ reason: '因病休学', effectiveDate: at.slice(0, 10), term: '2025-2026-2', expectedEnd: '2027-08-31' });
      const id = Number(insert.run(sid, state, step, state === 'pending' ? (step === 0 ? 'manager' : null) : null, chain, data, s.classId, at, at, state === 'approved' || state === 'withdrawn' ? at : null).lastInsertRowid);
      event.run(id, 'filed', null, null, at.slice(0, 10), '因病休学', at);
      if (state !== 'returned' && (state === 'approved' || step === 1)) event.run(id, 'approved', 0, '院系负责人审批', at.slice(0, 10), '同意', at);
      if (state === 'approved') {
        event.run(id, 'approved', 1, '教务处审核', at.slice(0, 10), '同意', at);
        event.run(id, 'applied', null, null, null, null, at);
      }
      if (state === 'returned') event.run(id, 'rejected', 0, '院系负责人审批', at.slice(0, 10), '请补充材料', at);
      if (state === 'pending') pendingIds.push(id);
    }
  })();
  return pendingIds;
}

export async function benchStatusChanges(app: BenchApp, orders: number): Promise<Figure[]> {
  if (orders <= 0) return [];
  const { call } = app;
  const figures: Figure[] = [];
  const raw = app.core.folder.raw();
  let t = performance.now();
  const pending = seedOrders(app, orders);
  console.log(`  seed ${orders} 学籍异动 orders with their timelines: ${(performance.now() - t).toFixed(0)} ms (${pending.length} pending)`);

  const todo = await timed(30, () => call('statusChanges.todo', {}));
  figures.push({ name: '学籍异动: 待办 list', ...todo, target: 50, unit: 'ms' });
  const ids = raw.prepare('SELECT id FROM status_changes ORDER BY random() LIMIT 60').pluck().all() as number[];
  const timeline = await timed(ids.length, (i) => call('statusChanges.get', { id: ids[i]! }));
  figures.push({ name: '学籍异动: an order with its timeline', ...timeline, target: 50, unit: 'ms' });
  const list = await timed(20, (i) => call('statusChanges.list', { page: i, pageSize: 50, states: ['pending'] }));
  figures.push({ name: '学籍异动: list page (pending)', ...list, target: 50, unit: 'ms' });

  // The final approval: real orders through the engine on registered students, decided at the last step.
  const free = raw.prepare("SELECT id FROM students WHERE status = 'enrolled' AND id NOT IN (SELECT student_id FROM status_changes) ORDER BY id DESC LIMIT 30").pluck().all() as number[];
  await call('students.register', { ids: free });
  // The admin files and records both steps: as paper-only steps (the filer may not enter a step that has a role in the app).
  await call('statusChanges.saveChain', { type: 'suspend', steps: [{ label: '院系负责人审批', role: null }, { label: '教务处审核', role: null }] });
  const today = new Date();
  const paper = { deciderName: '孙教务', deciderPost: '教务处处长', decidedOn: `${today.getFullYear()}-${String(today.getMonth() + 1).padStart(2, '0')}-${String(today.getDate()).padStart(2, '0')}` };
  const last: number[] = [];
  for (const studentId of free) {
    const o = await call('statusChanges.file', { studentId, type: 'suspend', data: { reason: '因病休学一年', effectiveDate: '2026-09-07', term: '2026-2027-1', expectedEnd: '2027-09-06' } });
    await call('statusChanges.decide', { id: o.id, stepIndex: 0, approve: true, paper });
    await call('statusChanges.attach', { id: o.id, kind: '休学申请书', ...app.upload('申请书.pdf', Buffer.from('%PDF-1.4 申请书')) });
    last.push(o.id);
  }
  const apply = await timed(last.length, (i) => call('statusChanges.decide', { id: last[i]!, stepIndex: 1, approve: true, paper }));
  figures.push({ name: '学籍异动: final approval (applies)', ...apply, target: 50, unit: 'ms' });

  // 学年升级 against the least any roll-over of these rows can take: one UPDATE of the same students
  // and as many audit entries, in one transaction (rolled back, so the roll-over finds them as they were).
  const preview = await call('yearRollover.preview', {});
  const rows = preview.totals.students;
  // On the day it takes effect (1 August next), signed in again after the clock's jump.
  app.setDay(preview.effectiveOn);
  await call('auth.unlock', { password: BENCH_USER.password });
  const db = app.core.folder.db();
  t = performance.now();
  try {
    raw.transaction(() => {
      raw.prepare("UPDATE students SET graduating = graduating WHERE status = 'enrolled' AND class_id IS NOT NULL").run();
      const audit = auditAppender(db, new Date());
      const who = raw.prepare("SELECT id, name, student_no AS studentNo FROM students WHERE status = 'enrolled' AND class_id IS NOT NULL").all() as { id: number; name: string; studentNo: string }[];
      const batch = audit.add({ userId: 1, username: 'admin', action: 'bench', entity: 'students', entityId: null, summary: 'bench' });
      for (const s of who) audit.add({ userId: 1, username: 'admin', action: 'bench', entity: 'student', entityId: s.id, parentId: batch.id, summary: `学年升级：${s.name}（${s.studentNo}）二年级 → 三年级`, changes: [{ field: 'studyYear', before: 2, after: 3 }] });
      audit.finish();
      throw new Error('rollback');
    })();
  } catch (e) {
    if ((e as Error).message !== 'rollback') throw e;
  }
  const bareMs = performance.now() - t;
  t = performance.now();
  const done = await call('yearRollover.apply', { effectiveOn: preview.effectiveOn, fromYear: preview.fromYear });
  const rollMs = performance.now() - t;
  console.log(`  学年升级 of ${done.students} students (${done.graduating} marked 毕业年级): ${rollMs.toFixed(0)} ms vs bare UPDATE + ${rows} audit entries ${bareMs.toFixed(0)} ms: ${(rollMs / bareMs).toFixed(2)}× (target ≤ 2×)`);
  figures.push({ name: `学年升级 of ${done.students} students`, p50: rollMs, p95: rollMs, target: 2 * bareMs, unit: 'ms' });
  await call('yearRollover.undo', { id: done.id });
  app.setDay(new Date().toISOString().slice(0, 10));
  await call('auth.unlock', { password: BENCH_USER.password });
  return figures;
}
