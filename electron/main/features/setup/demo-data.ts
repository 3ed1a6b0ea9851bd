import { insertDemoData } from '../../../../db/queries/demo';
import { generateDemoOrganisation, generateDemoStudents } from '../../../../shared/domain/demo';
import type { CallContext } from '../../core/context';
import { AppError } from '../../core/errors';
import { localDay } from '../../core/local-day';

/** Loads a realistic demo department (majors, classes, students) in one transaction, audited as one batch. */
export function loadDemoData(ctx: CallContext, count: number, seed: number) {
  const existing = ctx.db().$client.prepare('SELECT count(*) AS n FROM students').get() as { n: number };
  if (existing.n > 0) {
    throw new AppError('CONFLICT', `数据库中已有 ${existing.n} 名学生，演示数据只能加载到空数据库中。`);
  }
  const org = generateDemoOrganisation(seed);
  const students = generateDemoStudents(seed, count, org);
  const now = ctx.core.now();
  const at = new Date(now).toISOString();
  return ctx.write((db) => {
    const counts = insertDemoData(db, org, students, at, localDay(now));
    return {
      value: counts,
      audit: [
        {
          action: 'setup.loadDemo',
          entity: 'students',
          entityId: null,
          summary: `加载演示数据：${counts.majors} 个专业、${counts.classes} 个班级、${counts.students} 名学生`,
        },
      ],
    };
  });
}
