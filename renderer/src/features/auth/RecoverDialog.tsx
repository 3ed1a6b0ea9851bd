import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogTitle from '@mui/material/DialogTitle';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import { useEffect, useState, type FormEvent } from 'react';
import type { SessionInfo } from '../../../../shared/ipc/schemas/auth';
import { ErrorAlert } from '../../components/ErrorAlert';
import { splitErrors } from '../../components/formErrors';
import { MONO_STACK } from '../../app/theme';
import { useCall } from '../../ipc/useCall';
import { NewPasswordFields, useNewPassword } from './NewPasswordFields';

interface Props {
  open: boolean;
  onClose: () => void;
  onRecovered: (session: SessionInfo) => void;
}

/** Sets a new password with the recovery key printed at setup, then signs in. */
export function RecoverDialog({ open, onClose, onRecovered }: Props) {
  const { run, loading, error, reset } = useCall('auth.recover');
  const [recoveryKey, setRecoveryKey] = useState('');
  const [username, setUsername] = useState('');
  const pw = useNewPassword();
  const { clear } = pw;

  useEffect(() => {
    if (open) {
      setRecoveryKey('');
      setUsername('');
      clear();
      reset();
    }
  }, [open, reset, clear]);

  const { byField, general } = splitErrors(error, {
    recoveryKey: 'recoveryKey',
    username: 'username',
    newPassword: 'newPassword',
  });

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (!pw.check()) return;
    const result = await run({ recoveryKey: recoveryKey.trim(), username: username.trim(), newPassword: pw.password });
    if (result.ok) {
      onClose();
      onRecovered(result.value);
    }
  };

  return (
    <Dialog open={open} onClose={loading ? undefined : onClose} maxWidth="sm" fullWidth aria-labelledby="recover-title">
      <form onSubmit={submit} noValidate>
        <DialogTitle id="recover-title">使用恢复密钥重设密码</DialogTitle>
        <DialogContent>
          <Stack spacing={2} sx={{ pt: 1 }}>
            <Alert severity="info">
              恢复密钥是初次设置学籍通时打印或抄写的一串字符。输入恢复密钥和用户名，即可为该账户设置新密码并登录。
            </Alert>
            <ErrorAlert error={general} />
            <TextField
              label="恢复密钥"
              value={recoveryKey}
              onChange={(e) => setRecoveryKey(e.target.value)}
              error={Boolean(byField.recoveryKey)}
              helperText={byField.recoveryKey ?? '可包含空格或连字符，大小写均可'}
              autoFocus
              autoComplete="off"
              slotProps={{ htmlInput: { spellCheck: false, style: { fontFamily: MONO_STACK, letterSpacing: 1 } } }}
            />
            <TextField
              label="用户名"
              value={username}
              onChange={(e) => setUsername(e.target.value)}
              error={Boolean(byField.username)}
              helperText={byField.username}
              autoComplete="username"
            />
            <NewPasswordFields {...pw.fields} error={byField.newPassword} />
          </Stack>
        </DialogContent>
        <DialogActions sx={{ px: 3, pb: 2 }}>
          <Button onClick={onClose} disabled={loading}>
            取消
          </Button>
          <Button
            type="submit"
            variant="contained"
            disabled={loading || !recoveryKey.trim() || !username.trim() || !pw.filled}
          >
            {loading ? '正在重设…' : '重设密码并登录'}
          </Button>
        </DialogActions>
      </form>
    </Dialog>
  );
}
