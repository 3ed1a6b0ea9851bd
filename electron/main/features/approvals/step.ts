/**
 * The approval engine's one rule for a decision at a step, shared by every kind of order on it
 * (学籍异动, 信息变更申请): is it still the step the decider saw, may this person decide it (in the
 * app, or record it from paper), is a paper date plausible, is a refusal explained — and where the
 * order goes next. Each kind then stores the move and its event in its own tables and, at the
 * final approval, applies its own effect in the same transaction.
 */
import type { z } from 'zod';
import { afterDecision, stepRefusal, type ApprovalStep, type ApprovalState } from '../../../../shared/domain/approvals';
import { hasPermission, type Role } from '../../../../shared/domain/permissions';
import type { PaperDecision, StepDecisionInput } from '../../../../shared/ipc/schemas/approvals';
import type { Actor, CallContext } from '../../core/context';
import { AppError } from '../../core/errors';
import { localDay } from '../../core/local-day';

/** What the engine needs to know of an order, whatever its kind. */
export interface OrderOnChain {
  state: string;
  stepIndex: number;
  stepSince: string;
  filedBy: string;
  filedAt: string;
  chain: readonly ApprovalStep[];
}

export const staleOrder = () => new AppError('CONFLICT', '该申请已由他人处理或已改变，请刷新后再看。');

export const isFiler = (o: { filedBy: string }, a: Actor) => o.filedBy.toLowerCase() === a.username.toLowerCase();
/** The filer withdraws their order; the admin may too (an open order must never block a student for good). */
export const mayWithdraw = (o: { filedBy: string }, a: Actor) => isFiler(o, a) || a.role === 'admin';

export interface StepDecision {
  step: ApprovalStep;
  /** The final approval: the moment the order's effect is applied. */
  final: boolean;
  opinion: string | null;
  paper: z.output<typeof PaperDecision> | undefined;
  /** The order's new place; `closed` when it is approved for good. */
  next: { state: ApprovalState; stepIndex: number; stepRole: Role | null; stepSince: string; closed: boolean };
  /** For the audit summary: "（纸质审批：教务处处长 王某，2026-09-03）" or ''. */
  paperNote: string;
}

/**
 * Checks a decision at the order's current step and works out where it goes.
 * @throws AppError CONFLICT when the order moved since the decider saw it; FORBIDDEN when this
 *   person may not decide (or record) the step; VALIDATION for a paper date out of range or a
 *   refusal without a reason.
 */
export function decideStep(ctx: CallContext, o: OrderOnChain, input: z.output<typeof StepDecisionInput>): StepDecision {
  const actor = ctx.actor();
  if (o.state !== 'pending' || o.stepIndex !== input.stepIndex || (input.stepSince && input.stepSince !== o.stepSince)) throw staleOrder();
  const step = o.chain[o.stepIndex];
  if (!step) throw staleOrder();
  const paper = input.paper;
  if (paper && !hasPermission(actor.role, 'changes.request')) throw new AppError('FORBIDDEN', '只有学籍管理员可以登记纸质审批。');
  const refusal = stepRefusal(step, paper ? { kind: 'paper', recordedBy: actor.username } : { kind: 'app', username: actor.username, role: actor.role }, o.filedBy);
  if (refusal) throw new AppError('FORBIDDEN', refusal);
  // A paper decision is dated between the order's filing and today: not before it existed, not in the future.
  if (paper) {
    const filedOn = localDay(Date.parse(o.filedAt));
    if (paper.decidedOn < filedOn || paper.decidedOn > localDay(ctx.core.now())) throw new AppError('VALIDATION', `审批日期应在提交日期（${filedOn}）与今天之间`, 'paper.decidedOn');
  }
  const opinion = input.opinion?.trim() || null;
  if (!input.approve && !opinion) throw new AppError('VALIDATION', '退回时请填写理由，提交人会看到。', 'opinion');
  const now = new Date(ctx.core.now()).toISOString();
  const outcome = afterDecision(o.chain.length, o.stepIndex, input.approve);
  const next =
    outcome.kind === 'next'
      ? { state: 'pending' as const, stepIndex: outcome.stepIndex, stepRole: o.chain[outcome.stepIndex]!.role, stepSince: now, closed: false }
      : outcome.kind === 'final'
        ? { state: 'approved' as const, stepIndex: o.stepIndex, stepRole: null, stepSince: o.stepSince, closed: true }
        : { state: 'returned' as const, stepIndex: o.stepIndex, stepRole: null, stepSince: now, closed: false };
  return {
    step, final: outcome.kind === 'final', opinion, paper, next,
    paperNote: paper ? `（纸质审批：${paper.deciderPost} ${paper.deciderName}，${paper.decidedOn}）` : '',
  };
}

/** The timeline event of a decision (either kind of order stores it in its own events table). */
export function decisionEvent(d: StepDecision, stepIndex: number, approve: boolean, actor: Actor, at: string, attachmentId: number | null) {
  return {
    kind: approve ? 'approved' : 'rejected', stepIndex, stepLabel: d.step.label, via: d.paper ? ('paper' as const) : ('app' as const), actor: actor.username,
    deciderName: d.paper ? d.paper.deciderName : null, deciderPost: d.paper ? d.paper.deciderPost : null, decidedOn: d.paper ? d.paper.decidedOn : localDay(Date.parse(at)),
    opinion: d.opinion, attachmentId, at,
  };
}

/** What the signed-in user may do with an order now, for the screens (the handlers check again). */
export function orderCan(o: OrderOnChain, actor: Actor) {
  const step = o.chain[o.stepIndex];
  const pending = o.state === 'pending';
  return {
    decide: pending && !!step && stepRefusal(step, { kind: 'app', username: actor.username, role: actor.role }, o.filedBy) === null,
    recordPaper: pending && hasPermission(actor.role, 'changes.request') && !!step && stepRefusal(step, { kind: 'paper', recordedBy: actor.username }, o.filedBy) === null,
    amend: o.state === 'returned' && isFiler(o, actor),
    withdraw: (pending || o.state === 'returned') && mayWithdraw(o, actor),
  };
}
