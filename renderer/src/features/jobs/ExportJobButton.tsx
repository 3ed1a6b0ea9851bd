import FileDownloadOutlined from '@mui/icons-material/FileDownloadOutlined';
import Button from '@mui/material/Button';
import type { AppErrorData, Result } from '../../../../shared/ipc/result';
import { saveJobOutput } from '../../ipc/client';
import { useJobProgress } from '../import/common/useJobProgress';

interface Props {
  /** Starts the export as a job with this id (e.g. call('students.export', { …, jobId })). */
  start: (jobId: string) => Promise<Result<{ fileName: string; rows: number }>>;
  /** What was exported, for the notice: 已导出 N 行 / 条. */
  unit?: string;
  onDone: (message: string) => void;
  onError: (error: AppErrorData) => void;
}

/**
 * 导出 Excel for any export job: progress on the button (and in 后台任务), then the file saved
 * through the host — the save dialog on the desktop, a download in the browser — never as base64.
 */
export function ExportJobButton({ start, unit = '行', onDone, onError }: Props) {
  const job = useJobProgress();
  const exportNow = async () => {
    const jobId = job.begin('正在导出…');
    const result = await start(jobId);
    job.end();
    if (!result.ok) {
      if (result.error.code !== 'CANCELLED') onError(result.error);
      return;
    }
    const { rows, fileName } = result.value;
    const saved = await saveJobOutput(jobId, fileName);
    if (!saved.ok) return onError(saved.error);
    if (saved.value.saved) onDone(`已导出 ${rows} ${unit}`);
  };
  const p = job.progress;
  return (
    <Button variant="outlined" startIcon={<FileDownloadOutlined />} onClick={() => void exportNow()} disabled={p !== null}>
      {p !== null ? (p.total ? `正在导出 ${Math.round((p.done / p.total) * 100)}%` : '正在导出…') : '导出 Excel'}
    </Button>
  );
}
