import TableViewOutlined from '@mui/icons-material/TableViewOutlined';
import Button from '@mui/material/Button';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogTitle from '@mui/material/DialogTitle';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { format, subMonths } from 'date-fns';
import { useState } from 'react';
import type { AppErrorData } from '../../../../shared/ipc/result';
import { ErrorAlert } from '../../components/ErrorAlert';
import { call, saveJobOutput } from '../../ipc/client';
import { useJobProgress } from '../import/common/useJobProgress';

interface Props {
  onDone: (message: string) => void;
  onError: (message: string) => void;
}

/**
 * 异动月报: the month's applied status changes as a workbook (a job, shown in 后台任务 too), saved
 * through the host. The platform wants last month's by the 15th, so last month is the default.
 */
export function MonthReportButton({ onDone, onError }: Props) {
  const [open, setOpen] = useState(false);
  const [month, setMonth] = useState(() => format(subMonths(new Date(), 1), 'yyyy-MM'));
  const [error, setError] = useState<AppErrorData | null>(null);
  const job = useJobProgress();
  const busy = job.progress !== null;

  const run = async () => {
    setError(null);
    const jobId = job.begin('正在导出…');
    const result = await call('statusChanges.exportMonth', { jobId, month });
    job.end();
    if (!result.ok) {
      if (result.error.code !== 'CANCELLED') setError(result.error);
      return;
    }
    setOpen(false);
    const saved = await saveJobOutput(jobId, result.value.fileName);
    if (!saved.ok) return onError(saved.error.message);
    if (saved.value.saved) onDone(`已导出 ${month.replace('-', ' 年 ')} 月的学籍异动 ${result.value.rows} 条`);
  };

  return (
    <>
      <Button variant="outlined" startIcon={<TableViewOutlined />} onClick={() => setOpen(true)}>
        异动月报
      </Button>
      <Dialog open={open} onClose={busy ? undefined : () => setOpen(false)} maxWidth="xs" fullWidth aria-labelledby="month-report-title">
        <DialogTitle id="month-report-title">导出学籍异动月报</DialogTitle>
        <DialogContent>
          <Typography variant="body2" sx={{ color: 'text.secondary', mb: 2 }}>
            导出所选月份内生效的全部学籍异动（Excel 工作簿），供每月 15 日前报送。
          </Typography>
          <ErrorAlert error={error} />
          <TextField
            label="月份"
            type="month"
            value={month}
            onChange={(e) => setMonth(e.target.value)}
            fullWidth
            sx={{ mt: error ? 2 : 0 }}
            slotProps={{ inputLabel: { shrink: true } }}
          />
        </DialogContent>
        <DialogActions sx={{ px: 3, pb: 2 }}>
          <Button onClick={() => setOpen(false)} disabled={busy}>
            取消
          </Button>
          <Button variant="contained" onClick={() => void run()} disabled={busy || !/^\d{4}-\d{2}$/.test(month)}>
            {busy ? '正在导出…' : '导出'}
          </Button>
        </DialogActions>
      </Dialog>
    </>
  );
}
