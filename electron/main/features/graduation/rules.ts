/**
 * 毕业要求 per plan version (graduation.rules / graduation.saveRules): the latest saved rule set or
 * the rules derived from the plan, and saving a new version (never editing one) after the meaning
 * checks, with the problems in Chinese.
 */
import type { z } from 'zod';
import { insertRuleSet, latestRuleSet } from '../../../../db/queries/graduation';
import { coursesOf, getPlan } from '../../../../db/queries/plans';
import { creditText } from '../../../../shared/domain/grades';
import { derivedRulesText, ruleSetProblems, ruleText } from '../../../../shared/domain/graduation/defaults';
import type { RulesView, SaveRulesInput } from '../../../../shared/ipc/schemas/graduation';
import type { CallContext } from '../../core/context';
import { AppError } from '../../core/errors';
import { rulesOfPlan } from './facts';

type View = z.output<typeof RulesView>;

function planCourses(ctx: CallContext, planId: number) {
  const plan = getPlan(ctx.db(), planId);
  if (!plan) throw new AppError('NOT_FOUND', '找不到该培养方案', 'planId');
  const rows = coursesOf(ctx.db(), planId);
  return { plan, courses: rows.map((c) => ({ code: c.code, name: c.name, creditTenths: c.creditTenths, module: c.module, nature: c.nature, scale: c.scale, countsTowardGpa: c.countsTowardGpa })) };
}

export function rulesView(ctx: CallContext, planId: number): View {
  const { plan, courses } = planCourses(ctx, planId);
  const r = rulesOfPlan(ctx.db(), planId, courses);
  return {
    planId,
    planName: plan.name,
    version: r.ruleSet?.version ?? null,
    savedBy: r.ruleSet?.savedBy ?? null,
    savedAt: r.ruleSet?.savedAt ?? null,
    rules: r.rules,
    lines: r.rules.map(ruleText),
    derivedText: derivedRulesText(courses),
    courses: courses.map((c) => ({ code: c.code, name: c.name, module: c.module, nature: c.nature, credits: creditText(c.creditTenths) })),
  };
}

export function saveRules(ctx: CallContext, input: z.output<typeof SaveRulesInput>): View {
  const { plan, courses } = planCourses(ctx, input.planId);
  const problems = ruleSetProblems(input.rules, new Set(courses.map((c) => c.code)));
  if (problems.length) throw new AppError('VALIDATION', `毕业要求有问题，未保存：${problems.join('；')}`, 'rules');
  ctx.write((db, who) => {
    const before = latestRuleSet(db, input.planId);
    const saved = insertRuleSet(db, { planId: input.planId, rules: JSON.stringify(input.rules), savedBy: who.username, savedAt: new Date(ctx.core.now()).toISOString() });
    return {
      value: saved,
      audit: [{
        action: 'graduation.saveRules', entity: 'plan', entityId: input.planId,
        summary: `保存毕业要求：${plan.name}（第 ${saved.version} 版）`,
        changes: [{ field: 'rules', before: before ? JSON.parse(before.rules).map(ruleText).join('；') : '按培养方案', after: input.rules.map(ruleText).join('；') }],
      }],
    };
  });
  return rulesView(ctx, input.planId);
}
