import { AppError } from '../../core/errors';
import type { FeatureHandlers } from '../../core/handlers-type';

// Being written (photo import). Until then every call says so plainly.
const pending = () => {
  throw new AppError('INTERNAL', '照片导入功能尚未完成。');
};
export const photosHandlers: FeatureHandlers<'photos'> = {
  'photos.import': pending,
  'photos.export': pending,
  'photos.get': pending,
};
