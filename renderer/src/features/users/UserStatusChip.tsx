import Chip from '@mui/material/Chip';
import { USER_STATUS_LABELS, type UserStatus } from './userStatus';

const COLORS = { active: 'success', disabled: 'default', locked: 'warning', noKey: 'warning' } as const;

export function UserStatusChip({ status }: { status: UserStatus }) {
  return <Chip size="small" variant="outlined" color={COLORS[status]} label={USER_STATUS_LABELS[status]} />;
}
