import Chip from '@mui/material/Chip';
import type { StatusChangeState } from '../../../../shared/domain/status-changes';
import { STATE_LABELS } from './text';

// 已撤回 is grey: nobody refused it; 已退回 waits for the filer.
const COLORS: Record<StatusChangeState, 'warning' | 'success' | 'error' | 'default'> = { pending: 'warning', returned: 'error', approved: 'success', withdrawn: 'default' };

/** 审批中 / 已退回 / 已生效 / 已撤回 as a small label. */
export function StateChip({ state }: { state: StatusChangeState }) {
  return <Chip size="small" variant="outlined" color={COLORS[state]} label={STATE_LABELS[state]} />;
}
