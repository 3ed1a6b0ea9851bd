import Button from '@mui/material/Button';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogTitle from '@mui/material/DialogTitle';
import MenuItem from '@mui/material/MenuItem';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { useEffect, useState, type FormEvent } from 'react';
import { GRADUATION_OUTCOMES } from '../../../../shared/ipc/schemas/graduation';
import type { AppErrorData } from '../../../../shared/ipc/result';
import { ErrorAlert } from '../../components/ErrorAlert';
import { call } from '../../ipc/client';
import type { ResultRow } from './types';

interface Props {
  row: ResultRow | null;
  onClose: () => void;
  onDone: (message: string) => void;
}

/** 调整结论: another outcome for one student, with the reason (required, kept and audited). */
export function OverrideDialog({ row, onClose, onDone }: Props) {
  const [outcome, setOutcome] = useState<ResultRow['outcome']>('毕业');
  const [reason, setReason] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<AppErrorData | null>(null);
  useEffect(() => {
    if (row) {
      setOutcome(row.outcome);
      setReason('');
      setError(null);
    }
  }, [row]);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (!row) return;
    if (!reason.trim()) return setError({ code: 'VALIDATION', message: '请填写调整原因', field: 'reason' });
    setBusy(true);
    const r = await call('graduation.override', { studentId: row.studentId, outcome, reason });
    setBusy(false);
    if (!r.ok) return setError(r.error);
    onDone(`已将 ${row.name} 的结论调整为“${outcome}”`);
    onClose();
  };

  return (
    <Dialog open={row !== null} onClose={busy ? undefined : onClose} maxWidth="xs" fullWidth aria-labelledby="override-title">
      <form onSubmit={(e) => void submit(e)} noValidate>
        <DialogTitle id="override-title">调整结论：{row?.name}</DialogTitle>
        <DialogContent>
          <Stack spacing={2} sx={{ pt: 1 }}>
            <Typography variant="body2">审核结论：{row?.ruleOutcome}。调整后证书按调整后的结论办理；选回审核结论即取消调整。</Typography>
            <TextField select label="调整为" value={outcome} onChange={(e) => setOutcome(e.target.value as ResultRow['outcome'])}>
              {GRADUATION_OUTCOMES.map((o) => (
                <MenuItem key={o} value={o}>
                  {o}
                </MenuItem>
              ))}
            </TextField>
            <TextField label="调整原因" required multiline minRows={2} value={reason} onChange={(e) => setReason(e.target.value)} error={error?.field === 'reason'} />
            <ErrorAlert error={error} />
          </Stack>
        </DialogContent>
        <DialogActions>
          <Button onClick={onClose} disabled={busy}>
            取消
          </Button>
          <Button type="submit" variant="contained" disabled={busy}>
            确认调整
          </Button>
        </DialogActions>
      </form>
    </Dialog>
  );
}
