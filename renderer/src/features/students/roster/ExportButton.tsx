import FileDownloadOutlined from '@mui/icons-material/FileDownloadOutlined';
import Button from '@mui/material/Button';
import type { CallInput } from '../../../../../shared/ipc/contract';
import type { AppErrorData } from '../../../../../shared/ipc/result';
import { call, saveJobOutput } from '../../../ipc/client';
import { useJobProgress } from '../../import/common/useJobProgress';

interface Props {
  input: CallInput<'students.export'>;
  onDone: (message: string) => void;
  onError: (error: AppErrorData) => void;
}

/**
 * 导出 Excel: the current filter, sort and visible columns. The export runs as a job (progress in
 * 后台任务, 取消); its file is then saved through the host — the save dialog on the desktop, a
 * download in the browser — never carried back as base64.
 */
export function ExportButton({ input, onDone, onError }: Props) {
  const job = useJobProgress();
  const exportNow = async () => {
    const jobId = job.begin('正在导出…');
    const result = await call('students.export', { ...input, jobId });
    job.end();
    if (!result.ok) {
      if (result.error.code !== 'CANCELLED') onError(result.error);
      return;
    }
    const { rows, fileName } = result.value;
    const saved = await saveJobOutput(jobId, fileName);
    if (!saved.ok) return onError(saved.error);
    if (saved.value.saved) onDone(`已导出 ${rows} 行`);
  };
  const p = job.progress;
  return (
    <Button variant="outlined" startIcon={<FileDownloadOutlined />} onClick={() => void exportNow()} disabled={p !== null}>
      {p !== null ? (p && p.total ? `正在导出 ${Math.round((p.done / p.total) * 100)}%` : '正在导出…') : '导出 Excel'}
    </Button>
  );
}
