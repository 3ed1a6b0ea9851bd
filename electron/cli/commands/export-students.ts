import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { FIELD_BY_KEY, STUDENT_FIELDS, type StudentFieldKey } from '../../../shared/domain/student-fields';
import type { RosterFilter } from '../../../shared/ipc/schemas/students';
import { CliError } from '../prompt';
import type { CliSession } from '../session';

const FILTER_KEYS = ['cohortYear', 'majorId', 'classId', 'status', 'gender', 'ethnicityCode', 'politicalStatusCode', 'sourceRegion', 'q'] as const;
const NUMERIC = new Set(['cohortYear', 'majorId', 'classId']);

/**
 * `--filter cohortYear=2024,status=enrolled,q=张` → a roster filter (same names as the contract);
 * several grades, majors or classes joined by |: `classId=3|5`.
 */
export function parseFilter(text: string | undefined): RosterFilter {
  const filter: Record<string, string | number | number[]> = {};
  for (const part of (text ?? '').split(',').map((p) => p.trim()).filter(Boolean)) {
    const [k, ...rest] = part.split('=');
    const key = k!.trim();
    const value = rest.join('=').trim();
    if (!(FILTER_KEYS as readonly string[]).includes(key)) throw new CliError(`未知的筛选条件“${key}”，可用：${FILTER_KEYS.join(', ')}`, 2);
    const numbers = value.split('|').map((v) => Number(v.trim()));
    filter[key] = !NUMERIC.has(key) ? value : numbers.length > 1 ? numbers : numbers[0]!;
  }
  return filter as RosterFilter;
}

/** `--columns 学号,姓名,idNumber` → field keys; labels as the UI shows them or keys both work. */
export function parseColumns(text: string | undefined): StudentFieldKey[] | undefined {
  if (!text) return undefined;
  return text.split(',').map((c) => {
    const t = c.trim();
    const f = STUDENT_FIELDS.find((x) => x.key === t || x.label === t);
    if (!f) throw new CliError(`未知的列“${t}”，可用：${STUDENT_FIELDS.map((x) => x.label).join('、')}`, 2);
    return f.key;
  });
}

export async function exportStudents(session: CliSession, opts: { filter?: string; columns?: string; out?: string; json: boolean }) {
  if (!opts.out) throw new CliError('请用 --out 指定输出文件，例如 --out 学生名单.xlsx', 2);
  const columns = parseColumns(opts.columns);
  const result = await session.call('students.export', { filter: parseFilter(opts.filter), ...(columns ? { columns } : {}) });
  const out = resolve(opts.out);
  const file = session.jobOutput(result.jobId);
  if (!file) throw new CliError('导出的文件已不可用，请重试。', 1);
  writeFileSync(out, file.bytes);
  const summary = { file: out, rows: result.rows, columns: (columns ?? STUDENT_FIELDS.map((f) => f.key)).map((k) => FIELD_BY_KEY[k].label) };
  console.log(opts.json ? JSON.stringify(summary, null, 2) : `已导出 ${result.rows} 行到 ${out}`);
}
