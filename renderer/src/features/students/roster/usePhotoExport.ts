import { useState } from 'react';
import type { AppErrorData } from '../../../../../shared/ipc/result';
import { downloadBase64 } from '../../../components/download';
import { call } from '../../../ipc/client';

/** 导出照片: the selected students' photos in one ZIP, named by 身份证号. */
export function usePhotoExport(onDone: (message: string) => void, onError: (error: AppErrorData) => void) {
  const [busy, setBusy] = useState(false);
  const run = async (ids: number[]) => {
    setBusy(true);
    const r = await call('photos.export', { ids });
    setBusy(false);
    if (!r.ok) {
      onError(r.error);
      return;
    }
    downloadBase64(r.value.fileName, 'application/zip', r.value.dataBase64);
    onDone(`已导出照片：${r.value.fileName}`);
  };
  return { run, busy };
}
