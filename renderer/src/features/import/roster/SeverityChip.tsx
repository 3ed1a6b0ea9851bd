import Chip from '@mui/material/Chip';
import { SEVERITY_LABELS } from './issueText';
import type { Issue } from './wizardTypes';

/** 错误 (the row cannot be imported) or 提醒 (imported, worth a look). */
export function SeverityChip({ severity }: { severity: Issue['severity'] }) {
  return <Chip size="small" label={SEVERITY_LABELS[severity]} color={severity === 'error' ? 'error' : 'warning'} variant={severity === 'error' ? 'filled' : 'outlined'} />;
}
