import FileDownloadOutlined from '@mui/icons-material/FileDownloadOutlined';
import Button from '@mui/material/Button';
import type { CallInput } from '../../../../../shared/ipc/contract';
import type { AppErrorData } from '../../../../../shared/ipc/result';
import { downloadBase64, XLSX_MIME } from '../../../components/download';
import { useCall } from '../../../ipc/useCall';

interface Props {
  options: CallInput<'imports.errorReport'>;
  onError: (error: AppErrorData | null) => void;
}

/** 下载问题清单: the file itself with every bad cell highlighted and explained, to fix in Excel. */
export function ErrorReportButton({ options, onError }: Props) {
  const { run, loading } = useCall('imports.errorReport');
  const download = async () => {
    onError(null);
    const r = await run(options);
    if (r.ok) downloadBase64(r.value.fileName, XLSX_MIME, r.value.dataBase64);
    else onError(r.error);
  };
  return (
    <Button variant="outlined" size="small" startIcon={<FileDownloadOutlined />} onClick={() => void download()} disabled={loading}>
      {loading ? '正在生成问题清单…' : '下载问题清单'}
    </Button>
  );
}
