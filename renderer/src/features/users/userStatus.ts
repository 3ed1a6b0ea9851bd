import type { UserRow } from '../../../../shared/ipc/schemas/users';

export type UserStatus = 'active' | 'disabled' | 'locked';

export const USER_STATUS_LABELS: Record<UserStatus, string> = { active: '启用', disabled: '停用', locked: '已锁定' };

/** How the account shows in the list: disabled first, then locked by wrong passwords. */
export function userStatus(user: UserRow, now = Date.now()): UserStatus {
  if (user.disabled) return 'disabled';
  if (user.lockedUntil && new Date(user.lockedUntil).getTime() > now) return 'locked';
  return 'active';
}
