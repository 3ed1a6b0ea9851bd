import { maskAddress, maskIdNumber, maskPhone } from '../../../../shared/domain/idcard';
import { hasPermission, type Role } from '../../../../shared/domain/permissions';

/** Roles without students.identity.read see ID numbers, phones and addresses masked everywhere. */
export const canSeeIdentity = (role: Role) => hasPermission(role, 'students.identity.read');

export function maskIdentity<T extends { idNumber?: string; phone?: string | null; homeAddress?: string | null; householdAddress?: string | null; guardianPhone?: string | null }>(row: T): T {
  const out = { ...row };
  if (out.idNumber !== undefined) out.idNumber = maskIdNumber(out.idNumber);
  if (out.phone) out.phone = maskPhone(out.phone);
  if (out.guardianPhone) out.guardianPhone = maskPhone(out.guardianPhone);
  if (out.homeAddress) out.homeAddress = maskAddress(out.homeAddress);
  if (out.householdAddress) out.householdAddress = maskAddress(out.householdAddress);
  return out;
}
