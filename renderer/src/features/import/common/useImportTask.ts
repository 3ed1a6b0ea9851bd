import { useRef, useState } from 'react';
import type { AppErrorData } from '../../../../../shared/ipc/result';
import { call } from '../../../ipc/client';
import { useJobProgress } from './useJobProgress';

/**
 * A long import call (读取, 检查, 导入, 照片导入) with progress and 取消: the error it ended with, or
 * the server's word that it was cancelled. Work done in the page first (reading the chosen files)
 * reports through `report` and checks `cancelRequested` before it sends anything.
 */
export function useImportTask() {
  const task = useJobProgress();
  const [error, setError] = useState<AppErrorData | null>(null);
  const [cancelledMessage, setCancelledMessage] = useState<string | null>(null);
  const [cancelling, setCancelling] = useState(false);
  const cancelled = useRef(false);

  /** Runs `work` with a fresh task id; returns its value, or null when it failed or was cancelled. */
  const run = async <T>(message: string, work: (jobId: string) => Promise<{ ok: true; value: T } | { ok: false; error: AppErrorData }>): Promise<T | null> => {
    setError(null);
    setCancelledMessage(null);
    cancelled.current = false;
    const jobId = task.begin(message);
    const r = await work(jobId);
    task.end();
    setCancelling(false);
    if (r.ok) return r.value;
    // Cancelled is an outcome, not a failure: said as such, not as an error.
    if (r.error.code === 'CANCELLED' || cancelled.current) setCancelledMessage(r.error.message);
    else setError(r.error);
    return null;
  };

  const cancel = () => {
    const id = task.progress?.jobId;
    if (!id) return;
    cancelled.current = true;
    setCancelling(true);
    void call('jobs.cancel', { jobId: id });
  };

  /** 取消 was pressed during this run (the server may not have a task to cancel yet). */
  const cancelRequested = () => cancelled.current;

  const clear = () => {
    setError(null);
    setCancelledMessage(null);
  };

  return {
    progress: task.progress, busy: task.progress !== null, error, setError, cancelledMessage, cancelling,
    run, cancel, cancelRequested, report: task.report, clear,
  };
}
