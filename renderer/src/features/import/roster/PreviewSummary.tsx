import Box from '@mui/material/Box';
import Chip from '@mui/material/Chip';
import type { Previewed } from './wizardTypes';

type Color = 'default' | 'success' | 'error' | 'primary' | 'info' | 'warning';

/** The counts of a check, as chips: 共 N 行, 有效 N, 有问题 N, 将新增 N, 将更新 N, 关键信息变更 N. */
export function PreviewSummary({ preview }: { preview: Previewed }) {
  const chips: { label: string; color: Color; strong?: boolean }[] = [
    { label: `共 ${preview.rows} 行`, color: 'default' },
    { label: `有效 ${preview.valid}`, color: 'success' },
    { label: `有问题 ${preview.invalid}`, color: preview.invalid > 0 ? 'error' : 'default', strong: preview.invalid > 0 },
    { label: `将新增 ${preview.toAdd}`, color: 'primary' },
    { label: `将更新 ${preview.toUpdate}`, color: 'info' },
    { label: `关键信息变更 ${preview.roster?.keyChanges ?? 0} → 变更申请`, color: (preview.roster?.keyChanges ?? 0) > 0 ? 'warning' : 'default' },
  ];
  return (
    <Box role="list" aria-label="检查结果" sx={{ display: 'flex', gap: 1, flexWrap: 'wrap' }}>
      {chips.map((c) => (
        <Chip key={c.label} role="listitem" label={c.label} color={c.color} variant={c.strong ? 'filled' : 'outlined'} sx={{ fontWeight: 500, fontVariantNumeric: 'tabular-nums' }} />
      ))}
    </Box>
  );
}
