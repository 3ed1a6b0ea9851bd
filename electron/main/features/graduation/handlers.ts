import type { FeatureHandlers } from '../../core/handlers-type';
import { exportAudit } from './export';
import { cohortLeavers } from './leavers';
import { graduationDetail, graduationResults, overrideOutcome } from './results';
import { rulesView, saveRules } from './rules';
import { runAudit } from './run';

/** 毕业资格审核: the batch audit (a job), results, one student's checks, overrides, 毕业要求 per plan, the export, the students who left (肄业证书 / 学习证明). */
export const graduationHandlers: FeatureHandlers<'graduation'> = {
  'graduation.audit': (input, ctx) => runAudit(ctx, input),
  'graduation.results': (input, ctx) => graduationResults(ctx, input),
  'graduation.detail': (input, ctx) => graduationDetail(ctx, input.studentId),
  'graduation.override': (input, ctx) => overrideOutcome(ctx, input),
  'graduation.rules': (input, ctx) => rulesView(ctx, input.planId),
  'graduation.saveRules': (input, ctx) => saveRules(ctx, input),
  'graduation.export': (input, ctx) => exportAudit(ctx, input),
  'graduation.leavers': (input, ctx) => cohortLeavers(ctx, input),
};
