import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogTitle from '@mui/material/DialogTitle';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import { useEffect, useState, type FormEvent } from 'react';
import { useSession } from '../../app/SessionContext';
import { ErrorAlert } from '../../components/ErrorAlert';
import { NoticeSnackbar } from '../../components/NoticeSnackbar';
import { splitErrors } from '../../components/formErrors';
import { useCall } from '../../ipc/useCall';
import { NewPasswordFields, useNewPassword } from './NewPasswordFields';

interface Props {
  open: boolean;
  onClose: () => void;
  /** The user must change the password now: the dialog cannot be dismissed. */
  required?: boolean;
  onChanged?: () => void;
  /** Offered when the change is required: leaving is the only other thing the user may do. */
  onSignOut?: () => void;
}

export function ChangePasswordDialog({ open, onClose, required = false, onChanged, onSignOut }: Props) {
  const { setSession } = useSession();
  const { run, loading, error, reset } = useCall('auth.changePassword');
  const [oldPassword, setOldPassword] = useState('');
  // Shown after the dialog closes, so it lives outside the dialog.
  const [notice, setNotice] = useState<string | null>(null);
  const pw = useNewPassword();
  const { clear } = pw;

  useEffect(() => {
    if (open) {
      setOldPassword('');
      clear();
      reset();
    }
  }, [open, reset, clear]);

  const { byField, general } = splitErrors(error, { oldPassword: 'oldPassword', newPassword: 'newPassword' });

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (!pw.check()) return;
    const result = await run({ oldPassword, newPassword: pw.password });
    if (result.ok) {
      setSession(result.value);
      setNotice('密码已修改');
      onChanged?.();
      onClose();
    }
  };

  return (
    <>
      <Dialog
        open={open}
        onClose={required ? undefined : onClose}
        maxWidth="xs"
        fullWidth
        aria-labelledby="change-password-title"
      >
        <form onSubmit={submit} noValidate>
          <DialogTitle id="change-password-title">修改密码</DialogTitle>
          <DialogContent>
            <Stack spacing={2} sx={{ pt: 1 }}>
              {required && <Alert severity="warning">为了账户安全，请先修改密码再继续使用。</Alert>}
              <ErrorAlert error={general} />
              <TextField
                label="当前密码"
                type="password"
                autoComplete="current-password"
                value={oldPassword}
                onChange={(e) => setOldPassword(e.target.value)}
                error={Boolean(byField.oldPassword)}
                helperText={byField.oldPassword}
                autoFocus
              />
              <NewPasswordFields {...pw.fields} error={byField.newPassword} />
            </Stack>
          </DialogContent>
          <DialogActions sx={{ px: 3, pb: 2 }}>
            {!required && (
              <Button onClick={onClose} disabled={loading}>
                取消
              </Button>
            )}
            {required && onSignOut && (
              <Button onClick={onSignOut} disabled={loading} sx={{ mr: 'auto' }}>
                退出登录
              </Button>
            )}
            <Button type="submit" variant="contained" disabled={loading || !oldPassword || !pw.filled}>
              {loading ? '正在保存…' : '确认修改'}
            </Button>
          </DialogActions>
        </form>
      </Dialog>
      <NoticeSnackbar notice={notice} onClose={() => setNotice(null)} />
    </>
  );
}
