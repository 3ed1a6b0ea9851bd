import FileDownloadOutlined from '@mui/icons-material/FileDownloadOutlined';
import Button from '@mui/material/Button';
import type { CallInput } from '../../../../../shared/ipc/contract';
import type { AppErrorData } from '../../../../../shared/ipc/result';
import { downloadBase64, XLSX_MIME } from '../../../components/download';
import { useCall } from '../../../ipc/useCall';

interface Props {
  input: CallInput<'students.export'>;
  onDone: (message: string) => void;
  onError: (error: AppErrorData) => void;
}

/** 导出 Excel: the current filter, sort and visible columns, saved as an .xlsx file. */
export function ExportButton({ input, onDone, onError }: Props) {
  const { run, loading } = useCall('students.export');
  const exportNow = async () => {
    const result = await run(input);
    if (!result.ok) {
      onError(result.error);
      return;
    }
    downloadBase64(result.value.fileName, XLSX_MIME, result.value.dataBase64);
    onDone(`已导出 ${result.value.rows} 行`);
  };
  return (
    <Button variant="outlined" startIcon={<FileDownloadOutlined />} onClick={() => void exportNow()} disabled={loading}>
      {loading ? '正在导出…' : '导出 Excel'}
    </Button>
  );
}
