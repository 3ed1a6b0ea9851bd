/**
 * Where an order stands, the same for every kind of order on the approval engine (学籍异动,
 * 信息变更申请): pending at a step; returned (退回) to the filer, who amends and resubmits from the
 * first step or withdraws; approved (applied, final); withdrawn (final).
 */
export const APPROVAL_STATES = ['pending', 'returned', 'approved', 'withdrawn'] as const;
export type ApprovalState = (typeof APPROVAL_STATES)[number];

/** Still being worked on: one such order per student and kind. */
export const OPEN_STATES: readonly ApprovalState[] = ['pending', 'returned'];

export type StepOutcome =
  | { kind: 'next'; stepIndex: number }
  | { kind: 'final' }
  | { kind: 'returned' };

/**
 * What a decision at a step does: an approval moves to the next step, or is the final approval at
 * the last one (the only moment the order's effect is applied); a refusal returns the order to its
 * filer whatever the step.
 */
export function afterDecision(chainLength: number, stepIndex: number, approve: boolean): StepOutcome {
  if (!approve) return { kind: 'returned' };
  return stepIndex >= chainLength - 1 ? { kind: 'final' } : { kind: 'next', stepIndex: stepIndex + 1 };
}
