import AttachFileOutlined from '@mui/icons-material/AttachFileOutlined';
import CheckOutlined from '@mui/icons-material/CheckOutlined';
import CloseOutlined from '@mui/icons-material/CloseOutlined';
import EditNoteOutlined from '@mui/icons-material/EditNoteOutlined';
import HistoryEduOutlined from '@mui/icons-material/HistoryEduOutlined';
import LocalShippingOutlined from '@mui/icons-material/LocalShippingOutlined';
import UndoOutlined from '@mui/icons-material/UndoOutlined';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import type { ReactNode } from 'react';
import type { StatusChangeDetail } from '../../../../../shared/ipc/schemas/status-changes';

export type OrderAction = 'approve' | 'reject' | 'paper' | 'amend' | 'withdraw' | 'attach' | 'serve';

interface Props {
  order: StatusChangeDetail;
  onAction: (action: OrderAction) => void;
  /** Always there (打印审批表). */
  children?: ReactNode;
}

/** What the signed-in user may do with the order now, as the server's `can` says (it checks again). */
export function OrderActions({ order, onAction, children }: Props) {
  const { can } = order;
  return (
    <Box sx={{ display: 'flex', gap: 1, flexWrap: 'wrap', justifyContent: 'flex-end' }}>
      {can.decide && (
        <>
          <Button variant="contained" color="success" startIcon={<CheckOutlined />} onClick={() => onAction('approve')}>
            批准
          </Button>
          <Button variant="outlined" color="error" startIcon={<CloseOutlined />} onClick={() => onAction('reject')}>
            退回
          </Button>
        </>
      )}
      {can.recordPaper && (
        <Button variant={can.decide ? 'outlined' : 'contained'} startIcon={<HistoryEduOutlined />} onClick={() => onAction('paper')}>
          登记纸质审批
        </Button>
      )}
      {can.amend && (
        <Button variant="contained" startIcon={<EditNoteOutlined />} onClick={() => onAction('amend')}>
          修改后重新提交
        </Button>
      )}
      {can.attach && (
        <Button variant="outlined" startIcon={<AttachFileOutlined />} onClick={() => onAction('attach')}>
          上传材料
        </Button>
      )}
      {can.serve && (
        <Button variant="outlined" startIcon={<LocalShippingOutlined />} onClick={() => onAction('serve')}>
          登记送达
        </Button>
      )}
      {children}
      {can.withdraw && (
        <Button color="inherit" startIcon={<UndoOutlined />} onClick={() => onAction('withdraw')}>
          撤回
        </Button>
      )}
    </Box>
  );
}
