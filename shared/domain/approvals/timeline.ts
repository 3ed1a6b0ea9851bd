/**
 * The decision that stands for each step of an order: the last one taken at that step since the
 * order was last (re)submitted — an amended order starts its chain again, and what counts (on the
 * screen's stepper and on the printed form) is the current round.
 */
export function decisionsByStep<E extends { kind: string; stepIndex: number | null }>(events: readonly E[]): Map<number, E> {
  const out = new Map<number, E>();
  for (const e of events) {
    if (e.kind === 'amended') out.clear();
    if ((e.kind === 'approved' || e.kind === 'rejected') && e.stepIndex !== null) out.set(e.stepIndex, e);
  }
  return out;
}
