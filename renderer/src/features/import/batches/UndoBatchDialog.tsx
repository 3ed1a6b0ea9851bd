import Typography from '@mui/material/Typography';
import { useState } from 'react';
import { ConfirmDialog } from '../../../components/ConfirmDialog';
import { formatDateTime } from '../../../components/format';
import { useCall } from '../../../ipc/useCall';
import type { Batch } from './batchText';

interface Props {
  batch: Batch | null;
  onClose: () => void;
  onDone: (message: string) => void;
}

/** 撤销导入: takes one import back out of the database. */
export function UndoBatchDialog({ batch, onClose, onDone }: Props) {
  const { run, loading, error, reset } = useCall('imports.undo');
  // Keeps the text while the dialog fades out after the batch is cleared.
  const [shown, setShown] = useState<Batch | null>(batch);
  if (batch && batch !== shown) setShown(batch);
  const close = () => {
    reset();
    onClose();
  };
  const confirm = async () => {
    if (!batch) return;
    const r = await run({ id: batch.id });
    if (r.ok) {
      onDone(
        batch.spec === 'grades'
          ? `已撤销：删除成绩 ${r.value.removed} 条`
          : batch.spec === 'fitness'
            ? `已撤销：删除成绩 ${r.value.removed} 条、恢复原成绩 ${r.value.restored} 条`
            : `已撤销：删除 ${r.value.removed} 名、恢复 ${r.value.restored} 名`,
      );
      close();
    }
  };
  return (
    <ConfirmDialog open={batch !== null} title="撤销导入" confirmLabel="确认撤销" busyLabel="正在撤销…" busy={loading} danger error={error} onConfirm={() => void confirm()} onClose={close}>
      {shown && (
        <>
          <Typography variant="body2">
            将撤销 {shown.createdBy} 于 {formatDateTime(shown.createdAt)} 导入的“{shown.fileName}”：
          </Typography>
          {shown.spec === 'fitness' ? (
            <Typography component="ul" variant="body2" sx={{ m: 0, pl: 2.5 }}>
              <li>删除这次导入新增的 {shown.imported} 条体质健康测试成绩；</li>
              <li>把这次导入替换的 {shown.updated} 条成绩恢复为导入前的分数。</li>
            </Typography>
          ) : shown.spec === 'grades' ? (
            <Typography component="ul" variant="body2" sx={{ m: 0, pl: 2.5 }}>
              <li>删除这次导入的 {shown.imported} 条成绩（其他成绩不受影响）。</li>
            </Typography>
          ) : (
            <Typography component="ul" variant="body2" sx={{ m: 0, pl: 2.5 }}>
              <li>删除这次导入新增的 {shown.imported} 名学生；</li>
              <li>把这次导入更新的 {shown.updated} 名学生恢复为导入前的内容。</li>
            </Typography>
          )}
          <Typography variant="body2" sx={{ color: 'text.secondary' }}>
            撤销操作会记入审计日志，撤销后不能再恢复这次导入；如仍需要这些数据，请重新导入文件。
          </Typography>
        </>
      )}
    </ConfirmDialog>
  );
}
