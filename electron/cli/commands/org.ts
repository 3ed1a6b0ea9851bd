import { CliError } from '../prompt';
import type { CliSession } from '../session';

export interface OrgOptions {
  name?: string | undefined;
  code?: string | undefined;
  years?: string | undefined;
  level?: string | undefined;
  studyForm?: string | undefined;
  major?: string | undefined;
  cohort?: string | undefined;
  headTeacher?: string | undefined;
  json: boolean;
}

const need = (v: string | undefined, flag: string, label: string): string => {
  if (!v?.trim()) throw new CliError(`缺少参数 --${flag}（${label}）。`, 2);
  return v.trim();
};

/**
 * `org add-major` / `org add-class`: set a department up from a script, through the same calls
 * (checks, permissions, audit) as 专业与班级 in the app.
 */
export async function orgCommand(session: CliSession, sub: string | undefined, opts: OrgOptions): Promise<number> {
  const print = (json: unknown, text: string) => console.log(opts.json ? JSON.stringify(json, null, 2) : text);
  if (sub === 'add-major') {
    const major = await session.call('org.createMajor', {
      name: need(opts.name, 'name', '专业名称'),
      code: need(opts.code, 'code', '专业代码'),
      lengthYears: need(opts.years, 'years', '学制，如 3'),
      level: need(opts.level, 'level', '层次：专科或本科'),
      studyForm: opts.studyForm ?? '普通全日制',
    });
    print(major, `已新建专业 ${major.name}（${major.code}，${major.level}，${major.lengthYears} 年）`);
    return 0;
  }
  if (sub === 'add-class') {
    const majorName = need(opts.major, 'major', '所属专业的名称或代码');
    const cohort = Number(need(opts.cohort, 'cohort', '年级，如 2023'));
    const tree = await session.call('org.tree', {});
    const major = tree.majors.find((m) => m.name === majorName || m.code === majorName);
    if (!major) throw new CliError(`没有名为“${majorName}”的专业（按名称或代码查找）。可先用 org add-major 新建。`, 2);
    const created = await session.call('org.createClass', {
      name: need(opts.name, 'name', '班级名称'),
      majorId: major.id,
      cohortYear: cohort,
      ...(opts.headTeacher ? { headTeacher: opts.headTeacher } : {}),
    });
    print(created, `已新建班级 ${created.name}（${created.majorName}，${created.cohortYear} 级）`);
    return 0;
  }
  throw new CliError(`未知的 org 子命令“${sub ?? ''}”，可用：add-major、add-class。`, 2);
}
