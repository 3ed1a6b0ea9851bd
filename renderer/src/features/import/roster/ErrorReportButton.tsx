import FileDownloadOutlined from '@mui/icons-material/FileDownloadOutlined';
import Button from '@mui/material/Button';
import type { CallInput } from '../../../../../shared/ipc/contract';
import type { AppErrorData } from '../../../../../shared/ipc/result';
import { call, saveJobOutput } from '../../../ipc/client';
import { useJobProgress } from '../common/useJobProgress';

interface Props {
  options: CallInput<'imports.errorReport'>;
  onError: (error: AppErrorData | null) => void;
}

/**
 * 下载问题清单: the file itself with every bad cell highlighted and explained, to fix in Excel —
 * made as a job (progress on the button, and in 后台任务), saved through the host.
 */
export function ErrorReportButton({ options, onError }: Props) {
  const job = useJobProgress();
  const download = async () => {
    onError(null);
    const jobId = job.begin('正在生成问题清单…');
    const r = await call('imports.errorReport', { ...options, jobId });
    const saved = r.ok ? await saveJobOutput(jobId, r.value.fileName) : r;
    job.end();
    if (!saved.ok && saved.error.code !== 'CANCELLED') onError(saved.error);
  };
  const p = job.progress;
  return (
    <Button variant="outlined" size="small" startIcon={<FileDownloadOutlined />} onClick={() => void download()} disabled={p !== null}>
      {p !== null ? (p.total ? `正在生成问题清单 ${Math.round((p.done / p.total) * 100)}%` : '正在生成问题清单…') : '下载问题清单'}
    </Button>
  );
}
