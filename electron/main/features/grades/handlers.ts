import { diffFields } from '../../../../db/queries/audit';
import { getGpaMethod, putGpaMethod } from '../../../../db/queries/grades';
import { DEFAULT_GPA_METHOD } from '../../../../shared/domain/grades';
import type { FeatureHandlers } from '../../core/handlers-type';
import { studentCourses, studentGpa } from './gpa';
import { attemptView, courseAndClass, gradeGrid } from './grid';
import { methodText } from './method';
import { saveGrades } from './save';

const isDefault = (m: unknown) => JSON.stringify(m) === JSON.stringify(DEFAULT_GPA_METHOD);

/**
 * 成绩: the grid of one course and class (read, and saved whole or not at all), a student's GPA by
 * the school's method, and that method (a setting, DOMAIN.md §8.3). Rules: shared/domain/grades.
 */
export const gradesHandlers: FeatureHandlers<'grades'> = {
  'grades.forCourse': ({ courseId, classId }, ctx) => {
    const db = ctx.db();
    const { course, cls } = courseAndClass(db, courseId, classId);
    return gradeGrid(db, course, cls);
  },

  'grades.save': (input, ctx) => saveGrades(ctx, input),

  'grades.gpa': ({ studentId }, ctx) => studentGpa(ctx.db(), studentId),

  'grades.ofStudent': ({ studentId }, ctx) => {
    const { courses, rowOf } = studentCourses(ctx.db(), studentId);
    return {
      studentId,
      courses: courses.map((c) => ({
        code: c.course.code,
        name: c.name,
        credits: String(c.course.credits),
        nature: c.course.nature,
        scale: c.course.scale,
        first: c.first,
        attempts: c.attempts.map((a) => attemptView(rowOf.get(a)!)),
      })),
    };
  },

  'grades.method': (_input, ctx) => {
    const method = getGpaMethod(ctx.db());
    return { method: { ...method, fixedPassFor: [...method.fixedPassFor] }, isDefault: isDefault(method) };
  },

  'grades.saveMethod': (method, ctx) =>
    ctx.write((db) => {
      const before = getGpaMethod(db);
      putGpaMethod(db, method);
      const changes = diffFields({ gpaMethod: methodText(before) }, { gpaMethod: methodText(method) }, ['gpaMethod']);
      return {
        value: { method, isDefault: isDefault(method) },
        audit: changes.length ? [{ action: 'grades.saveMethod', entity: 'settings', entityId: null, summary: `修改绩点计算方法：${methodText(method)}`, changes }] : [],
      };
    }),
};
