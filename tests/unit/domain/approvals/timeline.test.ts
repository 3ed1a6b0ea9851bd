import { describe, expect, it } from 'vitest';
import { decisionsByStep } from '../../../../shared/domain/approvals';

const e = (id: number, kind: string, stepIndex: number | null = null) => ({ id, kind, stepIndex });

describe('decisionsByStep', () => {
  it('keeps the last decision per step of the current round: an amended order starts again', () => {
    const events = [e(1, 'filed'), e(2, 'rejected', 0), e(3, 'amended'), e(4, 'approved', 0), e(5, 'attached'), e(6, 'approved', 1), e(7, 'applied')];
    expect([...decisionsByStep(events)].map(([step, ev]) => [step, ev.id])).toEqual([[0, 4], [1, 6]]);
  });

  it('shows a rejection until the order is amended', () => {
    expect([...decisionsByStep([e(1, 'filed'), e(2, 'approved', 0), e(3, 'rejected', 1)]).values()].map((x) => x.kind)).toEqual(['approved', 'rejected']);
    expect(decisionsByStep([e(1, 'filed'), e(2, 'rejected', 0), e(3, 'amended')]).size).toBe(0);
  });
});
