import Box from '@mui/material/Box';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { useEffect, useState } from 'react';
import type { AppErrorData } from '../../../../../shared/ipc/result';
import { ConfirmDialog } from '../../../components/ConfirmDialog';
import { photoNotice, sendPhoto } from './sendPhoto';

interface Props {
  studentId: number;
  /** The photo chosen; null closes the dialog. */
  file: File | null;
  onClose: () => void;
  onDone: (message: string) => void;
}

/** 申请更换照片: a registered student's new photo, with the reason, waits for approval. */
export function RequestPhotoDialog({ studentId, file, onClose, onDone }: Props) {
  const [reason, setReason] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<AppErrorData | string | null>(null);
  const [preview, setPreview] = useState<string | null>(null);

  useEffect(() => {
    setReason('');
    setError(null);
    if (!file) return;
    const url = URL.createObjectURL(file);
    setPreview(url);
    return () => URL.revokeObjectURL(url);
  }, [file]);

  const submit = async () => {
    if (!file) return;
    if (!reason.trim()) {
      setError('请填写变更原因');
      return;
    }
    setBusy(true);
    const r = await sendPhoto(studentId, file, reason.trim());
    setBusy(false);
    if (!r.ok) {
      setError(r.error);
      return;
    }
    onDone(photoNotice(r.value));
    onClose();
  };

  return (
    <ConfirmDialog open={file !== null} title="申请更换照片" confirmLabel="提交申请" busyLabel="正在提交…" busy={busy} error={error} onConfirm={() => void submit()} onClose={onClose}>
      <Box sx={{ display: 'flex', gap: 2, alignItems: 'flex-start' }}>
        {preview && <Box component="img" src={preview} alt="新照片" sx={{ width: 84, height: 112, objectFit: 'cover', borderRadius: 1.5, border: '1px solid #dde3ec', flexShrink: 0 }} />}
        <Typography variant="body2">学生已注册学籍，照片属于关键信息：提交后由有审批权限的人员批准，批准后照片才会更换。</Typography>
      </Box>
      <TextField label="变更原因" required value={reason} onChange={(e) => setReason(e.target.value)} placeholder="如 原照片模糊、不符合学信网要求" autoFocus slotProps={{ htmlInput: { maxLength: 150 } }} />
    </ConfirmDialog>
  );
}
