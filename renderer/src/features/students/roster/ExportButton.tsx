import type { CallInput } from '../../../../../shared/ipc/contract';
import type { AppErrorData } from '../../../../../shared/ipc/result';
import { call } from '../../../ipc/client';
import { ExportJobButton } from '../../jobs/ExportJobButton';

interface Props {
  input: CallInput<'students.export'>;
  onDone: (message: string) => void;
  onError: (error: AppErrorData) => void;
}

/** 导出 Excel: the current filter, sort and visible columns (an export job, saved through the host). */
export function ExportButton({ input, onDone, onError }: Props) {
  return <ExportJobButton start={(jobId) => call('students.export', { ...input, jobId })} onDone={onDone} onError={onError} />;
}
