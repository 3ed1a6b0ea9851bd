import { describe, expect, it } from 'vitest';
import { afterDecision, APPROVAL_STATES, OPEN_STATES } from '../../../../shared/domain/approvals';

describe('afterDecision: where an order goes after a decision at a step', () => {
  it('an approval moves to the next step, and is final only at the last one', () => {
    expect(afterDecision(3, 0, true)).toEqual({ kind: 'next', stepIndex: 1 });
    expect(afterDecision(3, 1, true)).toEqual({ kind: 'next', stepIndex: 2 });
    expect(afterDecision(3, 2, true)).toEqual({ kind: 'final' });
    // A one-step chain (信息变更申请 by default): the first approval is the final one.
    expect(afterDecision(1, 0, true)).toEqual({ kind: 'final' });
  });

  it('a refusal at any step returns the order to its filer', () => {
    for (const step of [0, 1, 2]) expect(afterDecision(3, step, false)).toEqual({ kind: 'returned' });
  });

  it('open orders are the pending and the returned ones', () => {
    expect(OPEN_STATES).toEqual(['pending', 'returned']);
    expect(APPROVAL_STATES.filter((s) => !OPEN_STATES.includes(s))).toEqual(['approved', 'withdrawn']);
  });
});
