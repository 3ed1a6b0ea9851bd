import Chip from '@mui/material/Chip';
import { STATUS_LABELS, type KeyChangeStatus } from './keyChangeText';

// Withdrawn is grey: nobody refused it. Returned is red: it waits for its requester.
const COLORS: Record<KeyChangeStatus, 'warning' | 'success' | 'error' | 'default'> = { pending: 'warning', returned: 'error', approved: 'success', rejected: 'error', withdrawn: 'default' };

export function KeyChangeStatusChip({ status }: { status: KeyChangeStatus }) {
  return <Chip size="small" variant="outlined" color={COLORS[status]} label={STATUS_LABELS[status]} />;
}
