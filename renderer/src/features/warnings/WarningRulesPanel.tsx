import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import MenuItem from '@mui/material/MenuItem';
import Paper from '@mui/material/Paper';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { format } from 'date-fns';
import { useEffect, useState } from 'react';
import { measureLabel, ruleSetProblems, SANCTION_LEVELS, triggerText, type WarningRuleSet, type WarningTrigger } from '../../../../shared/domain/warnings';
import { ErrorAlert } from '../../components/ErrorAlert';
import { LoadingBlock } from '../../components/LoadingBlock';
import { useCall, useCallData } from '../../ipc/useCall';
import { TierChip } from './TierChip';

/** The number a trigger is set by, as the editor shows and takes it. */
const thresholdOf = (t: WarningTrigger): string => (t.kind === 'gpaBelow' ? t.below : String(t.atLeast));
function withThreshold(t: WarningTrigger, v: string): WarningTrigger {
  switch (t.kind) {
    case 'gpaBelow':
      return { ...t, below: v };
    case 'sanction':
      return { ...t, atLeast: v as (typeof SANCTION_LEVELS)[number] };
    case 'failedCredits':
      return { ...t, atLeast: v };
    default:
      return { ...t, atLeast: Number(v) };
  }
}

/**
 * 系统设置 › 学业预警: the rule set in force and its earlier versions; a new version starts from the
 * one in force or a shipped preset, with its thresholds edited and a day it takes effect. The rules
 * themselves (shared/domain/warnings) check it before it is saved.
 */
export function WarningRulesPanel({ onSaved }: { onSaved: (message: string) => void }) {
  const { data, error, loading, setData } = useCallData('warnings.settings', {});
  const { run, loading: saving, error: saveError, setError } = useCall('warnings.saveRuleSet');
  const [draft, setDraft] = useState<WarningRuleSet | null>(null);
  const current = data ? (data.versions.find((v) => v.effectiveFrom === data.inForce) ?? data.versions.at(-1)!) : null;
  useEffect(() => setError(null), [draft, setError]);
  if (error) return <ErrorAlert error={error} />;
  if (!data || !current) return loading ? <LoadingBlock /> : null;

  const start = (base: WarningRuleSet) => setDraft({ ...structuredClone(base), effectiveFrom: format(new Date(), 'yyyy-MM-dd') } as WarningRuleSet);
  const put = (ti: number, gi: number, v: string) =>
    setDraft((d) => d && { ...d, tiers: d.tiers.map((t, i) => (i === ti ? { ...t, triggers: t.triggers.map((g, j) => (j === gi ? withThreshold(g, v) : g)) } : t)) });
  const problems = draft ? ruleSetProblems(draft) : [];

  const save = async () => {
    if (!draft || problems.length) return;
    const r = await run(draft as never);
    if (r.ok) {
      setData(r.value);
      setDraft(null);
      onSaved(`已保存学业预警规则（自 ${draft.effectiveFrom} 起生效）`);
    }
  };

  const shown = (draft ?? current) as WarningRuleSet;
  return (
    <Paper variant="outlined" component="section" aria-label="学业预警设置" sx={{ p: 3, mt: 2.5, maxWidth: 1040 }}>
      <Typography variant="h6" component="h2" sx={{ mb: 1 }}>
        学业预警
      </Typography>
      <Typography variant="body2" sx={{ color: 'text.secondary', mb: 2 }}>
        预警按等级从低到高排列，学生达到某一等级的任一条件即进入该等级，取最高等级。补考、重修后仍不及格的课程才计入；休学、保留学籍的学生不参与。修改后保存为新版本，自生效日期起用于之后的预警。
      </Typography>
      <Box sx={{ display: 'flex', gap: 1.5, alignItems: 'center', flexWrap: 'wrap', mb: 2 }}>
        <Typography variant="body2">
          {draft ? '新版本（未保存）' : `现行规则：${current.name}（自 ${current.effectiveFrom} 起）`}
        </Typography>
        <Box sx={{ flexGrow: 1 }} />
        {!draft && (
          <>
            <Button onClick={() => start(current as WarningRuleSet)}>修改为新版本</Button>
            <TextField select size="small" label="从预设方案开始" value="" onChange={(e) => start(data.presets[Number(e.target.value)] as WarningRuleSet)} sx={{ width: 260 }}>
              {data.presets.map((p, i) => (
                <MenuItem key={p.name} value={i}>
                  {p.name}
                </MenuItem>
              ))}
            </TextField>
          </>
        )}
      </Box>
      {draft && (
        <Stack direction="row" spacing={2} sx={{ mb: 2 }}>
          <TextField size="small" label="规则名称" value={draft.name} onChange={(e) => setDraft({ ...draft, name: e.target.value })} sx={{ flexGrow: 1 }} />
          <TextField size="small" type="date" label="生效日期" value={draft.effectiveFrom} onChange={(e) => setDraft({ ...draft, effectiveFrom: e.target.value })} slotProps={{ inputLabel: { shrink: true } }} />
        </Stack>
      )}
      <Stack spacing={1.5} aria-label="预警等级">
        {shown.tiers.map((t, ti) => (
          <Box key={t.label} sx={{ display: 'grid', gridTemplateColumns: '120px 1fr', gap: 2, alignItems: 'start' }}>
            <Box sx={{ pt: 0.5 }}>
              <TierChip label={t.label} colour={t.colour} />
            </Box>
            <Box sx={{ display: 'flex', flexWrap: 'wrap', gap: 1, alignItems: 'center' }}>
              {t.triggers.map((g, gi) =>
                draft ? (
                  g.kind === 'sanction' ? (
                    <TextField key={gi} select size="small" label="受处分及以上" value={g.atLeast} onChange={(e) => put(ti, gi, e.target.value)} sx={{ width: 150 }}>
                      {SANCTION_LEVELS.map((l) => (
                        <MenuItem key={l} value={l}>
                          {l}
                        </MenuItem>
                      ))}
                    </TextField>
                  ) : (
                    <TextField key={gi} size="small" label={`${measureLabel(g)}${g.kind === 'gpaBelow' ? '低于' : '达到'}`} value={thresholdOf(g)} onChange={(e) => put(ti, gi, e.target.value)} sx={{ width: 230 }} />
                  )
                ) : (
                  <Typography key={gi} variant="body2" sx={{ bgcolor: '#f4f6f9', px: 1, py: 0.25, borderRadius: 1 }}>
                    {triggerText(g)}
                  </Typography>
                ),
              )}
            </Box>
          </Box>
        ))}
      </Stack>
      {draft && (
        <Box sx={{ mt: 2 }}>
          {problems.length > 0 && <ErrorAlert error={{ code: 'VALIDATION', message: problems.join('；') }} />}
          <ErrorAlert error={saveError} />
          <Box sx={{ display: 'flex', gap: 1, justifyContent: 'flex-end', mt: 1 }}>
            <Button onClick={() => setDraft(null)} disabled={saving}>
              放弃修改
            </Button>
            <Button variant="contained" onClick={() => void save()} disabled={saving || problems.length > 0}>
              {saving ? '正在保存…' : '保存为新版本'}
            </Button>
          </Box>
        </Box>
      )}
      {data.versions.length > 1 && (
        <Typography variant="caption" sx={{ display: 'block', mt: 2, color: 'text.secondary' }}>
          历史版本：{data.versions.map((v) => `${v.effectiveFrom} ${v.name}`).join('；')}
        </Typography>
      )}
    </Paper>
  );
}
