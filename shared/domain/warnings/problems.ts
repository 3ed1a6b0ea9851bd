import { isValid, parseISO } from 'date-fns';
import { Dec, exact, formatGpa } from '../grades';
import { measureKey, measureLabel } from './text';
import { SANCTION_LEVELS, WARNING_COLOURS, type WarningRuleSet, type WarningTier, type WarningTrigger } from './types';

/**
 * What is wrong with a rule set an admin edited, in Chinese, in the order the form shows it; empty
 * when it can be saved. evaluateWarning relies on a rule set that passes.
 */

const LEVELS_TEXT = '警告、严重警告、记过或留校察看';
/** A GPA threshold is compared with the GPA as printed, so it has at most the printed 2 decimals. */
const GPA_TEXT = /^\d+(\.\d{1,2})?$/;

const wholeAtLeastOne = (n: unknown) => typeof n === 'number' && Number.isInteger(n) && n >= 1;

function decimalOrNull(v: unknown): Dec | null {
  if (typeof v !== 'number' && typeof v !== 'string') return null;
  try {
    return exact(v, 'threshold');
  } catch {
    return null;
  }
}

/** Why this trigger's own threshold is unusable, or null. */
function thresholdProblem(t: WarningTrigger): string | null {
  switch (t.kind) {
    case 'failedCourses':
    case 'absenceHours':
      return wholeAtLeastOne(t.atLeast) ? null : '应为不小于 1 的整数';
    case 'failedCredits': {
      const d = decimalOrNull(t.atLeast);
      return d && d.gt(0) ? null : '应为大于 0 的数';
    }
    case 'gpaBelow': {
      const text = typeof t.below === 'string' ? t.below.trim() : typeof t.below === 'number' ? String(t.below) : '';
      const d = GPA_TEXT.test(text) ? new Dec(text) : null;
      return d && d.gt(0) && d.lte(5) ? null : '应为大于 0、不超过 5 且最多两位小数的数';
    }
    case 'sanction':
      return SANCTION_LEVELS.includes(t.atLeast) ? null : `应为${LEVELS_TEXT}`;
  }
}

const SCOPES = ['term', 'cumulative'];
const COURSE_SETS = ['required', 'all'];

/** A trigger the form could not have produced (unknown kind, scope or course set). */
function malformed(t: WarningTrigger): boolean {
  switch (t.kind) {
    case 'failedCourses':
    case 'failedCredits':
      return !SCOPES.includes(t.scope) || !COURSE_SETS.includes(t.courses);
    case 'gpaBelow':
      return !SCOPES.includes(t.scope);
    case 'absenceHours':
    case 'sanction':
      return false;
    default:
      return true;
  }
}

/** A valid threshold as the admin reads it: “3 门”, “7.5 学分”, “低于 1.80”, “13 学时”, “记过及以上”. */
function thresholdText(t: WarningTrigger): string {
  switch (t.kind) {
    case 'failedCourses':
      return `${t.atLeast} 门`;
    case 'failedCredits':
      return `${exact(t.atLeast, 'threshold').toString()} 学分`;
    case 'gpaBelow':
      return `低于 ${formatGpa(exact(t.below, 'threshold'))}`;
    case 'absenceHours':
      return `${t.atLeast} 学时`;
    case 'sanction':
      return `${t.atLeast}及以上`;
  }
}

/** A space between a figure and the Chinese before it (“为 2 门”) and, unless punctuation follows, after it (“低于 1.80 还”). */
const spaced = (text: string, followedByText = false) => `${/^\d/.test(text) ? ' ' : ''}${text}${followedByText && /\d$/.test(text) ? ' ' : ''}`;

/** hi (the higher tier's trigger) asks for less than lo on the same measure. Both valid. */
function looser(hi: WarningTrigger, lo: WarningTrigger): boolean {
  if (hi.kind === 'gpaBelow' && lo.kind === 'gpaBelow') return exact(hi.below, 't').gt(exact(lo.below, 't'));
  if (hi.kind === 'sanction' && lo.kind === 'sanction') return SANCTION_LEVELS.indexOf(hi.atLeast) < SANCTION_LEVELS.indexOf(lo.atLeast);
  if ('atLeast' in hi && 'atLeast' in lo) return exact(hi.atLeast, 't').lt(exact(lo.atLeast, 't'));
  return false;
}

const tierName = (tier: WarningTier, i: number) => (tier.label?.trim() ? `“${tier.label.trim()}”` : `第 ${i + 1} 个预警等级`);

export function ruleSetProblems(ruleSet: WarningRuleSet): string[] {
  const out: string[] = [];
  if (!ruleSet.name?.trim()) out.push('请填写规则名称');
  if (!/^\d{4}-\d{2}-\d{2}$/.test(ruleSet.effectiveFrom ?? '') || !isValid(parseISO(ruleSet.effectiveFrom))) out.push('请填写生效日期（年-月-日）');
  const tiers = ruleSet.tiers ?? [];
  if (tiers.length === 0) {
    out.push('至少要设一个预警等级');
    return out;
  }

  const labels = new Map<string, number>();
  const colours = new Map<string, number>();
  tiers.forEach((tier, i) => {
    const label = tier.label?.trim() ?? '';
    if (!label) out.push(`第 ${i + 1} 个预警等级没有名称`);
    else if (labels.has(label)) out.push(`预警等级名称“${label}”重复`);
    else labels.set(label, i);
    if (!WARNING_COLOURS.includes(tier.colour)) out.push(`${tierName(tier, i)}没有选择颜色`);
    else if (colours.has(tier.colour)) out.push(`${tierName(tiers[colours.get(tier.colour)!]!, colours.get(tier.colour)!)}与${tierName(tier, i)}的颜色相同`);
    else colours.set(tier.colour, i);
  });

  // Per tier: its triggers' own problems; then each valid one against the strictest lower tier on the same measure.
  const lowerByMeasure = new Map<string, { trigger: WarningTrigger; tier: number }>();
  tiers.forEach((tier, i) => {
    const name = tierName(tier, i);
    const triggers = tier.triggers ?? [];
    if (triggers.length === 0) out.push(`${name}没有设置任何触发条件`);
    const seen = new Set<string>();
    const valid: WarningTrigger[] = [];
    for (const t of triggers) {
      if (malformed(t)) {
        out.push(`${name}有一条无法识别的触发条件`);
        continue;
      }
      const measure = measureLabel(t);
      const key = measureKey(t);
      if (seen.has(key)) out.push(`${name}中“${measure}”设置了不止一次`);
      seen.add(key);
      const problem = thresholdProblem(t);
      if (problem) out.push(`${name}的“${measure}”${problem}`);
      else valid.push(t);
    }
    for (const t of valid) {
      const lower = lowerByMeasure.get(measureKey(t));
      if (lower && looser(t, lower.trigger)) {
        out.push(
          `${name}的“${measureLabel(t)}”为${spaced(thresholdText(t))}，比${tierName(tiers[lower.tier]!, lower.tier)}的${spaced(thresholdText(lower.trigger), true)}还宽松：等级越高，条件应越严`,
        );
      }
    }
    // Keep the strictest so far: a higher tier must be at least as strict as every lower one.
    for (const t of valid) {
      const lower = lowerByMeasure.get(measureKey(t));
      if (!lower || !looser(t, lower.trigger)) lowerByMeasure.set(measureKey(t), { trigger: t, tier: i });
    }
  });
  return out;
}
