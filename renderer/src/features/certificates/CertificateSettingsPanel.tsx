import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import MenuItem from '@mui/material/MenuItem';
import Paper from '@mui/material/Paper';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { useEffect, useState } from 'react';
import { CERTIFICATE_NO_ORDER_LABELS, RUN_TYPES, type CertificateNoOrder, type RunTypeCode } from '../../../../shared/domain/certificates/number';
import type { AppErrorData } from '../../../../shared/ipc/result';
import { useSettings } from '../../app/SettingsContext';
import { ErrorAlert } from '../../components/ErrorAlert';
import { call } from '../../ipc/client';
import { useCallData } from '../../ipc/useCall';

/**
 * 系统设置 › 学历证书编号: 办学类型 (position 6) and the order numbers are handed out in. The 学校代码
 * (positions 1–5) is the school's own, set with 院系信息 above; 年份 and 层次 come from each student.
 */
export function CertificateSettingsPanel({ onSaved }: { onSaved: (message: string) => void }) {
  const current = useCallData('certificates.settings', {});
  const { settings } = useSettings();
  const [form, setForm] = useState<{ runType: RunTypeCode; order: CertificateNoOrder } | null>(null);
  const [error, setError] = useState<AppErrorData | null>(null);
  useEffect(() => {
    if (current.data) setForm(current.data);
  }, [current.data]);
  if (!form) return null;
  const save = async () => {
    setError(null);
    const r = await call('certificates.saveSettings', form);
    if (!r.ok) return setError(r.error);
    setForm(r.value);
    onSaved('已保存学历证书编号设置');
  };
  const school = settings?.schoolCode || '（未设置）';
  return (
    <Paper component="section" variant="outlined" sx={{ p: 2.5, mt: 3 }} aria-label="学历证书编号">
      <Typography variant="h6" sx={{ mb: 0.5 }}>
        学历证书编号
      </Typography>
      <Typography variant="body2" sx={{ color: 'text.secondary', mb: 2 }}>
        18 位编号 = 学校代码（5 位，{school}）+ 办学类型（1 位）+ 毕业年份（4 位）+ 培养层次（2 位，专科 06、本科 05）+ 序号（6 位）。毕业证书与结业证书共用同一序号，作废的编号不再使用。
      </Typography>
      <Box sx={{ display: 'flex', gap: 2, flexWrap: 'wrap' }}>
        <TextField select size="small" label="办学类型" value={form.runType} onChange={(e) => setForm({ ...form, runType: e.target.value as RunTypeCode })} sx={{ width: 260 }}>
          {Object.entries(RUN_TYPES).map(([code, name]) => (
            <MenuItem key={code} value={code}>
              {code} {name}
            </MenuItem>
          ))}
        </TextField>
        <TextField select size="small" label="编号顺序" value={form.order} onChange={(e) => setForm({ ...form, order: e.target.value as CertificateNoOrder })} sx={{ width: 200 }}>
          {Object.entries(CERTIFICATE_NO_ORDER_LABELS).map(([code, label]) => (
            <MenuItem key={code} value={code}>
              {label}
            </MenuItem>
          ))}
        </TextField>
      </Box>
      <ErrorAlert error={error} onClose={() => setError(null)} />
      <Button variant="contained" sx={{ mt: 2 }} onClick={() => void save()}>
        保存学历证书编号设置
      </Button>
    </Paper>
  );
}
