import { studentNoText } from '../../../shared/domain/student-no';
import { refuse, withRefusals } from '../refusals';
import type { CliSession } from '../session';
import { textTable } from '../table';

const USAGE = '用法：warnings run --term 2026-2027-1 [--json]';
const CHANGE_LABELS = { new: '新增', raised: '升级', lowered: '降级', cleared: '解除', same: '不变' } as const;

/**
 * `warnings run --term 2026-2027-1`: runs 学业预警 for the term under the rule set in force (the same
 * call as the app: the same permission, 数据范围 and results), then lists who reached which tier and why.
 * --json: { run: {runId, term, evaluated, excluded, warned, comparedWithTerm, changes}, students: [{ studentNo, name, className, tier, previousTier, change, reasons: [text] }] }.
 */
export async function warningsCommand(session: CliSession, sub: string | undefined, opts: { term: string | undefined; json: boolean }): Promise<number> {
  return withRefusals(opts.json, async () => {
    if (sub !== 'run') refuse('VALIDATION', USAGE);
    if (!opts.term) refuse('VALIDATION', `请用 --term 指定学期，如 2026-2027-1。${USAGE}`);
    const run = await session.call('warnings.run', { term: opts.term });
    const { rows } = await session.call('warnings.results', { runId: run.runId });
    const students = rows.map((r) => ({ studentNo: r.studentNo, name: r.name, className: r.className, tier: r.tier, previousTier: r.previousTier, change: r.change, reasons: r.reasons.map((x) => x.text) }));
    if (opts.json) {
      console.log(JSON.stringify({ run, students }, null, 2));
      return 0;
    }
    const c = run.changes;
    console.log(
      [
        `学业预警 ${run.term}（${run.ruleSetName}）：评估 ${run.evaluated} 人，未参与 ${run.excluded} 人（休学、保留学籍等），预警 ${run.warned} 人`,
        run.comparedWithTerm ? `  与 ${run.comparedWithTerm} 相比：新增 ${c.new}，升级 ${c.raised}，降级 ${c.lowered}，解除 ${c.cleared}，不变 ${c.same}` : '  此前没有其他学期的预警结果，全部记为新增',
        '',
        textTable(['学号', '姓名', '班级', '预警等级', '变化', '原因'], students.map((s) => [studentNoText(s.studentNo), s.name, s.className ?? '', s.tier ?? '（解除）', CHANGE_LABELS[s.change], s.reasons.join('；')])),
      ].join('\n'),
    );
    return 0;
  });
}
