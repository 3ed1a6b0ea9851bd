import { displayNameLookup } from '../../../../db/queries/users';
import { getRun, latestRunOf, listRuleSets, listRuns, resultsOf, saveRuleSet, setAbsenceHours } from '../../../../db/queries/warnings';
import { getStudent } from '../../../../db/queries/students';
import { ruleSetOn, ruleSetProblems, WARNING_PRESETS, type TierChange, type WarningRuleSet } from '../../../../shared/domain/warnings';
import type { z } from 'zod';
import type { WarningResults } from '../../../../shared/ipc/schemas/warnings';
import type { Db } from '../../../../db/client';
import { AppError } from '../../core/errors';
import type { FeatureHandlers } from '../../core/handlers-type';
import { localDay } from '../../core/local-day';
import { runWarnings } from './run';
import { followUpView, recordReceipt, recordSend, saveFollowUp, savePlanText, saveTalk } from './followups';
import { issueNotice } from './notice';
import { warningTodo } from './todo';

function settingsOf(db: Db, day: string) {
  const versions = listRuleSets(db);
  return { versions, inForce: ruleSetOn(versions, day)?.effectiveFrom ?? null, presets: [...WARNING_PRESETS] };
}

const CHANGE_ORDER: Record<TierChange, number> = { new: 0, raised: 1, same: 2, lowered: 3, cleared: 4 };

/**
 * 学业预警: the rule sets (settings), the 旷课 hours the rules read, the run per term and its results.
 * A warning is never written into the 处分 records (DOMAIN.md §6).
 */
export const warningsHandlers: FeatureHandlers<'warnings'> = {
  'warnings.settings': (_input, ctx) => settingsOf(ctx.db(), localDay(ctx.core.now())),

  'warnings.saveRuleSet': (ruleSet, ctx) => {
    const rs = ruleSet as WarningRuleSet;
    const problems = ruleSetProblems(rs);
    if (problems.length) throw new AppError('VALIDATION', problems.join('；'));
    const now = new Date(ctx.core.now()).toISOString();
    ctx.write((tx, actor) => {
      saveRuleSet(tx, rs, actor.username, now);
      return { value: null, audit: [{ action: 'warnings.saveRuleSet', entity: 'settings', entityId: null, summary: `保存学业预警规则“${rs.name}”（自 ${rs.effectiveFrom} 起）：${rs.tiers.map((t) => t.label).join('、')}` }] };
    });
    return settingsOf(ctx.db(), localDay(ctx.core.now()));
  },

  'warnings.setAbsence': ({ studentId, term, hours }, ctx) => {
    const s = getStudent(ctx.db(), studentId);
    if (!s) throw new AppError('NOT_FOUND', '找不到该学生');
    const now = new Date(ctx.core.now()).toISOString();
    ctx.write((tx, actor) => {
      const before = setAbsenceHours(tx, { studentId, term, hours, by: actor.username, at: now });
      return { value: null, audit: [{ action: 'warnings.setAbsence', entity: 'student', entityId: studentId, summary: `登记 ${s.name} ${term} 学期旷课 ${hours} 学时`, changes: [{ field: 'absenceHours', before, after: hours }] }] };
    });
    return { studentId, term, hours };
  },

  'warnings.run': (input, ctx) => runWarnings(ctx, input),

  'warnings.results': ({ term, runId }, ctx): z.output<typeof WarningResults> => {
    const db = ctx.db();
    const runs = listRuns(db, 200);
    const terms = [...new Set(runs.map((r) => r.term))].sort().reverse();
    const run = runId ? getRun(db, runId) : term ? latestRunOf(db, term) : runs[0];
    if (!run) return { run: null, rows: [], terms };
    const rs = JSON.parse(run.ruleSet) as WarningRuleSet;
    const rows = resultsOf(db, run.id, ctx.scope()).map((r) => {
      const { excluded, reasons } = JSON.parse(r.reasons) as { excluded: string | null; reasons: { tier: string; text: string }[] };
      return { ...r, change: r.change as TierChange, excluded, reasons };
    });
    // Highest tier first (the order of the rule set), then what changed, then 学号.
    const rank = new Map(rs.tiers.map((t, i) => [t.label, i]));
    rows.sort((a, b) => (rank.get(b.tier ?? '') ?? -1) - (rank.get(a.tier ?? '') ?? -1) || CHANGE_ORDER[a.change] - CHANGE_ORDER[b.change]);
    const changes = { new: 0, raised: 0, lowered: 0, cleared: 0, same: 0 };
    for (const r of rows) changes[r.change]++;
    const previous = runs.filter((r) => r.term < run.term)[0];
    return {
      run: {
        runId: run.id, term: run.term, ruleSetName: rs.name, evaluated: run.evaluated, excluded: run.excluded, warned: run.warned, comparedWithTerm: previous?.term ?? null,
        changes, runAt: run.runAt, runByName: displayNameLookup(db)(run.runBy), tiers: rs.tiers.map((t) => ({ label: t.label, colour: t.colour })),
      },
      rows,
      terms,
    };
  },

  // Follow-up of a warned student in a term (followups.ts, notice.ts) and the 待办 reminders (todo.ts).
  'warnings.followUp': (input, ctx) => followUpView(ctx, input),
  'warnings.saveTalk': (input, ctx) => saveTalk(ctx, input),
  'warnings.savePlan': (input, ctx) => savePlanText(ctx, input),
  'warnings.saveFollowUp': (input, ctx) => saveFollowUp(ctx, input),
  'warnings.issueNotice': (input, ctx) => issueNotice(ctx, input),
  'warnings.recordSend': (input, ctx) => recordSend(ctx, input),
  'warnings.recordReceipt': (input, ctx) => recordReceipt(ctx, input),
  'warnings.todo': (_input, ctx) => warningTodo(ctx),
};
