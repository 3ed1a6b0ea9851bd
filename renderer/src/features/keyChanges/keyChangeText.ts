import { KEY_CHANGE_STATUS_LABELS } from '../../../../shared/domain/key-changes';
import { fieldLabel } from '../../../../shared/domain/student-fields';
import type { KeyChangeRequest } from '../../../../shared/ipc/schemas/students';
import { studentValue } from '../students/common/studentValue';

export type { KeyChangeStatus } from '../../../../shared/domain/key-changes';
export const STATUS_LABELS = KEY_CHANGE_STATUS_LABELS;

/** One requested change as a person reads it: 姓名：张三 → 张珊. */
export function describeChange(c: KeyChangeRequest['changes'][number]): { label: string; before: string; after: string } {
  // A photo change carries attachment ids, which mean nothing to a person.
  if (c.field === 'photo') return { label: '照片', before: c.before == null ? '（无）' : '原照片', after: '新照片' };
  return { label: fieldLabel(c.field), before: studentValue(c.field, c.before), after: studentValue(c.field, c.after) };
}

/** A photo request (filed by the photo import) carries no typed values to edit. */
export const isPhotoRequest = (r: KeyChangeRequest) => r.changes.some((c) => c.field === 'photo');
