import { describePart, STUDENT_NO_ORDER_LABELS } from '../../../shared/domain/student-no';
import { CliError } from '../prompt';
import type { CliSession } from '../session';

/** Rows listed in the text output; --json carries all of them. */
const SHOWN = 30;

/**
 * `students assign-numbers --cohort 2026 [--dry-run]`: 学号编排 by the saved rule, as in the app
 * (one transaction, never changing an existing 学号). Exit code 0 also when some could not be numbered
 * (they are listed with the reason); 2 for bad arguments.
 */
export async function assignNumbersCommand(session: CliSession, opts: { cohort?: string | undefined; dryRun: boolean; json: boolean }): Promise<number> {
  let cohortYear: number | undefined;
  if (opts.cohort !== undefined) {
    cohortYear = Number(opts.cohort);
    if (!Number.isInteger(cohortYear) || cohortYear < 1990 || cohortYear > 2100) throw new CliError(`--cohort 应为四位年份（年级），而不是“${opts.cohort}”。`, 2);
  }
  const rule = await session.call('studentNumbers.rule', {});
  const r = await session.call('studentNumbers.assign', { ...(cohortYear !== undefined ? { cohortYear } : {}), dryRun: opts.dryRun });
  if (opts.json) {
    console.log(JSON.stringify(r, null, 2));
    return 0;
  }
  console.log(`学号规则：${rule.parts.map(describePart).join(' + ')}（${STUDENT_NO_ORDER_LABELS[rule.order]}）`);
  console.log(`${cohortYear ? `${cohortYear} 级` : '全部'}待编学号 ${r.pending} 人：${opts.dryRun ? '将编排' : '已编排'} ${r.assigned.length} 人${r.skipped.length ? `，无法编排 ${r.skipped.length} 人` : ''}`);
  for (const a of r.assigned.slice(0, SHOWN)) console.log(`  ${a.studentNo}\t${a.name}\t${a.className ?? ''}`);
  if (r.assigned.length > SHOWN) console.log(`  ……共 ${r.assigned.length} 人（加 --json 查看全部）`);
  for (const s of r.skipped.slice(0, SHOWN)) console.log(`  未编排：${s.name}（${s.className ?? '未分班'}）：${s.reason}`);
  if (opts.dryRun) console.log('试运行：未写入任何数据。');
  return 0;
}
