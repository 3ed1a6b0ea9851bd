import type { Db } from '../../../../db/client';
import { getClass } from '../../../../db/queries/org';
import {
  countStatusChangeAttachments, listStatusChangeAttachments, listStatusChangeEvents, type StatusChangeRow,
} from '../../../../db/queries/status-changes';
import { holidayCalendar } from '../../../../db/queries/status-change-config';
import { getStudent } from '../../../../db/queries/students';
import { displayNameLookup } from '../../../../db/queries/users';
import { hasPermission } from '../../../../shared/domain/permissions';
import {
  finalApprovalIssues, isDecision, statusChangeTitle, type ApprovalStep, type StatusChangeData, type StatusChangeType,
} from '../../../../shared/domain/status-changes';
import { addWorkingDays, appealDeadline, isWorkingDay, type HolidayCalendar } from '../../../../shared/domain/working-days';
import type { StatusChange, StatusChangeDetail } from '../../../../shared/ipc/schemas/status-changes';
import type { Actor } from '../../core/context';
import { canSeeIdentity } from '../students/masking';
import { orderCan } from '../approvals/step';

export const chainOf = (r: StatusChangeRow) => JSON.parse(r.chain) as ApprovalStep[];
export const dataOf = (r: StatusChangeRow) => JSON.parse(r.data) as StatusChangeData;
export const typeOf = (r: StatusChangeRow) => r.type as StatusChangeType;
/** The order as the approval engine sees it. */
export const onChain = (r: StatusChangeRow) => ({ state: r.state, stepIndex: r.stepIndex, stepSince: r.stepSince, filedBy: r.filedBy, filedAt: r.filedAt, chain: chainOf(r) });
/**
 * Reasons, opinions and file names often carry health or family details (诊断, 家庭变故): shown only to
 * roles that see identity data, as the roster's masking does for ID numbers.
 */
const HIDDEN = '（仅学籍管理人员可见）';

/**
 * 申诉期限: 10 日 from 送达 (41号令 第六十条). A last day that falls on a day off moves to the next
 * working day, as 民法典 第二百零三条 does for periods ending on a 法定休假日 — the reading most
 * favourable to the student.
 */
export function appealDeadlineOn(servedOn: string, calendar: HolidayCalendar): string {
  const d = appealDeadline(servedOn);
  return isWorkingDay(d, calendar) ? d : addWorkingDays(d, 1, calendar);
}

/** What this user may do with the order now (the handlers check again on every call). */
function permissions(r: StatusChangeRow, actor: Actor) {
  const request = hasPermission(actor.role, 'changes.request');
  const data = dataOf(r);
  return {
    ...orderCan(onChain(r), actor),
    attach: request && r.state !== 'withdrawn',
    serve: request && r.state === 'approved' && isDecision(typeOf(r), r.subtype) && !data.servedOn,
  };
}

export function toStatusChange(db: Db, r: StatusChangeRow, actor: Actor, nameOf = displayNameLookup(db), calendar = holidayCalendar(db)): StatusChange {
  const full = canSeeIdentity(actor.role);
  const s = getStudent(db, r.studentId)!;
  const cls = s.classId ? getClass(db, s.classId) : undefined;
  const data = dataOf(r);
  const target = data.targetClassId ? getClass(db, data.targetClassId) : undefined;
  const chain = chainOf(r);
  return {
    id: r.id,
    studentId: r.studentId,
    studentNo: s.studentNo,
    studentName: s.name,
    className: cls?.name ?? null,
    type: typeOf(r),
    subtype: r.subtype,
    title: statusChangeTitle(typeOf(r), r.subtype),
    state: r.state,
    stepIndex: r.stepIndex,
    steps: chain,
    currentStep: r.state === 'pending' ? (chain[r.stepIndex]?.label ?? null) : null,
    data: {
      reason: full ? data.reason : HIDDEN, effectiveDate: data.effectiveDate, term: data.term, expectedEnd: data.expectedEnd ?? null,
      targetClassId: data.targetClassId ?? null, otherSchool: data.otherSchool ?? null, decisionNo: data.decisionNo ?? null,
      servedOn: data.servedOn ?? null, servedMethod: (data.servedMethod as StatusChange['data']['servedMethod']) ?? null,
      targetClassName: target?.name ?? null,
    },
    fromStatus: r.fromStatus,
    toStatus: r.toStatus,
    filedBy: r.filedBy,
    filedByName: nameOf(r.filedBy),
    filedAt: r.filedAt,
    stepSince: r.stepSince,
    closedAt: r.closedAt,
    appealDeadline: data.servedOn && isDecision(typeOf(r), r.subtype) ? appealDeadlineOn(data.servedOn, calendar) : null,
    attachmentCount: countStatusChangeAttachments(db, r.id),
    can: permissions(r, actor),
  };
}

export function toDetail(db: Db, r: StatusChangeRow, actor: Actor): StatusChangeDetail {
  const full = canSeeIdentity(actor.role);
  const nameOf = displayNameLookup(db);
  const base = toStatusChange(db, r, actor, nameOf);
  const missing = r.state === 'pending' ? finalApprovalIssues(typeOf(r), r.subtype, dataOf(r), base.attachmentCount).map((i) => i.message) : [];
  return {
    ...base,
    events: listStatusChangeEvents(db, r.id).map((e) => ({
      id: e.id, kind: e.kind as StatusChangeDetail['events'][number]['kind'], stepIndex: e.stepIndex, stepLabel: e.stepLabel, via: e.via,
      actor: e.actor, actorName: nameOf(e.actor), deciderName: e.deciderName, deciderPost: e.deciderPost, decidedOn: e.decidedOn,
      opinion: full || e.opinion === null ? e.opinion : HIDDEN, attachmentId: e.attachmentId, at: e.at,
    })),
    attachments: listStatusChangeAttachments(db, r.id).map((a) => ({ ...a, fileName: full ? a.fileName : HIDDEN, createdByName: nameOf(a.createdBy) })),
    missingForFinal: missing,
  };
}
