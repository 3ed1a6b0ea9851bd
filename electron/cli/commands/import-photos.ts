import { CliError } from '../prompt';
import type { CliSession } from '../session';

export interface ImportPhotosOptions {
  source: string;
  match?: string;
  keepOriginal: boolean;
  json: boolean;
}

/** Being written with the photo import. */
export async function importPhotos(_session: CliSession, _opts: ImportPhotosOptions): Promise<number> {
  throw new CliError('照片导入功能尚未完成。', 1);
}
