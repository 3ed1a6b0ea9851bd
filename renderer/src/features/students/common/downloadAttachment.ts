import type { AppErrorData } from '../../../../../shared/ipc/result';
import { call, saveJobOutput } from '../../../ipc/client';
import { newJobId } from '../../import/common/newJobId';

/**
 * Saves one stored attachment to the user's computer through the host (the save dialog, or the
 * browser's download of the job's output); returns the error, if any.
 */
export async function downloadAttachment(id: number): Promise<AppErrorData | null> {
  const jobId = newJobId();
  const r = await call('attachments.download', { id, jobId });
  if (!r.ok) return r.error;
  const saved = await saveJobOutput(jobId, r.value.fileName);
  return saved.ok ? null : saved.error;
}
