import { describe, expect, it } from 'vitest';
import { PRESET_FOUR_TIER, ruleSetProblems, type WarningRuleSet, type WarningTrigger } from '../../../../shared/domain/warnings';
import { ladder, ruleSet, tier } from './fixtures';

const courses = (atLeast: number): WarningTrigger => ({ kind: 'failedCourses', scope: 'cumulative', courses: 'required', atLeast });
/** Bypasses the types, as a form or a hand-edited file might. */
const loose = (t: object) => t as WarningTrigger;

describe('ruleSetProblems', () => {
  it('a sound rule set has none', () => {
    expect(ruleSetProblems(ladder((n) => courses(n as number), 2, 3, 4))).toEqual([]);
  });

  it('name, effective date, no tiers', () => {
    expect(ruleSetProblems({ name: ' ', effectiveFrom: '2026-02-30', tiers: [] })).toEqual(['请填写规则名称', '请填写生效日期（年-月-日）', '至少要设一个预警等级']);
    expect(ruleSetProblems({ ...PRESET_FOUR_TIER, effectiveFrom: '2026/9/1' })).toEqual(['请填写生效日期（年-月-日）']);
  });

  it('tier names: missing and duplicated; colours: missing and shared', () => {
    const rs = ruleSet(
      tier('黄色预警', 'yellow', courses(1)),
      tier('', 'orange', courses(2)),
      tier('黄色预警', 'red', courses(3)),
      tier('深红预警', 'red', courses(4)),
      { label: '紫色预警', colour: 'purple' as never, triggers: [courses(5)] },
    );
    expect(ruleSetProblems(rs)).toEqual([
      '第 2 个预警等级没有名称',
      '预警等级名称“黄色预警”重复',
      '“黄色预警”与“深红预警”的颜色相同',
      '“紫色预警”没有选择颜色',
    ]);
  });

  it('a tier with no trigger, a trigger set twice in a tier, a trigger the form could not make', () => {
    const rs = ruleSet(
      tier('黄色预警', 'yellow'),
      tier('橙色预警', 'orange', { kind: 'absenceHours', atLeast: 20 }, { kind: 'absenceHours', atLeast: 21 }),
      tier('红色预警', 'red', loose({ kind: 'lateness', atLeast: 3 }), loose({ kind: 'gpaBelow', scope: 'year', below: '1.5' })),
    );
    expect(ruleSetProblems(rs)).toEqual([
      '“黄色预警”没有设置任何触发条件',
      '“橙色预警”中“本学期旷课学时”设置了不止一次',
      '“红色预警”有一条无法识别的触发条件',
      '“红色预警”有一条无法识别的触发条件',
    ]);
  });

  it('thresholds that are negative, not a number, not whole, zero, or not a 处分 level', () => {
    const rs = ruleSet(
      tier(
        '黄色预警',
        'yellow',
        courses(-1),
        { kind: 'failedCourses', scope: 'term', courses: 'all', atLeast: 1.5 },
        { kind: 'absenceHours', atLeast: Number.NaN },
        { kind: 'failedCredits', scope: 'cumulative', courses: 'all', atLeast: 'abc' },
        { kind: 'failedCredits', scope: 'term', courses: 'required', atLeast: 0 },
        { kind: 'gpaBelow', scope: 'cumulative', below: '-1' },
        { kind: 'gpaBelow', scope: 'term', below: '1.805' },
        loose({ kind: 'sanction', atLeast: '开除学籍' }),
      ),
    );
    expect(ruleSetProblems(rs)).toEqual([
      '“黄色预警”的“补考后累计不及格必修课门数”应为不小于 1 的整数',
      '“黄色预警”的“本学期补考后不及格课程门数”应为不小于 1 的整数',
      '“黄色预警”的“本学期旷课学时”应为不小于 1 的整数',
      '“黄色预警”的“补考后累计不及格课程学分”应为大于 0 的数',
      '“黄色预警”的“本学期补考后不及格必修课学分”应为大于 0 的数',
      '“黄色预警”的“平均学分绩点”应为大于 0、不超过 5 且最多两位小数的数',
      '“黄色预警”的“本学期平均学分绩点”应为大于 0、不超过 5 且最多两位小数的数',
      '“黄色预警”的“未解除的处分”应为警告、严重警告、记过或留校察看',
    ]);
  });

  it('decimal credits and a GPA given as a number are fine', () => {
    const rs = ruleSet(
      tier('黄色预警', 'yellow', { kind: 'failedCredits', scope: 'cumulative', courses: 'all', atLeast: '7.5' }, loose({ kind: 'gpaBelow', scope: 'cumulative', below: 1.8 })),
    );
    expect(ruleSetProblems(rs)).toEqual([]);
  });

  it('a higher tier looser than a lower one on the same trigger, naming both and both thresholds', () => {
    const rs = ruleSet(
      tier('黄色预警', 'yellow', courses(3), { kind: 'gpaBelow', scope: 'cumulative', below: '1.80' }, { kind: 'sanction', atLeast: '记过' }),
      tier('橙色预警', 'orange', courses(2), { kind: 'gpaBelow', scope: 'cumulative', below: '2' }, { kind: 'sanction', atLeast: '严重警告' }),
      tier('红色预警', 'red', { kind: 'failedCredits', scope: 'cumulative', courses: 'all', atLeast: 10 }),
    );
    expect(ruleSetProblems(rs)).toEqual([
      '“橙色预警”的“补考后累计不及格必修课门数”为 2 门，比“黄色预警”的 3 门还宽松：等级越高，条件应越严',
      '“橙色预警”的“平均学分绩点”为低于 2.00，比“黄色预警”的低于 1.80 还宽松：等级越高，条件应越严',
      '“橙色预警”的“未解除的处分”为严重警告及以上，比“黄色预警”的记过及以上还宽松：等级越高，条件应越严',
    ]);
  });

  it('compares with the strictest lower tier, skipping tiers without that trigger; equal is not looser', () => {
    const rs: WarningRuleSet = ruleSet(
      tier('蓝色预警', 'blue', courses(4)),
      tier('黄色预警', 'yellow', { kind: 'absenceHours', atLeast: 13 }),
      tier('橙色预警', 'orange', courses(2)),
      tier('红色预警', 'red', courses(3), { kind: 'absenceHours', atLeast: 13 }),
    );
    expect(ruleSetProblems(rs)).toEqual([
      '“橙色预警”的“补考后累计不及格必修课门数”为 2 门，比“蓝色预警”的 4 门还宽松：等级越高，条件应越严',
      '“红色预警”的“补考后累计不及格必修课门数”为 3 门，比“蓝色预警”的 4 门还宽松：等级越高，条件应越严',
    ]);
  });

  it('different scopes or course sets are different triggers and are not compared', () => {
    const rs = ruleSet(
      tier('黄色预警', 'yellow', courses(3)),
      tier('橙色预警', 'orange', { kind: 'failedCourses', scope: 'term', courses: 'required', atLeast: 2 }, { kind: 'failedCourses', scope: 'cumulative', courses: 'all', atLeast: 2 }),
    );
    expect(ruleSetProblems(rs)).toEqual([]);
  });
});
