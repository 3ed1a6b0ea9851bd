import { describe, expect, it } from 'vitest';
import {
  DEFAULT_POLICY,
  policyOn,
  policyProblem,
  retainAdmissionLimitYears,
  STATUS_CHANGE_TYPE_KEYS,
  suggestedEnd,
  suspensionProblem,
  type StatusPolicy,
} from '../../../../shared/domain/status-changes';

const policy = (effectiveFrom: string, over: Partial<StatusPolicy> = {}): StatusPolicy => ({ ...DEFAULT_POLICY, effectiveFrom, ...over });

describe('policyOn', () => {
  const p2020 = policy('2020-09-01', { suspensionMaxTimes: 3 });
  const p2024 = policy('2024-09-01', { suspensionMaxTimes: 4 });
  const p2022 = policy('2022-09-01', { suspensionMaxTimes: 5 });
  const all = [p2020, p2024, p2022]; // not in date order

  it('takes the latest policy that took effect on or before the day', () => {
    expect(policyOn(all, '2023-01-01')).toBe(p2022);
    expect(policyOn(all, '2024-08-31')).toBe(p2022);
    expect(policyOn(all, '2024-09-01')).toBe(p2024);
    expect(policyOn(all, '2030-01-01')).toBe(p2024);
    expect(policyOn(all, '2020-09-01')).toBe(p2020);
  });

  it('uses the default before any policy, and with none', () => {
    expect(policyOn(all, '2020-08-31')).toBe(DEFAULT_POLICY);
    expect(policyOn([], '2026-01-01')).toBe(DEFAULT_POLICY);
  });

  it('has the national defaults of 41号令 and the usual school values', () => {
    expect(DEFAULT_POLICY).toMatchObject({
      effectiveFrom: '2017-09-01', suspensionYearsPerTime: 1, suspensionMaxTimes: 2, suspensionMaxTotalYears: 2,
      militaryCountsTowardMax: false, militaryYearsAfterDischarge: 2, absenceWithdrawThresholdDays: 14,
    });
  });
});

// 41号令 第二十七条 (DOMAIN.md §5.1): a 新生 who enlists keeps the 入学资格 "至退役后 2 年" — mandatory.
it('lets a 新生 who enlists keep the 入学资格 until 2 years after discharge (第二十七条), others by the school limit', () => {
  expect(retainAdmissionLimitYears('military', DEFAULT_POLICY)).toBe(4);
  expect(retainAdmissionLimitYears('military', policy('2017-09-01', { militaryYearsAfterDischarge: 3 }))).toBe(5);
  expect(retainAdmissionLimitYears('other', DEFAULT_POLICY)).toBe(DEFAULT_POLICY.retainAdmissionMaxYears);
  expect(suggestedEnd('retainAdmission', 'military', '2026-09-01', DEFAULT_POLICY)).toBe('2030-09-01');
});

describe('suggestedEnd', () => {
  it('suggests one policy term for 休学', () => {
    expect(suggestedEnd('suspend', null, '2026-09-01', DEFAULT_POLICY)).toBe('2027-09-01');
    expect(suggestedEnd('suspend', null, '2026-03-15', policy('2017-09-01', { suspensionYearsPerTime: 2 }))).toBe('2028-03-15');
  });

  it('ends a 休学 that starts on 2月29日 on 2月28日 (never past one year)', () => {
    expect(suggestedEnd('suspend', null, '2024-02-29', DEFAULT_POLICY)).toBe('2025-02-28');
    expect(suggestedEnd('suspend', null, '2028-02-29', DEFAULT_POLICY)).toBe('2029-02-28');
  });

  it('keeps 保留学籍（入伍） for 2 years of service plus the years after discharge (第二十七条)', () => {
    expect(suggestedEnd('retain', 'military', '2026-09-01', DEFAULT_POLICY)).toBe('2030-09-01');
    expect(suggestedEnd('retain', 'military', '2026-09-01', policy('2017-09-01', { militaryYearsAfterDischarge: 3 }))).toBe('2031-09-01');
  });

  it('suggests one year for the other 保留学籍 and for 保留入学资格', () => {
    expect(suggestedEnd('retain', 'joint', '2026-09-01', DEFAULT_POLICY)).toBe('2027-09-01');
    expect(suggestedEnd('retain', 'startup', '2026-09-01', DEFAULT_POLICY)).toBe('2027-09-01');
    expect(suggestedEnd('retainAdmission', null, '2026-09-01', DEFAULT_POLICY)).toBe('2027-09-01');
  });

  it('suggests nothing for types without an end date', () => {
    const withEnd = ['suspend', 'retain', 'retainAdmission'];
    for (const t of STATUS_CHANGE_TYPE_KEYS.filter((k) => !withEnd.includes(k))) expect(suggestedEnd(t, null, '2026-09-01', DEFAULT_POLICY), t).toBeNull();
  });
});

