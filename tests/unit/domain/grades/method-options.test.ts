import { describe, expect, it } from 'vitest';
import {
  computeGpa,
  DEFAULT_GPA_METHOD,
  Dec,
  formatGpa,
  GPA_REASONS,
  scoreGradePoint,
  type GpaMethod,
} from '../../../../shared/domain/grades';
import { course, grades, sat, transcript } from './fixtures';

const method = (over: Partial<GpaMethod>): GpaMethod => ({ ...DEFAULT_GPA_METHOD, ...over });
const brief = () => [
  grades(course('A', 4), sat(85)),
  grades(course('B', 3), sat(50), sat(72, { kind: '补考', term: '2024-2025-2' })),
  grades(course('C', 2), sat(58)),
];

describe('the default method is issue 15’s', () => {
  it('linear 5-point, failed courses in the denominator, 补考 and 重修 passes fixed at 1.0, 五级制 95/85/75/65/45', () => {
    expect(DEFAULT_GPA_METHOD).toEqual({
      gradePoints: 'linear5',
      denominator: 'attempted',
      fixedPassFor: ['补考', '重修'],
      fiveLevelScores: { 优秀: 95, 良好: 85, 中等: 75, 及格: 65, 不及格: 45 },
    });
  });
});

describe('B: the 4.0 banded scale (DOMAIN.md §8.3)', () => {
  it.each([
    [100, '4'], [90, '4'], [89.99, '3.7'], [89, '3.7'], [85, '3.7'], [84.5, '3.3'], [84, '3.3'], [82, '3.3'],
    [81, '3'], [78, '3'], [77, '2.7'], [75, '2.7'], [74, '2.3'], [72, '2.3'], [71, '2'], [68, '2'],
    [67, '1.5'], [64, '1.5'], [63, '1'], [60, '1'], [59.99, '0'], [0, '0'],
  ])('%s → %s', (score, expected) => expect(scoreGradePoint(new Dec(String(score)), 'banded4').toString()).toBe(expected));

  it('worked: 4 × 3.7 (85) + 3 × 1.0 (补考 72) + 2 × 0 = 17.8 over 9 → 1.977… → 1.98', () => {
    const r = computeGpa(brief(), method({ gradePoints: 'banded4' }));
    expect(r.creditPoints.toString()).toBe('17.8');
    expect(r.gpa!.equals(new Dec('17.8').div(9))).toBe(true);
    expect(formatGpa(r.gpa)).toBe('1.98');
  });

  it('the whole transcript: 14.8 + 3 + 0 + 7.4 (良好 → 85 → 3.7) + 0 + 2 = 27.2 over 16 → 1.70', () => {
    const r = computeGpa(transcript(), method({ gradePoints: 'banded4' }));
    expect(r.gpa!.toString()).toBe('1.7');
    expect(formatGpa(r.gpa)).toBe('1.70');
  });
});

describe('C: the curve 4 − 3(100 − X)²/1600', () => {
  it.each([
    [100, '4'], [90, '3.8125'], [85, '3.578125'], [75, '2.828125'], [60, '1'], [59, '0'],
  ])('%s → %s', (score, expected) => expect(scoreGradePoint(new Dec(score), 'curve4').toString()).toBe(expected));

  it('worked: 4 × 3.578125 + 3 × 1.0 + 0 = 17.3125 over 9 → 1.92', () => {
    const r = computeGpa(brief(), method({ gradePoints: 'curve4' }));
    expect(r.creditPoints.toString()).toBe('17.3125');
    expect(formatGpa(r.gpa)).toBe('1.92');
  });

  it('the whole transcript: 14.3125 + 3 + 7.15625 + 2 = 26.46875 over 16 = 1.654296875 exactly', () => {
    const r = computeGpa(transcript(), method({ gradePoints: 'curve4' }));
    expect(r.gpa!.toString()).toBe('1.654296875');
    expect(formatGpa(r.gpa)).toBe('1.65');
  });
});

describe('denominator = earned credits only', () => {
  it('worked: 17 over the 7 earned credits (C failed leaves) → 2.428… → 2.43', () => {
    const r = computeGpa(brief(), method({ denominator: 'earned' }));
    expect(r.creditsCounted.toString()).toBe('7');
    expect(r.gpa!.equals(new Dec(17).div(7))).toBe(true);
    expect(formatGpa(r.gpa)).toBe('2.43');
    expect(r.courses[2]).toMatchObject({ code: 'C', counted: false, earned: false, reason: GPA_REASONS.failedEarnedOnly });
  });

  it('the whole transcript: 26 over MATH 4 + PHYS 3 + ENG 2 + CS2 2 = 11 → 2.36 (CHEM and CS1 leave)', () => {
    const r = computeGpa(transcript(), method({ denominator: 'earned' }));
    expect(r.creditsCounted.toString()).toBe('11');
    expect(r.creditsEarned.toString()).toBe('17'); // unchanged: the option moves only the denominator
    expect(formatGpa(r.gpa)).toBe('2.36');
  });

  it('only fails: no GPA rather than a division by zero', () => {
    expect(computeGpa([grades(course('A', 2), sat(40))], method({ denominator: 'earned' })).gpa).toBeNull();
  });
});

describe('补考 at its real score', () => {
  const real补考 = method({ fixedPassFor: ['重修'] });

  it('worked: B counts (72 − 50)/10 = 2.2 → 14 + 6.6 + 0 = 20.6 over 9 → 2.29', () => {
    const r = computeGpa(brief(), real补考);
    expect(r.courses[1]!.gradePoint!.toString()).toBe('2.2');
    expect(r.creditPoints.toString()).toBe('20.6');
    expect(formatGpa(r.gpa)).toBe('2.29');
  });

  it('the whole transcript: 14 + 6.6 + 7 + 2 (重修 still 1.0) = 29.6 over 16 = 1.85', () => {
    expect(computeGpa(transcript(), real补考).gpa!.toString()).toBe('1.85');
  });

  it('with 重修 at its real score too, the best attempt can become the 重修 (2.8 beats a 正考 60’s 1.0)', () => {
    const attempts = [grades(course('X', 3), sat(60), sat(78, { kind: '重修', term: '2025-2026-1' }))];
    expect(computeGpa(attempts).courses[0]!.attempt!.kind).toBe('正考'); // tie at 1.0 → earlier
    const r = computeGpa(attempts, method({ fixedPassFor: [] }));
    expect(r.courses[0]!.attempt!.kind).toBe('重修');
    expect(r.gpa!.toString()).toBe('2.8');
  });

  it('a failed 补考 is 0 either way', () => {
    expect(computeGpa([grades(course('X', 2), sat(30), sat(55, { kind: '补考' }))], real补考).gpa!.toString()).toBe('0');
  });

  it('a 补考 pass is 1.0 under the banded and curve scales as well (60 → 1.0 in all three)', () => {
    for (const gradePoints of ['banded4', 'curve4'] as const) {
      expect(computeGpa([grades(course('X', 2), sat(40), sat(95, { kind: '补考' }))], method({ gradePoints })).gpa!.toString()).toBe('1');
    }
  });
});

describe('五级制 mapping is a setting', () => {
  it('90/80/70/60/50: 良好 → 80 → 3.0', () => {
    const r = computeGpa(
      [grades(course('X', 2, { scale: '五级制' }), sat('良好'))],
      method({ fiveLevelScores: { 优秀: 90, 良好: 80, 中等: 70, 及格: 60, 不及格: 50 } }),
    );
    expect(r.gpa!.toString()).toBe('3');
  });
});
