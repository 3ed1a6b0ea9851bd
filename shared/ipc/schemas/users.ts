import { z } from 'zod';
import { ROLES } from '../../domain/permissions';
import { id, password, role, text, username } from './common';

export const UserRow = z.object({
  id: z.number(),
  username: z.string(),
  displayName: z.string(),
  role: z.enum(ROLES),
  disabled: z.boolean(),
  /** False once the account's key slot is gone (disabled, then a key rotation): a password reset gives it a new one. */
  hasKey: z.boolean(),
  lockedUntil: z.string().nullable(),
  passwordChangedAt: z.string(),
  lastSignInAt: z.string().nullable(),
  createdAt: z.string(),
});
export type UserRow = z.infer<typeof UserRow>;

export const CreateUserInput = z.object({ username, displayName: text('姓名', 40), role, password });
export const UpdateUserInput = z.object({
  id,
  displayName: text('姓名', 40).optional(),
  role: role.optional(),
  disabled: z.boolean().optional(),
  /** Clears a lockout caused by wrong passwords. */
  unlock: z.boolean().optional(),
});
export const ResetPasswordInput = z.object({ id, newPassword: password });
