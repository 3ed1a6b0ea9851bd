import { z } from 'zod';
import type { Permission } from '../domain/permissions';
import type { Channel, EventName } from './channels';
import { AuditListInput, AuditListOutput, AuditVerifyOutput } from './schemas/audit';
import { AppStatus, ChangePasswordInput, RecoverInput, SessionInfo, SignInInput, UnlockInput } from './schemas/auth';
import { Settings, UpdateSettingsInput } from './schemas/settings';
import { LoadDemoInput, LoadDemoOutput, SetupInput, SetupOutput } from './schemas/setup';
import { CreateUserInput, ResetPasswordInput, UpdateUserInput, UserRow } from './schemas/users';

/**
 * Who may make a call: 'public' needs no sign-in (status, setup, sign-in itself); 'session' needs any
 * signed-in user; otherwise the named permission from shared/domain/permissions.ts.
 */
export type Access = 'public' | 'session' | Permission;

export interface CallSpec {
  input: z.ZodType;
  output: z.ZodType;
  access: Access;
  /** Calls that still work while the session is idle-locked (to unlock or leave). */
  whileLocked?: boolean;
}

const none = z.object({}).strict();
const nothing = z.null();

/** The one list of what the renderer may ask. Adding a channel here without a handler fails to compile. */
export const contract = {
  'app.status': { input: none, output: AppStatus, access: 'public', whileLocked: true },
  'setup.create': { input: SetupInput, output: SetupOutput, access: 'public' },
  'setup.loadDemo': { input: LoadDemoInput, output: LoadDemoOutput, access: 'settings.manage' },
  'auth.signIn': { input: SignInInput, output: SessionInfo, access: 'public' },
  'auth.signOut': { input: none, output: nothing, access: 'session', whileLocked: true },
  'auth.unlock': { input: UnlockInput, output: SessionInfo, access: 'session', whileLocked: true },
  'auth.touch': { input: none, output: nothing, access: 'session' },
  'auth.changePassword': { input: ChangePasswordInput, output: SessionInfo, access: 'session' },
  'auth.recover': { input: RecoverInput, output: SessionInfo, access: 'public' },
  'users.list': { input: none, output: z.array(UserRow), access: 'users.manage' },
  'users.create': { input: CreateUserInput, output: UserRow, access: 'users.manage' },
  'users.update': { input: UpdateUserInput, output: UserRow, access: 'users.manage' },
  'users.resetPassword': { input: ResetPasswordInput, output: nothing, access: 'users.manage' },
  'settings.get': { input: none, output: Settings, access: 'session' },
  'settings.update': { input: UpdateSettingsInput, output: Settings, access: 'settings.manage' },
  'audit.list': { input: AuditListInput, output: AuditListOutput, access: 'audit.read' },
  'audit.verify': { input: none, output: AuditVerifyOutput, access: 'audit.read' },
} as const satisfies Record<Channel, CallSpec>;

export type Contract = typeof contract;
/** What the caller sends (defaults may be omitted). */
export type CallInput<C extends Channel> = z.input<Contract[C]['input']>;
/** What the handler receives after validation. */
export type ParsedInput<C extends Channel> = z.output<Contract[C]['input']>;
export type CallOutput<C extends Channel> = z.output<Contract[C]['output']>;

export const ProgressEvent = z.object({
  taskId: z.string(),
  done: z.number(),
  total: z.number(),
  message: z.string(),
});

export const events = {
  'session.locked': z.object({ reason: z.enum(['idle', 'signed_out']) }),
  progress: ProgressEvent,
} as const satisfies Record<EventName, z.ZodType>;
export type EventPayload<E extends EventName> = z.infer<(typeof events)[E]>;
