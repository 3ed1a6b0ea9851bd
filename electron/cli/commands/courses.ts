import { CliError } from '../prompt';
import type { CliSession } from '../session';
import { importFile, type ImportFileOptions } from './import-file';

const USAGE = '用法：courses import FILE [--plan 方案编号|专业/年级] [--sheet NAME] [--dry-run] [--report OUT.xlsx] [--json]';

/**
 * --plan: a plan version's number (the version the file supersedes), or 专业名称或代码/年级
 * (计算机应用技术/2026, 510201/2026: that plan's current version, or its first). Without it the
 * file's 专业 and 年级 columns say which plan.
 */
async function planChoice(session: CliSession, plan: string | undefined) {
  if (plan === undefined) return undefined;
  const text = plan.trim();
  if (/^\d+$/.test(text)) return { planId: Number(text) };
  const m = /^(.+?)\s*[/／]\s*(\d{4})级?$/.exec(text);
  if (!m) throw new CliError(`--plan 应为方案编号，或“专业/年级”（如 计算机应用技术/2026），而不是“${plan}”。`, 2);
  const key = m[1]!.replace(/\s+/g, '');
  const { majors } = await session.call('org.tree', {});
  const major = majors.find((x) => x.code === key || x.name.replace(/\s+/g, '') === key);
  if (!major) throw new CliError(`没有名称或代码为“${m[1]}”的专业。`, 2);
  return { majorId: major.id, cohortYear: Number(m[2]) };
}

/**
 * `courses import FILE [--plan …]`: the 教务处's course list of one plan through the course import
 * (the wizard's 培养方案课程): written whole as the plan's next version, as plans.save writes one.
 * The same contract as the other imports (--json, --dry-run, exit 2 while a row is invalid).
 */
export async function coursesCommand(session: CliSession, sub: string | undefined, file: string | undefined, opts: Omit<ImportFileOptions, 'file' | 'skipInvalid'> & { plan?: string | undefined }): Promise<number> {
  if (sub !== 'import') throw new CliError(USAGE, 2);
  if (!file) throw new CliError(`请指定要导入的课程文件。${USAGE}`, 2);
  const plan = await planChoice(session, opts.plan);
  return importFile(session, 'courses', { ...opts, file, skipInvalid: false }, {
    extra: plan ? { plan } : {},
    willDo: (p) => {
      const c = p.courses;
      if (!c?.plan) return '文件没有说明是哪个培养方案';
      const removed = c.removed.length ? `，去掉 ${c.removed.length} 门（${c.removed.map((r) => r.code).join('、')}）` : '';
      return `将保存为${c.plan.majorName} ${c.plan.cohortYear} 级培养方案第 ${c.plan.version} 版：${c.courses} 门课程，共 ${c.totalCredits} 学分；新增 ${p.toAdd} 门、修改 ${p.toUpdate} 门${removed}`;
    },
    done: (r) => (r.batchId ? `已保存培养方案第 ${r.courses?.version} 版（方案编号 ${r.courses?.planId}）：新增 ${r.imported} 门、修改 ${r.updated} 门课程` : `与培养方案第 ${r.courses?.version} 版完全相同，未保存新版本。`),
  });
}
