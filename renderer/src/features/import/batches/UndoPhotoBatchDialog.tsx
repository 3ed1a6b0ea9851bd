import Typography from '@mui/material/Typography';
import { useState } from 'react';
import { ConfirmDialog } from '../../../components/ConfirmDialog';
import { formatDateTime } from '../../../components/format';
import { useCall } from '../../../ipc/useCall';
import type { PhotoBatch } from './batchText';

interface Props {
  batch: PhotoBatch | null;
  onClose: () => void;
  onDone: (message: string) => void;
}

/** 撤销照片导入: every photo the import set goes back to what it was. */
export function UndoPhotoBatchDialog({ batch, onClose, onDone }: Props) {
  const { run, loading, error, reset } = useCall('photos.undo');
  // Keeps the text while the dialog fades out after the batch is cleared.
  const [shown, setShown] = useState<PhotoBatch | null>(batch);
  if (batch && batch !== shown) setShown(batch);
  const close = () => {
    reset();
    onClose();
  };
  const confirm = async () => {
    if (!batch) return;
    const r = await run({ id: batch.id });
    if (r.ok) {
      const { restored, removed, withdrawn } = r.value;
      onDone(`已撤销：恢复原照片 ${restored} 张、删除新照片 ${removed} 张${withdrawn ? `、撤回变更申请 ${withdrawn} 份` : ''}`);
      close();
    }
  };
  return (
    <ConfirmDialog open={batch !== null} title="撤销照片导入" confirmLabel="确认撤销" busyLabel="正在撤销…" busy={loading} danger error={error} onConfirm={() => void confirm()} onClose={close}>
      {shown && (
        <>
          <Typography variant="body2">
            将撤销 {shown.createdBy} 于 {formatDateTime(shown.createdAt)} 导入的“{shown.fileName}”：
          </Typography>
          <Typography component="ul" variant="body2" sx={{ m: 0, pl: 2.5 }}>
            <li>这次导入更换了照片的 {shown.photosReplaced} 名学生，恢复原来的照片；</li>
            <li>这次导入首次设置照片的 {shown.photosSet} 名学生，删除新照片；</li>
            {shown.changeRequests > 0 && <li>这次导入提交的 {shown.changeRequests} 份照片变更申请，尚未审批的撤回（已审批的不受影响）。</li>}
          </Typography>
          <Typography variant="body2" sx={{ color: 'text.secondary' }}>
            撤销操作会记入审计日志，撤销后不能再恢复这次导入；如仍需要这些照片，请重新导入。
          </Typography>
        </>
      )}
    </ConfirmDialog>
  );
}
