import type { WarningRuleSet } from './types';

/**
 * The version in force on a day (yyyy-MM-dd): the latest that took effect on or before it, as
 * status-changes policyOn does. null when none had taken effect yet: there is no national default
 * to fall back on (DOMAIN.md §6), so the run says the school has no rule set for that day.
 */
export function ruleSetOn(versions: readonly WarningRuleSet[], day: string): WarningRuleSet | null {
  let best: WarningRuleSet | null = null;
  for (const v of versions) if (v.effectiveFrom <= day && (!best || v.effectiveFrom > best.effectiveFrom)) best = v;
  return best;
}
