import EditOutlined from '@mui/icons-material/EditOutlined';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Checkbox from '@mui/material/Checkbox';
import FormControlLabel from '@mui/material/FormControlLabel';
import IconButton from '@mui/material/IconButton';
import Paper from '@mui/material/Paper';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import DeleteOutlined from '@mui/icons-material/DeleteOutlined';
import { useState } from 'react';
import type { AppErrorData } from '../../../../shared/ipc/result';
import { useSession } from '../../app/SessionContext';
import { ErrorAlert } from '../../components/ErrorAlert';
import { formatDateTime } from '../../components/format';
import { call } from '../../ipc/client';
import { useCallData } from '../../ipc/useCall';
import { formOf, hasGroups, rulesOf, type RulesForm } from './graduationRulesForm';

/** 毕业要求 of a plan version: what the audit checks (saved, or derived from the plan), and its editor. */
export function GraduationRulesSection({ planId }: { planId: number }) {
  const { can } = useSession();
  const { data, error, reload } = useCallData('graduation.rules', { planId }, String(planId));
  const [form, setForm] = useState<RulesForm | null>(null);
  const [busy, setBusy] = useState(false);
  const [saveError, setSaveError] = useState<AppErrorData | null>(null);
  if (!data) return <ErrorAlert error={error} />;
  const set = (patch: Partial<RulesForm>) => setForm((f) => (f ? { ...f, ...patch } : f));
  const modules = [...new Set(data.courses.map((c) => c.module))];

  const save = async () => {
    if (!form) return;
    setBusy(true);
    const r = await call('graduation.saveRules', { planId, rules: rulesOf(form, data.courses) });
    setBusy(false);
    if (!r.ok) return setSaveError(r.error);
    setForm(null);
    reload();
  };

  return (
    <Paper variant="outlined" sx={{ p: 2, mt: 2 }} component="section" aria-label="毕业要求">
      <Box sx={{ display: 'flex', alignItems: 'center', gap: 1, mb: 1 }}>
        <Typography variant="h6" component="h2" sx={{ flexGrow: 1 }}>
          毕业要求
        </Typography>
        {can('plans.write') && !form && !hasGroups(data.rules) && (
          <Button startIcon={<EditOutlined />} onClick={() => (setSaveError(null), setForm(formOf(data.rules)))}>
            编辑毕业要求
          </Button>
        )}
      </Box>
      {!form && (
        <>
          <Typography variant="body2" sx={{ color: 'text.secondary', mb: 1 }}>
            {data.version === null ? data.derivedText : `第 ${data.version} 版，${data.savedBy} 于 ${formatDateTime(data.savedAt)} 保存。毕业审核按以下要求逐条检查：`}
          </Typography>
          {data.version !== null && (
            <Box component="ol" sx={{ m: 0, pl: 3 }}>
              {data.lines.map((l, i) => (
                <Typography component="li" variant="body2" key={i}>
                  {l}
                </Typography>
              ))}
            </Box>
          )}
        </>
      )}
      {form && (
        <Stack spacing={2} sx={{ maxWidth: 760 }}>
          <TextField size="small" label="总学分不少于" value={form.total} onChange={(e) => set({ total: e.target.value })} sx={{ width: 200 }} />
          <Box>
            <Typography variant="subtitle2">各课程模块</Typography>
            {form.modules.map((m, i) => (
              <Box key={i} sx={{ display: 'flex', gap: 1, mt: 1, alignItems: 'center' }}>
                <TextField size="small" label="课程模块" value={m.module} onChange={(e) => set({ modules: form.modules.map((x, k) => (k === i ? { ...x, module: e.target.value } : x)) })} sx={{ width: 180 }} />
                <TextField size="small" label="不少于（学分）" value={m.min} onChange={(e) => set({ modules: form.modules.map((x, k) => (k === i ? { ...x, min: e.target.value } : x)) })} sx={{ width: 140 }} />
                <TextField size="small" label="计入总学分上限" value={m.cap} onChange={(e) => set({ modules: form.modules.map((x, k) => (k === i ? { ...x, cap: e.target.value } : x)) })} sx={{ width: 150 }} />
                <IconButton aria-label={`删除模块 ${m.module}`} onClick={() => set({ modules: form.modules.filter((_, k) => k !== i) })}>
                  <DeleteOutlined fontSize="small" />
                </IconButton>
              </Box>
            ))}
            <Button size="small" sx={{ mt: 1 }} onClick={() => set({ modules: [...form.modules, { module: modules.find((m) => !form.modules.some((x) => x.module === m)) ?? '', min: '', cap: '' }] })}>
              添加模块要求
            </Button>
          </Box>
          <Box>
            <Typography variant="subtitle2">必须通过的课程</Typography>
            <Box sx={{ display: 'flex', flexWrap: 'wrap' }}>
              {data.courses.map((c) => (
                <FormControlLabel
                  key={c.code}
                  sx={{ width: 240 }}
                  control={<Checkbox size="small" checked={form.required.includes(c.code)} onChange={(e) => set({ required: e.target.checked ? [...form.required, c.code] : form.required.filter((x) => x !== c.code) })} />}
                  label={`${c.name}（${c.nature}）`}
                />
              ))}
            </Box>
          </Box>
          <Box sx={{ display: 'flex', gap: 2, alignItems: 'center' }}>
            <FormControlLabel control={<Checkbox checked={form.fitnessOn} onChange={(e) => set({ fitnessOn: e.target.checked })} />} label="体质健康测试不低于" />
            <TextField size="small" label="分" value={form.fitnessMin} disabled={!form.fitnessOn} onChange={(e) => set({ fitnessMin: e.target.value })} sx={{ width: 90 }} />
            <Typography variant="body2" sx={{ color: 'text.secondary' }}>
              国家规定：毕业时低于 50 分按结业或肄业处理
            </Typography>
          </Box>
          <Box sx={{ display: 'flex', gap: 1 }}>
            <TextField size="small" label="证书要求（可不填）" placeholder="如 职业技能等级证书" value={form.certLabel} onChange={(e) => set({ certLabel: e.target.value })} sx={{ width: 220 }} />
            <TextField size="small" label="取得其一即可（用顿号分隔）" value={form.certAnyOf} onChange={(e) => set({ certAnyOf: e.target.value })} sx={{ flexGrow: 1 }} />
          </Box>
          <Typography variant="body2" sx={{ color: 'text.secondary' }}>
            另外总要检查：无未消除的作弊无效成绩、未超过最长学习年限。保存后成为新的一版，已有的审核结果不变，重新审核时按新版检查。
          </Typography>
          <ErrorAlert error={saveError} />
          <Box sx={{ display: 'flex', gap: 1 }}>
            <Button variant="contained" onClick={() => void save()} disabled={busy}>
              保存毕业要求
            </Button>
            <Button onClick={() => setForm(null)} disabled={busy}>
              取消
            </Button>
          </Box>
        </Stack>
      )}
    </Paper>
  );
}
