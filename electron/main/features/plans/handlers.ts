import { getClass, getMajor } from '../../../../db/queries/org';
import { listPlans, planInForce } from '../../../../db/queries/plans';
import { AppError } from '../../core/errors';
import type { FeatureHandlers } from '../../core/handlers-type';
import { planDetail, toPlanSummary } from './dto';
import { duplicateCodes, writePlanVersion } from './save';

/**
 * 人才培养方案: versions per major and cohort. Saving never edits a version: it writes the next one,
 * which names the version it supersedes (the database refuses updates, migration 0017).
 */
export const plansHandlers: FeatureHandlers<'plans'> = {
  'plans.list': (input, ctx) => listPlans(ctx.db(), input).map(toPlanSummary),

  'plans.get': ({ id }, ctx) => {
    const plan = planDetail(ctx.db(), id);
    if (!plan) throw new AppError('NOT_FOUND', '找不到该培养方案');
    return plan;
  },

  'plans.forClass': ({ classId }, ctx) => {
    const db = ctx.db();
    const cls = getClass(db, classId);
    if (!cls) throw new AppError('NOT_FOUND', '找不到该班级');
    const plan = planInForce(db, cls.majorId, cls.cohortYear);
    return plan ? planDetail(db, plan.id)! : null;
  },

  'plans.save': (input, ctx) => {
    const major = getMajor(ctx.db(), input.majorId);
    if (!major) throw new AppError('VALIDATION', '所选专业不存在', 'majorId');
    const duplicate = duplicateCodes(input.courses);
    if (duplicate) throw duplicate;
    const at = new Date(ctx.core.now()).toISOString();
    const id = ctx.write((db, actor) => {
      const saved = writePlanVersion(db, actor, at, input, major.name);
      return { value: saved.id, audit: saved.audit };
    });
    return planDetail(ctx.db(), id)!;
  },
};
