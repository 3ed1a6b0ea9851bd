import { creditText } from '../grades/plan';
import { BASE_RULES, type GraduationRule } from './rules';
import type { SegmentPlanCourse } from './segments';

/**
 * 毕业要求 when a plan version has no saved rule set: derived from the plan itself, decided here
 * and nowhere else. A plan says which courses are 必修 and their modules; it does not say how many
 * elective (限选/任选) credits a student must take, so the derived rules ask only what the plan makes
 * certain:
 * - every 必修 course passed, by code;
 * - per 课程模块 that has 必修 courses: at least the plan's 必修 credits in that module;
 * - total credits: at least the plan's 必修 credits;
 * - plus BASE_RULES (no outstanding 作弊 void grade, 体质健康 ≥ 50, within 最长学习年限).
 * The module and total lines repeat what a missing 必修 course costs in credits, which is how the
 * office states a shortfall ("专业核心 还差 4 学分：未通过 …"). A school that requires elective credits
 * saves its own rule set for the plan (graduation.rules).
 */
export function derivedRules(courses: readonly SegmentPlanCourse[]): GraduationRule[] {
  const required = courses.filter((c) => c.nature === '必修');
  const byModule = new Map<string, number>();
  for (const c of required) byModule.set(c.module, (byModule.get(c.module) ?? 0) + c.creditTenths);
  const total = required.reduce((n, c) => n + c.creditTenths, 0);
  const rules: GraduationRule[] = [];
  if (total > 0) rules.push({ kind: 'totalCredits', min: creditText(total) });
  for (const [module, tenths] of byModule) rules.push({ kind: 'moduleCredits', module, min: creditText(tenths) });
  if (required.length) rules.push({ kind: 'requiredCourses', courses: required.map((c) => ({ code: c.code, name: c.name })) });
  return [...rules, ...BASE_RULES];
}

/** How the derived rules read on screen: "未设置毕业要求，按培养方案：…". */
export function derivedRulesText(courses: readonly SegmentPlanCourse[]): string {
  const required = courses.filter((c) => c.nature === '必修');
  if (required.length === 0) return '未设置毕业要求，按培养方案：方案中没有必修课程，仅检查作弊无效成绩、体质健康测试（不低于 50 分）与最长学习年限。';
  const total = creditText(required.reduce((n, c) => n + c.creditTenths, 0));
  const modules = [...new Set(required.map((c) => c.module))];
  return `未设置毕业要求，按培养方案：${required.length} 门必修课程全部通过；${modules.length} 个模块（${modules.join('、')}）各不少于其必修学分；总学分不少于 ${total}（必修学分合计）；无未消除的作弊无效成绩；体质健康测试不低于 50 分；未超过最长学习年限。`;
}

/** One line per rule, as the 毕业要求 editor and the results page show them. */
export function ruleText(rule: GraduationRule): string {
  switch (rule.kind) {
    case 'totalCredits':
      return `总学分不少于 ${rule.min}${rule.caps?.length ? `（计入上限：${rule.caps.map((c) => `${c.module} ${c.max}`).join('、')}）` : ''}`;
    case 'moduleCredits':
      return `${rule.label ?? rule.module} 不少于 ${rule.min} 学分`;
    case 'requiredCourses':
      return `${rule.label ?? '必修课程'}全部通过：${rule.courses.map((c) => c.name).join('、')}`;
    case 'noVoidGrade':
      return '无未消除的作弊无效成绩';
    case 'fitness':
      return `体质健康测试不低于 ${rule.min} 分`;
    case 'certificate':
      return `${rule.label}：取得其一（${rule.anyOf.join('、')}）`;
    case 'withinMaxYears':
      return '未超过最长学习年限';
    case 'group':
      return `${rule.label}（${rule.need === 'all' ? '全部满足' : '满足其一'}）`;
  }
}

const CREDIT = /^\d{1,3}(\.\d)?$/;
const creditOk = (v: number | string) => CREDIT.test(String(v));

/**
 * Problems with a rule tree someone wrote, in Chinese, one per line (empty when it can be saved).
 * The shape is checked by the contract; these are the meanings: credits to one decimal, a module
 * named, courses from the plan, a fitness minimum within 0–100, no empty group.
 */
export function ruleSetProblems(rules: readonly GraduationRule[], planCodes?: ReadonlySet<string>): string[] {
  const out: string[] = [];
  const walk = (list: readonly GraduationRule[], where: string) => {
    for (const [i, r] of list.entries()) {
      const at = `${where}第 ${i + 1} 条`;
      switch (r.kind) {
        case 'totalCredits':
          if (!creditOk(r.min)) out.push(`${at}：总学分应为数字，最多一位小数`);
          for (const c of r.caps ?? []) {
            if (!c.module.trim()) out.push(`${at}：计入上限须写明课程模块`);
            if (!creditOk(c.max)) out.push(`${at}：${c.module} 计入上限应为数字，最多一位小数`);
          }
          break;
        case 'moduleCredits':
          if (!r.module.trim()) out.push(`${at}：请填写课程模块`);
          if (!creditOk(r.min)) out.push(`${at}：${r.module} 学分应为数字，最多一位小数`);
          break;
        case 'requiredCourses':
          if (r.courses.length === 0) out.push(`${at}：请至少选择一门必修课程`);
          if (planCodes) for (const c of r.courses) if (!planCodes.has(c.code)) out.push(`${at}：课程 ${c.name}（${c.code}）不在该培养方案中`);
          break;
        case 'fitness':
          if (!(r.min >= 0 && r.min <= 100)) out.push(`${at}：体质健康测试最低分应在 0 到 100 之间`);
          break;
        case 'certificate':
          if (!r.label.trim()) out.push(`${at}：请填写证书要求的名称`);
          if (r.anyOf.filter((n) => n.trim()).length === 0) out.push(`${at}：请至少填写一种证书`);
          break;
        case 'group':
          if (r.rules.length === 0) out.push(`${at}：“${r.label}”中没有任何要求`);
          walk(r.rules, `${at}“${r.label}”中`);
          break;
        default:
          break;
      }
    }
  };
  walk(rules, '');
  if (rules.length === 0) out.push('毕业要求不能为空');
  return out;
}
