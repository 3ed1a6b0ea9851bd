import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogTitle from '@mui/material/DialogTitle';
import Stack from '@mui/material/Stack';
import { useEffect, type FormEvent } from 'react';
import type { UserRow } from '../../../../shared/ipc/schemas/users';
import { ErrorAlert } from '../../components/ErrorAlert';
import { splitErrors } from '../../components/formErrors';
import { useCall } from '../../ipc/useCall';
import { NewPasswordFields, useNewPassword } from '../auth/NewPasswordFields';

interface Props {
  user: UserRow | null;
  onClose: () => void;
  onDone: (user: UserRow) => void;
}

export function ResetPasswordDialog({ user, onClose, onDone }: Props) {
  const { run, loading, error, reset } = useCall('users.resetPassword');
  const pw = useNewPassword();
  const { clear } = pw;

  useEffect(() => {
    if (user) {
      clear();
      reset();
    }
  }, [user, reset, clear]);

  const { byField, general } = splitErrors(error, { newPassword: 'newPassword' });

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (!user) return;
    if (!pw.check()) return;
    const result = await run({ id: user.id, newPassword: pw.password });
    if (result.ok) {
      onDone(user);
      onClose();
    }
  };

  return (
    <Dialog open={user !== null} onClose={loading ? undefined : onClose} maxWidth="xs" fullWidth aria-labelledby="reset-title">
      <form onSubmit={submit} noValidate>
        <DialogTitle id="reset-title">重置密码</DialogTitle>
        <DialogContent>
          <Stack spacing={2} sx={{ pt: 1 }}>
            <Alert severity="info">
              为 {user?.displayName}（{user?.username}）设置新密码。请将新密码当面告知该用户，并提醒其登录后修改。
            </Alert>
            <ErrorAlert error={general} />
            <NewPasswordFields {...pw.fields} error={byField.newPassword} autoFocus />
          </Stack>
        </DialogContent>
        <DialogActions sx={{ px: 3, pb: 2 }}>
          <Button onClick={onClose} disabled={loading}>
            取消
          </Button>
          <Button type="submit" variant="contained" disabled={loading || !pw.filled}>
            {loading ? '正在重置…' : '重置密码'}
          </Button>
        </DialogActions>
      </form>
    </Dialog>
  );
}
