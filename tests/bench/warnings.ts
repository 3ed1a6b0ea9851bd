/**
 * 学业预警 run on the benchmark's 100,000-student database (issue 15: "the warning run over 100,000
 * students under 10 s"): a plan per major and cohort with 8 courses, 8 grades per student (about a
 * tenth failed, some with a 补考), 旷课 hours and 处分 for a few thousand — written straight into the
 * database (the setup, not what is measured) — then warnings.run through the real services, twice
 * (two terms, the second compared with the first).
 */
import type { benchApp } from './bench-app';
import type { Figure } from './status-changes';

type BenchApp = ReturnType<typeof benchApp>;

function seed(app: BenchApp): { students: number; grades: number } {
  const raw = app.core.folder.raw();
  const classes = raw.prepare('SELECT id, major_id AS majorId, cohort_year AS cohortYear FROM classes').all() as { id: number; majorId: number; cohortYear: number }[];
  const students = raw.prepare('SELECT id, class_id AS classId FROM students WHERE class_id IS NOT NULL').all() as { id: number; classId: number }[];
  const plan = raw.prepare("INSERT INTO training_plans (major_id, cohort_year, version, name, created_by, created_at) VALUES (?, ?, 1, '基准方案', 'admin', '2026-01-01T00:00:00Z')");
  const course = raw.prepare("INSERT INTO plan_courses (plan_id, position, code, name, credit_tenths, hours, nature, module, assessment, term, scale) VALUES (?, ?, ?, ?, ?, 48, ?, '专业核心', '考试', 1, '百分制')");
  const grade = raw.prepare("INSERT INTO grades (student_id, course_id, course_code, attempt_no, kind, score, term, entered_by, entered_at) VALUES (?, ?, ?, ?, ?, ?, '2026-2027-1', 'admin', '2026-12-01T00:00:00Z')");
  const absence = raw.prepare("INSERT INTO absence_hours (student_id, term, hours, entered_by, entered_at) VALUES (?, '2026-2027-1', ?, 'admin', '2026-12-01T00:00:00Z')");
  const record = raw.prepare("INSERT INTO student_records (student_id, kind, title, date, created_at, updated_at) VALUES (?, 'punishment', ?, '2026-10-01', '2026-10-01', '2026-10-01')");
  let grades = 0;
  raw.transaction(() => {
    const coursesOf = new Map<string, { id: number; code: string }[]>();
    for (const c of classes) {
      const key = `${c.majorId}/${c.cohortYear}`;
      if (coursesOf.has(key)) continue;
      const planId = Number(plan.run(c.majorId, c.cohortYear).lastInsertRowid);
      coursesOf.set(key, Array.from({ length: 8 }, (_, i) => ({ id: Number(course.run(planId, i + 1, `C${i + 1}`, `课程${i + 1}`, 30, i < 6 ? '必修' : '任选').lastInsertRowid), code: `C${i + 1}` })));
    }
    const classKey = new Map(classes.map((c) => [c.id, `${c.majorId}/${c.cohortYear}`]));
    for (const [n, s] of students.entries()) {
      for (const [i, c] of coursesOf.get(classKey.get(s.classId)!)!.entries()) {
        // About one grade in ten fails; half of those get a 补考, half of which pass.
        const h = (n * 31 + i * 17) % 100;
        const fail = h < 10;
        grade.run(s.id, c.id, c.code, 1, '正考', String(fail ? 30 + h : 60 + (h % 40)));
        grades++;
        if (fail && h % 2 === 0) {
          grade.run(s.id, c.id, c.code, 2, '补考', String(h % 4 === 0 ? 75 : 40));
          grades++;
        }
      }
      if (n % 40 === 0) absence.run(s.id, (n % 7) * 6);
      if (n % 97 === 0) record.run(s.id, ['警告', '严重警告处分', '记过', '留校察看'][n % 4]!);
    }
  })();
  return { students: students.length, grades };
}

export async function benchWarnings(app: BenchApp): Promise<Figure[]> {
  const t0 = performance.now();
  const { students, grades } = seed(app);
  console.log(`  学业预警 setup: ${grades} grades of ${students} students written in ${(performance.now() - t0).toFixed(0)} ms`);
  const figures: Figure[] = [];
  for (const term of ['2026-2027-1', '2026-2027-2']) {
    const t = performance.now();
    const run = await app.call('warnings.run', { term });
    const ms = performance.now() - t;
    console.log(`  学业预警 ${term}: evaluated ${run.evaluated}, warned ${run.warned} (new ${run.changes.new}, cleared ${run.changes.cleared}) in ${ms.toFixed(0)} ms`);
    figures.push({ name: `warning run ${term} (${students} students)`, p50: ms, p95: ms, target: 10_000, unit: 'ms' });
  }
  // A school that adds a GPA line (曲阜师大-style: 橙 when GPA < 1.8) makes every student's GPA part
  // of the run: measured too, on the same grades.
  const rs = (await app.call('warnings.settings', {})).versions.at(-1)!;
  const withGpa = { ...rs, effectiveFrom: '2020-01-01', name: `${rs.name}（含绩点）`, tiers: rs.tiers.map((t, i) => (i === 1 ? { ...t, triggers: [...t.triggers, { kind: 'gpaBelow' as const, scope: 'cumulative' as const, below: '1.80' }] } : t)) };
  await app.call('warnings.saveRuleSet', withGpa);
  const t = performance.now();
  const run = await app.call('warnings.run', { term: '2026-2027-2' });
  const ms = performance.now() - t;
  console.log(`  学业预警 with a GPA line: warned ${run.warned} in ${ms.toFixed(0)} ms`);
  figures.push({ name: `warning run with a GPA line (${students} students)`, p50: ms, p95: ms, target: 10_000, unit: 'ms' });
  return figures;
}
