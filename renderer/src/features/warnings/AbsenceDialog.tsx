import Button from '@mui/material/Button';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogTitle from '@mui/material/DialogTitle';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import { useEffect, useState, type FormEvent } from 'react';
import type { AppErrorData } from '../../../../shared/ipc/result';
import { ErrorAlert } from '../../components/ErrorAlert';
import { call } from '../../ipc/client';

interface Props {
  open: boolean;
  term: string;
  onClose: () => void;
  onDone: (message: string) => void;
}

/** 登记旷课学时: a student's 旷课 hours for the term, from the attendance sheets (the rules read them). */
export function AbsenceDialog({ open, term, onClose, onDone }: Props) {
  const [studentNo, setStudentNo] = useState('');
  const [hours, setHours] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<AppErrorData | null>(null);
  useEffect(() => {
    if (open) {
      setStudentNo('');
      setHours('');
      setError(null);
    }
  }, [open]);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const no = studentNo.trim();
    const n = Number(hours);
    if (!no) return setError({ code: 'VALIDATION', message: '请填写学号' });
    if (!/^\d+$/.test(hours.trim())) return setError({ code: 'VALIDATION', message: '旷课学时应为整数' });
    setBusy(true);
    setError(null);
    const found = await call('students.list', { page: 0, pageSize: 5, filter: { q: no } });
    const s = found.ok ? found.value.rows.find((r) => r.studentNo === no) : undefined;
    if (!s) {
      setBusy(false);
      return setError(found.ok ? { code: 'NOT_FOUND', message: `找不到学号为 ${no} 的学生` } : found.error);
    }
    const r = await call('warnings.setAbsence', { studentId: s.id, term, hours: n });
    setBusy(false);
    if (!r.ok) return setError(r.error);
    onDone(`已登记 ${s.name} ${term} 学期旷课 ${n} 学时`);
    onClose();
  };

  return (
    <Dialog open={open} onClose={busy ? undefined : onClose} maxWidth="xs" fullWidth aria-labelledby="absence-title">
      <form onSubmit={(e) => void submit(e)} noValidate>
        <DialogTitle id="absence-title">登记旷课学时（{term}）</DialogTitle>
        <DialogContent>
          <Stack spacing={2} sx={{ pt: 1 }}>
            <ErrorAlert error={error} />
            <TextField label="学号" value={studentNo} onChange={(e) => setStudentNo(e.target.value)} autoFocus />
            <TextField label="本学期旷课学时" value={hours} onChange={(e) => setHours(e.target.value)} helperText="按考勤记录填写本学期累计旷课学时；填 0 清除" slotProps={{ htmlInput: { inputMode: 'numeric' } }} />
          </Stack>
        </DialogContent>
        <DialogActions sx={{ px: 3, pb: 2 }}>
          <Button onClick={onClose} disabled={busy}>
            取消
          </Button>
          <Button type="submit" variant="contained" disabled={busy}>
            {busy ? '正在保存…' : '保存'}
          </Button>
        </DialogActions>
      </form>
    </Dialog>
  );
}
