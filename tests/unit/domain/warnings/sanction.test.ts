import { describe, expect, it } from 'vitest';
import { sanctionActiveOn, sanctionLevelOf } from '../../../../shared/domain/warnings';

describe('sanctionLevelOf: the level a 处分 record names', () => {
  it('takes the heaviest level the free text names', () => {
    expect(sanctionLevelOf('警告')).toBe('警告');
    expect(sanctionLevelOf('严重警告处分')).toBe('严重警告');
    expect(sanctionLevelOf('记过（旷课）')).toBe('记过');
    expect(sanctionLevelOf('留校察看 一年')).toBe('留校察看');
  });
  it('names none for what is not a 处分 level', () => {
    expect(sanctionLevelOf('通报批评')).toBeNull();
    expect(sanctionLevelOf('开除学籍')).toBeNull();
  });
  it('a 处分 lifted on the run day is no longer in force', () => {
    expect(sanctionActiveOn(null, '2026-09-01')).toBe(true);
    expect(sanctionActiveOn('2026-09-02', '2026-09-01')).toBe(true);
    expect(sanctionActiveOn('2026-09-01', '2026-09-01')).toBe(false);
  });
});

describe('combinedTierOrder: comparing runs made under different rule sets', () => {
  it('is a set\'s own order for one rule set, and places the other set\'s labels by colour', async () => {
    const { combinedTierOrder, PRESET_THREE_TIER, PRESET_FOUR_TIER } = await import('../../../../shared/domain/warnings');
    expect(combinedTierOrder(PRESET_THREE_TIER, PRESET_THREE_TIER)).toEqual(PRESET_THREE_TIER.tiers.map((t) => t.label));
    const both = combinedTierOrder(PRESET_THREE_TIER, PRESET_FOUR_TIER);
    expect(both[0]).toBe('蓝色预警');
    expect(both.indexOf('黄色预警')).toBeLessThan(both.indexOf('橙色预警'));
    expect(both.at(-1)).toBe(PRESET_THREE_TIER.tiers.at(-1)!.label);
  });
});

describe('triggerText: a trigger as the settings page says it', () => {
  it('names what is measured and the threshold', async () => {
    const { triggerText } = await import('../../../../shared/domain/warnings');
    expect(triggerText({ kind: 'failedCourses', scope: 'cumulative', courses: 'required', atLeast: 3 })).toBe('补考后累计不及格必修课达 3 门');
    expect(triggerText({ kind: 'failedCredits', scope: 'term', courses: 'all', atLeast: '7.5' })).toBe('本学期补考后不及格课程达 7.5 学分');
    expect(triggerText({ kind: 'gpaBelow', scope: 'cumulative', below: '1.80' })).toBe('平均学分绩点低于 1.80');
    expect(triggerText({ kind: 'absenceHours', atLeast: 13 })).toBe('本学期旷课达 13 学时');
    expect(triggerText({ kind: 'sanction', atLeast: '记过' })).toBe('受记过及以上处分未解除');
  });
});
