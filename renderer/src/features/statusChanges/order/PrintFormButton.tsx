import PrintOutlined from '@mui/icons-material/PrintOutlined';
import Button from '@mui/material/Button';
import type { AppErrorData } from '../../../../../shared/ipc/result';
import { call, saveJobOutput } from '../../../ipc/client';
import { useJobProgress } from '../../import/common/useJobProgress';

interface Props {
  orderId: number;
  onDone: (message: string) => void;
  onError: (error: AppErrorData) => void;
}

/** 打印审批表: the order's form as a PDF (a job: the approval table filled from the timeline), then handed to the host. */
export function PrintFormButton({ orderId, onDone, onError }: Props) {
  const job = useJobProgress();
  const print = async () => {
    const jobId = job.begin('正在生成审批表…');
    const r = await call('statusChanges.form', { jobId, id: orderId });
    job.end();
    if (!r.ok) {
      if (r.error.code !== 'CANCELLED') onError(r.error);
      return;
    }
    const saved = await saveJobOutput(jobId, r.value.fileName);
    if (!saved.ok) return onError(saved.error);
    if (saved.value.saved) onDone(`已生成审批表 ${r.value.fileName}`);
  };
  return (
    <Button variant="outlined" startIcon={<PrintOutlined />} onClick={() => void print()} disabled={job.progress !== null}>
      {job.progress !== null ? '正在生成…' : '打印审批表'}
    </Button>
  );
}
