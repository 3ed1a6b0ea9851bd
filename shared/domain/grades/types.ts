/**
 * Courses and attempts as the GPA (DOMAIN.md §8) needs them. The training plan and the grade
 * records hold more (names, hours, module, assessment); these are the fields that decide a grade
 * point, so the storage layer maps its rows onto them and the rule stays a pure function.
 */

/** 百分制 0–100; 五级制 优秀…不及格; 两级制 合格/不合格 (DOMAIN.md §8.2). */
export type GradeScale = '百分制' | '五级制' | '两级制';
export const GRADE_SCALES: readonly GradeScale[] = ['百分制', '五级制', '两级制'];

export type CourseNature = '必修' | '限选' | '任选';
export const COURSE_NATURES: readonly CourseNature[] = ['必修', '限选', '任选'];

/** 考试性质 of one attempt. 缓考 is the deferred first sitting, so it counts at its real score. */
export type AttemptKind = '正考' | '补考' | '重修' | '缓考' | '免修';
export const ATTEMPT_KINDS: readonly AttemptKind[] = ['正考', '补考', '重修', '缓考', '免修'];

export type FiveLevelGrade = '优秀' | '良好' | '中等' | '及格' | '不及格';
export const FIVE_LEVEL_GRADES: readonly FiveLevelGrade[] = ['优秀', '良好', '中等', '及格', '不及格'];
export type PassFailGrade = '合格' | '不合格';
export const PASS_FAIL_GRADES: readonly PassFailGrade[] = ['合格', '不合格'];
export type TextGrade = FiveLevelGrade | PassFailGrade;

/**
 * Credits may be given as a number (2, 0.5) or as decimal text ('1.5'). Numbers are read through
 * their shortest decimal form, so 0.1 is 0.1 and sums never pick up binary float error.
 */
export type CreditValue = number | string;

export interface GpaCourse {
  /** 课程代码 */
  code: string;
  credits: CreditValue;
  scale: GradeScale;
  /** The training plan's 是否计入绩点 flag (体育, 通识选修, 辅修… are often left out). */
  countsTowardGpa: boolean;
  nature: CourseNature;
}

export interface GradeAttempt {
  kind: AttemptKind;
  /**
   * The grade as recorded: a 0–100 score or a text grade. null when there is none to record:
   * 缺考, 作弊 without a score, 免修.
   */
  score: number | TextGrade | null;
  /** 缺考: counts as 0. */
  absent: boolean;
  /** 作弊 (grade void): counts as 0 whatever the score; only a later 重修 can replace it. */
  void: boolean;
  /** 学年学期 as 'yyyy-yyyy-n' (e.g. '2025-2026-1'), so text order is time order. */
  term: string;
}

export interface CourseGrades {
  course: GpaCourse;
  attempts: readonly GradeAttempt[];
}
