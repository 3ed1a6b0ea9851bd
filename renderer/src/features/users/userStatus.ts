import type { UserRow } from '../../../../shared/ipc/schemas/users';

export type UserStatus = 'active' | 'disabled' | 'locked' | 'noKey';

export const USER_STATUS_LABELS: Record<UserStatus, string> = { active: '启用', disabled: '停用', locked: '已锁定', noKey: '需重置密码' };

/**
 * How the account shows in the list: disabled first; then enabled again but without a key (its
 * slot went when it was disabled: a password reset makes a new one); then locked by wrong passwords.
 */
export function userStatus(user: UserRow, now = Date.now()): UserStatus {
  if (user.disabled) return 'disabled';
  if (!user.hasKey) return 'noKey';
  if (user.lockedUntil && new Date(user.lockedUntil).getTime() > now) return 'locked';
  return 'active';
}
