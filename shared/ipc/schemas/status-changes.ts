import { z } from 'zod';
import { CHAIN_KEYS } from '../../domain/approval-chains';
import { ApprovalEvent, ApprovalStepSchema, day, StepDecisionInput } from './approvals';
import { SERVICE_METHODS, STATUS_CHANGE_STATES, STATUS_CHANGE_TYPE_KEYS } from '../../domain/status-changes/types';
import { id, optionalText, page, text } from './common';
import { FileRef } from './imports';
import { JobId } from './jobs';

const optDay = (label: string) => z.string().regex(/^\d{4}-\d{2}-\d{2}$/, `${label}格式应为 YYYY-MM-DD`).nullable().optional();
const type = z.enum(STATUS_CHANGE_TYPE_KEYS, { error: '异动类型无效' });

/** What an order says (shared/domain/status-changes/order-data.ts checks it per type). */
export const StatusChangeData = z.object({
  reason: text('异动原因', 500),
  effectiveDate: day('生效日期'),
  term: text('学期', 20),
  expectedEnd: optDay('截止日期'),
  targetClassId: id.nullable().optional(),
  otherSchool: optionalText('学校名称', 100).nullable(),
  decisionNo: optionalText('决定文号', 60).nullable(),
});
/** An order's data as shown: with the 送达 of a decision (recorded after it takes effect) and the class by name. */
const StatusChangeDataView = StatusChangeData.extend({
  servedOn: z.string().nullable(),
  servedMethod: z.enum(SERVICE_METHODS).nullable(),
  targetClassName: z.string().nullable(),
});

export const FileStatusChangeInput = z.object({ studentId: id, type, subtype: z.string().max(20).nullable().optional(), data: StatusChangeData });
/** The filer amends a returned order; it goes back to the first step. */
export const AmendStatusChangeInput = z.object({ id, subtype: z.string().max(20).nullable().optional(), data: StatusChangeData });

export const DecideStatusChangeInput = StepDecisionInput.extend({
  /** The decision number may be entered with the last approval (退学 by decision, 开除, 取消). */
  decisionNo: optionalText('决定文号', 60),
});
export const AttachStatusChangeInput = FileRef.extend({ id, kind: text('材料名称', 40) });
export const RecordServiceInput = z.object({ id, servedOn: day('送达日期'), servedMethod: z.enum(SERVICE_METHODS, { error: '请选择送达方式' }) });
export const ListStatusChangesInput = page.extend({
  states: z.array(z.enum(STATUS_CHANGE_STATES)).optional(),
  type: type.optional(),
  studentId: id.optional(),
});

export const StatusChangeAttachment = z.object({ id: z.number(), fileName: z.string(), mime: z.string(), size: z.number(), kind: z.string(), createdBy: z.string(), createdByName: z.string(), createdAt: z.string() });

export const StatusChange = z.object({
  id: z.number(),
  studentId: z.number(),
  studentNo: z.string().nullable(),
  studentName: z.string(),
  className: z.string().nullable(),
  type,
  subtype: z.string().nullable(),
  /** 休学, 保留学籍（应征入伍）…: the type with its sub-kind. */
  title: z.string(),
  state: z.enum(STATUS_CHANGE_STATES),
  stepIndex: z.number(),
  steps: z.array(ApprovalStepSchema),
  /** The step waiting now (pending orders), by its label. */
  currentStep: z.string().nullable(),
  data: StatusChangeDataView,
  fromStatus: z.string(),
  toStatus: z.string(),
  filedBy: z.string(),
  filedByName: z.string(),
  filedAt: z.string(),
  stepSince: z.string(),
  closedAt: z.string().nullable(),
  /** 申诉期限 (41号令 第六十条: 10 日 from 送达), once a decision is served. */
  appealDeadline: z.string().nullable(),
  attachmentCount: z.number(),
  /** What the signed-in user may do with it now (the main process checks again on every call). */
  can: z.object({ decide: z.boolean(), recordPaper: z.boolean(), amend: z.boolean(), withdraw: z.boolean(), attach: z.boolean(), serve: z.boolean() }),
});
export type StatusChange = z.infer<typeof StatusChange>;
export const StatusChangeDetail = StatusChange.extend({
  events: z.array(ApprovalEvent),
  attachments: z.array(StatusChangeAttachment),
  /** What the last step will need that is not on file yet (evidence, decision number). */
  missingForFinal: z.array(z.string()),
});
export type StatusChangeDetail = z.infer<typeof StatusChangeDetail>;
export const StatusChangePage = z.object({ rows: z.array(StatusChange), total: z.number() });

/** What the filing form suggests for a student and type: the end date by policy, the 复学 class. */
export const StatusChangeDraftInput = z.object({
  studentId: id,
  type,
  subtype: z.string().max(20).nullable().optional(),
  effectiveDate: day('生效日期'),
  /** The returned order being amended: it is the student's open order, not one in the way. */
  amending: id.optional(),
});
export const StatusChangeDraft = z.object({
  /** null when the type may be filed; else why not (the status model's refusal). */
  refusal: z.string().nullable(),
  term: z.string(),
  expectedEnd: z.string().nullable(),
  targetClassId: z.number().nullable(),
  evidence: z.array(z.string()),
  steps: z.array(ApprovalStepSchema),
});

