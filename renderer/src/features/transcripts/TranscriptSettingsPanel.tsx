import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Checkbox from '@mui/material/Checkbox';
import FormControlLabel from '@mui/material/FormControlLabel';
import Paper from '@mui/material/Paper';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { useEffect, useState } from 'react';
import type { CallOutput } from '../../../../shared/ipc/contract';
import type { AppErrorData } from '../../../../shared/ipc/result';
import { ErrorAlert } from '../../components/ErrorAlert';
import { call } from '../../ipc/client';
import { useCallData } from '../../ipc/useCall';

type Settings = CallOutput<'transcripts.settings'>;

/**
 * 成绩单设置 on the settings page: the school's own paper besides A4, and the English names the
 * English transcript prints (school, department, each major). Checked in the main process.
 */
export function TranscriptSettingsPanel({ onSaved }: { onSaved: (message: string) => void }) {
  const current = useCallData('transcripts.settings', {});
  const org = useCallData('org.tree', {});
  const [form, setForm] = useState<Settings | null>(null);
  const [ownPage, setOwnPage] = useState(false);
  const [error, setError] = useState<AppErrorData | null>(null);
  useEffect(() => {
    if (!current.data) return;
    setForm(current.data);
    setOwnPage(current.data.schoolPage !== null);
  }, [current.data]);
  if (!form) return null;
  const page = form.schoolPage ?? { name: '16K', widthMm: 195, heightMm: 270 };
  const save = async () => {
    setError(null);
    const r = await call('transcripts.saveSettings', { ...form, schoolPage: ownPage ? page : null });
    if (!r.ok) return setError(r.error);
    setForm(r.value);
    onSaved('已保存成绩单设置');
  };
  return (
    <Paper variant="outlined" sx={{ p: 2.5, mt: 3 }} aria-label="成绩单设置">
      <Typography variant="h6" sx={{ mb: 0.5 }}>成绩单设置</Typography>
      <Typography variant="body2" sx={{ color: 'text.secondary', mb: 2 }}>
        英文成绩单按这里的英文名称和培养方案中课程的英文名称印制，缺少任何一项时不生成。
      </Typography>
      <Box sx={{ display: 'grid', gridTemplateColumns: '1fr 1fr', gap: 2, maxWidth: 760 }}>
        <TextField size="small" label="学校英文名称" value={form.schoolNameEn} onChange={(e) => setForm({ ...form, schoolNameEn: e.target.value })} />
        <TextField size="small" label="院系英文名称" value={form.departmentNameEn} onChange={(e) => setForm({ ...form, departmentNameEn: e.target.value })} />
        {(org.data?.majors ?? []).map((m) => (
          <TextField key={m.id} size="small" label={`专业“${m.name}”英文名称`} value={form.majorNamesEn[String(m.id)] ?? ''}
            onChange={(e) => setForm({ ...form, majorNamesEn: { ...form.majorNamesEn, [String(m.id)]: e.target.value } })} />
        ))}
      </Box>
      <FormControlLabel sx={{ mt: 1.5 }} control={<Checkbox checked={ownPage} onChange={(e) => setOwnPage(e.target.checked)} />} label="除 A4 外，另有学校自定的成绩单纸张" />
      {ownPage && (
        <Box sx={{ display: 'flex', gap: 2, mt: 1 }}>
          <TextField size="small" label="纸张名称" value={page.name} onChange={(e) => setForm({ ...form, schoolPage: { ...page, name: e.target.value } })} sx={{ width: 140 }} />
          <TextField size="small" type="number" label="宽（毫米）" value={page.widthMm} onChange={(e) => setForm({ ...form, schoolPage: { ...page, widthMm: Number(e.target.value) } })} sx={{ width: 120 }} />
          <TextField size="small" type="number" label="高（毫米）" value={page.heightMm} onChange={(e) => setForm({ ...form, schoolPage: { ...page, heightMm: Number(e.target.value) } })} sx={{ width: 120 }} />
        </Box>
      )}
      <ErrorAlert error={error} onClose={() => setError(null)} />
      <Button variant="contained" sx={{ mt: 2 }} onClick={() => void save()}>保存成绩单设置</Button>
    </Paper>
  );
}
