import { z } from 'zod';
import { PERMISSIONS, ROLES } from '../../domain/permissions';
import { password, text, username } from './common';

export const SessionUser = z.object({
  id: z.number(),
  username: z.string(),
  displayName: z.string(),
  role: z.enum(ROLES),
});

export const SessionInfo = z.object({
  user: SessionUser,
  permissions: z.array(z.enum(Object.keys(PERMISSIONS) as [keyof typeof PERMISSIONS])),
  locked: z.boolean(),
  idleLockMinutes: z.number(),
  /** Older than the configured maximum age: the UI reminds the user to change it. */
  passwordExpired: z.boolean(),
  mustChangePassword: z.boolean(),
});
export type SessionInfo = z.infer<typeof SessionInfo>;

export const DataProblem = z.object({ code: z.string(), message: z.string() });

export const AppStatus = z.object({
  appName: z.string(),
  version: z.string(),
  /** not_set_up: first run, show the setup wizard; ready: show sign-in or the app. */
  state: z.enum(['not_set_up', 'ready', 'problem']),
  /** Why the data folder cannot be used (key file missing, damaged…), in Chinese. */
  problem: DataProblem.nullable(),
  session: SessionInfo.nullable(),
});
export type AppStatus = z.infer<typeof AppStatus>;

export const SignInInput = z.object({ username, password });
export const UnlockInput = z.object({ password });
export const ChangePasswordInput = z.object({ oldPassword: password, newPassword: password });
export const RecoverInput = z.object({
  recoveryKey: text('恢复密钥', 100),
  username,
  newPassword: password,
});
