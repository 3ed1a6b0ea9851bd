import FileDownloadOutlined from '@mui/icons-material/FileDownloadOutlined';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Chip from '@mui/material/Chip';
import Typography from '@mui/material/Typography';
import { STATUS_CHANGE_TYPES } from '../../../../../shared/domain/status-changes';
import type { StatusChangeDetail } from '../../../../../shared/ipc/schemas/status-changes';
import { formatFileSize } from '../../../components/fileData';
import { formatDateTime } from '../../../components/format';
import { SimpleTable } from '../../students/profile/SimpleTable';

type Attachment = StatusChangeDetail['attachments'][number];

interface Props {
  order: StatusChangeDetail;
  canDownload: boolean;
  onDownload: (attachmentId: number) => void;
}

/** 证明材料: what the type asks for (ticked when a file of that name is on file) and the files themselves. */
export function EvidenceList({ order, canDownload, onDownload }: Props) {
  const have = new Set(order.attachments.map((a) => a.kind));
  // The uploader by the name people know them by, not the user name.
  const uploader = (a: Attachment) => a.createdByName;
  return (
    <Box>
      <Box sx={{ display: 'flex', gap: 1, alignItems: 'center', flexWrap: 'wrap', mb: 1.5 }}>
        <Typography variant="body2" sx={{ color: 'text.secondary' }}>
          应提交：
        </Typography>
        {STATUS_CHANGE_TYPES[order.type].evidence.map((k) => (
          <Chip key={k} size="small" label={have.has(k) ? `${k} ✓` : k} color={have.has(k) ? 'success' : 'default'} variant="outlined" />
        ))}
      </Box>
      <SimpleTable<Attachment>
        label="证明材料"
        rows={order.attachments}
        rowKey={(a) => a.id}
        empty="还没有上传证明材料。"
        columns={[
          { label: '材料', render: (a) => a.kind, width: 140 },
          { label: '文件名', render: (a) => a.fileName },
          { label: '大小', render: (a) => formatFileSize(a.size), width: 90 },
          { label: '上传人', render: uploader, width: 100 },
          { label: '上传时间', render: (a) => formatDateTime(a.createdAt), width: 150 },
          ...(canDownload
            ? [
                {
                  label: '操作',
                  width: 90,
                  render: (a: Attachment) => (
                    <Button size="small" startIcon={<FileDownloadOutlined />} aria-label={`下载 ${a.fileName}`} onClick={() => onDownload(a.id)}>
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
