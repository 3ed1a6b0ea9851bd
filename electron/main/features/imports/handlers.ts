import { AppError } from '../../core/errors';
import type { FeatureHandlers } from '../../core/handlers-type';

// Being written (roster import). Until then every call says so plainly.
const pending = () => {
  throw new AppError('INTERNAL', 'Excel 导入功能尚未完成。');
};
export const importsHandlers: FeatureHandlers<'imports'> = {
  'imports.open': pending,
  'imports.inspect': pending,
  'imports.preview': pending,
  'imports.commit': pending,
  'imports.errorReport': pending,
  'imports.cancel': pending,
  'imports.batches': pending,
  'imports.undo': pending,
  'imports.template': pending,
};
