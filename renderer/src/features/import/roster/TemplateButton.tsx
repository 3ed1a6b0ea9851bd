import FileDownloadOutlined from '@mui/icons-material/FileDownloadOutlined';
import Button from '@mui/material/Button';
import { useState } from 'react';
import type { ImportSpecId } from '../../../../../shared/domain/import/specs';
import type { AppErrorData } from '../../../../../shared/ipc/result';
import { call, saveJobOutput } from '../../../ipc/client';
import { newJobId } from '../common/newJobId';

interface Props {
  /** Whose template: the import the wizard runs. */
  spec: ImportSpecId;
  onError: (error: AppErrorData | null) => void;
}

/** 下载导入模板: an empty workbook with every column the import understands, saved through the host. */
export function TemplateButton({ spec, onError }: Props) {
  const [loading, setLoading] = useState(false);
  const download = async () => {
    onError(null);
    setLoading(true);
    const jobId = newJobId();
    const r = await call('imports.template', { spec, jobId });
    const saved = r.ok ? await saveJobOutput(jobId, r.value.fileName) : r;
    setLoading(false);
    if (!saved.ok) onError(saved.error);
  };
  return (
    <Button startIcon={<FileDownloadOutlined />} onClick={() => void download()} disabled={loading}>
      {loading ? '正在生成模板…' : '下载导入模板'}
    </Button>
  );
}
