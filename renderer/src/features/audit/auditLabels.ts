import { ROLE_LABELS, type Role } from '../../../../shared/domain/permissions';
import { AUDIT_ACTION_LABELS, AUDIT_ENTITY_LABELS, auditActionLabel, auditEntityLabel, auditFieldLabel, auditValueText } from '../../../../shared/domain/audit-actions';
import { fieldLabel as studentFieldLabel } from '../../../../shared/domain/student-fields';

/**
 * Chinese names for the codes the audit trail stores. Display only: an unknown code is shown as
 * it is, so records of features added later still read correctly.
 */
export const ACTION_LABELS = AUDIT_ACTION_LABELS;
export const ENTITY_LABELS = AUDIT_ENTITY_LABELS;

export const actionLabel = auditActionLabel;
export const entityLabel = auditEntityLabel;
/** Every field by its Chinese name: the audit catalogue's, student fields by their catalogue label. */
export const fieldLabel = (field: string) => auditFieldLabel(field, studentFieldLabel);

export function changeValue(field: string, value: unknown): string {
  if (field === 'role' && typeof value === 'string' && value in ROLE_LABELS) return ROLE_LABELS[value as Role];
  return auditValueText(field, value, fieldLabel);
}
