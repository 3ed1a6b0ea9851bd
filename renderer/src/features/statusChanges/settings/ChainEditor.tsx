import AddOutlined from '@mui/icons-material/AddOutlined';
import ArrowDownwardOutlined from '@mui/icons-material/ArrowDownwardOutlined';
import ArrowUpwardOutlined from '@mui/icons-material/ArrowUpwardOutlined';
import DeleteOutlineOutlined from '@mui/icons-material/DeleteOutlineOutlined';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import IconButton from '@mui/material/IconButton';
import MenuItem from '@mui/material/MenuItem';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { useEffect, useState } from 'react';
import { ROLE_LABELS, ROLES, type Role } from '../../../../../shared/domain/permissions';
import { CHAIN_KEYS, chainName, type ChainKey } from '../../../../../shared/domain/approval-chains';
import { chainProblem, type ApprovalStep } from '../../../../../shared/domain/status-changes';
import type { CallOutput } from '../../../../../shared/ipc/contract';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { useCall } from '../../../ipc/useCall';

type Settings = CallOutput<'statusChanges.settings'>;
const PAPER = 'paper';

interface Props {
  settings: Settings;
  onSaved: (settings: Settings, message: string) => void;
}

/**
 * 审批流程: per 学籍异动 type and for 信息变更申请, its steps in order, each decided in the app by a role
 * or recorded from paper.
 */
export function ChainEditor({ settings, onSaved }: Props) {
  const [type, setType] = useState<ChainKey>('suspend');
  const [steps, setSteps] = useState<ApprovalStep[]>([]);
  const { run, loading, error, setError } = useCall('statusChanges.saveChain');
  const saved = settings.chains[type] ?? [];

  useEffect(() => {
    setSteps((settings.chains[type] ?? []).map((s) => ({ ...s })));
    setError(null);
  }, [type, settings, setError]);

  const put = (i: number, patch: Partial<ApprovalStep>) => setSteps((ss) => ss.map((s, j) => (j === i ? { ...s, ...patch } : s)));
  const move = (i: number, by: -1 | 1) =>
    setSteps((ss) => {
      const next = [...ss];
      const [s] = next.splice(i, 1);
      next.splice(i + by, 0, s!);
      return next;
    });
  const changed = JSON.stringify(steps) !== JSON.stringify(saved);

  const save = async () => {
    const clean = steps.map((s) => ({ label: s.label.trim(), role: s.role }));
    const problem = chainProblem(clean);
    if (problem) return setError({ code: 'VALIDATION', message: problem });
    const r = await run({ type, steps: clean });
    if (r.ok) onSaved(r.value, `已保存${chainName(type)}的审批流程`);
  };

  return (
    <Stack spacing={2}>
      <Typography variant="body2" sx={{ color: 'text.secondary' }}>
        每种异动和信息变更申请按顺序逐步审批。由本系统用户审批的步骤选择其角色；院系以外的部门（教务处、校领导、校长办公会）选“纸质审批”，由学籍管理员按签字的审批表登记。修改只影响今后提交（或退回后重新提交）的申请，已在审批中的不变。
      </Typography>
      <TextField select label="申请类型" value={type} onChange={(e) => setType(e.target.value as ChainKey)} sx={{ width: 240 }} size="small">
        {CHAIN_KEYS.map((k) => (
          <MenuItem key={k} value={k}>
            {chainName(k)}
          </MenuItem>
        ))}
      </TextField>
      <ErrorAlert error={error} />
      <Box component="ol" aria-label={`${chainName(type)}的审批步骤`} sx={{ m: 0, p: 0, listStyle: 'none', display: 'grid', gap: 1 }}>
        {steps.map((s, i) => (
          <Box component="li" key={i} sx={{ display: 'grid', gridTemplateColumns: '56px minmax(180px, 1fr) minmax(220px, 1fr) repeat(3, auto)', gap: 1.5, alignItems: 'center' }}>
            <Typography variant="body2" sx={{ width: 48, color: 'text.secondary' }}>
              第 {i + 1} 步
            </Typography>
            <TextField size="small" label="步骤名称" value={s.label} onChange={(e) => put(i, { label: e.target.value })} slotProps={{ htmlInput: { maxLength: 30 } }} />
            <TextField
              select
              size="small"
              label="审批人"
              value={s.role ?? PAPER}
              onChange={(e) => put(i, { role: e.target.value === PAPER ? null : (e.target.value as Role) })}
            >
              {ROLES.map((r) => (
                <MenuItem key={r} value={r}>
                  {ROLE_LABELS[r]}（在系统中审批）
                </MenuItem>
              ))}
              <MenuItem value={PAPER}>纸质审批（由学籍管理员登记）</MenuItem>
            </TextField>
            <IconButton aria-label={`第 ${i + 1} 步上移`} disabled={i === 0} onClick={() => move(i, -1)} size="small">
              <ArrowUpwardOutlined fontSize="small" />
            </IconButton>
            <IconButton aria-label={`第 ${i + 1} 步下移`} disabled={i === steps.length - 1} onClick={() => move(i, 1)} size="small">
              <ArrowDownwardOutlined fontSize="small" />
            </IconButton>
            <IconButton aria-label={`删除第 ${i + 1} 步`} disabled={steps.length <= 1} onClick={() => setSteps((ss) => ss.filter((_, j) => j !== i))} size="small">
              <DeleteOutlineOutlined fontSize="small" />
            </IconButton>
          </Box>
        ))}
      </Box>
      <Box sx={{ display: 'flex', gap: 1 }}>
        <Button startIcon={<AddOutlined />} disabled={steps.length >= 8} onClick={() => setSteps((ss) => [...ss, { label: '', role: null }])}>
          添加步骤
        </Button>
        <Box sx={{ flexGrow: 1 }} />
        <Button disabled={!changed || loading} onClick={() => setSteps(saved.map((s) => ({ ...s })))}>
          放弃修改
        </Button>
        <Button variant="contained" disabled={!changed || loading} onClick={() => void save()}>
          {loading ? '正在保存…' : '保存审批流程'}
        </Button>
      </Box>
    </Stack>
  );
}
