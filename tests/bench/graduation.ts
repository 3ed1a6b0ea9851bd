/**
 * 毕业资格审核 speed (issue 16 "Speed": the audit of a 5,000-student cohort under 5 s), in a data
 * folder of its own: BENCH_GRADUATION students (default 5,000) in 100 classes of one major's 2023
 * cohort, a plan of 40 courses (30 必修, 10 任选), 40 grades each (about one in twenty failed, half
 * of those with a 补考), a 体质健康 score for most — written with bare SQL (the setup, not what is
 * measured) — then graduation.audit through the real services, twice (the second run replaces the
 * first's results), and graduation.results for the cohort.
 * Called by run.ts; also runs alone: `npx tsx tests/bench/graduation.ts`.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { benchApp, BENCH_DEPARTMENT } from './bench-app';
import type { TranscriptFigure } from './transcripts';

export async function benchGraduation(n = Number(process.env.BENCH_GRADUATION ?? 5000)): Promise<TranscriptFigure[]> {
  const dir = mkdtempSync(join(tmpdir(), 'xueji-bench-graduation-'));
  const app = benchApp(dir, 'bench-graduation');
  const { call, core } = app;
  try {
    await call('setup.create', BENCH_DEPARTMENT);
    let t = performance.now();
    await call('setup.loadDemo', { students: n });
    const major = (await call('org.tree', {})).majors[0]!;
    const classes: number[] = [];
    for (let i = 0; i < Math.ceil(n / 50); i++) classes.push((await call('org.createClass', { name: `毕业基准${String(i + 1).padStart(3, '0')}班`, majorId: major.id, cohortYear: 2023 })).id);
    const courses = Array.from({ length: 40 }, (_, i) => ({
      code: `G${String(i + 1).padStart(3, '0')}`, name: `课程${i + 1}`, nameEn: '', credits: i % 4 ? '3' : '2.5', hours: 48, nature: i < 30 ? ('必修' as const) : ('任选' as const),
      module: ['公共基础', '专业基础', '专业核心', '实践'][i % 4]!, assessment: '考试' as const, term: Math.floor(i / 7) + 1, scale: '百分制' as const, countsTowardGpa: true,
    }));
    const plan = await call('plans.save', { majorId: major.id, cohortYear: 2023, name: '毕业基准方案', courses });
    const raw = core.folder.raw();
    const ids = raw.prepare('SELECT id FROM students ORDER BY id LIMIT ?').pluck().all(n) as number[];
    const move = raw.prepare("UPDATE students SET class_id = ?, status = 'enrolled', enrolment_date = '2023-09-01' WHERE id = ?");
    const history = raw.prepare("INSERT INTO class_history (student_id, class_id, class_name, from_date, created_by) VALUES (?, ?, '', '2023-09-01', 'admin')");
    const grade = raw.prepare("INSERT INTO grades (student_id, course_id, course_code, attempt_no, kind, score, absent, void, term, entered_by, entered_at) VALUES (?,?,?,?,?,?,0,0,?,'admin','2026-01-01T00:00:00Z')");
    const fitness = raw.prepare("INSERT INTO fitness_scores (student_id, school_year, score, entered_by, entered_at) VALUES (?, 2025, ?, 'admin', '2026-06-01')");
    let grades = 0;
    raw.transaction(() => {
      raw.prepare('DELETE FROM class_history WHERE student_id IN (SELECT value FROM json_each(?))').run(JSON.stringify(ids));
      ids.forEach((sid, s) => {
        const cls = classes[Math.floor(s / 50)]!;
        move.run(cls, sid);
        history.run(sid, cls);
        plan.courses.forEach((c, i) => {
          const y = 2023 + Math.floor((c.term - 1) / 2);
          const term = `${y}-${y + 1}-${((c.term - 1) % 2) + 1}`;
          const h = (s * 31 + i * 17) % 100;
          grade.run(sid, c.id, c.code, 1, '正考', String(h < 5 ? 30 + h : 60 + (h % 40)), term);
          grades++;
          if (h < 5 && h % 2 === 0) (grade.run(sid, c.id, c.code, 2, '补考', String(h === 0 ? 75 : 40), `${y}-${y + 1}-2`), grades++);
        });
        if (s % 25) fitness.run(sid, 50 + (s % 50));
      });
    })();
    console.log(`  毕业审核 setup: ${ids.length} students, ${grades} grades in ${(performance.now() - t).toFixed(0)} ms`);

    const figures: TranscriptFigure[] = [];
    for (const label of ['first', 'again']) {
      t = performance.now();
      const r = await call('graduation.audit', { cohortYear: 2023, jobId: `grad-${label}` });
      const ms = performance.now() - t;
      console.log(`  毕业审核 ${label}: ${r.audited} students (毕业 ${r.graduated}, 结业 ${r.completed}, 延长学习年限 ${r.extended}) in ${ms.toFixed(0)} ms`);
      figures.push({ name: `graduation audit ${label} (${r.audited})`, p50: ms, p95: ms, target: 5000, unit: 'ms' });
    }
    t = performance.now();
    const res = await call('graduation.results', { cohortYear: 2023 });
    const ms = performance.now() - t;
    console.log(`  毕业审核 results of ${res.rows.length} students: ${ms.toFixed(0)} ms`);
    figures.push({ name: `graduation results (${res.rows.length})`, p50: ms, p95: ms, target: 1000, unit: 'ms' });
    return figures;
  } finally {
    core.folder.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  void benchGraduation().then((f) => {
    for (const r of f) console.log(`  ${r.name.padEnd(40)} ${r.p95.toFixed(0).padStart(7)} ms   < ${r.target} ${r.p95 <= r.target ? 'ok' : 'SLOW'}`);
  });
}
