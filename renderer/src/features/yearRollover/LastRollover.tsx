import UndoOutlined from '@mui/icons-material/UndoOutlined';
import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import { schoolYearLabel } from '../../../../shared/domain/school-year';
import type { CallOutput } from '../../../../shared/ipc/contract';
import { formatDateTime } from '../../components/format';

type Last = NonNullable<CallOutput<'yearRollover.preview'>['last']>;
type Result = CallOutput<'yearRollover.apply'>;

/**
 * The roll-over in force: when and by whom, its counts when it was done in this window, and the
 * undo while it is still the same day (the main process checks that again).
 */
export function LastRollover({ last, done, onUndo }: { last: Last; done: Result | null; onUndo: () => void }) {
  return (
    <Alert
      severity={last.canUndo ? 'success' : 'info'}
      sx={{ mb: 2 }}
      role="status"
      aria-label="上次学年升级"
      action={
        last.canUndo ? (
          <Button color="inherit" size="small" startIcon={<UndoOutlined />} onClick={onUndo} sx={{ whiteSpace: 'nowrap' }}>
            撤销本次升级
          </Button>
        ) : undefined
      }
    >
      上次学年升级：{schoolYearLabel(last.fromYear)} → {schoolYearLabel(last.toYear)}，由 {last.appliedBy} 于 {formatDateTime(last.appliedAt)} 完成
      {done ? `；${done.students} 人升入下一年级，${done.graduating} 人标记为毕业年级` : ''}。
      {last.canUndo ? '当天可以撤销。' : '已过当天，不能撤销；如需调整，请按学籍异动逐个办理。'}
    </Alert>
  );
}
