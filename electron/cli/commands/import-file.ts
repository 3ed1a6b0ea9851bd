import type { ImportSpecId } from '../../../shared/domain/import/specs';
import type { CallInput, CallOutput } from '../../../shared/ipc/contract';
import type { CliSession } from '../session';
import { openAndInspect, problemOutput, writeErrorReport } from './import-steps';

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

/**
 * An import from the command line, in the style of `import students` (import-students.ts): the
 * same open → inspect → preview → commit calls as the wizard, with the automatic column mapping.
 * --json: { rows, imported, updated, skipped, errors: [{ row, column, field, code, message }] }
 * (with dryRun: true for --dry-run). Exit codes: 0 done; 2 invalid rows and no --skip-invalid
 * (nothing written) or bad arguments; 1 other errors.
 */
export async function importFile(session: CliSession, spec: ImportSpecId, opts: ImportFileOptions, words: ImportWords): Promise<number> {
  const { opened, sheet, inspected, labelOf, log } = await openAndInspect(session, spec, opts);
  if (inspected.missingRequired.length) log(`文件中缺少的列：${inspected.missingRequired.map((k) => labelOf.get(k) ?? k).join('，')}`);

  const options = { uploadId: opened.uploadId, sheet, mapping: inspected.mapping, rememberMapping: false, ...words.extra } as const;
  const preview = await session.call('imports.preview', { ...options, jobId: 'cli-check' });
  log(`检查结果：共 ${preview.rows} 行，有效 ${preview.valid} 行，有问题 ${preview.invalid} 行；${words.willDo(preview)}`);

  if (opts.report) await writeErrorReport(session, options, opts.report, log);

  const { errorsOf, showErrors } = problemOutput(log, Boolean(opts.report));
  const previewErrors = preview.issues.filter((i) => i.severity === 'error');

  if (opts.dryRun) {
    const blocked = preview.invalid > 0 && !opts.skipInvalid;
    if (opts.json) {
      const imported = blocked ? 0 : preview.toAdd;
      const updated = blocked ? 0 : preview.toUpdate;
      console.log(JSON.stringify({ rows: preview.rows, imported, updated, skipped: blocked ? preview.rows : preview.rows - preview.valid + (preview.grades?.alreadyRecorded ?? preview.fitness?.alreadyRecorded ?? 0), errors: errorsOf(previewErrors), dryRun: true }, null, 2));
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