export const StatusPolicySchema = z.object({
  effectiveFrom: day('生效日期'),
  suspensionYearsPerTime: z.number().min(0.5).max(3),
  suspensionMaxTimes: z.number().int().min(1).max(5),
  suspensionMaxTotalYears: z.number().min(0.5).max(5),
  maxStudyYearsBeyondLength: z.number().int().min(0).max(5),
  militaryCountsTowardMax: z.boolean(),
  militaryYearsAfterDischarge: z.number().int().min(0).max(5),
  retainAdmissionMaxYears: z.number().int().min(1).max(5),
  absenceWithdrawThresholdDays: z.number().int().min(1).max(60),
  stepOverdueWorkingDays: z.number().int().min(1).max(60),
  endingSoonDays: z.number().int().min(1).max(120),
});
export const CalendarSchema = z.object({
  holidays: z.array(z.object({ day: day('日期'), name: z.string().max(20) })).max(2000),
  workdays: z.array(z.object({ day: day('日期'), name: z.string().max(20) })).max(2000),
});
export const StatusChangeSettings = z.object({
  /** Each 学籍异动 type's chain and 信息变更申请's (keyChanges). */
  chains: z.record(z.enum(CHAIN_KEYS), z.array(ApprovalStepSchema)),
  policies: z.array(StatusPolicySchema),
  calendar: CalendarSchema,
});
export const SaveChainInput = z.object({ type: z.enum(CHAIN_KEYS, { error: '审批流程类型无效' }), steps: z.array(ApprovalStepSchema).min(1, '审批流程至少要有一步').max(8) });

/** 待办: what waits for this user (each list filled only for those who may act on it). */
const TodoOrder = z.object({ id: z.number(), studentId: z.number(), studentName: z.string(), studentNo: z.string().nullable(), title: z.string(), stepLabel: z.string().nullable(), since: z.string(), workingDays: z.number() });
export const StatusChangeTodo = z.object({
  waitingForMe: z.array(TodoOrder),
  overdue: z.array(TodoOrder),
  returnedToMe: z.array(TodoOrder),
  ending: z.array(z.object({ studentId: z.number(), studentName: z.string(), studentNo: z.string().nullable(), status: z.string(), until: z.string(), daysLeft: z.number(), next: z.array(type) })),
  appeals: z.array(z.object({ id: z.number(), studentId: z.number(), studentName: z.string(), title: z.string(), servedOn: z.string(), deadline: z.string(), daysLeft: z.number() })),
  absent: z.array(z.object({ flagId: z.number(), studentId: z.number(), studentName: z.string(), studentNo: z.string().nullable(), since: z.string(), days: z.number(), overThreshold: z.boolean(), note: z.string() })),
  /** 1st–15th of a month, for those who export: last month's changes are due on the platform by the 15th. */
  monthReport: z.object({ month: z.string(), label: z.string(), count: z.number(), dueOn: z.string(), daysLeft: z.number() }).nullable(),
});
export const FlagAbsentInput = z.object({ studentId: id, since: day('缺勤开始日期'), note: optionalText('说明', 200) });

/** The month's summary as a workbook (xlsx) or a printable list (pdf). */
export const ExportMonthInput = z.object({ jobId: JobId, month: z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, '月份应写作 2026-09'), format: z.enum(['xlsx', 'pdf']).default('xlsx') });
export const StatusChangeFormInput = z.object({ jobId: JobId, id });
export const JobOutputRef = z.object({ jobId: z.string(), fileName: z.string() });

/** 学年升级: what it will do (per class), done as one transaction, undoable the same day. */
export const RolloverPreviewInput = z.object({ effectiveOn: optDay('升级日期') });
export const RolloverLineSchema = z.object({
  classId: z.number(), className: z.string(), cohortYear: z.number(), lengthYears: z.number(), students: z.number(),
  fromStudyYear: z.number(), toStudyYear: z.number(), graduating: z.boolean(), beyond: z.boolean(),
});
export const RolloverPreview = z.object({
  fromYear: z.number(),
  toYear: z.number(),
  fromLabel: z.string(),
  toLabel: z.string(),
  effectiveOn: z.string(),
  lines: z.array(RolloverLineSchema),
  totals: z.object({ students: z.number(), graduating: z.number(), withoutClass: z.number() }),
  last: z.object({ id: z.number(), fromYear: z.number(), toYear: z.number(), appliedAt: z.string(), appliedBy: z.string(), canUndo: z.boolean() }).nullable(),
});
export const RolloverApplyInput = z.object({
  effectiveOn: day('升级日期'),
  /** The 学年 the preview showed: a second roll-over from another window is refused, not applied twice. */
  fromYear: z.number().int(),
});
export const RolloverResult = z.object({ id: z.number(), toYear: z.number(), students: z.number(), graduating: z.number() });
