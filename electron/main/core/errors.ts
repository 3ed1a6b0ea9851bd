import { ZodError } from 'zod';
import { DataError } from '../../../db/errors';
import type { AppErrorData, ErrorCode } from '../../../shared/ipc/result';
import { log } from './log';

/** The only errors whose message reaches the user: Chinese, naming the field and the reason. */
export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly field?: string,
    readonly issues?: AppErrorData['issues'],
  ) {
    super(message);
    this.name = 'AppError';
  }
}

const DATA_ERROR_CODES: Record<DataError['code'], ErrorCode> = {
  WRONG_PASSWORD: 'WRONG_PASSWORD',
  KEY_FILE_MISSING: 'KEY_FILE_MISSING',
  KEY_FILE_DAMAGED: 'KEY_FILE_MISSING',
  DB_DAMAGED: 'DB_DAMAGED',
  DB_TOO_NEW: 'DB_TOO_NEW',
  DB_MISSING: 'DB_DAMAGED',
  ALREADY_SET_UP: 'ALREADY_SET_UP',
  KEY_CHANGE_OPEN: 'CONFLICT',
  STATUS_CHANGE_OPEN: 'CONFLICT',
  CERTIFICATE_RULE: 'VALIDATION',
};

/** Maps anything thrown to data for the renderer. Unknown errors are logged in full, shown as INTERNAL. */
export function toErrorData(e: unknown, channel: string): AppErrorData {
  if (e instanceof AppError) {
    return { code: e.code, message: e.message, ...(e.field ? { field: e.field } : {}), ...(e.issues ? { issues: e.issues } : {}) };
  }
  if (e instanceof DataError) return { code: DATA_ERROR_CODES[e.code], message: e.message };
  if (e instanceof ZodError) {
    const issues = e.issues.map((i) => ({ field: i.path.join('.'), message: i.message }));
    const first = issues[0];
    return { code: 'VALIDATION', message: first?.message ?? '输入有误', ...(first?.field ? { field: first.field } : {}), issues };
  }
  log.error(`call ${channel} failed`, e);
  return { code: 'INTERNAL', message: '操作未能完成：程序内部错误，已记录日志。请重试，如仍失败请联系管理员。' };
}
