import { Dec } from './decimal';
import type { FiveLevelGrade } from './types';

/**
 * How a school turns grades into a GPA (DOMAIN.md §8.3), as data so it can be a per-school
 * setting. DEFAULT_GPA_METHOD is issue 15's default; every other field value is one of its options.
 */
export type GradePointScale = 'linear5' | 'banded4' | 'curve4';

export interface GpaMethod {
  /** Score → grade point: A (score − 50)/10, B the 4.0 band table, C the curve 4 − 3(100 − X)²/1600. */
  gradePoints: GradePointScale;
  /**
   * The GPA's Σ credit: 'attempted' = every course that counts, failed ones included (总修读学分,
   * 南阳理工); 'earned' = only the courses passed (已获学分).
   */
  denominator: 'attempted' | 'earned';
  /**
   * A pass obtained by these kinds counts PASS_GRADE_POINT whatever its score (南阳理工: 补考/重修
   * passed → 1.0). Leave 补考 out to count it at its real score.
   */
  fixedPassFor: readonly ('补考' | '重修')[];
  /** 五级制 grade → score before the grade point (南阳理工 95/85/75/65/45). */
  fiveLevelScores: Readonly<Record<FiveLevelGrade, number>>;
}

export const DEFAULT_GPA_METHOD: GpaMethod = {
  gradePoints: 'linear5',
  denominator: 'attempted',
  fixedPassFor: ['补考', '重修'],
  fiveLevelScores: { 优秀: 95, 良好: 85, 中等: 75, 及格: 65, 不及格: 45 },
};

export const GRADE_POINT_SCALE_LABELS: Readonly<Record<GradePointScale, string>> = {
  linear5: '五分制：绩点 =（成绩 − 50）÷ 10',
  banded4: '四分制分段：90 分以上 4.0 … 60–63 分 1.0',
  curve4: '四分制曲线：绩点 = 4 − 3 ×（100 − 成绩）² ÷ 1600',
};

/** 60 is a pass in every scale (DOMAIN.md §8.2). */
export const PASS_MARK = 60;
/** What a bare pass is worth in all three scales (60 → 1.0), and so what a fixed 补考/重修 pass counts. */
export const PASS_GRADE_POINT = new Dec(1);

/**
 * DOMAIN.md §8.3 B, by lower bound: a fractional score sits in the band whose lower bound it has
 * reached (84.5 → 3.3, it is not yet 85).
 */
const BANDS: readonly (readonly [number, string])[] = [
  [90, '4.0'],
  [85, '3.7'],
  [82, '3.3'],
  [78, '3.0'],
  [75, '2.7'],
  [72, '2.3'],
  [68, '2.0'],
  [64, '1.5'],
  [60, '1.0'],
];

/** The grade point of a 0–100 score under a scale; below 60 it is 0 in all of them. */
export function scoreGradePoint(score: Dec, scale: GradePointScale): Dec {
  if (score.lt(0) || score.gt(100)) throw new RangeError(`score out of range: ${score.toString()}`);
  if (score.lt(PASS_MARK)) return new Dec(0);
  switch (scale) {
    case 'linear5':
      return score.minus(50).div(10);
    case 'banded4':
      return new Dec(BANDS.find(([from]) => score.gte(from))![1]);
    case 'curve4': {
      const gap = new Dec(100).minus(score);
      return new Dec(4).minus(gap.times(gap).times(3).div(1600));
    }
  }
}

/**
 * The method in words, one clause per field in this order: grade points, denominator, 补考/重修,
 * 五级制. The audit trail records the whole text, the settings page shows it, the student's 成绩 tab
 * shows the first three in its one-line note (so what the pages say is what the log says).
 */
export function gpaMethodClauses(m: GpaMethod): [string, string, string, string] {
  const five = Object.entries(m.fiveLevelScores).map(([g, s]) => `${g} ${s}`).join('、');
  return [
    GRADE_POINT_SCALE_LABELS[m.gradePoints],
    m.denominator === 'attempted' ? '分母为修读学分（不及格课程计入）' : '分母为已获学分（不及格课程不计入）',
    m.fixedPassFor.length ? `${m.fixedPassFor.join('、')}通过的绩点按 1.0 计` : '补考、重修按实际成绩计绩点',
    `五级制折算：${five}`,
  ];
}

export const gpaMethodText = (m: GpaMethod): string => gpaMethodClauses(m).join('；');
