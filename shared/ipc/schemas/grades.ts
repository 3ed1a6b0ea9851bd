import { z } from 'zod';
import { ATTEMPT_KINDS, COURSE_NATURES, GRADE_SCALES, isTerm } from '../../domain/grades';
import { id } from './common';
import { PlanCourse } from './plans';

/** Grades for one course and class (the grid), a student's GPA, the school's GPA method. */

const term = (label: string) => z.string({ error: `请填写${label}` }).trim().refine(isTerm, `${label}格式应为 2026-2027-1（学年加第 1 或第 2 学期）`);
const attempt = z.enum(ATTEMPT_KINDS, { error: '考试性质应为正考、补考、重修、缓考或免修' });

export const GradeGridInput = z.object({ courseId: id, classId: id });

/** One cell of the grid as typed; the main process reads it with readGradeEntry, as the grid does. */
export const GradeEntryInput = z.object({
  studentId: id,
  attempt,
  /**
   * Which recorded attempt this changes; absent: the student's 正考/缓考/免修 (one each), or the
   * 补考/重修 taken in this entry's term, or else a new attempt.
   */
  attemptNo: z.number({ error: '考试次序应为数字' }).int().min(1).optional(),
  score: z.string({ error: '成绩应为文字' }).max(20, '成绩不能超过 20 个字符').default(''),
  absent: z.boolean().optional(),
  void: z.boolean().optional(),
  /** Takes the attempt out (a grade entered for the wrong student or attempt). */
  remove: z.boolean().optional(),
  /** 学年学期 taken; default: the save's term for a new attempt, the recorded one for an existing attempt. */
  term: term('考试学期').optional(),
});

export const SaveGradesInput = z.object({
  courseId: id,
  classId: id,
  /** The 学年学期 new attempts were taken in (the grid proposes the course's term for the class's cohort). */
  term: term('考试学期'),
  entries: z.array(GradeEntryInput, { error: '成绩应为列表' }).min(1, '没有要保存的成绩').max(1000, '一次最多保存 1000 条成绩'),
});

export const GradeAttemptView = z.object({
  attemptNo: z.number(),
  kind: attempt,
  score: z.string().nullable(),
  absent: z.boolean(),
  void: z.boolean(),
  term: z.string(),
  enteredBy: z.string(),
  enteredAt: z.string(),
});

export const GradeGrid = z.object({
  course: PlanCourse,
  classId: z.number(),
  className: z.string(),
  /** The course's term for the class's cohort (plan term 3 of 2026 级 → 2027-2028-1). */
  defaultTerm: z.string(),
  rows: z.array(
    z.object({
      studentId: z.number(),
      studentNo: z.string().nullable(),
      name: z.string(),
      status: z.string(),
      statusLabel: z.string(),
      attempts: z.array(GradeAttemptView),
    }),
  ),
});
export type GradeGrid = z.infer<typeof GradeGrid>;

export const SaveGradesOutput = z.object({
  added: z.number(),
  updated: z.number(),
  removed: z.number(),
  unchanged: z.number(),
  grid: GradeGrid,
});

export const GpaInput = z.object({ studentId: id });

/** Decimals as text: exact, and the GPA unrounded (gpaText is the 2-decimal display). */
export const GpaOutput = z.object({
  studentId: z.number(),
  gpa: z.string().nullable(),
  gpaText: z.string(),
  creditsEarned: z.string(),
  creditsCounted: z.string(),
  creditPoints: z.string(),
  courses: z.array(
    z.object({
      code: z.string(),
      name: z.string(),
      credits: z.string(),
      scale: z.string(),
      attemptNo: z.number().nullable(),
      attempt: attempt.nullable(),
      term: z.string().nullable(),
      score: z.string().nullable(),
      gradePoint: z.string().nullable(),
      earned: z.boolean(),
      counted: z.boolean(),
      reason: z.string().optional(),
    }),
  ),
});

/**
 * A student's courses with every recorded attempt (the profile's 成绩 tab), in transcript order:
 * by the term first taken, then code. Credits, nature and scale from the plan the GPA uses.
 */
export const StudentGrades = z.object({
  studentId: z.number(),
  courses: z.array(
    z.object({
      code: z.string(),
      name: z.string(),
      credits: z.string(),
      nature: z.enum(COURSE_NATURES),
      scale: z.enum(GRADE_SCALES),
      /** The 学年学期 first taken. */
      first: z.string(),
      attempts: z.array(GradeAttemptView),
    }),
  ),
});

export const GpaMethodSchema = z.object({
  gradePoints: z.enum(['linear5', 'banded4', 'curve4'], { error: '绩点换算方式无效' }),
  denominator: z.enum(['attempted', 'earned'], { error: '计算口径无效' }),
  fixedPassFor: z.array(z.enum(['补考', '重修'], { error: '只有补考、重修可按固定绩点计' })).max(2),
  fiveLevelScores: z.object({
    优秀: z.number().min(0).max(100),
    良好: z.number().min(0).max(100),
    中等: z.number().min(0).max(100),
    及格: z.number().min(0).max(100),
    不及格: z.number().min(0).max(100),
  }),
});

export const GpaMethodView = z.object({ method: GpaMethodSchema, isDefault: z.boolean() });
