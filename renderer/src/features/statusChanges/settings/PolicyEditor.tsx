import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Chip from '@mui/material/Chip';
import FormControlLabel from '@mui/material/FormControlLabel';
import FormHelperText from '@mui/material/FormHelperText';
import InputAdornment from '@mui/material/InputAdornment';
import Stack from '@mui/material/Stack';
import Switch from '@mui/material/Switch';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { useEffect, useState } from 'react';
import { policyOn, type StatusPolicy } from '../../../../../shared/domain/status-changes';
import type { CallOutput } from '../../../../../shared/ipc/contract';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { useCall } from '../../../ipc/useCall';
import { SimpleTable } from '../../students/profile/SimpleTable';
import { coveredByFields, orderFieldErrors, today } from '../text';
import { POLICY_FIELDS, type NumberField } from './policyFields';

type Settings = CallOutput<'statusChanges.settings'>;
type Form = Record<NumberField, string> & { effectiveFrom: string; militaryCountsTowardMax: boolean };

interface Props {
  settings: Settings;
  onSaved: (settings: Settings, message: string) => void;
}

const formOf = (p: StatusPolicy, effectiveFrom: string): Form => ({
  ...(Object.fromEntries(POLICY_FIELDS.map((f) => [f.key, String(p[f.key])])) as Record<NumberField, string>),
  effectiveFrom,
  militaryCountsTowardMax: p.militaryCountsTowardMax,
});

/** 学籍管理规定参数: a new version from a date (earlier orders keep the rules of their day); past versions below. */
export function PolicyEditor({ settings, onSaved }: Props) {
  const inForce = policyOn(settings.policies, today());
  const [form, setForm] = useState<Form>(() => formOf(inForce, today()));
  const { run, loading, error } = useCall('statusChanges.savePolicy');
  useEffect(() => setForm(formOf(policyOn(settings.policies, today()), today())), [settings]);
  const errors = orderFieldErrors(error);
  const versions = [...settings.policies].sort((a, b) => b.effectiveFrom.localeCompare(a.effectiveFrom));

  const save = async () => {
    const policy = { ...(Object.fromEntries(POLICY_FIELDS.map((f) => [f.key, Number(form[f.key])])) as Record<NumberField, number>), effectiveFrom: form.effectiveFrom, militaryCountsTowardMax: form.militaryCountsTowardMax };
    const r = await run(policy);
    if (r.ok) onSaved(r.value, `已保存学籍管理参数，自 ${form.effectiveFrom} 起生效`);
  };

  return (
    <Stack spacing={2}>
      <Typography variant="body2" sx={{ color: 'text.secondary' }}>
        学校自定的学籍管理参数（41号令 规定“由学校规定”的部分）。保存即新增一个版本，自生效日期起适用；生效日期之前的异动仍按当时的版本。
      </Typography>
      {!coveredByFields(error, ['effectiveFrom', ...POLICY_FIELDS.map((f) => f.key)]) && <ErrorAlert error={error} />}
      <TextField
        label="生效日期"
        type="date"
        value={form.effectiveFrom}
        onChange={(e) => setForm((f) => ({ ...f, effectiveFrom: e.target.value }))}
        error={Boolean(errors.effectiveFrom)}
        helperText={errors.effectiveFrom ?? '新参数从这一天起适用'}
        sx={{ maxWidth: 240 }}
        slotProps={{ inputLabel: { shrink: true } }}
      />
      <Box sx={{ display: 'grid', gridTemplateColumns: { xs: '1fr', md: '1fr 1fr' }, gap: 2 }}>
        {POLICY_FIELDS.map((f) => (
          <TextField
            key={f.key}
            label={f.label}
            type="number"
            value={form[f.key]}
            onChange={(e) => setForm((v) => ({ ...v, [f.key]: e.target.value }))}
            error={Boolean(errors[f.key])}
            helperText={errors[f.key] ?? f.help}
            slotProps={{ htmlInput: { step: f.step ?? 1, min: 0 }, input: { endAdornment: <InputAdornment position="end">{f.unit}</InputAdornment> } }}
          />
        ))}
        <Box>
          <FormControlLabel
            control={<Switch checked={form.militaryCountsTowardMax} onChange={(e) => setForm((v) => ({ ...v, militaryCountsTowardMax: e.target.checked }))} />}
            label="应征入伍期间计入最长学习年限"
          />
          <FormHelperText>多数学校规定入伍保留学籍期间“不计入最长学习年限”</FormHelperText>
        </Box>
      </Box>
      <Box sx={{ display: 'flex', justifyContent: 'flex-end' }}>
        <Button variant="contained" disabled={loading} onClick={() => void save()}>
          {loading ? '正在保存…' : '保存为新版本'}
        </Button>
      </Box>
      <Typography variant="subtitle2" component="h4">
        历史版本
      </Typography>
      <SimpleTable<StatusPolicy>
        label="学籍管理参数历史版本"
        rows={versions}
        rowKey={(p) => p.effectiveFrom}
        empty="还没有保存过参数，现按默认值（41号令 常见规定）执行。"
        columns={[
          { label: '生效日期', render: (p) => (p === inForce ? <>{p.effectiveFrom} <Chip size="small" color="success" variant="outlined" label="现行" /></> : p.effectiveFrom), width: 170 },
          { label: '休学', render: (p) => `每次 ${p.suspensionYearsPerTime} 年，最多 ${p.suspensionMaxTimes} 次，累计 ${p.suspensionMaxTotalYears} 年` },
          { label: '最长学习年限', render: (p) => `学制 + ${p.maxStudyYearsBeyondLength} 年${p.militaryCountsTowardMax ? '' : '（入伍不计）'}`, width: 170 },
          { label: '提醒', render: (p) => `缺勤 ${p.absenceWithdrawThresholdDays} 天 · 超期 ${p.stepOverdueWorkingDays} 个工作日 · 到期前 ${p.endingSoonDays} 天` },
          {
            label: '',
            width: 110,
            render: (p) => (
              <Button size="small" onClick={() => setForm(formOf(p, today()))} sx={{ whiteSpace: 'nowrap' }}>
                以此为底稿
              </Button>
            ),
          },
        ]}
      />
    </Stack>
  );
}
