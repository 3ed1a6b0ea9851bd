import { attemptPassed, eligibleAttempts, orderAttempts, type CourseGrades } from '../grades';
import type { FailedCourse } from './types';

/**
 * The courses still failed after 补考 (and any 重修 so far), from the grade records, by the GPA
 * module's own rules so a course is failed here exactly when computeGpa does not count it earned:
 * 免修 is never failed; a course with no result yet (none, or a 缓考 not yet sat) is not failed
 * yet; after a void (作弊) attempt only a 重修 can pass it. Pass the attempts recorded up to the
 * run. A course's term is that of its first attempt (the 正考 or 缓考 sitting), so a 补考 taken
 * early next term still counts for the term the course was taught in.
 */
export function stillFailedCourses(courses: readonly CourseGrades[]): FailedCourse[] {
  const out: FailedCourse[] = [];
  for (const { course, attempts } of courses) {
    const ordered = orderAttempts(attempts);
    if (ordered.some((a) => a.kind === '免修')) continue;
    const eligible = eligibleAttempts(ordered);
    if (eligible.length === 0 || eligible.some(attemptPassed)) continue;
    out.push({ code: course.code, credits: course.credits, required: course.nature === '必修', term: ordered[0]!.term });
  }
  return out;
}
