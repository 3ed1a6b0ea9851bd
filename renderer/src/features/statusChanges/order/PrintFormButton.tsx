import PrintOutlined from '@mui/icons-material/PrintOutlined';
import Button from '@mui/material/Button';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogTitle from '@mui/material/DialogTitle';
import Typography from '@mui/material/Typography';
import { useState } from 'react';
import type { AppErrorData } from '../../../../../shared/ipc/result';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { call } from '../../../ipc/client';
import { useJobProgress } from '../../import/common/useJobProgress';
import { PdfOutputActions } from '../../jobs/PdfOutputActions';

type Outcome = { jobId: string; fileName: string } | { error: AppErrorData };

/**
 * 打印审批表: the order's form as a PDF (a job: the approval table filled from the timeline); when it
 * is ready, 打印 / 保存 PDF — a click of its own, so the browser lets the print tab open.
 */
export function PrintFormButton({ orderId }: { orderId: number }) {
  const job = useJobProgress();
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const [error, setError] = useState<AppErrorData | null>(null);
  const make = async () => {
    setError(null);
    const jobId = job.begin('正在生成审批表…');
    const r = await call('statusChanges.form', { jobId, id: orderId });
    job.end();
    if (!r.ok) {
      if (r.error.code !== 'CANCELLED') setOutcome({ error: r.error });
      return;
    }
    setOutcome(r.value);
  };
  return (
    <>
      <Button variant="outlined" startIcon={<PrintOutlined />} onClick={() => void make()} disabled={job.progress !== null}>
        {job.progress !== null ? '正在生成…' : '打印审批表'}
      </Button>
      <Dialog open={outcome !== null} onClose={() => setOutcome(null)} maxWidth="sm" fullWidth aria-labelledby="sc-form-title">
        <DialogTitle id="sc-form-title">学籍异动审批表</DialogTitle>
        <DialogContent>
          {outcome && 'error' in outcome ? (
            <ErrorAlert error={outcome.error} />
          ) : (
            outcome && (
              <>
                <Typography sx={{ mb: 2 }}>审批表已生成（{outcome.fileName}），审批栏按办理经过填写。</Typography>
                <ErrorAlert error={error} onClose={() => setError(null)} />
                <PdfOutputActions jobId={outcome.jobId} fileName={outcome.fileName} onError={setError} />
              </>
            )
          )}
        </DialogContent>
        <DialogActions>
          <Button onClick={() => setOutcome(null)}>关闭</Button>
        </DialogActions>
      </Dialog>
    </>
  );
}
