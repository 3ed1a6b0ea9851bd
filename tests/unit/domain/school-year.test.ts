import { describe, expect, it } from 'vitest';
import { canUndoRollover, planRollover, schoolYearLabel, schoolYearOf, studyYear, studyYearLabel } from '../../../shared/domain/school-year';

describe('学年', () => {
  it('starts on 1 August', () => {
    expect(schoolYearOf('2026-07-31')).toBe(2025);
    expect(schoolYearOf('2026-08-01')).toBe(2026);
    expect(schoolYearOf('2027-01-15')).toBe(2026);
    expect(schoolYearLabel(2026)).toBe('2026-2027学年');
  });

  it('counts 在读年级 from the cohort', () => {
    expect(studyYear(2025, 2025)).toBe(1);
    expect(studyYear(2024, 2026)).toBe(3);
    expect(['一年级', '三年级', '未入学'].map((_, i) => studyYearLabel([1, 3, 0][i]!))).toEqual(['一年级', '三年级', '未入学']);
  });
});

describe('planRollover', () => {
  const cls = (className: string, cohortYear: number, lengthYears = 3, students = 40) => ({ classId: cohortYear, className, cohortYear, lengthYears, students });

  it('moves every class up a year and marks the cohort entering its last year, oldest first', () => {
    const lines = planRollover([cls('计算机2601班', 2026), cls('计算机2401班', 2024), cls('计算机2501班', 2025)], 2026);
    expect(lines.map((l) => [l.className, l.fromStudyYear, l.toStudyYear, l.graduating, l.beyond])).toEqual([
      ['计算机2401班', 3, 4, false, true],
      ['计算机2501班', 2, 3, true, false],
      ['计算机2601班', 1, 2, false, false],
    ]);
  });

  it('follows each class’s 学制: a 2.5-year class graduates in its third year, a 5-year one later', () => {
    const [short, long] = planRollover([cls('护理2501班', 2025, 2.5), cls('五年一贯2501班', 2025, 5)], 2026);
    expect(short!.graduating).toBe(true);
    expect(long!.graduating).toBe(false);
  });
});

describe('canUndoRollover', () => {
  it('only on the local day it was applied', () => {
    const applied = new Date(2027, 7, 1, 9, 30).toISOString();
    expect(canUndoRollover(applied, new Date(2027, 7, 1, 23, 59).getTime())).toBe(true);
    expect(canUndoRollover(applied, new Date(2027, 7, 2, 0, 1).getTime())).toBe(false);
  });
});
