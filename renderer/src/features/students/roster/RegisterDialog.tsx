import Typography from '@mui/material/Typography';
import { ConfirmDialog } from '../../../components/ConfirmDialog';
import { useCall } from '../../../ipc/useCall';

interface Props {
  ids: number[] | null;
  onClose: () => void;
  onDone: (message: string) => void;
}

/** 注册学籍: after it the key fields of these students change only through an approved request. */
export function RegisterDialog({ ids, onClose, onDone }: Props) {
  const { run, loading, error, reset } = useCall('students.register');
  const confirm = async () => {
    if (!ids) return;
    const result = await run({ ids });
    if (result.ok) {
      const n = result.value.count;
      onDone(n === 0 ? '所选学生均已注册，无需重复注册' : `已为 ${n} 名学生注册学籍`);
      reset();
      onClose();
    }
  };
  return (
    <ConfirmDialog
      open={ids !== null}
      title="注册学籍"
      confirmLabel="确认注册"
      busyLabel="正在注册…"
      busy={loading}
      error={error}
      onConfirm={() => void confirm()}
      onClose={() => {
        reset();
        onClose();
      }}
    >
      <Typography variant="body2">将为已选择的 {ids?.length ?? 0} 名学生注册学籍（已注册的学生会自动跳过）。</Typography>
      <Typography variant="body2" sx={{ color: 'warning.dark' }}>
        注册后，这些学生的姓名、性别、出生日期、身份证号将被锁定，不能直接修改；如需更正，须提交信息变更申请并经负责人审批。
      </Typography>
    </ConfirmDialog>
  );
}
