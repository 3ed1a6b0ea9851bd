import Button from '@mui/material/Button';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogTitle from '@mui/material/DialogTitle';
import type { StatusChangeDetail } from '../../../../../shared/ipc/schemas/status-changes';
import { AttachForm } from './AttachForm';

interface Props {
  order: StatusChangeDetail;
  open: boolean;
  onClose: () => void;
  onDone: (order: StatusChangeDetail, message: string) => void;
}

/** 上传材料 from the order page. */
export function AttachDialog({ order, open, onClose, onDone }: Props) {
  return (
    <Dialog open={open} onClose={onClose} maxWidth="sm" fullWidth aria-labelledby="sc-attach-title">
      <DialogTitle id="sc-attach-title">上传证明材料</DialogTitle>
      <DialogContent>
        <AttachForm
          orderId={order.id}
          type={order.type}
          onAttached={(o, m) => {
            onDone(o, m);
            onClose();
          }}
        />
      </DialogContent>
      <DialogActions sx={{ px: 3, pb: 2 }}>
        <Button onClick={onClose}>关闭</Button>
      </DialogActions>
    </Dialog>
  );
}
