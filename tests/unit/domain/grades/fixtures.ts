import type { CourseGrades, GpaCourse, GradeAttempt } from '../../../../shared/domain/grades';

/** A 百分制 必修 course that counts toward GPA, unless told otherwise. */
export const course = (code: string, credits: number | string, over: Partial<GpaCourse> = {}): GpaCourse => ({
  code,
  credits,
  scale: '百分制',
  countsTowardGpa: true,
  nature: '必修',
  ...over,
});

/** A 正考 in 2024-2025-1 with this grade, unless told otherwise. */
export const sat = (score: GradeAttempt['score'], over: Partial<GradeAttempt> = {}): GradeAttempt => ({
  kind: '正考',
  score,
  absent: false,
  void: false,
  term: '2024-2025-1',
  ...over,
});

export const grades = (c: GpaCourse, ...attempts: GradeAttempt[]): CourseGrades => ({ course: c, attempts });

/**
 * One transcript with every default rule (worked by hand in gpa.test.ts and method-options.test.ts):
 * MATH 4 cr 85; PHYS 3 cr 50 then 补考 72; CHEM 2 cr 58; ENG 2 cr 五级制 良好; PE 1 cr 两级制 合格;
 * POL 3 cr 免修; ART 2 cr 92, plan: not counting; CS1 3 cr 缺考; CS2 2 cr 作弊, 补考 88, 重修 76.
 */
export function transcript() {
  return [
    grades(course('MATH', 4), sat(85)),
    grades(course('PHYS', 3), sat(50), sat(72, { kind: '补考', term: '2024-2025-2' })),
    grades(course('CHEM', 2), sat(58)),
    grades(course('ENG', 2, { scale: '五级制' }), sat('良好')),
    grades(course('PE', 1, { scale: '两级制' }), sat('合格')),
    grades(course('POL', 3), sat(null, { kind: '免修' })),
    grades(course('ART', 2, { countsTowardGpa: false, nature: '任选' }), sat(92)),
    grades(course('CS1', 3), sat(null, { absent: true })),
    grades(
      course('CS2', 2),
      sat(null, { void: true }),
      sat(88, { kind: '补考', term: '2024-2025-2' }),
      sat(76, { kind: '重修', term: '2025-2026-1' }),
    ),
  ];
}
