import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogTitle from '@mui/material/DialogTitle';
import MenuItem from '@mui/material/MenuItem';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { useEffect, useId, useState } from 'react';
import { CERTIFICATE_NO_ORDER_LABELS, type CertificateNoOrder } from '../../../../shared/domain/certificates/number';
import type { CallOutput } from '../../../../shared/ipc/contract';
import type { AppErrorData } from '../../../../shared/ipc/result';
import { ErrorAlert } from '../../components/ErrorAlert';
import { LoadingBlock } from '../../components/LoadingBlock';
import { call } from '../../ipc/client';

type Plan = CallOutput<'certificates.planNumbers'>;

/**
 * 分配编号: first the preview (how many, the first and last number of each group, the order), then
 * the numbers are written as previewed — worked out again in the same transaction.
 */
export function AssignDialog({ cohortYear, majorId, majorName, onClose, onDone }: { cohortYear: number; majorId: number | null; majorName: string; onClose: () => void; onDone: (message: string) => void }) {
  const titleId = useId();
  const [order, setOrder] = useState<CertificateNoOrder | null>(null);
  const [date, setDate] = useState('');
  const [plan, setPlan] = useState<Plan | null>(null);
  const [error, setError] = useState<AppErrorData | null>(null);
  const [busy, setBusy] = useState(false);
  const validDate = /^\d{4}-\d{2}-\d{2}$/.test(date);
  const input = { cohortYear, ...(majorId ? { majorId } : {}), ...(order ? { order } : {}), ...(validDate ? { graduationDate: date } : {}) };
  const inputKey = JSON.stringify(input);

  useEffect(() => {
    let live = true;
    setError(null);
    void call('certificates.planNumbers', JSON.parse(inputKey) as typeof input).then((r) => {
      if (!live) return;
      if (r.ok) {
        setPlan(r.value);
        if (!order) setOrder(r.value.order);
        if (!date && r.value.planned[0]) setDate(r.value.planned[0].graduationDate);
      } else setError(r.error);
    });
    return () => {
      live = false;
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [inputKey]);

  const confirm = async () => {
    setBusy(true);
    const r = await call('certificates.assign', input);
    setBusy(false);
    if (!r.ok) return setError(r.error);
    onDone(`已为 ${r.value.planned.length} 名学生分配学历证书编号`);
  };
  const count = plan?.planned.length ?? 0;
  return (
    <Dialog open onClose={busy ? undefined : onClose} maxWidth="sm" fullWidth aria-labelledby={titleId}>
      <DialogTitle id={titleId}>分配学历证书编号：{cohortYear} 级{majorName}</DialogTitle>
      <DialogContent>
        <Stack spacing={2} sx={{ pt: 1 }}>
          <Stack direction="row" spacing={2}>
            <TextField select size="small" label="编号顺序" value={order ?? ''} onChange={(e) => setOrder(e.target.value as CertificateNoOrder)} sx={{ width: 180 }}>
              {Object.entries(CERTIFICATE_NO_ORDER_LABELS).map(([k, label]) => (
                <MenuItem key={k} value={k}>
                  {label}
                </MenuItem>
              ))}
            </TextField>
            <TextField size="small" type="date" label="毕业日期" value={date} onChange={(e) => setDate(e.target.value)} slotProps={{ inputLabel: { shrink: true } }} helperText="印在证书上；编号中的年份取其年份" sx={{ width: 220 }} />
          </Stack>
          <ErrorAlert error={error} />
          {!plan && !error && <LoadingBlock />}
          {plan && (
            <>
              {count === 0 ? (
                <Alert severity="info">没有需要分配编号的学生{plan.alreadyNumbered ? `（已有编号 ${plan.alreadyNumbered} 人，编号不变）` : ''}。</Alert>
              ) : (
                <Alert severity="info" icon={false} aria-label="编号预览">
                  <Typography variant="body2">
                    将为 <b>{count}</b> 名毕业审核结论为毕业或结业的学生分配编号（{plan.orderLabel}，毕业证书与结业证书共用序号）
                    {plan.alreadyNumbered ? `；已有编号的 ${plan.alreadyNumbered} 人不变` : ''}：
                  </Typography>
                  {plan.groups.map((g) => (
                    <Typography key={`${g.year}-${g.level}-${g.first}`} variant="body2" sx={{ mt: 0.5, fontFamily: 'monospace' }}>
                      {g.majorName}（{g.levelName}）{g.count} 人：{g.first} 至 {g.last}
                    </Typography>
                  ))}
                </Alert>
              )}
              {plan.notEligible.length > 0 && (
                <Alert severity="warning" aria-label="不分配编号的学生">
                  不分配编号 {plan.notEligible.length} 人：
                  {plan.notEligible.slice(0, 8).map((n) => `${n.name}（${n.reason}）`).join('；')}
                  {plan.notEligible.length > 8 ? ` 等` : ''}
                </Alert>
              )}
              <Typography variant="caption" sx={{ color: 'text.secondary' }}>
                编号一经分配不再改变；作废的编号也不会再分配给其他人。
              </Typography>
            </>
          )}
        </Stack>
      </DialogContent>
      <DialogActions sx={{ px: 3, pb: 2 }}>
        <Button onClick={onClose} disabled={busy}>
          取消
        </Button>
        <Button variant="contained" onClick={() => void confirm()} disabled={busy || !plan || count === 0}>
          {busy ? '正在分配…' : `确认分配 ${count} 个编号`}
        </Button>
      </DialogActions>
    </Dialog>
  );
}
