/**
 * Every channel name the renderer may use, as plain strings. The sandboxed preload imports only
 * this file (it cannot load zod) to build its allow-list; the contract is typed against it.
 */
export const CHANNELS = [
  'app.status',
  'setup.create',
  'setup.loadDemo',
  'auth.signIn',
  'auth.signOut',
  'auth.unlock',
  'auth.touch',
  'auth.changePassword',
  'auth.recover',
  'users.list',
  'users.create',
  'users.update',
  'users.resetPassword',
  'settings.get',
  'settings.update',
  'audit.list',
  'audit.verify',
] as const;
export type Channel = (typeof CHANNELS)[number];

export const EVENTS = ['session.locked', 'progress'] as const;
export type EventName = (typeof EVENTS)[number];

/** Electron IPC channel prefix, so app channels never collide with Electron's own. */
export const IPC_PREFIX = 'xueji:';
export const IPC_EVENT_PREFIX = 'xueji-event:';
