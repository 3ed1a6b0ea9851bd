import { describe, expect, it } from 'vitest';
import { compareWithLastTerm, PRESET_FOUR_TIER, PRESET_THREE_TIER, ruleSetOn, tierOrder, type WarningRuleSet } from '../../../../shared/domain/warnings';

describe('compareWithLastTerm', () => {
  const order = tierOrder(PRESET_FOUR_TIER); // 蓝 < 黄 < 橙 < 红

  it('new, cleared, and nothing either term', () => {
    expect(compareWithLastTerm(null, '蓝色预警', order)).toBe('new');
    expect(compareWithLastTerm(null, '红色预警', order)).toBe('new');
    expect(compareWithLastTerm('橙色预警', null, order)).toBe('cleared');
    expect(compareWithLastTerm(null, null, order)).toBe('same');
  });

  it('raised and lowered by the tier order, not by the labels’ text', () => {
    expect(compareWithLastTerm('蓝色预警', '黄色预警', order)).toBe('raised');
    expect(compareWithLastTerm('黄色预警', '红色预警', order)).toBe('raised');
    expect(compareWithLastTerm('红色预警', '橙色预警', order)).toBe('lowered');
    expect(compareWithLastTerm('黄色预警', '蓝色预警', order)).toBe('lowered');
    expect(compareWithLastTerm('橙色预警', '橙色预警', order)).toBe('same');
    // The order list decides: with 红 listed first, 橙 is the higher tier.
    expect(compareWithLastTerm('橙色预警', '红色预警', ['红色预警', '橙色预警'])).toBe('lowered');
  });

  it('a label missing from the order is the caller’s error, not a guess', () => {
    expect(() => compareWithLastTerm('蓝色预警', '黄色预警', tierOrder(PRESET_THREE_TIER))).toThrow(RangeError);
    expect(() => compareWithLastTerm(null, '绿色提示', order)).toThrow(RangeError);
    expect(() => compareWithLastTerm('绿色提示', null, order)).toThrow(RangeError);
  });
});

describe('ruleSetOn: the version in force on a day', () => {
  const v = (effectiveFrom: string): WarningRuleSet => ({ ...PRESET_THREE_TIER, effectiveFrom });
  const versions = [v('2026-09-01'), v('2024-09-01'), v('2025-03-01')];

  it('the latest that took effect on or before the day; the effective day itself counts', () => {
    expect(ruleSetOn(versions, '2025-02-28')!.effectiveFrom).toBe('2024-09-01');
    expect(ruleSetOn(versions, '2025-03-01')!.effectiveFrom).toBe('2025-03-01');
    expect(ruleSetOn(versions, '2026-08-31')!.effectiveFrom).toBe('2025-03-01');
    expect(ruleSetOn(versions, '2027-01-15')!.effectiveFrom).toBe('2026-09-01');
  });

  it('none before the first version: no rule set, no silent default', () => {
    expect(ruleSetOn(versions, '2024-08-31')).toBeNull();
    expect(ruleSetOn([], '2026-01-01')).toBeNull();
  });
});
