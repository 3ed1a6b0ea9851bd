import { auditActionLabel } from '../../../../../shared/domain/audit-actions';
import { fieldLabel } from '../../../../../shared/domain/student-fields';
import { REQUEST_STATUS_FIELD } from '../../../../../shared/domain/key-changes';

/** Chinese names of what was done to a student, for the 修改历史 tab (the one audit catalogue). */
export const historyAction = auditActionLabel;

/** Fields that are not in the student catalogue but appear in the history. */
const EXTRA_FIELDS: Record<string, string> = {
  classId: '班级',
  registered: '学籍注册',
  photo: '照片',
  photoAttachmentId: '照片',
  guardians: '家庭成员',
  kind: '类别',
  title: '名称',
  level: '级别',
  date: '日期',
  endDate: '解除日期',
  docNo: '文号',
  term: '学期',
};

/** The label of a changed field; a change request's own status is not the student's 学籍状态. */
export function historyField(action: string, field: string): { label: string; valueKey: string } {
  // Older entries recorded it as `status`; newer ones as REQUEST_STATUS_FIELD.
  if (field === REQUEST_STATUS_FIELD || (action.startsWith('keyChanges.') && field === 'status')) return { label: '申请状态', valueKey: 'keyChangeStatus' };
  return { label: EXTRA_FIELDS[field] ?? fieldLabel(field), valueKey: field };
}
