import Chip from '@mui/material/Chip';
import { STATUS_LABELS, type KeyChangeStatus } from './keyChangeText';

const COLORS: Record<KeyChangeStatus, 'warning' | 'success' | 'error'> = { pending: 'warning', approved: 'success', rejected: 'error' };

export function KeyChangeStatusChip({ status }: { status: KeyChangeStatus }) {
  return <Chip size="small" variant="outlined" color={COLORS[status]} label={STATUS_LABELS[status]} />;
}
