import Button from '@mui/material/Button';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogTitle from '@mui/material/DialogTitle';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { useEffect, useState, type FormEvent } from 'react';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useCall } from '../../ipc/useCall';
import { coveredByFields, orderFieldErrors, today } from './text';

interface Props {
  open: boolean;
  studentId: number;
  studentName: string;
  onClose: () => void;
  onDone: (message: string) => void;
}

/** 登记缺勤: a student missing without leave; the 待办 list counts the days (41号令 第三十条（四）). */
export function AbsenceDialog({ open, studentId, studentName, onClose, onDone }: Props) {
  const { run, loading, error, reset } = useCall('statusChanges.flagAbsent');
  const [since, setSince] = useState(today());
  const [note, setNote] = useState('');
  useEffect(() => {
    if (open) {
      setSince(today());
      setNote('');
      reset();
    }
  }, [open, reset]);
  const errors = orderFieldErrors(error);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const r = await run({ studentId, since, ...(note.trim() ? { note: note.trim() } : {}) });
    if (r.ok) {
      onDone(`已登记${studentName}缺勤，首页待办中会提示缺勤天数`);
      onClose();
    }
  };

  return (
    <Dialog open={open} onClose={loading ? undefined : onClose} maxWidth="xs" fullWidth aria-labelledby="sc-absent-title">
      <form onSubmit={(e) => void submit(e)} noValidate>
        <DialogTitle id="sc-absent-title">登记缺勤</DialogTitle>
        <DialogContent>
          <Stack spacing={2} sx={{ pt: 0.5 }}>
            <Typography variant="body2" sx={{ color: 'text.secondary' }}>
              {studentName}未请假缺勤。首页待办中显示缺勤天数，达到学校规定的天数时突出提示，可直接办理退学；学生返校后点“已返校”解除。
            </Typography>
            {!coveredByFields(error, ['since', 'note']) && <ErrorAlert error={error} />}
            <TextField
              label="缺勤开始日期"
              type="date"
              required
              value={since}
              onChange={(e) => setSince(e.target.value)}
              error={Boolean(errors.since)}
              helperText={errors.since ?? ' '}
              slotProps={{ inputLabel: { shrink: true } }}
            />
            <TextField label="说明" value={note} onChange={(e) => setNote(e.target.value)} error={Boolean(errors.note)} helperText={errors.note ?? '选填，如：未请假离校，联系不上'} slotProps={{ htmlInput: { maxLength: 200 } }} />
          </Stack>
        </DialogContent>
        <DialogActions sx={{ px: 3, pb: 2 }}>
          <Button onClick={onClose} disabled={loading}>
            取消
          </Button>
          <Button type="submit" variant="contained" disabled={loading}>
            {loading ? '正在登记…' : '登记'}
          </Button>
        </DialogActions>
      </form>
    </Dialog>
  );
}
