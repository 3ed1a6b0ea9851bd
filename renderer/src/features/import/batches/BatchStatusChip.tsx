import Chip from '@mui/material/Chip';
import Tooltip from '@mui/material/Tooltip';
import { formatDateTime } from '../../../components/format';

/** 已撤销 (and when) or 有效. */
export function BatchStatusChip({ batch }: { batch: { undoneAt: string | null } }) {
  if (batch.undoneAt) {
    return (
      <Tooltip title={`撤销于 ${formatDateTime(batch.undoneAt)}`}>
        <Chip size="small" label="已撤销" variant="outlined" sx={{ color: 'text.secondary' }} />
      </Tooltip>
    );
  }
  return <Chip size="small" label="有效" color="success" variant="outlined" />;
}
