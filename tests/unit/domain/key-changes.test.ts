import { describe, expect, it } from 'vitest';
import { auditFieldLabel, auditValueText } from '../../../shared/domain/audit-actions';
import { KEY_CHANGE_STATUS_LABELS, KEY_CHANGE_STATUSES, REQUEST_STATUS_FIELD } from '../../../shared/domain/key-changes';
import { fieldLabel } from '../../../shared/domain/student-fields';

const label = (k: string) => auditFieldLabel(k, fieldLabel);

describe('change request status', () => {
  it('names every status; a withdrawal is 已撤回, not 已驳回', () => {
    expect(KEY_CHANGE_STATUSES.map((s) => KEY_CHANGE_STATUS_LABELS[s])).toEqual(['待审批', '已退回', '已批准', '已驳回', '已撤回']);
  });

  it('reads in the audit log as 申请状态, never as the student\'s 学籍状态 (whose withdrawn is 退学)', () => {
    expect(label(REQUEST_STATUS_FIELD)).toBe('申请状态');
    expect(auditValueText(REQUEST_STATUS_FIELD, 'withdrawn', label)).toBe('已撤回');
    expect(auditValueText(REQUEST_STATUS_FIELD, 'pending', label)).toBe('待审批');
    expect(auditValueText('status', 'withdrawn', label)).toBe('退学');
  });
});
