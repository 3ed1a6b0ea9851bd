import { readFileSync, statSync, writeFileSync } from 'node:fs';
import { basename, resolve } from 'node:path';
import { CliError } from '../prompt';
import type { CliSession } from '../session';

export interface ImportStudentsOptions {
  file: string;
  sheet?: string;
  mode?: string;
  /** update mode: match existing students by 身份证号 (idNumber, default) or 学号 (studentNo). */
  matchBy?: string;
  /** Create classes named in the file that do not exist yet. */
  createClasses: boolean;
  dryRun: boolean;
  skipInvalid: boolean;
  /** 学号编排 of the new students without a 学号, by the saved rule, in the same transaction. */
  assignStudentNo?: boolean;
  report?: string;
  json: boolean;
}

const MAX_BYTES = 50 * 1024 * 1024;
/** Problems listed in the text output; --json and --report carry all of them. */
const SHOWN = 50;

/**
 * `import students FILE`: the same open → inspect → preview → commit calls as the import wizard,
 * with the automatic column mapping. Exit codes: 0 done; 2 invalid rows and no --skip-invalid
 * (nothing written) or bad arguments; 1 other errors.
 */
export async function importStudents(session: CliSession, opts: ImportStudentsOptions): Promise<number> {
  const mode = opts.mode ?? 'add';
  if (mode !== 'add' && mode !== 'update') throw new CliError(`--mode 只能是 add（新增学生）或 update（更新已有学生），而不是“${mode}”。`, 2);
  const matchBy = opts.matchBy ?? 'idNumber';
  if (matchBy !== 'idNumber' && matchBy !== 'studentNo') throw new CliError(`--match-by 只能是 idNumber（身份证号）或 studentNo（学号），而不是“${matchBy}”。`, 2);
  const path = resolve(opts.file);
  let size: number;
  try {
    size = statSync(path).size;
  } catch {
    throw new CliError(`找不到文件：${path}`, 2);
  }
  if (size > MAX_BYTES) throw new CliError(`文件 ${basename(path)} 超过 50 MB，请拆分后分批导入。`, 2);
  const log = (line: string) => {
    if (!opts.json) console.log(line);
  };

  const fileName = basename(path);
  // Named jobs, so their progress reaches stderr (cli/progress.ts).
  const opened = await session.call('imports.open', { fileId: session.addFile(fileName, readFileSync(path)), jobId: 'cli-read' });
  const sheet = opts.sheet ?? (opened.sheets.find((s) => s.rows > 0) ?? opened.sheets[0])?.name;
  if (!sheet) throw new CliError('文件中没有工作表。', 2);
  if (opts.sheet && opened.kind !== 'csv' && !opened.sheets.some((s) => s.name === opts.sheet)) {
    throw new CliError(`文件中没有名为“${opts.sheet}”的工作表，可选：${opened.sheets.map((s) => s.name).join('、')}`, 2);
  }
  const inspected = await session.call('imports.inspect', { uploadId: opened.uploadId, sheet });
  log(`文件：${fileName}${opened.encoding ? `（${opened.encoding}）` : ''}，工作表“${sheet}”，表头在第 ${inspected.headerRow} 行，数据 ${inspected.dataRows} 行`);
  const labelOf = new Map(inspected.fields.map((f) => [f.key, f.label]));
  const mapped = Object.entries(inspected.mapping).map(([i, f]) => `${inspected.headers[Number(i)]}→${labelOf.get(f) ?? f}`);
  log(`列对应：${mapped.join('，')}`);
  if (inspected.unmapped.length) log(`未导入的列：${inspected.unmapped.map((u) => u.header).join('，')}`);

  const options = { uploadId: opened.uploadId, sheet, mapping: inspected.mapping, mode, matchBy, createMissingClasses: opts.createClasses, rememberMapping: false } as const;
  const preview = await session.call('imports.preview', { ...options, jobId: 'cli-check' });
  log(`检查结果：共 ${preview.rows} 行，有效 ${preview.valid} 行，有问题 ${preview.invalid} 行；将新增 ${preview.toAdd} 人，更新 ${preview.toUpdate} 人${preview.roster?.keyChanges ? `，提交关键信息变更申请 ${preview.roster.keyChanges} 份` : ''}`);
  if (preview.roster?.unknownClasses.length) log(`系统中没有的班级：${preview.roster.unknownClasses.join('、')}`);

  if (opts.report) {
    // The report is the job's output, written where --report says (the CLI is its own host).
    const report = await session.call('imports.errorReport', { ...options, jobId: `cli-report-${process.pid}` });
    const file = session.jobOutput(report.jobId);
    if (!file) throw new CliError('问题报告已不可用，请重试。');
    const out = resolve(opts.report);
    writeFileSync(out, file.bytes);
    log(`问题报告已写入 ${out}`);
  }

  const errorsOf = (list: { row: number; column: string; field: string; code: string; message: string }[]) =>
    list.map(({ row, column, field, code, message }) => ({ row, column, field, code, message }));
  const showErrors = (list: { message: string }[], total: number) => {
    for (const e of list.slice(0, SHOWN)) log(`  ${e.message}`);
    if (total > SHOWN) log(`  ……共 ${total} 个问题${opts.report ? '，详见问题报告' : '，加 --report 问题.xlsx 可导出全部'}`);
  };
  const previewErrors = preview.issues.filter((i) => i.severity === 'error');

  if (opts.dryRun) {
    const blocked = preview.invalid > 0 && !opts.skipInvalid;
    if (opts.json) {
      console.log(JSON.stringify({
        rows: preview.rows, imported: blocked ? 0 : preview.toAdd, updated: blocked ? 0 : preview.toUpdate,
        skipped: blocked ? preview.rows : preview.rows - preview.toAdd - preview.toUpdate, errors: errorsOf(previewErrors), dryRun: true,
      }, null, 2));
    } else {
      showErrors(previewErrors, preview.issuesTotal);
      log(blocked ? '试运行：有无效行，正式导入时将不写入任何数据（可加 --skip-invalid 跳过无效行）。' : '试运行：未写入任何数据。');
    }
    return blocked ? 2 : 0;
  }

  const result = await session.call('imports.commit', { ...options, jobId: 'cli-write', skipInvalid: opts.skipInvalid, assignStudentNo: opts.assignStudentNo ?? false });
  if (opts.json) {
    console.log(JSON.stringify({ rows: result.rows, imported: result.imported, updated: result.updated, skipped: result.skipped, errors: errorsOf(result.errors), ...(opts.assignStudentNo ? { studentNumbers: result.roster?.studentNumbers ?? null } : {}) }, null, 2));
  } else {
    showErrors(result.errors, result.errors.length);
    if (result.batchId === null && result.errors.length && !opts.skipInvalid) {
      log('有无效行，未写入任何数据。请修正后重新导入，或加 --skip-invalid 只导入有效行。');
    } else {
      log(`已导入：新增 ${result.imported} 人，更新 ${result.updated} 人，跳过 ${result.skipped} 行${result.roster?.keyChangeRequests ? `，提交变更申请 ${result.roster.keyChangeRequests} 份` : ''}${result.batchId ? `（批次 #${result.batchId}，可在程序中撤销）` : ''}`);
      const n = result.roster?.studentNumbers;
      if (n) log(`已按学号规则编排学号 ${n.assigned} 人${n.skipped.length ? `；未编排 ${n.skipped.length} 人：${n.skipped.slice(0, 10).map((s) => `${s.name}（${s.reason}）`).join('；')}` : ''}`);
    }
  }
  return result.batchId === null && result.errors.length > 0 && !opts.skipInvalid ? 2 : 0;
}
