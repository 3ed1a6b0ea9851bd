import Alert from '@mui/material/Alert';
import type { ReactNode } from 'react';
import { TaskProgress } from './TaskProgress';
import type { useImportTask } from './useImportTask';

interface Props {
  task: ReturnType<typeof useImportTask>;
  /** How this step shows the task's error (a plain alert, or one that offers to start again). */
  error: ReactNode;
  /** The cancelled note can be closed (steps the user stays on). */
  dismissible?: boolean;
}

/** Where an import task reports: its progress bar with 取消, then its error, then the note that it was cancelled. */
export function TaskStatus({ task, error, dismissible = false }: Props) {
  return (
    <>
      {task.progress && <TaskProgress progress={task.progress} onCancel={task.cancel} cancelling={task.cancelling} />}
      {error}
      {task.cancelledMessage && (
        <Alert severity="info" onClose={dismissible ? task.clear : undefined}>
          {task.cancelledMessage}
        </Alert>
      )}
    </>
  );
}
