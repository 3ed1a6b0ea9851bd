import FileDownloadOutlined from '@mui/icons-material/FileDownloadOutlined';
import Button from '@mui/material/Button';
import type { AppErrorData } from '../../../../../shared/ipc/result';
import { downloadBase64, XLSX_MIME } from '../../../components/download';
import { useCall } from '../../../ipc/useCall';

interface Props {
  onError: (error: AppErrorData | null) => void;
}

/** 下载导入模板: an empty workbook with every column the import understands. */
export function TemplateButton({ onError }: Props) {
  const { run, loading } = useCall('imports.template');
  const download = async () => {
    onError(null);
    const r = await run({});
    if (r.ok) downloadBase64(r.value.fileName, XLSX_MIME, r.value.dataBase64);
    else onError(r.error);
  };
  return (
    <Button startIcon={<FileDownloadOutlined />} onClick={() => void download()} disabled={loading}>
      {loading ? '正在生成模板…' : '下载导入模板'}
    </Button>
  );
}
