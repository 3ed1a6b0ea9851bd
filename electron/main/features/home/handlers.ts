import { awaitingDecision, awaitingPaper, requestsFiledBy, type KeyChangeRow } from '../../../../db/queries/keyChanges';
import { departmentCounts } from '../../../../db/queries/home';
import { getStudent } from '../../../../db/queries/students';
import type { Db } from '../../../../db/client';
import { hasPermission } from '../../../../shared/domain/permissions';
import type { KeyChangeBrief } from '../../../../shared/ipc/schemas/home';
import type { FeatureHandlers } from '../../core/handlers-type';
import { changeLabel, onChain } from '../keyChanges/dto';
import { displayNameLookup } from '../../../../db/queries/users';

/** How many requests the home page lists in each part (the rest are on 信息变更审批). */
const SHOWN = 5;

function brief(db: Db, r: KeyChangeRow, nameOf: (username: string) => string): KeyChangeBrief {
  const s = getStudent(db, r.studentId)!;
  const fields = [...new Set((JSON.parse(r.changes) as { field: string }[]).map((c) => changeLabel(c.field)))];
  return {
    id: r.id, studentId: r.studentId, studentNo: s.studentNo, studentName: s.name, fields, status: r.status,
    stepLabel: r.status === 'pending' ? (onChain(r).chain[r.stepIndex]?.label ?? null) : null,
    requestedByName: nameOf(r.requestedBy), requestedAt: r.requestedAt,
    decidedByName: r.decidedBy === null ? null : nameOf(r.decidedBy), decidedAt: r.decidedAt, decisionComment: r.decisionComment,
  };
}

/**
 * 信息变更申请 waiting for this user: steps their role decides in the app (never their own
 * requests) and, for counselors, steps recorded from paper. null when they decide nothing.
 */
function waitingFor(db: Db, who: { username: string; role: Parameters<typeof hasPermission>[0] }, scope: readonly number[] | null) {
  const approves = hasPermission(who.role, 'changes.approve');
  const records = hasPermission(who.role, 'changes.request');
  if (!approves && !records) return null;
  const byRole = awaitingDecision(db, who, SHOWN, scope);
  const paper = records ? awaitingPaper(db, SHOWN, scope) : { total: 0, rows: [] };
  // A counselor sees the part only when a chain has a paper step with something waiting at it.
  if (!approves && byRole.total + paper.total === 0) return null;
  const rows = [...byRole.rows, ...paper.rows].sort((a, b) => a.stepSince.localeCompare(b.stepSince) || a.id - b.id).slice(0, SHOWN);
  return { total: byRole.total + paper.total, rows };
}

/** 首页: what waits for this user, and whether the department is set up yet. */
export const homeHandlers: FeatureHandlers<'home'> = {
  'home.overview': (_input, ctx) => {
    const db = ctx.db();
    const actor = ctx.actor();
    const nameOf = displayNameLookup(db);
    const waiting = waitingFor(db, actor, ctx.scope());
    return {
      department: departmentCounts(db),
      awaitingMyDecision: waiting && { total: waiting.total, first: waiting.rows.map((r) => brief(db, r, nameOf)) },
      myRequests: hasPermission(actor.role, 'changes.request') ? requestsFiledBy(db, actor.username, SHOWN).map((r) => brief(db, r, nameOf)) : null,
    };
  },
};
