import { CliError } from '../prompt';
import type { CliSession } from '../session';
import { openAndInspect, problemOutput, writeErrorReport } from './import-steps';

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
  const { opened, sheet, inspected, log } = await openAndInspect(session, 'roster', opts);

  const options = { uploadId: opened.uploadId, sheet, mapping: inspected.mapping, mode, matchBy, createMissingClasses: opts.createClasses, rememberMapping: false } as const;
  const preview = await session.call('imports.preview', { ...options, jobId: 'cli-check' });
  log(`检查结果：共 ${preview.rows} 行，有效 ${preview.valid} 行，有问题 ${preview.invalid} 行；将新增 ${preview.toAdd} 人，更新 ${preview.toUpdate} 人${preview.roster?.keyChanges ? `，提交关键信息变更申请 ${preview.roster.keyChanges} 份` : ''}`);
  if (preview.roster?.unknownClasses.length) log(`系统中没有的班级：${preview.roster.unknownClasses.join('、')}`);

  if (opts.report) await writeErrorReport(session, options, opts.report, log);

  const { errorsOf, showErrors } = problemOutput(log, Boolean(opts.report));
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
