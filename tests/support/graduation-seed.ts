/**
 * Graduation outcomes for tests of what follows them (certificates): a graduation_audits row per
 * student as the audit would leave it (migration 0024), with an optional override. The audit
 * itself is tested with its own feature.
 */
import type { Db } from '../../db/client';

export interface SeededOutcome {
  studentId: number;
  cohortYear: number;
  outcome: '毕业' | '结业' | '延长学习年限';
  override?: { outcome: '毕业' | '结业' | '延长学习年限'; reason: string };
}

export function seedOutcomes(db: Db, rows: readonly SeededOutcome[], at = '2026-06-20T08:00:00.000Z'): void {
  const ins = db.$client.prepare(
    `INSERT INTO graduation_audits (student_id, cohort_year, outcome, deficiencies, checks, audited_by, audited_at, override_outcome, override_reason, override_by, override_at)
     VALUES (?, ?, ?, ?, '[]', 'admin', ?, ?, ?, ?, ?)
     ON CONFLICT (student_id) DO UPDATE SET outcome = excluded.outcome, deficiencies = excluded.deficiencies, audited_at = excluded.audited_at,
       override_outcome = excluded.override_outcome, override_reason = excluded.override_reason, override_by = excluded.override_by, override_at = excluded.override_at`,
  );
  for (const r of rows)
    ins.run(r.studentId, r.cohortYear, r.outcome, JSON.stringify(r.outcome === '结业' ? ['专业核心课 还差 4 学分'] : []), at, r.override?.outcome ?? null, r.override?.reason ?? null, r.override ? 'admin' : null, r.override ? at : null);
}
