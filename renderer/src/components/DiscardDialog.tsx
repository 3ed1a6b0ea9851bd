import Typography from '@mui/material/Typography';
import { ConfirmDialog } from './ConfirmDialog';

interface Props {
  open: boolean;
  /** What was being filled in, as the sentence names it: 这份学籍异动, 这份变更申请. */
  what: string;
  onDiscard: () => void;
  onKeep: () => void;
}

/** Asked when a form with something typed in it is closed: 放弃 loses it, 取消 goes back to it. */
export function DiscardDialog({ open, what, onDiscard, onKeep }: Props) {
  return (
    <ConfirmDialog open={open} title="放弃填写的内容？" confirmLabel="放弃" danger onConfirm={onDiscard} onClose={onKeep}>
      <Typography variant="body2">{what}还没有提交，关闭后已填写的内容将会丢失。选“取消”继续填写。</Typography>
    </ConfirmDialog>
  );
}
