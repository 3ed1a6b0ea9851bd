import type { z } from 'zod';
import type { Db } from '../../../../db/client';
import { getGpaMethod, studentGrades, type GradeRow } from '../../../../db/queries/grades';
import { getClass } from '../../../../db/queries/org';
import { coursesOf, planInForce, type PlanCourseRow } from '../../../../db/queries/plans';
import { getStudent } from '../../../../db/queries/students';
import { computeGpa, creditText, formatGpa, scoreFromText, scoreToText, type CourseGrades, type GradeAttempt } from '../../../../shared/domain/grades';
import type { GpaOutput } from '../../../../shared/ipc/schemas/grades';
import { AppError } from '../../core/errors';

/** The plan courses a student's class studies under, by code (none without a class or a plan). */
export function planOfStudent(db: Db, classId: number | null): Map<string, PlanCourseRow> {
  const cls = classId === null ? undefined : getClass(db, classId);
  const plan = cls && planInForce(db, cls.majorId, cls.cohortYear);
  return new Map(plan ? coursesOf(db, plan.id).map((c) => [c.code, c]) : []);
}

/** A course as the GPA and the warning run take it, with its name and the stored row of each attempt. */
export interface StudentCourse extends CourseGrades {
  name: string;
  /** The term first taken (the transcript's order). */
  first: string;
  /** The plan course whose credits and scale apply (the transcript prints its hours, assessment, English name). */
  plan: PlanCourseRow;
}

/**
 * A student's stored grades per course (by code), as shared/domain/grades takes them. A course's
 * credits, scale and 计入绩点 come from the plan the student's class studies under, so a corrected
 * plan version applies; a course outside it (taken under another plan) keeps the plan course its
 * latest attempt was entered against. In transcript order: by the term first taken, then code.
 */
export function studentCourses(db: Db, studentId: number): { courses: StudentCourse[]; rowOf: Map<GradeAttempt, GradeRow> } {
  const student = getStudent(db, studentId);
  if (!student) throw new AppError('NOT_FOUND', '找不到该学生');
  return assembleCourses(studentGrades(db, studentId), planOfStudent(db, student.classId));
}

/**
 * studentCourses from rows already read (a student's grades by course code and attempt, with the
 * plan course each was entered against) and the plan of the student's class by code: the warning
 * run reads every student's rows in one statement and assembles each with this.
 */
export function assembleCourses(gradeRows: readonly { grade: GradeRow; course: PlanCourseRow }[], plan: ReadonlyMap<string, PlanCourseRow>): { courses: StudentCourse[]; rowOf: Map<GradeAttempt, GradeRow> } {
  const byCode = new Map<string, { course: PlanCourseRow; rows: GradeRow[] }>();
  for (const { grade, course } of gradeRows) {
    // Rows come by attempt number: the last one seen is the latest attempt's course.
    const rows = byCode.get(grade.courseCode)?.rows ?? [];
    rows.push(grade);
    byCode.set(grade.courseCode, { course: plan.get(grade.courseCode) ?? course, rows });
  }
  const rowOf = new Map<GradeAttempt, GradeRow>();
  const courses = [...byCode.values()].map(({ course, rows }): StudentCourse => ({
    course: { code: course.code, credits: creditText(course.creditTenths), scale: course.scale, countsTowardGpa: course.countsTowardGpa, nature: course.nature },
    attempts: rows.map((g) => {
      const a: GradeAttempt = { kind: g.kind, score: scoreFromText(g.score), absent: g.absent, void: g.void, term: g.term };
      rowOf.set(a, g);
      return a;
    }),
    name: course.name,
    first: rows.map((g) => g.term).sort()[0]!,
    plan: course,
  }));
  courses.sort((a, b) => (a.first < b.first ? -1 : a.first > b.first ? 1 : a.course.code < b.course.code ? -1 : 1));
  return { courses, rowOf };
}

/** A student's GPA by the school's method. Decimals leave as text: the GPA unrounded, gpaText rounded. */
export function studentGpa(db: Db, studentId: number): z.output<typeof GpaOutput> {
  const { courses, rowOf } = studentCourses(db, studentId);
  const byCode = new Map(courses.map((c) => [c.course.code, c]));
  const r = computeGpa(courses, getGpaMethod(db));
  return {
    studentId,
    gpa: r.gpa === null ? null : r.gpa.toFixed(),
    gpaText: formatGpa(r.gpa),
    creditsEarned: r.creditsEarned.toFixed(),
    creditsCounted: r.creditsCounted.toFixed(),
    creditPoints: r.creditPoints.toFixed(),
    courses: r.courses.map((l) => {
      const row = l.attempt ? rowOf.get(l.attempt) : undefined;
      return {
        code: l.code,
        name: byCode.get(l.code)!.name,
        credits: l.credits.toFixed(),
        scale: byCode.get(l.code)!.course.scale,
        attemptNo: row?.attemptNo ?? null,
        attempt: l.attempt?.kind ?? null,
        term: l.attempt?.term ?? null,
        score: scoreToText(l.score),
        gradePoint: l.gradePoint === null ? null : l.gradePoint.toFixed(),
        earned: l.earned,
        counted: l.counted,
        ...(l.reason === undefined ? {} : { reason: l.reason }),
      };
    }),
  };
}
