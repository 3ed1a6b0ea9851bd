import { readFileSync, statSync, writeFileSync } from 'node:fs';
import { basename, resolve } from 'node:path';
import type { ImportSpecId } from '../../../shared/domain/import/specs';
import type { CallInput, CallOutput } from '../../../shared/ipc/contract';
import { CliError } from '../prompt';
import type { CliSession } from '../session';

export interface ImportFileOptions {
  file: string;
  sheet?: string | undefined;
  dryRun: boolean;
  skipInvalid: boolean;
  report?: string | undefined;
  json: boolean;
}

type Preview = CallOutput<'imports.preview'>;
type Commit = CallOutput<'imports.commit'>;

/** What a spec's command says in its text output; the JSON is the same for every import. */
export interface ImportWords {
  /** After the check: 将导入成绩 9 条（3 名学生…）. */
  willDo(p: Preview): string;
  /** After the commit: 已导入成绩 9 条…. */
  done(r: Commit): string;
  /** Spec choices sent with preview and commit (a course list's plan). */
  extra?: Partial<CallInput<'imports.preview'>>;
}

const MAX_BYTES = 50 * 1024 * 1024;
/** Problems listed in the text output; --json and --report carry all of them. */
const SHOWN = 50;

/**
 * An import from the command line, in the style of `import students` (import-students.ts): the
 * same open → inspect → preview → commit calls as the wizard, with the automatic column mapping.
 * --json: { rows, imported, updated, skipped, errors: [{ row, column, field, code, message }] }
 * (with dryRun: true for --dry-run). Exit codes: 0 done; 2 invalid rows and no --skip-invalid
 * (nothing written) or bad arguments; 1 other errors.
 */
export async function importFile(session: CliSession, spec: ImportSpecId, opts: ImportFileOptions, words: ImportWords): Promise<number> {
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
  if (inspected.missingRequired.length) log(`文件中缺少的列：${inspected.missingRequired.map((k) => labelOf.get(k) ?? k).join('，')}`);

  const options = { uploadId: opened.uploadId, sheet, mapping: inspected.mapping, rememberMapping: false, ...words.extra } as const;
  const preview = await session.call('imports.preview', { ...options, jobId: 'cli-check' });
  log(`检查结果：共 ${preview.rows} 行，有效 ${preview.valid} 行，有问题 ${preview.invalid} 行；${words.willDo(preview)}`);

  if (opts.report) {
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
      const imported = blocked ? 0 : preview.toAdd;
      const updated = blocked ? 0 : preview.toUpdate;
      console.log(JSON.stringify({ rows: preview.rows, imported, updated, skipped: blocked ? preview.rows : preview.rows - preview.valid + (preview.grades?.alreadyRecorded ?? 0), errors: errorsOf(previewErrors), dryRun: true }, null, 2));
    } else {
      showErrors(previewErrors, previewErrors.length);
      log(blocked ? '试运行：有无效行，正式导入时将不写入任何数据（可加 --skip-invalid 跳过无效行）。' : '试运行：未写入任何数据。');
    }
    return blocked ? 2 : 0;
  }

  const result = await session.call('imports.commit', { ...options, jobId: 'cli-write', skipInvalid: opts.skipInvalid });
  const refused = result.batchId === null && result.errors.length > 0 && !opts.skipInvalid;
  if (opts.json) {
    console.log(JSON.stringify({ rows: result.rows, imported: result.imported, updated: result.updated, skipped: result.skipped, errors: errorsOf(result.errors) }, null, 2));
  } else {
    showErrors(result.errors, result.errors.length);
    log(refused ? '有无效行，未写入任何数据。请修正后重新导入，或加 --skip-invalid 只导入有效行。' : words.done(result));
  }
  return refused ? 2 : 0;
}
