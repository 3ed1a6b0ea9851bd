import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogTitle from '@mui/material/DialogTitle';
import List from '@mui/material/List';
import ListItem from '@mui/material/ListItem';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import type { StatusChangeDetail } from '../../../../../shared/ipc/schemas/status-changes';
import { AttachForm } from '../order/AttachForm';

interface Props {
  order: StatusChangeDetail;
  title: string;
  titleId: string;
  onChange: (order: StatusChangeDetail) => void;
  onFinish: () => void;
}

/** Right after filing: the order is on its way; its evidence can be uploaded now or later. */
export function EvidenceStep({ order, title, titleId, onChange, onFinish }: Props) {
  return (
    <>
      <DialogTitle id={titleId}>{title}</DialogTitle>
      <DialogContent>
        <Stack spacing={2}>
          <Alert severity="success">
            已提交第 {order.id} 号学籍异动（{order.studentName} {order.title}），等待“{order.currentStep ?? ''}”。
          </Alert>
          <Typography variant="body2">现在上传证明材料？也可以稍后在异动单中上传；最后一步审批前须至少有一份。</Typography>
          <AttachForm orderId={order.id} type={order.type} onAttached={(o) => onChange(o)} />
          {order.attachments.length > 0 && (
            <List dense aria-label="已上传的材料" sx={{ bgcolor: '#f6f8fb', borderRadius: 1 }}>
              {order.attachments.map((a) => (
                <ListItem key={a.id}>
                  {a.kind}：{a.fileName}
                </ListItem>
              ))}
            </List>
          )}
        </Stack>
      </DialogContent>
      <DialogActions sx={{ px: 3, pb: 2 }}>
        <Button variant={order.attachments.length ? 'contained' : 'text'} onClick={onFinish}>
          {order.attachments.length ? '完成' : '以后再传'}
        </Button>
      </DialogActions>
    </>
  );
}
