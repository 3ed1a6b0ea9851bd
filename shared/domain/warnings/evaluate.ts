import { studentStatusName } from '../codes';
import { Dec, exact, formatGpa } from '../grades';
import { isTerm } from '../status-changes/order-data';
import { failedPhrase, gpaPhrase, measureKey } from './text';
import { SANCTION_LEVELS, type FailedCourse, type SanctionLevel, type WarningFacts, type WarningReason, type WarningResult, type WarningRuleSet, type WarningTier, type WarningTrigger } from './types';

/**
 * One student's 学业预警 under one rule set (DOMAIN.md §6): tier = the highest tier with a trigger
 * that fired ("Level = max over all triggered rules"), and every trigger that fired, in words a
 * counselor can read out. Pure; expects a rule set without ruleSetProblems (the settings page
 * refuses any other), and throws RangeError on facts the storage step should never produce.
 */

/**
 * Only a student 在籍在校 is evaluated. 休学 and 保留学籍 keep the 学籍 but the student is away
 * (issue 15: excluded); every other status has left the school or never entered it.
 */
export function exclusionReason(status: string): string | null {
  if (status === 'enrolled') return null;
  if (status === 'suspended') return '休学期间，不参与学业预警';
  if (status === 'retained') return '保留学籍期间，不参与学业预警';
  const name = studentStatusName(status);
  return name ? `学籍状态为“${name}”，不参与学业预警` : '学籍状态不明，不参与学业预警';
}

/** GPA text → the value as printed (2 decimals, 四舍五入); null when there is none. */
function printedGpa(text: string | null): Dec | null {
  if (text === null || text.trim() === '' || text.trim() === '—') return null;
  return new Dec(formatGpa(exact(text, 'GPA')));
}

/** What a trigger is compared with, computed once per student. */
interface Measures {
  failed(t: Extract<WarningTrigger, { kind: 'failedCourses' | 'failedCredits' }>): readonly FailedCourse[];
  gpa: { cumulative: Dec | null; term: Dec | null };
  absenceHours: number;
  /** Index in SANCTION_LEVELS of the heaviest active 处分, −1 when none. */
  sanctionRank: number;
}

function measures(facts: WarningFacts): Measures {
  if (!isTerm(facts.term)) throw new RangeError(`term: ${facts.term}`);
  if (!Number.isFinite(facts.absenceHours) || facts.absenceHours < 0) throw new RangeError(`absenceHours: ${facts.absenceHours}`);
  const cache = new Map<string, readonly FailedCourse[]>();
  return {
    failed(t) {
      const key = `${t.scope}:${t.courses}`;
      let list = cache.get(key);
      if (!list) {
        list = facts.failedCourses.filter((c) => (t.courses === 'all' || c.required) && (t.scope === 'cumulative' || c.term === facts.term));
        cache.set(key, list);
      }
      return list;
    },
    gpa: { cumulative: printedGpa(facts.gpa.cumulative), term: printedGpa(facts.gpa.term) },
    absenceHours: facts.absenceHours,
    sanctionRank: Math.max(-1, ...facts.activeSanctions.map((s) => SANCTION_LEVELS.indexOf(s))),
  };
}

const sumCredits = (courses: readonly FailedCourse[]) => courses.reduce((sum, c) => sum.plus(exact(c.credits, `credits of ${c.code}`)), new Dec(0));

/** The reason when the trigger fires, else null. */
function fire(t: WarningTrigger, tier: WarningTier, m: Measures): WarningReason | null {
  const reason = (actual: string, threshold: string, text: string): WarningReason => ({ tier: tier.label, trigger: t, actual, threshold, text });
  switch (t.kind) {
    case 'failedCourses': {
      const n = m.failed(t).length;
      if (n < t.atLeast) return null;
      return reason(String(n), String(t.atLeast), `${failedPhrase(t)} ${n} 门（达到${tier.label}的 ${t.atLeast} 门）`);
    }
    case 'failedCredits': {
      const sum = sumCredits(m.failed(t));
      const bar = exact(t.atLeast, 'failedCredits threshold');
      if (sum.lt(bar)) return null;
      return reason(sum.toString(), bar.toString(), `${failedPhrase(t)} ${sum.toString()} 学分（达到${tier.label}的 ${bar.toString()} 学分）`);
    }
    case 'gpaBelow': {
      const gpa = m.gpa[t.scope];
      const bar = exact(t.below, 'GPA threshold');
      if (gpa === null || !gpa.lt(bar)) return null;
      const [actual, threshold] = [formatGpa(gpa), formatGpa(bar)];
      return reason(actual, threshold, `${gpaPhrase(t)} ${actual}（低于 ${threshold}）`);
    }
    case 'absenceHours': {
      const h = m.absenceHours;
      if (h < t.atLeast) return null;
      return reason(String(h), String(t.atLeast), `本学期旷课 ${h} 学时（达到${tier.label}的 ${t.atLeast} 学时）`);
    }
    case 'sanction': {
      if (m.sanctionRank < SANCTION_LEVELS.indexOf(t.atLeast)) return null;
      const level: SanctionLevel = SANCTION_LEVELS[m.sanctionRank]!;
      return reason(level, t.atLeast, `${level}处分未解除（达到${tier.label}的${t.atLeast}）`);
    }
  }
}

export function evaluateWarning(facts: WarningFacts, ruleSet: WarningRuleSet): WarningResult {
  const excluded = exclusionReason(facts.status);
  if (excluded) return { tier: null, colour: null, excluded, reasons: [] };
  const m = measures(facts);
  const reasons: WarningReason[] = [];
  let reached: WarningTier | null = null;
  for (let i = ruleSet.tiers.length - 1; i >= 0; i--) {
    const tier = ruleSet.tiers[i]!;
    for (const t of tier.triggers) {
      const r = fire(t, tier, m);
      if (!r) continue;
      reasons.push(r);
      reached ??= tier;
    }
  }
  return { tier: reached?.label ?? null, colour: reached?.colour ?? null, excluded: null, reasons };
}

/**
 * For a notice: per thing measured, only the reason of the highest tier it reached (4 门 reaches
 * 蓝, 黄, 橙 and 红; the notice says 红 once). The run keeps the full list.
 */
export function strongestReasons(result: WarningResult): WarningReason[] {
  const seen = new Set<string>();
  return result.reasons.filter((r) => {
    const key = measureKey(r.trigger);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
