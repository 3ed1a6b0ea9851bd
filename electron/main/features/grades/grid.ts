import type { Db } from '../../../../db/client';
import { classGrades, classStudents, type GradeRow } from '../../../../db/queries/grades';
import { getClass } from '../../../../db/queries/org';
import { getCourse, getPlan, type PlanCourseRow } from '../../../../db/queries/plans';
import { studentStatusName } from '../../../../shared/domain/codes';
import { cohortTerm } from '../../../../shared/domain/grades';
import type { GradeGrid } from '../../../../shared/ipc/schemas/grades';
import { AppError } from '../../core/errors';
import { toPlanCourse } from '../plans/dto';

export type ClassRow = NonNullable<ReturnType<typeof getClass>>;

/**
 * The course and class of a grid. The course must belong to a plan of the class's major (any
 * version: a grid opened on an older version's course still shows the grades, matched by code).
 */
export function courseAndClass(db: Db, courseId: number, classId: number): { course: PlanCourseRow; cls: ClassRow } {
  const course = getCourse(db, courseId);
  if (!course) throw new AppError('NOT_FOUND', '找不到该课程', 'courseId');
  const cls = getClass(db, classId);
  if (!cls) throw new AppError('NOT_FOUND', '找不到该班级', 'classId');
  if (getPlan(db, course.planId)?.majorId !== cls.majorId) {
    throw new AppError('VALIDATION', `课程 ${course.code} ${course.name} 不在${cls.name}所在专业的培养方案中`, 'courseId');
  }
  return { course, cls };
}

export const attemptView = (g: GradeRow) => ({
  attemptNo: g.attemptNo,
  kind: g.kind,
  score: g.score,
  absent: g.absent,
  void: g.void,
  term: g.term,
  enteredBy: g.enteredBy,
  enteredAt: g.enteredAt,
});

/** The students now in the class, each with every attempt at the course, in the order recorded. */
export function gradeGrid(db: Db, course: PlanCourseRow, cls: ClassRow): GradeGrid {
  const byStudent = new Map<number, GradeRow[]>();
  for (const g of classGrades(db, course.code, cls.id)) {
    const list = byStudent.get(g.studentId);
    if (list) list.push(g);
    else byStudent.set(g.studentId, [g]);
  }
  return {
    course: toPlanCourse(course),
    classId: cls.id,
    className: cls.name,
    defaultTerm: cohortTerm(cls.cohortYear, course.term),
    rows: classStudents(db, cls.id).map((s) => ({
      studentId: s.id,
      studentNo: s.studentNo,
      name: s.name,
      status: s.status,
      statusLabel: studentStatusName(s.status) ?? s.status,
      attempts: (byStudent.get(s.id) ?? []).map(attemptView),
    })),
  };
}
