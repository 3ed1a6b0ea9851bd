import { GRADE_POINT_SCALE_LABELS, type GpaMethod } from '../../../../shared/domain/grades';

/** The GPA method in words, for the audit trail (and the settings page's summary). */
export function methodText(m: GpaMethod): string {
  const five = Object.entries(m.fiveLevelScores).map(([g, s]) => `${g} ${s}`).join('、');
  return [
    GRADE_POINT_SCALE_LABELS[m.gradePoints],
    m.denominator === 'attempted' ? '分母为修读学分（不及格课程计入）' : '分母为已获学分（不及格课程不计入）',
    m.fixedPassFor.length ? `${m.fixedPassFor.join('、')}通过的绩点按 1.0 计` : '补考、重修按实际成绩计绩点',
    `五级制折算：${five}`,
  ].join('；');
}
