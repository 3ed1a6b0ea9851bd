import UndoOutlined from '@mui/icons-material/UndoOutlined';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Tooltip from '@mui/material/Tooltip';
import type { ImportRecord } from './batchText';

interface Props {
  batch: ImportRecord;
  onUndo: (batch: ImportRecord) => void;
}

/** 撤销 for one batch; when it cannot be undone, the reason is one hover away. */
export function UndoBatchButton({ batch, onUndo }: Props) {
  if (batch.undoneAt) return null;
  const button = (
    <Button size="small" color="error" startIcon={<UndoOutlined />} disabled={!batch.undoable} onClick={() => onUndo(batch)} aria-label={`撤销导入 ${batch.fileName}`}>
      撤销
    </Button>
  );
  if (batch.undoable) return button;
  return (
    <Tooltip title={batch.undoBlockedReason ?? '这次导入不能撤销'}>
      {/* A disabled button gets no pointer events: the wrapper carries the tooltip. */}
      <Box component="span" tabIndex={0} sx={{ display: 'inline-flex' }}>
        {button}
      </Box>
    </Tooltip>
  );
}
