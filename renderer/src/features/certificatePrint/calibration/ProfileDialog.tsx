import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogTitle from '@mui/material/DialogTitle';
import Divider from '@mui/material/Divider';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { useState } from 'react';
import { profileProblems } from '../../../../../shared/domain/certificates/template-check';
import type { PrinterProfile } from '../../../../../shared/domain/certificates/template';
import type { CallOutput } from '../../../../../shared/ipc/contract';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { call } from '../../../ipc/client';
import { NumberBox } from '../designer/NumberBox';
import { tenth } from '../designer/designerState';

type Rows = CallOutput<'printerProfiles.list'>;

interface Props {
  /** The profile edited; null: a new one. */
  profile: PrinterProfile | null;
  onClose: () => void;
  onSaved: (rows: Rows, name: string) => void;
}

const NEW: PrinterProfile = { name: '', offsetXMm: 0, offsetYMm: 0, scaleX: 1, scaleY: 1 };

/**
 * 添加 / 修改 a printer profile. The clerk either types the offsets, or says where the calibration
 * sheet's cross landed (printed through this profile) and the offsets are worked out from that:
 * a cross 1.5 mm too far right needs the print moved 1.5 mm left.
 */
export function ProfileDialog({ profile, onClose, onSaved }: Props) {
  const [p, setP] = useState<PrinterProfile>(profile ?? NEW);
  const [right, setRight] = useState(0);
  const [down, setDown] = useState(0);
  const [tried, setTried] = useState(false);
  const [error, setError] = useState<import('../../../../../shared/ipc/result').AppErrorData | null>(null);
  const [busy, setBusy] = useState(false);
  const problems = tried ? profileProblems(p) : [];
  const err = (k: string) => problems.find((x) => x.path[0] === k)?.message ?? (error?.issues?.find((i) => i.field?.endsWith(k))?.message);

  const apply = () => {
    setP({ ...p, offsetXMm: tenth(p.offsetXMm - right), offsetYMm: tenth(p.offsetYMm - down) });
    setRight(0);
    setDown(0);
  };
  const save = async () => {
    setTried(true);
    if (profileProblems(p).length > 0) return;
    setBusy(true);
    const r = await call('printerProfiles.save', { profile: p, ...(profile ? { previousName: profile.name } : {}) });
    setBusy(false);
    if (!r.ok) return setError(r.error);
    onSaved(r.value, p.name.trim());
  };

  return (
    <Dialog open onClose={busy ? undefined : onClose} maxWidth="sm" fullWidth aria-labelledby="profile-title">
      <DialogTitle id="profile-title">{profile ? `修改校准方案：${profile.name}` : '添加校准方案'}</DialogTitle>
      <DialogContent>
        <Box sx={{ display: 'grid', gap: 2, pt: 1 }}>
          <TextField label="方案名称" size="small" value={p.name} onChange={(e) => setP({ ...p, name: e.target.value })} placeholder="如：办公室 HP 打印机 手动进纸" error={Boolean(err('name'))} helperText={err('name') ?? '一台打印机（或一个进纸口）一个方案'} />
          <Box sx={{ display: 'grid', gridTemplateColumns: '1fr 1fr', gap: 1.5 }}>
            <NumberBox label="向右移动" unit="毫米" step={0.1} value={p.offsetXMm} onChange={(v) => setP({ ...p, offsetXMm: tenth(v) })} error={err('offsetXMm')} />
            <NumberBox label="向下移动" unit="毫米" step={0.1} value={p.offsetYMm} onChange={(v) => setP({ ...p, offsetYMm: tenth(v) })} error={err('offsetYMm')} />
            <NumberBox label="横向缩放" unit="倍" step={0.001} value={p.scaleX} onChange={(v) => setP({ ...p, scaleX: Math.round(v * 10000) / 10000 })} error={err('scaleX')} />
            <NumberBox label="纵向缩放" unit="倍" step={0.001} value={p.scaleY} onChange={(v) => setP({ ...p, scaleY: Math.round(v * 10000) / 10000 })} error={err('scaleY')} />
          </Box>
          <Typography variant="body2" sx={{ color: 'text.secondary' }}>
            打印时所有内容按此移动：正数向右、向下，负数向左、向上。缩放一般保持 1；若校准页上离左上角越远的十字偏得越多，才需要调整（1.002 表示放大千分之二）。
          </Typography>
          <Divider />
          <Typography variant="subtitle2">按校准页量得的结果计算</Typography>
          <Typography variant="body2" sx={{ color: 'text.secondary' }}>
            用本方案打印校准页，与空白证书叠在一起对着光看，量出十字比证书上应在的位置偏了多少：
          </Typography>
          <Box sx={{ display: 'grid', gridTemplateColumns: '1fr 1fr auto', gap: 1.5, alignItems: 'start' }}>
            <NumberBox label="十字偏右（偏左填负数）" unit="毫米" step={0.1} value={right} onChange={(v) => setRight(tenth(v))} />
            <NumberBox label="十字偏下（偏上填负数）" unit="毫米" step={0.1} value={down} onChange={(v) => setDown(tenth(v))} />
            <Button variant="outlined" onClick={apply} disabled={right === 0 && down === 0} sx={{ mt: 0.25 }}>
              计算偏移
            </Button>
          </Box>
          {(right !== 0 || down !== 0) && (
            <Alert severity="info">
              点“计算偏移”后：向右移动 {tenth(p.offsetXMm - right)} 毫米，向下移动 {tenth(p.offsetYMm - down)} 毫米。
            </Alert>
          )}
          <ErrorAlert error={error} onClose={() => setError(null)} />
        </Box>
      </DialogContent>
      <DialogActions sx={{ px: 3, pb: 2 }}>
        <Button onClick={onClose} disabled={busy}>
          取消
        </Button>
        <Button variant="contained" onClick={() => void save()} disabled={busy}>
          保存
        </Button>
      </DialogActions>
    </Dialog>
  );
}

export type ProfileRows = Rows;
