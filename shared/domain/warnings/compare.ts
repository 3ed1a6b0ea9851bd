import { WARNING_COLOURS, type TierChange, type WarningRuleSet } from './types';

/** Tier labels mildest first: the order compareWithLastTerm ranks by. */
export function tierOrder(ruleSet: WarningRuleSet): string[] {
  return ruleSet.tiers.map((t) => t.label);
}

/**
 * This term's tier against last term's (issue 15: new, raised, lowered, cleared). order = tier
 * labels mildest first; when the school changed its rule set between the two runs, pass an order
 * that holds both terms' labels. A label not in it is a caller's error (RangeError), not a guess.
 */
export function compareWithLastTerm(previous: string | null, current: string | null, order: readonly string[]): TierChange {
  const rank = (label: string) => {
    const i = order.indexOf(label);
    if (i < 0) throw new RangeError(`tier not in order: ${label}`);
    return i;
  };
  const p = previous === null ? -1 : rank(previous);
  const c = current === null ? -1 : rank(current);
  if (p < 0) return c < 0 ? 'same' : 'new';
  if (c < 0) return 'cleared';
  return c > p ? 'raised' : c < p ? 'lowered' : 'same';
}

export const TIER_CHANGE_LABELS: Readonly<Record<TierChange, string>> = {
  new: '新增预警',
  raised: '预警升级',
  lowered: '预警降级',
  cleared: '解除预警',
  same: '无变化',
};

/**
 * One mildest-first order for comparing two runs made under different rule sets (the school
 * edited its tiers between terms): each label placed by its colour (蓝 < 黄 < 橙 < 红, the colours'
 * order in WARNING_COLOURS), a set's own order kept among labels of one colour. The same rule set
 * twice gives its own order.
 */
export function combinedTierOrder(current: WarningRuleSet, previous: WarningRuleSet | null): string[] {
  const seen = new Map<string, { colour: number; at: number }>();
  const add = (rs: WarningRuleSet, base: number) =>
    rs.tiers.forEach((t, i) => {
      if (!seen.has(t.label)) seen.set(t.label, { colour: WARNING_COLOURS.indexOf(t.colour), at: base + i });
    });
  add(current, 0);
  if (previous) add(previous, 100);
  return [...seen.entries()].sort((a, b) => a[1].colour - b[1].colour || a[1].at - b[1].at).map(([label]) => label);
}
