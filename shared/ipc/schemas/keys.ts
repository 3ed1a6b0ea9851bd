import { z } from 'zod';
import { JobId } from './jobs';

/** 更换数据密钥 (issue 13 #4): a job; the call answers when it has finished. */
export const RotateKeyInput = z.object({
  jobId: JobId.optional(),
  /** Also replace the printed recovery key (the old one then opens nothing). */
  newRecoveryKey: z.boolean().optional(),
});

export const RotateKeyOutput = z.object({
  /** User accounts that keep access, with their passwords unchanged. */
  accounts: z.number(),
  /** Attachments and photos re-encrypted. */
  attachments: z.number(),
  /** Accounts whose key slot was made by an older version: they need a password reset to sign in. */
  needPasswordReset: z.array(z.string()),
  /** A new recovery key, shown once; null when the printed one still holds. */
  recoveryKey: z.string().nullable(),
});
