import { refuse, withRefusals } from '../refusals';
import type { CliSession } from '../session';

const USAGE = '用法：certificates assign --cohort 2023 [--major 专业名称|代码] [--order idNumber|studentNo|namePinyin] [--dry-run] [--json]';
const ORDERS = ['idNumber', 'studentNo', 'namePinyin'] as const;
/** Rows listed in the text output; --json carries all of them. */
const SHOWN = 30;

export interface CertificateAssignOptions {
  cohort: string | undefined;
  major: string | undefined;
  order: string | undefined;
  dryRun: boolean;
  json: boolean;
}

/**
 * `certificates assign`: 学历证书编号 for a grade's 毕业/结业 students without one, through the same
 * call as the 证书管理 page (certificates.assign: permission, 数据范围, one transaction, audit). --json
 * prints `[{studentNo, idNumber, name, kind, certificateNo}]`, the numbers given (none on a re-run).
 */
export async function certificatesAssignCommand(session: CliSession, sub: string | undefined, opts: CertificateAssignOptions): Promise<number> {
  return withRefusals(opts.json, async () => {
    if (sub !== 'assign') refuse('VALIDATION', USAGE);
    const cohortYear = Number(opts.cohort);
    if (!opts.cohort || !Number.isInteger(cohortYear) || cohortYear < 1990 || cohortYear > 2100) refuse('VALIDATION', `--cohort 应为四位年份（年级），如 2023。${USAGE}`);
    const order = opts.order as (typeof ORDERS)[number] | undefined;
    if (order !== undefined && !ORDERS.includes(order)) refuse('VALIDATION', `--order 应为 idNumber（按身份证号）、studentNo（按学号）或 namePinyin（按姓名拼音）。${USAGE}`);
    let majorId: number | undefined;
    if (opts.major) {
      const name = opts.major.trim();
      const major = (await session.call('org.tree', {})).majors.find((m) => m.name === name || m.code === name);
      if (!major) refuse('NOT_FOUND', `没有名为“${name}”的专业（按名称或代码查找）。`);
      majorId = major.id;
    }
    const input = { cohortYear, ...(majorId ? { majorId } : {}), ...(order ? { order } : {}) };
    const r = await session.call(opts.dryRun ? 'certificates.planNumbers' : 'certificates.assign', input);
    if (opts.json) {
      console.log(JSON.stringify(r.planned.map((p) => ({ studentNo: p.studentNo, idNumber: p.idNumber, name: p.name, kind: p.kind, certificateNo: p.certificateNo })), null, 2));
      return 0;
    }
    console.log(`${cohortYear} 级学历证书编号（${r.orderLabel}）：${opts.dryRun ? '将分配' : '已分配'} ${r.planned.length} 人，此前已有编号 ${r.alreadyNumbered} 人`);
    for (const g of r.groups) console.log(`  ${g.majorName}（${g.levelName}，${g.year} 年）${g.count} 人：${g.first}–${g.last}`);
    for (const p of r.planned.slice(0, SHOWN)) console.log(`  ${p.certificateNo}\t${p.kind}\t${p.name}\t${p.studentNo ?? ''}`);
    if (r.planned.length > SHOWN) console.log(`  ……共 ${r.planned.length} 人（加 --json 查看全部）`);
    for (const n of r.notEligible.slice(0, SHOWN)) console.log(`  未分配：${n.name}：${n.reason}`);
    if (opts.dryRun) console.log('试运行：未写入任何数据。');
    return 0;
  });
}
