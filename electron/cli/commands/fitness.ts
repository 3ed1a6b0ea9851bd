import { CliError } from '../prompt';
import type { CliSession } from '../session';
import { importFile, type ImportFileOptions } from './import-file';

const USAGE = '用法：fitness import FILE [--sheet NAME] [--dry-run] [--skip-invalid] [--report OUT.xlsx] [--json]';

/**
 * `fitness import FILE`: 体质健康测试成绩 (学号或身份证号, 测试学年, 总分) through the 'fitness' import
 * (the wizard's 导入体质健康测试), with the other imports' contract: exit 2 and nothing written while a
 * row is invalid (unless --skip-invalid), --dry-run, errors with row, column, field and stable code.
 * A score for a student and 学年 already recorded replaces it (undo in 导入记录 puts it back).
 */
export async function fitnessCommand(session: CliSession, sub: string | undefined, file: string | undefined, opts: Omit<ImportFileOptions, 'file'>): Promise<number> {
  if (sub !== 'import') throw new CliError(USAGE, 2);
  if (!file) throw new CliError(`请指定要导入的体质健康测试成绩文件。${USAGE}`, 2);
  return importFile(session, 'fitness', { ...opts, file }, {
    willDo: (p) =>
      `将导入体质健康测试成绩 ${p.toAdd + p.toUpdate} 条（${p.fitness?.students ?? 0} 名学生），其中替换原有成绩 ${p.toUpdate} 条${p.fitness?.alreadyRecorded ? `，已有相同成绩 ${p.fitness.alreadyRecorded} 条不再导入` : ''}`,
    done: (r) =>
      r.batchId
        ? `已导入体质健康测试成绩 ${r.imported + r.updated} 条（${r.fitness?.students ?? 0} 名学生，其中替换原有成绩 ${r.updated} 条），跳过 ${r.skipped} 行（批次 #${r.batchId}，可在程序的“导入记录”中撤销）`
        : '没有需要导入的体质健康测试成绩。',
  });
}
