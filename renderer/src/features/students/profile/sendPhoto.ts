import type { CallOutput } from '../../../../../shared/ipc/contract';
import type { Result } from '../../../../../shared/ipc/result';
import { call, uploadFile } from '../../../ipc/client';

/** Accepted by the picker; the main process checks the content, not the extension. */
export const PHOTO_FILE_ACCEPT = 'image/jpeg,image/png,.jpg,.jpeg,.png';

/** The chosen file goes to the main process through the host (not as base64), then photos.upload names it. */
export async function sendPhoto(studentId: number, file: File, reason?: string): Promise<Result<CallOutput<'photos.upload'>>> {
  const sent = await uploadFile(file);
  if (!sent.ok) return sent;
  return call('photos.upload', { studentId, fileId: sent.value.fileId, ...(reason ? { reason } : {}) });
}

/** The notice after an upload, by what it did. */
export function photoNotice(r: CallOutput<'photos.upload'>): string {
  if (r.outcome === 'requested') return `已提交变更申请（第 ${r.requestId} 号），批准后照片才会更换`;
  return r.outcome === 'replaced' ? '照片已更换' : '照片已保存';
}
