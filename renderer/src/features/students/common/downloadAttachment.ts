import type { AppErrorData } from '../../../../../shared/ipc/result';
import { downloadBase64 } from '../../../components/download';
import { call } from '../../../ipc/client';

/** Downloads one stored attachment to the user's computer; returns the error, if any. */
export async function downloadAttachment(id: number): Promise<AppErrorData | null> {
  const r = await call('attachments.download', { id });
  if (!r.ok) return r.error;
  downloadBase64(r.value.fileName, r.value.mime, r.value.dataBase64);
  return null;
}
