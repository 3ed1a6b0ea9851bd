import UploadFileOutlined from '@mui/icons-material/UploadFileOutlined';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import MenuItem from '@mui/material/MenuItem';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { useState } from 'react';
import { STATUS_CHANGE_TYPES, type StatusChangeType } from '../../../../../shared/domain/status-changes';
import type { AppErrorData } from '../../../../../shared/ipc/result';
import type { StatusChangeDetail } from '../../../../../shared/ipc/schemas/status-changes';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { ACCEPTED_FILES } from '../../../components/fileData';
import { call, uploadFile } from '../../../ipc/client';

const OTHER = '其他';

interface Props {
  orderId: number;
  type: StatusChangeType;
  onAttached: (order: StatusChangeDetail, message: string) => void;
}

/** 上传材料: which of the type's evidence this file is (or 其他 with a name), then the file itself. */
export function AttachForm({ orderId, type, onAttached }: Props) {
  const evidence = STATUS_CHANGE_TYPES[type].evidence;
  const [kind, setKind] = useState<string>(evidence[0] ?? OTHER);
  const [otherName, setOtherName] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<AppErrorData | null>(null);

  const send = async (file: File) => {
    setBusy(true);
    setError(null);
    const sent = await uploadFile(file);
    if (!sent.ok) {
      setBusy(false);
      return setError(sent.error);
    }
    const name = kind === OTHER ? otherName.trim() || '其他材料' : kind;
    const r = await call('statusChanges.attach', { id: orderId, fileId: sent.value.fileId, kind: name });
    setBusy(false);
    if (!r.ok) return setError(r.error);
    onAttached(r.value, `已上传${name}：${file.name}`);
  };

  return (
    // Room above the first outlined field: a dialog's content starts flush under its title.
    <Stack spacing={2} sx={{ pt: 1 }}>
      <ErrorAlert error={error} onClose={() => setError(null)} />
      <Box sx={{ display: 'flex', gap: 2, flexWrap: 'wrap', alignItems: 'flex-start' }}>
        <TextField select label="材料名称" value={kind} onChange={(e) => setKind(e.target.value)} sx={{ width: 220, flexShrink: 0 }} size="small">
          {[...evidence, OTHER].map((k) => (
            <MenuItem key={k} value={k}>
              {k}
            </MenuItem>
          ))}
        </TextField>
        {kind === OTHER && <TextField label="其他材料名称" value={otherName} onChange={(e) => setOtherName(e.target.value)} size="small" placeholder="其他材料" sx={{ width: 200, flexShrink: 0 }} slotProps={{ htmlInput: { maxLength: 40 } }} />}
        <Button component="label" variant="contained" startIcon={<UploadFileOutlined />} disabled={busy}>
          {busy ? '正在上传…' : '选择文件并上传'}
          <input
            hidden
            type="file"
            aria-label="证明材料文件"
            accept={ACCEPTED_FILES}
            disabled={busy}
            onChange={(e) => {
              const f = e.target.files?.[0];
              e.target.value = '';
              if (f) void send(f);
            }}
          />
        </Button>
      </Box>
      <Typography variant="caption" sx={{ color: 'text.secondary' }}>
        支持 PDF、JPG、PNG、Word、Excel 文件；文件加密保存在本机。
      </Typography>
    </Stack>
  );
}
