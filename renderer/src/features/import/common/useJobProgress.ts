import { useCallback, useEffect, useRef, useState } from 'react';
import type { EventPayload } from '../../../../../shared/ipc/contract';
import { onEvent } from '../../../ipc/client';
import { newTaskId } from './newTaskId';

export type Progress = EventPayload<'progress'>;

/**
 * The progress of one long call at a time: `begin` hands out the task id to send with the call,
 * the server's progress events for that id update `progress`, and `end` clears it.
 */
export function useTaskProgress() {
  const [progress, setProgress] = useState<Progress | null>(null);
  const current = useRef<string | null>(null);

  useEffect(
    () =>
      onEvent('progress', (p) => {
        if (p && p.taskId === current.current) setProgress(p);
      }),
    [],
  );

  const begin = useCallback((message: string): string => {
    const taskId = newTaskId();
    current.current = taskId;
    setProgress({ taskId, done: 0, total: 0, message });
    return taskId;
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
