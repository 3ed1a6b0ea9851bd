/**
 * The steps every import from the command line shares (import-students.ts for the roster,
 * import-file.ts for grades and plan courses): the file checked and opened, the sheet chosen and
 * its columns mapped automatically, the problem report written where --report says, and the
 * problems listed. Each command keeps its own options and words.
 */
import { readFileSync, statSync, writeFileSync } from 'node:fs';
import { basename, resolve } from 'node:path';
import type { ImportSpecId } from '../../../shared/domain/import/specs';
import type { CallInput } from '../../../shared/ipc/contract';
import { CliError } from '../prompt';
import type { CliSession } from '../session';

const MAX_BYTES = 50 * 1024 * 1024;
/** Problems listed in the text output; --json and --report carry all of them. */
const SHOWN = 50;

/** Lines for a person; nothing with --json (its one JSON answer is the output). */
export const textLog = (json: boolean) => (line: string) => {
  if (!json) console.log(line);
};

/** Opens the file as the wizard does and maps its columns automatically; logs what it found. */
export async function openAndInspect(session: CliSession, spec: ImportSpecId, opts: { file: string; sheet?: string | undefined; json: boolean }) {
  const path = resolve(opts.file);
  let size: number;
  try {
    size = statSync(path).size;
  } catch {
    throw new CliError(`找不到文件：${path}`, 2);
  }
  if (size > MAX_BYTES) throw new CliError(`文件 ${basename(path)} 超过 50 MB，请拆分后分批导入。`, 2);
  const log = textLog(opts.json);
  const fileName = basename(path);
  // Named jobs, so their progress reaches stderr (cli/progress.ts).
  const opened = await session.call('imports.open', { fileId: session.addFile(fileName, readFileSync(path)), spec, jobId: 'cli-read' });
  const sheet = opts.sheet ?? (opened.sheets.find((s) => s.rows > 0) ?? opened.sheets[0])?.name;
  if (!sheet) throw new CliError('文件中没有工作表。', 2);
  if (opts.sheet && opened.kind !== 'csv' && !opened.sheets.some((s) => s.name === opts.sheet)) {
    throw new CliError(`文件中没有名为“${opts.sheet}”的工作表，可选：${opened.sheets.map((s) => s.name).join('、')}`, 2);
  }
  const inspected = await session.call('imports.inspect', { uploadId: opened.uploadId, sheet });
  log(`文件：${fileName}${opened.encoding ? `（${opened.encoding}）` : ''}，工作表“${sheet}”，表头在第 ${inspected.headerRow} 行，数据 ${inspected.dataRows} 行`);
  const labelOf = new Map(inspected.fields.map((f) => [f.key, f.label]));
  log(`列对应：${Object.entries(inspected.mapping).map(([i, f]) => `${inspected.headers[Number(i)]}→${labelOf.get(f) ?? f}`).join('，')}`);
  if (inspected.unmapped.length) log(`未导入的列：${inspected.unmapped.map((u) => u.header).join('，')}`);
  return { opened, sheet, inspected, labelOf, log };
}

/** --report: the problem workbook is the job's output, written where it says (the CLI is its own host). */
export async function writeErrorReport(session: CliSession, options: Omit<CallInput<'imports.errorReport'>, 'jobId'>, report: string, log: (line: string) => void) {
  const r = await session.call('imports.errorReport', { ...options, jobId: `cli-report-${process.pid}` });
  const file = session.jobOutput(r.jobId);
  if (!file) throw new CliError('问题报告已不可用，请重试。');
  const out = resolve(report);
  writeFileSync(out, file.bytes);
  log(`问题报告已写入 ${out}`);
}

/** Problems as --json carries them, and as the text lists them (the first 50, then how many). */
export function problemOutput(log: (line: string) => void, reportGiven: boolean) {
  return {
    errorsOf: (list: { row: number; column: string; field: string; code: string; message: string }[]) =>
      list.map(({ row, column, field, code, message }) => ({ row, column, field, code, message })),
    showErrors: (list: { message: string }[], total: number) => {
      for (const e of list.slice(0, SHOWN)) log(`  ${e.message}`);
      if (total > SHOWN) log(`  ……共 ${total} 个问题${reportGiven ? '，详见问题报告' : '，加 --report 问题.xlsx 可导出全部'}`);
    },
  };
}