describe('suspensionProblem', () => {
  const p = DEFAULT_POLICY; // 1 year a time, 2 times, 2 years in all

  it('refuses an end on or before the start', () => {
    expect(suspensionProblem('2026-09-01', '2026-09-01', [], p)).toBe('预计复学日期应晚于休学生效日期');
    expect(suspensionProblem('2026-09-01', '2026-08-31', [], p)).toBe('预计复学日期应晚于休学生效日期');
  });

  it('allows exactly one year a time and refuses a day more', () => {
    expect(suspensionProblem('2026-09-01', '2027-09-01', [], p)).toBeNull();
    expect(suspensionProblem('2026-09-01', '2027-09-02', [], p)).toBe('每次休学不超过 1 年（学校规定），预计复学日期最晚为 2027-09-01');
    // Across 2月29日 the year is 366 days and still allowed.
    expect(suspensionProblem('2027-09-01', '2028-09-01', [], p)).toBeNull();
    expect(suspensionProblem('2024-02-29', '2025-02-28', [], p)).toBeNull();
    expect(suspensionProblem('2024-02-29', '2025-03-01', [], p)).toMatch(/最晚为 2025-02-28$/);
  });

  it('counts the times already taken', () => {
    const one = [{ effective: '2024-03-01', end: '2024-06-01' }];
    const two = [...one, { effective: '2025-03-01', end: '2025-06-01' }];
    expect(suspensionProblem('2026-09-01', '2027-01-01', one, p)).toBeNull();
    expect(suspensionProblem('2026-09-01', '2027-01-01', two, p)).toBe('该学生已休学 2 次，学校规定最多 2 次');
    expect(suspensionProblem('2026-09-01', '2027-01-01', two, policy('2017-09-01', { suspensionMaxTimes: 3 }))).toBeNull();
  });

  it('refuses a total beyond the limit, allowing the exact limit', () => {
    const p3 = policy('2017-09-01', { suspensionMaxTimes: 3 }); // so only the total decides
    // From 2026-09-01 two years are 731 days (2028 is a leap year). 366 + 365 = 731: allowed.
    const used366 = [{ effective: '2023-09-01', end: '2024-09-01' }];
    expect(suspensionProblem('2026-09-01', '2027-09-01', used366, p3)).toBeNull();
    // One day more already taken: 367 + 365 = 732.
    const used367 = [{ effective: '2023-08-31', end: '2024-09-01' }];
    expect(suspensionProblem('2026-09-01', '2027-09-01', used367, p3)).toBe('累计休学将超过学校规定的 2 年（已休学 367 天）');
    // The limit runs from this 休学's start: from 2027-09-01 two years are also 731 days, and this
    // 休学 (over 2月29日) is 366 of them, so 365 taken before is the most allowed.
    expect(suspensionProblem('2027-09-01', '2028-09-01', [{ effective: '2024-09-01', end: '2025-09-01' }], p3)).toBeNull();
    expect(suspensionProblem('2027-09-01', '2028-09-01', used366, p3)).toBe('累计休学将超过学校规定的 2 年（已休学 366 天）');
  });

  it('adds up several earlier 休学 and ignores a malformed one that ends before it starts', () => {
    const p3 = policy('2017-09-01', { suspensionMaxTimes: 5 });
    const past = [
      { effective: '2023-09-01', end: '2024-03-01' }, // 182
      { effective: '2024-09-01', end: '2025-03-01' }, // 181
      { effective: '2025-06-01', end: '2025-05-01' }, // counts 0
    ];
    expect(suspensionProblem('2026-09-01', '2027-09-01', past, p3)).toBeNull(); // 363 + 365 ≤ 731
    // 363 + 3 = 366 taken, + 365 = 731: exactly the limit; one day more is refused.
    expect(suspensionProblem('2026-09-01', '2027-09-01', [...past, { effective: '2025-09-01', end: '2025-09-04' }], p3)).toBeNull();
    expect(suspensionProblem('2026-09-01', '2027-09-01', [...past, { effective: '2025-09-01', end: '2025-09-05' }], p3)).toBe(
      '累计休学将超过学校规定的 2 年（已休学 367 天）',
    );
  });
});

describe('policyProblem', () => {
  it('accepts the default', () => {
    expect(policyProblem(DEFAULT_POLICY)).toBeNull();
  });

  it('needs an effective date', () => {
    expect(policyProblem(policy(''))).toBe('请填写生效日期');
    expect(policyProblem(policy('2026/09/01'))).toBe('请填写生效日期');
  });

  it('refuses a total shorter than one time, and no length at all', () => {
    expect(policyProblem(policy('2026-09-01', { suspensionYearsPerTime: 2, suspensionMaxTotalYears: 1 }))).toBe('累计休学年限不能少于每次休学年限');
    expect(policyProblem(policy('2026-09-01', { suspensionYearsPerTime: 0 }))).toBe('累计休学年限不能少于每次休学年限');
    expect(policyProblem(policy('2026-09-01', { suspensionYearsPerTime: 2, suspensionMaxTotalYears: 2 }))).toBeNull();
  });

  it('needs at least one 休学', () => {
    expect(policyProblem(policy('2026-09-01', { suspensionMaxTimes: 0 }))).toBe('休学次数至少为 1 次');
  });
});
