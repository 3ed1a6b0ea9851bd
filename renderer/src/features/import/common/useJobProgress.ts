import { useCallback, useEffect, useRef, useState } from 'react';
import type { EventPayload } from '../../../../../shared/ipc/contract';
import { onEvent } from '../../../ipc/client';
import { newJobId } from './newJobId';

export type Progress = Omit<EventPayload<'progress'>, 'kind'>;

/**
 * The progress of one long call at a time: `begin` hands out the task id to send with the call,
 * the server's progress events for that id update `progress`, and `end` clears it.
 */
export function useJobProgress() {
  const [progress, setProgress] = useState<Progress | null>(null);
  const current = useRef<string | null>(null);

  useEffect(
    () =>
      onEvent('progress', (p) => {
        if (p && p.jobId === current.current) setProgress(p);
      }),
    [],
  );

  const begin = useCallback((message: string): string => {
    const jobId = newJobId();
    current.current = jobId;
    setProgress({ jobId, done: 0, total: 0, message });
    return jobId;
  }, []);

  /** Progress the page itself measures (reading files before sending them). */
  const report = useCallback((done: number, total: number, message: string) => {
    setProgress((p) => (p ? { ...p, done, total, message } : p));
  }, []);

  const end = useCallback(() => {
    current.current = null;
    setProgress(null);
  }, []);

  return { progress, begin, report, end };
}
