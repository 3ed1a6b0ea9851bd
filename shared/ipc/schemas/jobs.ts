import { z } from 'zod';
import { JOB_KIND_KEYS } from '../../domain/jobs';

/** A job id chosen by the client (a UUID); the same id in progress events and jobs.cancel. */
export const JobId = z.string().min(1).max(64);

export const JobInfo = z.object({
  jobId: z.string(),
  kind: z.enum(JOB_KIND_KEYS),
  /** 导入名单, 导出名单…: what the job does. */
  label: z.string(),
  state: z.enum(['running', 'done', 'failed', 'cancelled']),
  done: z.number(),
  total: z.number(),
  message: z.string(),
  cancellable: z.boolean(),
  /** Its outcome in a sentence once finished (or why it failed). */
  summary: z.string().nullable(),
  startedAt: z.string(),
  endedAt: z.string().nullable(),
  /** A file the job made, ready for the host to save (and print, when it is a PDF). */
  output: z.object({ fileName: z.string(), size: z.number(), mime: z.string() }).nullable(),
});
