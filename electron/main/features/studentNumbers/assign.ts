/**
 * 学号编排 as one step that both the 学号编排 screen and the roster import call: work out the
 * numbers with the pure planner, then (unless it is a preview) write them inside the caller's
 * transaction with one audit entry per student, so a run is all or nothing.
 */
import type { Db } from '../../../../db/client';
import type { AuditEntry } from '../../../../db/queries/audit';
import { numberingCandidates, setStudentNo, studentNosInUse, type NumberingScope } from '../../../../db/queries/student-numbers';
import { planStudentNumbers, type StudentNoRule } from '../../../../shared/domain/student-no';
import { AppError } from '../../core/errors';

type Audit = Omit<AuditEntry, 'userId' | 'username'>;

export interface NumberingResult {
  pending: number;
  assigned: { id: number; name: string; className: string | null; studentNo: string }[];
  skipped: { id: number; name: string; className: string | null; reason: string }[];
}

export function planNumbers(db: Db, scope: NumberingScope, rule: StudentNoRule): NumberingResult {
  const candidates = numberingCandidates(db, scope);
  const plan = planStudentNumbers(rule, candidates, studentNosInUse(db));
  const byId = new Map(candidates.map((c) => [c.id, c]));
  return {
    pending: candidates.length,
    assigned: plan.assigned.map((a) => ({ id: a.id, name: byId.get(a.id)!.name, className: byId.get(a.id)!.className, studentNo: a.studentNo })),
    skipped: plan.skipped.map((s) => ({ id: s.id, name: byId.get(s.id)!.name, className: byId.get(s.id)!.className, reason: s.reason })),
  };
}

/** Call inside a write transaction: assigns and audits; `why` says where the run came from. */
export function assignNumbers(db: Db, scope: NumberingScope, rule: StudentNoRule, now: string, why: string, audit: (a: Audit) => void): NumberingResult {
  const result = planNumbers(db, scope, rule);
  for (const a of result.assigned) {
    // The candidates were read in this transaction: a student numbered meanwhile is impossible.
    if (!setStudentNo(db, a.id, a.studentNo, now)) throw new AppError('CONFLICT', `学生 ${a.name} 已有学号或已被删除，请刷新后重试。`);
    audit({ action: 'studentNumbers.assign', entity: 'student', entityId: a.id, summary: `${why}：为 ${a.name} 编排学号 ${a.studentNo}`, changes: [{ field: 'studentNo', before: null, after: a.studentNo }] });
  }
  return result;
}
