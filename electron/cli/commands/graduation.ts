import { studentNoText } from '../../../shared/domain/student-no';
import { refuse, withRefusals } from '../refusals';
import type { CliSession } from '../session';
import { textTable } from '../table';

const USAGE = '用法：graduation audit --cohort 2023 [--major 专业名称或代码] [--json]';

/**
 * `graduation audit --cohort 2023 [--major …]`: the same audit as the 毕业审核 page (same permission,
 * 数据范围, rules and results written), then each student's 结论 and the lines not met.
 * --json: [{ studentNo, idNumber, outcome, deficiencies: [line] }] (outcome: the override when one is set).
 */
export async function graduationCommand(session: CliSession, sub: string | undefined, opts: { cohort: string | undefined; major: string | undefined; json: boolean }): Promise<number> {
  return withRefusals(opts.json, async () => {
    if (sub !== 'audit') refuse('VALIDATION', USAGE);
    if (!opts.cohort || !/^\d{4}$/.test(opts.cohort.trim())) refuse('VALIDATION', `请用 --cohort 指定年级（四位年份），如 2023。${USAGE}`);
    const cohortYear = Number(opts.cohort.trim());
    let majorId: number | undefined;
    if (opts.major) {
      const want = opts.major.trim();
      const major = (await session.call('org.tree', {})).majors.find((m) => m.name === want || m.code === want);
      if (!major) refuse('NOT_FOUND', `找不到专业“${want}”（按专业名称或代码）`);
      majorId = major.id;
    }
    const selection = { cohortYear, ...(majorId !== undefined ? { majorId } : {}) };
    const run = await session.call('graduation.audit', selection);
    const { rows } = await session.call('graduation.results', selection);
    const students = rows.map((r) => ({ studentNo: r.studentNo, idNumber: r.idNumber, outcome: r.outcome, deficiencies: r.deficiencies }));
    if (opts.json) {
      console.log(JSON.stringify(students, null, 2));
      return 0;
    }
    console.log(
      [
        `毕业资格审核 ${cohortYear} 级${opts.major ? ` ${opts.major}` : ''}：${run.audited} 人，毕业 ${run.graduated}，结业 ${run.completed}，延长学习年限 ${run.extended}`,
        '',
        textTable(['学号', '姓名', '班级', '结论', '未满足项'], rows.map((r) => [studentNoText(r.studentNo), r.name, r.className ?? '', r.override ? `${r.outcome}（已调整）` : r.outcome, r.deficiencies.join('；')])),
      ].join('\n'),
    );
    return 0;
  });
}
