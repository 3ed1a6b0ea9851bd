import Alert from '@mui/material/Alert';
import type { AppErrorData } from '../../../shared/ipc/result';

interface Props {
  error: AppErrorData | string | null | undefined;
  onClose?: () => void;
}

/** A server error shown verbatim, with its per-row or per-field issues when there are any. */
export function ErrorAlert({ error, onClose }: Props) {
  if (!error) return null;
  const message = typeof error === 'string' ? error : error.message;
  // Issues already spelled out in the message (a single field error, or a list joined with ；) are not repeated.
  const issues = typeof error === 'string' ? [] : (error.issues ?? []).filter((i) => i.row !== undefined || !message.includes(i.message));
  return (
    <Alert severity="error" onClose={onClose} sx={{ whiteSpace: 'pre-line' }}>
      {message}
      {issues.length > 0 && (
        <ul style={{ margin: '4px 0 0', paddingLeft: 20 }}>
          {issues.slice(0, 20).map((issue, i) => (
            <li key={i}>
              {issue.row !== undefined ? `第 ${issue.row} 行：` : ''}
              {issue.message}
            </li>
          ))}
        </ul>
      )}
    </Alert>
  );
}
