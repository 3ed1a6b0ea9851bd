import { describe, expect, it } from 'vitest';
import { graduationFitnessScore, parseFitnessScore, parseFitnessYear } from '../../../../shared/domain/graduation/fitness';

const asOf = new Date('2026-09-01T08:00:00Z');

describe('体质健康 总分 and 学年 as a sheet writes them', () => {
  it('reads numbers and text (full-width, 分) to one decimal; 72.3 typed in Excel is one decimal', () => {
    expect(parseFitnessScore(85)).toEqual({ ok: true, value: 85 });
    expect(parseFitnessScore(72.3)).toEqual({ ok: true, value: 72.3 });
    expect(parseFitnessScore('８５.５')).toEqual({ ok: true, value: 85.5 });
    expect(parseFitnessScore(' 90分 ')).toEqual({ ok: true, value: 90 });
    expect(parseFitnessScore(0)).toEqual({ ok: true, value: 0 });
    expect(parseFitnessScore(100)).toEqual({ ok: true, value: 100 });
  });
  it('refuses blank, words, outside 0–100 and two decimals, each with its code', () => {
    expect(parseFitnessScore(null)).toMatchObject({ ok: false, code: 'REQUIRED' });
    expect(parseFitnessScore('及格')).toMatchObject({ ok: false, code: 'NUMBER_FORMAT', reason: '总分“及格”不是数字，应为 0–100 的分数' });
    expect(parseFitnessScore(100.1)).toMatchObject({ ok: false, code: 'SCORE_OUT_OF_RANGE' });
    expect(parseFitnessScore('-1')).toMatchObject({ ok: false, code: 'SCORE_OUT_OF_RANGE' });
    expect(parseFitnessScore(66.25)).toMatchObject({ ok: false, code: 'NUMBER_FORMAT', reason: '总分最多保留一位小数（读到 66.25）' });
  });
  it('reads the 学年 as the year it starts; refuses one not yet begun or not a 学年', () => {
    expect(parseFitnessYear('2025-2026', asOf)).toEqual({ ok: true, value: 2025 });
    expect(parseFitnessYear('2025—2026学年', asOf)).toEqual({ ok: true, value: 2025 });
    expect(parseFitnessYear(2024, asOf)).toEqual({ ok: true, value: 2024 });
    expect(parseFitnessYear('2026-2027', asOf)).toEqual({ ok: true, value: 2026 });
    expect(parseFitnessYear('2027-2028', asOf)).toMatchObject({ ok: false, code: 'SCHOOL_YEAR_FORMAT', reason: '测试学年 2027-2028 还没有开始' });
    expect(parseFitnessYear('2025-2027', asOf)).toMatchObject({ ok: false, code: 'SCHOOL_YEAR_FORMAT' });
    expect(parseFitnessYear('', asOf)).toMatchObject({ ok: false, code: 'REQUIRED' });
  });
});

describe('体质健康 score at graduation (毕业当年 50% + 其他学年平均 50%)', () => {
  const y = (schoolYear: number, score: number) => ({ schoolYear, score });
  it('is the one year recorded, or none', () => {
    expect(graduationFitnessScore([])).toBeNull();
    expect(graduationFitnessScore([y(2025, 47)])).toBe(47);
  });
  it('weighs the latest 学年 half and the mean of the others half, in any order given', () => {
    // 40 × 50% + 55 × 50% = 47.5: a low last year is not saved by one good year before it.
    expect(graduationFitnessScore([y(2025, 40), y(2023, 55)])).toBe(47.5);
    // 60 × 50% + (38 + 45) / 2 × 50% = 30 + 20.75 = 50.75 → 50.8 (half up).
    expect(graduationFitnessScore([y(2023, 38), y(2025, 60), y(2024, 45)])).toBe(50.8);
    // Tenths stay exact: 72.3 and 61.1 → 66.7.
    expect(graduationFitnessScore([y(2024, 61.1), y(2025, 72.3)])).toBe(66.7);
  });
});
