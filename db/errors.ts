/**
 * Failures of the data folder that the user must be told about in plain Chinese. They are thrown
 * by db/ and turned into error results by the main process. Nothing in the data folder is ever
 * deleted or overwritten when one of them happens (KEY_CHANGE_OPEN: a rule of the data that a
 * write would break; the write's transaction rolls back).
 */
export type DataErrorCode =
  | 'WRONG_PASSWORD'
  | 'KEY_FILE_MISSING'
  | 'KEY_FILE_DAMAGED'
  | 'DB_DAMAGED'
  | 'DB_TOO_NEW'
  | 'DB_MISSING'
  | 'ALREADY_SET_UP'
  | 'KEY_CHANGE_OPEN'
  | 'STATUS_CHANGE_OPEN'
  /** A 学历证书 record rule (e.g. a blank form already used, a reprint without a reason): the user's input. */
  | 'CERTIFICATE_RULE';

export class DataError extends Error {
  constructor(
    readonly code: DataErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'DataError';
  }
}
