/**
 * What every order on the approval engine shares in the contract (学籍异动 and 信息变更申请): a step
 * of a chain, a decision taken at a step (in the app or recorded from paper), and the timeline.
 */
import { z } from 'zod';
import { ROLES } from '../../domain/permissions';
import { id, optionalText, text } from './common';
import { FileRef } from './imports';

export const day = (label: string) =>
  z.string({ error: `请填写${label}` }).min(1, { message: `请填写${label}`, abort: true }).regex(/^\d{4}-\d{2}-\d{2}$/, `${label}格式应为 YYYY-MM-DD`);

/** A step's deciding role: any but 只读 (a read-only user decides nothing), or null for paper only. */
export const ApprovalStepSchema = z.object({
  label: text('步骤名称', 30),
  role: z.enum(ROLES).refine((r): boolean => r !== 'viewer', '只读用户不能担任审批人').nullable(),
});

/** A paper decision as written on the form: who, in what post, on which day, and the scanned page. */
export const PaperDecision = z.object({
  deciderName: text('审批人姓名', 40),
  deciderPost: text('审批人职务', 40),
  decidedOn: day('审批日期'),
  scan: FileRef.optional(),
});

/** A decision at the order's current step. */
export const StepDecisionInput = z.object({
  id,
  /** The step the decider saw: a second decider who loaded the same page gets a conflict. */
  stepIndex: z.number().int().min(0),
  /**
   * When that step began (the order's stepSince as the decider saw it): an order returned and
   * amended since comes back to the same step with other content, and is not approved unseen.
   */
  stepSince: z.string().max(40).optional(),
  approve: z.boolean(),
  opinion: optionalText('审批意见', 500),
  paper: PaperDecision.optional(),
});

export const APPROVAL_EVENT_KINDS = ['filed', 'approved', 'rejected', 'amended', 'withdrawn', 'applied', 'attached', 'served'] as const;
export const ApprovalEvent = z.object({
  id: z.number(),
  kind: z.enum(APPROVAL_EVENT_KINDS),
  stepIndex: z.number().nullable(),
  stepLabel: z.string().nullable(),
  via: z.enum(['app', 'paper']),
  actor: z.string(),
  actorName: z.string(),
  deciderName: z.string().nullable(),
  deciderPost: z.string().nullable(),
  decidedOn: z.string().nullable(),
  opinion: z.string().nullable(),
  attachmentId: z.number().nullable(),
  at: z.string(),
});
export type ApprovalEvent = z.infer<typeof ApprovalEvent>;
