/**
 * Errors cross every process boundary as data, never as thrown objects: Electron rebuilds a thrown
 * error from its message and loses everything else, and HTTP cannot carry one at all.
 */
export const ERROR_CODES = [
  'VALIDATION', // input failed the contract's schema or a domain rule
  'UNAUTHENTICATED', // no one is signed in
  'SESSION_LOCKED', // idle lock: the same user must enter the password again
  'FORBIDDEN', // the signed-in role may not do this
  'NOT_FOUND',
  'CONFLICT', // duplicate, stale or otherwise clashing data
  'ILLEGAL_TRANSITION', // the status model refuses this 学籍异动 for the student's current status
  'CANCELLED', // the user cancelled a job: an outcome, not a failure (nothing was written)
  'WRONG_PASSWORD',
  'ACCOUNT_LOCKED', // too many wrong passwords
  'PASSWORD_CHANGE_REQUIRED', // the password was set by an admin: only the change (and leaving) is allowed
  'WEAK_PASSWORD',
  'NOT_SET_UP', // the data folder has no database yet
  'ALREADY_SET_UP',
  'KEY_FILE_MISSING',
  'DB_DAMAGED',
  'DB_TOO_NEW',
  'UNKNOWN_CHANNEL',
  'INTERNAL',
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

export interface AppErrorData {
  code: ErrorCode;
  /** Chinese, for the user: names the field and the reason. Never a stack, path or SQL. */
  message: string;
  /** The input field the message is about, when there is one (a dotted path). */
  field?: string;
  /** Per-row or per-field problems, e.g. of a bulk change. */
  issues?: { field?: string; row?: number; message: string }[];
}

export type Result<T> = { ok: true; value: T } | { ok: false; error: AppErrorData };

export const ok = <T>(value: T): Result<T> => ({ ok: true, value });
export const fail = <T = never>(error: AppErrorData): Result<T> => ({ ok: false, error });
