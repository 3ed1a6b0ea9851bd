import { inArray } from 'drizzle-orm';
import type { Db } from '../client';
import { graduationAudits, type GraduationOutcome } from '../schema';

export interface EffectiveOutcome {
  studentId: number;
  /** The override when the office set one, otherwise what the rules gave. */
  outcome: GraduationOutcome;
  overridden: boolean;
  auditedAt: string;
}

/**
 * The graduation outcome that certificates follow, per student audited (students never audited
 * are absent from the map): 毕业 and 结业 get a 学历证书 number, 延长学习年限 does not.
 */
export function effectiveOutcomes(db: Db, studentIds: readonly number[]): Map<number, EffectiveOutcome> {
  const out = new Map<number, EffectiveOutcome>();
  // SQLite's bound-parameter limit: read in chunks.
  for (let i = 0; i < studentIds.length; i += 500) {
    const rows = db
      .select({ studentId: graduationAudits.studentId, outcome: graduationAudits.outcome, overrideOutcome: graduationAudits.overrideOutcome, auditedAt: graduationAudits.auditedAt })
      .from(graduationAudits)
      .where(inArray(graduationAudits.studentId, studentIds.slice(i, i + 500)))
      .all();
    for (const r of rows) out.set(r.studentId, { studentId: r.studentId, outcome: r.overrideOutcome ?? r.outcome, overridden: r.overrideOutcome !== null, auditedAt: r.auditedAt });
  }
  return out;
}
