import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import LinearProgress from '@mui/material/LinearProgress';
import Paper from '@mui/material/Paper';
import Typography from '@mui/material/Typography';
import type { Progress } from './useJobProgress';

interface Props {
  progress: Progress;
  /** Shown as 取消 while the work can be stopped (the server says when it no longer can). */
  onCancel?: (() => void) | undefined;
  cancelling?: boolean;
}

/** A running task: what the server is doing, how far it got, and a way to stop it. */
export function TaskProgress({ progress, onCancel, cancelling = false }: Props) {
  const known = progress.total > 0;
  const value = known ? Math.min(100, (progress.done / progress.total) * 100) : 0;
  return (
    <Paper variant="outlined" role="status" aria-label="处理进度" sx={{ p: 2, bgcolor: '#f8fafd' }}>
      <Box sx={{ display: 'flex', alignItems: 'center', gap: 2, mb: 1 }}>
        <Typography variant="body2" sx={{ flexGrow: 1, fontWeight: 500 }}>
          {cancelling ? '正在取消…' : progress.message}
        </Typography>
        {known && (
          <Typography variant="body2" sx={{ color: 'text.secondary', fontVariantNumeric: 'tabular-nums' }}>
            {progress.done} / {progress.total}
          </Typography>
        )}
        {onCancel && progress.cancellable !== false && (
          <Button size="small" color="inherit" variant="outlined" onClick={onCancel} disabled={cancelling}>
            取消
          </Button>
        )}
      </Box>
      <LinearProgress variant={known ? 'determinate' : 'indeterminate'} value={value} aria-label="进度" sx={{ height: 8, borderRadius: 4 }} />
    </Paper>
  );
}
