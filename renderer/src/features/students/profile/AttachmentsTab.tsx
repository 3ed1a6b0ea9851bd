import FileDownloadOutlined from '@mui/icons-material/FileDownloadOutlined';
import UploadFileOutlined from '@mui/icons-material/UploadFileOutlined';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Typography from '@mui/material/Typography';
import { useState } from 'react';
import type { AppErrorData } from '../../../../../shared/ipc/result';
import type { StudentProfile } from '../../../../../shared/ipc/schemas/students';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { ACCEPTED_FILES, formatFileSize } from '../../../components/fileData';
import { formatDateTime } from '../../../components/format';
import { call, uploadFile } from '../../../ipc/client';
import { downloadAttachment } from '../common/downloadAttachment';
import { SimpleTable } from './SimpleTable';

type Attachment = StudentProfile['attachments'][number];

interface Props {
  student: StudentProfile;
  canUpload: boolean;
  canDownload: boolean;
  onUploaded: (message: string) => void;
}

const PURPOSES: Record<string, string> = { document: '档案材料', evidence: '变更证明材料' };

/** 材料附件 tab: scanned documents kept (encrypted) with the profile. */
export function AttachmentsTab({ student, canUpload, canDownload, onUploaded }: Props) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<AppErrorData | null>(null);

  const upload = async (file: File) => {
    setBusy(true);
    setError(null);
    // The file goes to the host as it is (uploadFile); the call names it by fileId.
    const sent = await uploadFile(file);
    if (!sent.ok) {
      setBusy(false);
      setError(sent.error);
      return;
    }
    const r = await call('attachments.upload', { studentId: student.id, purpose: 'document', fileId: sent.value.fileId });
    setBusy(false);
    if (r.ok) onUploaded(`已上传 ${r.value.fileName}`);
    else setError(r.error);
  };

  return (
    <Box>
      <Box sx={{ display: 'flex', alignItems: 'center', mb: 1.5, gap: 2 }}>
        <Typography variant="body2" sx={{ color: 'text.secondary', flexGrow: 1 }}>
          支持 PDF、JPG、PNG、Word、Excel 文件，单个不超过 10 MB；文件加密保存在本机。
        </Typography>
        {canUpload && (
          <Button component="label" variant="outlined" size="small" startIcon={<UploadFileOutlined />} disabled={busy}>
            {busy ? '正在上传…' : '上传材料'}
            <input
              hidden
              type="file"
              accept={ACCEPTED_FILES}
              onChange={(e) => {
                const f = e.target.files?.[0];
                e.target.value = '';
                if (f) void upload(f);
              }}
            />
          </Button>
        )}
      </Box>
      {error && (
        <Box sx={{ mb: 1.5 }}>
          <ErrorAlert error={error} onClose={() => setError(null)} />
        </Box>
      )}
      <SimpleTable<Attachment>
        label="材料附件"
        rows={student.attachments}
        rowKey={(a) => a.id}
        empty="暂无材料附件。"
        columns={[
          { label: '文件名', render: (a) => a.fileName },
          { label: '用途', render: (a) => PURPOSES[a.purpose] ?? a.purpose, width: 120 },
          { label: '大小', render: (a) => formatFileSize(a.size), width: 90 },
          { label: '上传人', render: (a) => a.createdBy, width: 100 },
          { label: '上传时间', render: (a) => formatDateTime(a.createdAt), width: 150 },
          ...(canDownload
            ? [
                {
                  label: '操作',
                  width: 90,
                  render: (a: Attachment) => (
                    <Button size="small" startIcon={<FileDownloadOutlined />} aria-label={`下载 ${a.fileName}`} onClick={() => void downloadAttachment(a.id).then(setError)}>
                      下载
                    </Button>
                  ),
                },
              ]
            : []),
        ]}
      />
    </Box>
  );
}
