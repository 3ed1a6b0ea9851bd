import { maskAddress, maskBirthDate, maskIdNumber, maskPhone } from '../../../../shared/domain/idcard';
import { hasPermission, type Role } from '../../../../shared/domain/permissions';

/**
 * Roles without students.identity.read see ID numbers, phones and addresses masked everywhere —
 * and the birth date as its year only, since the masked digits of an ID number are the birth date.
 */
export const canSeeIdentity = (role: Role) => hasPermission(role, 'students.identity.read');

/** How each identifying field is masked: one table for lists, profiles, exports, history and requests. */
const MASKS: Record<string, (v: string) => string> = {
  idNumber: maskIdNumber,
  birthDate: maskBirthDate,
  phone: maskPhone,
  guardianPhone: maskPhone,
  homeAddress: maskAddress,
  householdAddress: maskAddress,
};

/** A field's value as a masked reader sees it; fields that identify no one pass unchanged. */
export function maskFieldValue(field: string, value: unknown): unknown {
  const mask = MASKS[field];
  return mask && value !== null && value !== undefined && value !== '' ? mask(String(value)) : value;
}

type Identifying = { idNumber?: string; birthDate?: string; phone?: string | null; homeAddress?: string | null; householdAddress?: string | null; guardianPhone?: string | null };

export function maskIdentity<T extends Identifying>(row: T): T {
  const out: Record<string, unknown> = { ...row };
  for (const field of Object.keys(MASKS)) if (field in out) out[field] = maskFieldValue(field, out[field]);
  return out as T;
}
