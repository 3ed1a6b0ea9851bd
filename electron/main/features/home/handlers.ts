import { awaitingDecision, requestsFiledBy, type KeyChangeRow } from '../../../../db/queries/keyChanges';
import { departmentCounts } from '../../../../db/queries/home';
import { getStudent } from '../../../../db/queries/students';
import type { Db } from '../../../../db/client';
import { hasPermission } from '../../../../shared/domain/permissions';
import type { KeyChangeBrief } from '../../../../shared/ipc/schemas/home';
import type { FeatureHandlers } from '../../core/handlers-type';
import { changeLabel } from '../keyChanges/handlers';
import { displayNameLookup } from '../../../../db/queries/users';

/** How many requests the home page lists in each part (the rest are on 信息变更审批). */
const SHOWN = 5;

function brief(db: Db, r: KeyChangeRow, nameOf: (username: string) => string): KeyChangeBrief {
  const s = getStudent(db, r.studentId)!;
  const fields = [...new Set((JSON.parse(r.changes) as { field: string }[]).map((c) => changeLabel(c.field)))];
  return {
    id: r.id, studentId: r.studentId, studentNo: s.studentNo, studentName: s.name, fields, status: r.status,
    requestedByName: nameOf(r.requestedBy), requestedAt: r.requestedAt,
    decidedByName: r.decidedBy === null ? null : nameOf(r.decidedBy), decidedAt: r.decidedAt, decisionComment: r.decisionComment,
  };
}

/** 首页: what waits for this user, and whether the department is set up yet. */
export const homeHandlers: FeatureHandlers<'home'> = {
  'home.overview': (_input, ctx) => {
    const db = ctx.db();
    const { username, role } = ctx.actor();
    const nameOf = displayNameLookup(db);
    const waiting = hasPermission(role, 'changes.approve') ? awaitingDecision(db, username, SHOWN, ctx.scope()) : null;
    return {
      department: departmentCounts(db),
      awaitingMyDecision: waiting && { total: waiting.total, first: waiting.rows.map((r) => brief(db, r, nameOf)) },
      myRequests: hasPermission(role, 'changes.request') ? requestsFiledBy(db, username, SHOWN).map((r) => brief(db, r, nameOf)) : null,
    };
  },
};
