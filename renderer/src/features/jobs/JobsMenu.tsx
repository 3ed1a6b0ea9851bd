import TaskAltOutlined from '@mui/icons-material/TaskAltOutlined';
import Badge from '@mui/material/Badge';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import IconButton from '@mui/material/IconButton';
import LinearProgress from '@mui/material/LinearProgress';
import Popover from '@mui/material/Popover';
import Tooltip from '@mui/material/Tooltip';
import Typography from '@mui/material/Typography';
import { useCallback, useEffect, useState } from 'react';
import type { CallOutput } from '../../../../shared/ipc/contract';
import type { AppErrorData } from '../../../../shared/ipc/result';
import { ErrorAlert } from '../../components/ErrorAlert';
import { call, onEvent, saveJobOutput } from '../../ipc/client';
import { PdfOutputActions } from './PdfOutputActions';

type Job = CallOutput<'jobs.list'>[number];

const STATE_TEXT: Record<Job['state'], string> = { running: '进行中', done: '已完成', failed: '未完成', cancelled: '已取消' };

/**
 * 后台任务: this window's long work (imports, exports), running or just finished. A job started on
 * one page keeps running when the user goes elsewhere; here its progress, 取消, outcome and any file
 * to save are found again.
 */
export function JobsMenu() {
  const [jobs, setJobs] = useState<Job[]>([]);
  const [anchor, setAnchor] = useState<HTMLElement | null>(null);
  const [error, setError] = useState<AppErrorData | null>(null);
  const reload = useCallback(() => {
    void call('jobs.list', {}).then((r) => r.ok && setJobs(r.value));
  }, []);

  useEffect(() => {
    reload();
    const offChanged = onEvent('jobs.changed', reload);
    // Progress updates the one job in place; a job not listed yet brings the list up to date.
    const offProgress = onEvent('progress', (p) =>
      setJobs((list) => {
        if (!list.some((j) => j.jobId === p.jobId)) {
          reload();
          return list;
        }
        return list.map((j) => (j.jobId === p.jobId ? { ...j, done: p.done, total: p.total, message: p.message, cancellable: p.cancellable !== false } : j));
      }),
    );
    return () => {
      offChanged();
      offProgress();
    };
  }, [reload]);

  const running = jobs.filter((j) => j.state === 'running').length;
  if (jobs.length === 0) return null;
  return (
    <>
      <Tooltip title="后台任务">
        <IconButton color="inherit" aria-label={`后台任务（进行中 ${running} 项）`} onClick={(e) => setAnchor(e.currentTarget)}>
          <Badge badgeContent={running} color="secondary">
            <TaskAltOutlined />
          </Badge>
        </IconButton>
      </Tooltip>
      <Popover open={anchor !== null} anchorEl={anchor} onClose={() => setAnchor(null)} anchorOrigin={{ vertical: 'bottom', horizontal: 'right' }} transformOrigin={{ vertical: 'top', horizontal: 'right' }}>
        <Box sx={{ width: 380, p: 2, display: 'flex', flexDirection: 'column', gap: 2 }} role="list" aria-label="后台任务">
          <Typography variant="subtitle2">后台任务</Typography>
          <ErrorAlert error={error} onClose={() => setError(null)} />
          {jobs.map((j) => (
            <Box key={j.jobId} role="listitem">
              <Box sx={{ display: 'flex', justifyContent: 'space-between', alignItems: 'baseline' }}>
                <Typography variant="body2" sx={{ fontWeight: 500 }}>
                  {j.label}
                </Typography>
                <Typography variant="caption" sx={{ color: j.state === 'failed' ? 'error.main' : 'text.secondary' }}>
                  {STATE_TEXT[j.state]}
                </Typography>
              </Box>
              {j.state === 'running' ? (
                <>
                  <LinearProgress variant={j.total > 0 ? 'determinate' : 'indeterminate'} value={j.total > 0 ? (j.done / j.total) * 100 : 0} sx={{ my: 0.5 }} />
                  <Typography variant="caption" sx={{ color: 'text.secondary' }}>
                    {j.message}
                  </Typography>
                  {j.cancellable && (
                    <Button size="small" onClick={() => void call('jobs.cancel', { jobId: j.jobId })}>
                      取消
                    </Button>
                  )}
                </>
              ) : (
                <Typography variant="caption" component="div" sx={{ color: 'text.secondary' }}>
                  {j.summary}
                </Typography>
              )}
              {j.state === 'done' && j.output && j.output.mime === 'application/pdf' && (
                <Box sx={{ mt: 0.5 }}>
                  <Typography variant="caption" component="div">
                    {j.output.fileName}
                  </Typography>
                  <PdfOutputActions jobId={j.jobId} fileName={j.output.fileName} onError={setError} size="small" />
                </Box>
              )}
              {j.state === 'done' && j.output && j.output.mime !== 'application/pdf' && (
                <Button size="small" onClick={() => void saveJobOutput(j.jobId, j.output!.fileName)}>
                  保存 {j.output.fileName}
                </Button>
              )}
            </Box>
          ))}
        </Box>
      </Popover>
    </>
  );
}
