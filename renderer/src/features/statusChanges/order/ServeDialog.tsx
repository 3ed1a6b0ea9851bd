import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogTitle from '@mui/material/DialogTitle';
import MenuItem from '@mui/material/MenuItem';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import { useEffect, useState, type FormEvent } from 'react';
import { SERVICE_METHODS } from '../../../../../shared/domain/status-changes';
import type { StatusChangeDetail } from '../../../../../shared/ipc/schemas/status-changes';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { useCall } from '../../../ipc/useCall';
import { coveredByFields, orderFieldErrors, today } from '../text';

interface Props {
  order: StatusChangeDetail;
  open: boolean;
  onClose: () => void;
  onDone: (order: StatusChangeDetail, message: string) => void;
}

type Method = (typeof SERVICE_METHODS)[number];

/** 登记送达: when and how the decision reached the student; the appeal window runs from that day. */
export function ServeDialog({ order, open, onClose, onDone }: Props) {
  const { run, loading, error, reset } = useCall('statusChanges.recordService');
  const [servedOn, setServedOn] = useState(today());
  const [method, setMethod] = useState<Method | ''>('');
  useEffect(() => {
    if (open) {
      setServedOn(order.data.servedOn ?? today());
      setMethod(order.data.servedMethod ?? '');
      reset();
    }
  }, [open, order, reset]);
  const errors = orderFieldErrors(error);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (!method) return;
    const r = await run({ id: order.id, servedOn, servedMethod: method });
    if (r.ok) {
      onDone(r.value, `已登记送达，申诉期限至 ${r.value.appealDeadline ?? ''}`);
      onClose();
    }
  };

  return (
    <Dialog open={open} onClose={loading ? undefined : onClose} maxWidth="xs" fullWidth aria-labelledby="sc-serve-title">
      <form onSubmit={(e) => void submit(e)} noValidate>
        <DialogTitle id="sc-serve-title">登记送达</DialogTitle>
        <DialogContent>
          <Stack spacing={2} sx={{ pt: 0.5 }}>
            <Alert severity="info">学生可自收到决定书之日起 10 日内提出申诉（41号令 第六十条），申诉期限按送达日期计算。</Alert>
            {!coveredByFields(error, ['servedOn', 'servedMethod']) && <ErrorAlert error={error} />}
            <TextField
              label="送达日期"
              type="date"
              required
              value={servedOn}
              onChange={(e) => setServedOn(e.target.value)}
              error={Boolean(errors.servedOn)}
              helperText={errors.servedOn ?? ' '}
              slotProps={{ inputLabel: { shrink: true } }}
            />
            <TextField
              select
              label="送达方式"
              required
              value={method}
              onChange={(e) => setMethod(e.target.value as Method)}
              error={Boolean(errors.servedMethod)}
              helperText={errors.servedMethod ?? '直接送达不成的，依次留置送达、邮寄送达、公告送达'}
            >
              {SERVICE_METHODS.map((m) => (
                <MenuItem key={m} value={m}>
                  {m}
                </MenuItem>
              ))}
            </TextField>
          </Stack>
        </DialogContent>
        <DialogActions sx={{ px: 3, pb: 2 }}>
          <Button onClick={onClose} disabled={loading}>
            取消
          </Button>
          <Button type="submit" variant="contained" disabled={loading || !method}>
            {loading ? '正在登记…' : '登记'}
          </Button>
        </DialogActions>
      </form>
    </Dialog>
  );
}
