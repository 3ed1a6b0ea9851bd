import { CliError } from '../prompt';
import type { CliSession } from '../session';

export interface ImportStudentsOptions {
  file: string;
  sheet?: string;
  mode?: string;
  dryRun: boolean;
  skipInvalid: boolean;
  report?: string;
  json: boolean;
}

/** Being written with the roster import. */
export async function importStudents(_session: CliSession, _opts: ImportStudentsOptions): Promise<number> {
  throw new CliError('Excel 导入功能尚未完成。', 1);
}
