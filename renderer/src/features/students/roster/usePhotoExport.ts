import { useState } from 'react';
import type { AppErrorData } from '../../../../../shared/ipc/result';
import { call, saveJobOutput } from '../../../ipc/client';
import { newJobId } from '../../import/common/newJobId';

/**
 * 导出照片: the selected students' photos in one ZIP, named by 身份证号 — made as a job (it shows in
 * 后台任务), its file saved through the host (save dialog or download), never as base64.
 */
export function usePhotoExport(onDone: (message: string) => void, onError: (error: AppErrorData) => void) {
  const [busy, setBusy] = useState(false);
  const run = async (ids: number[]) => {
    setBusy(true);
    const jobId = newJobId();
    const r = await call('photos.export', { ids, jobId });
    if (!r.ok) {
      setBusy(false);
      if (r.error.code !== 'CANCELLED') onError(r.error);
      return;
    }
    const saved = await saveJobOutput(jobId, r.value.fileName);
    setBusy(false);
    if (!saved.ok) return onError(saved.error);
    if (saved.value.saved) onDone(`已导出照片 ${r.value.photos} 张：${r.value.fileName}`);
  };
  return { run, busy };
}
