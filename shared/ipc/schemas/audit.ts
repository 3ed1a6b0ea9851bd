import { z } from 'zod';
import { page } from './common';
import { JobId } from './jobs';

export const FieldChange = z.object({ field: z.string(), before: z.unknown(), after: z.unknown() });
export type FieldChange = z.infer<typeof FieldChange>;

export const AuditRow = z.object({
  id: z.number(),
  at: z.string(),
  userId: z.number().nullable(),
  username: z.string(),
  action: z.string(),
  entity: z.string(),
  entityId: z.string().nullable(),
  summary: z.string(),
  changes: z.array(FieldChange),
  /** The entry this one is part of (a row of an import → the import's entry); null when it stands alone. */
  parentId: z.number().nullable(),
  /** How many entries are part of this one (an import's rows); 0 for most. */
  childCount: z.number(),
});
export type AuditRow = z.infer<typeof AuditRow>;

export const AuditListInput = page.extend({
  username: z.string().trim().max(32).optional(),
  action: z.string().trim().max(64).optional(),
  entity: z.string().trim().max(64).optional(),
  entityId: z.string().trim().max(64).optional(),
  /** Every entry about a student: by 学号, 身份证号 or name (exact, or the start of a name). */
  student: z.string().trim().max(40).optional(),
  /** The rows of one batch entry (an import), in the order they were written. */
  parentId: z.number().int().positive().optional(),
  /** One entry by its number (the batch a row found by the student filter belongs to). */
  id: z.number().int().positive().optional(),
  from: z.string().optional(),
  to: z.string().optional(),
});
export const AuditListOutput = z.object({ rows: z.array(AuditRow), total: z.number() });

/** The entries a filter shows, as an .xlsx saved through the host (a job: progress, 取消). */
export const AuditExportInput = AuditListInput.omit({ page: true, pageSize: true }).extend({ jobId: JobId.optional() });
export const AuditExportOutput = z.object({ jobId: z.string(), fileName: z.string(), rows: z.number() });

export const AuditProblem = z.object({ id: z.number(), kind: z.enum(['edited', 'inserted', 'deleted']), message: z.string() });
export const AuditVerifyOutput = z.object({
  ok: z.boolean(),
  checked: z.number(),
  problems: z.array(AuditProblem),
  /** What SQLite's integrity_check reports; empty when the file is healthy. */
  integrity: z.array(z.string()),
});
export type AuditVerifyOutput = z.infer<typeof AuditVerifyOutput>;
