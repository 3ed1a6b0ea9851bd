import type { FailedCourse, WarningFacts, WarningRuleSet, WarningTier, WarningTrigger } from '../../../../shared/domain/warnings';

export const TERM = '2026-2027-1';

/** An enrolled student with nothing against them in TERM, unless told otherwise. */
export const facts = (over: Partial<WarningFacts> = {}): WarningFacts => ({
  status: 'enrolled',
  term: TERM,
  failedCourses: [],
  gpa: { cumulative: '3.10', term: '3.10' },
  absenceHours: 0,
  activeSanctions: [],
  ...over,
});

/** A 必修 course failed in TERM with 2 credits, unless told otherwise. */
export const failed = (code: string, over: Partial<FailedCourse> = {}): FailedCourse => ({ code, credits: 2, required: true, term: TERM, ...over });

/** n failed courses F1…Fn with these fields. */
export const failedMany = (n: number, over: Partial<FailedCourse> = {}) => Array.from({ length: n }, (_, i) => failed(`F${i + 1}`, over));

export const tier = (label: string, colour: WarningTier['colour'], ...triggers: WarningTrigger[]): WarningTier => ({ label, colour, triggers });

export const ruleSet = (...tiers: WarningTier[]): WarningRuleSet => ({ name: '测试规则', effectiveFrom: '2026-09-01', tiers });

/** 黄/橙/红 with one trigger of a kind per tier, thresholds given low to high. */
export function ladder(make: (n: number | string) => WarningTrigger, yellow: number | string, orange: number | string, red: number | string): WarningRuleSet {
  return ruleSet(tier('黄色预警', 'yellow', make(yellow)), tier('橙色预警', 'orange', make(orange)), tier('红色预警', 'red', make(red)));
}
