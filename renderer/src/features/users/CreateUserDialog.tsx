import Button from '@mui/material/Button';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogTitle from '@mui/material/DialogTitle';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import { useEffect, useState, type FormEvent } from 'react';
import type { Role } from '../../../../shared/domain/permissions';
import type { UserRow } from '../../../../shared/ipc/schemas/users';
import { ErrorAlert } from '../../components/ErrorAlert';
import { splitErrors } from '../../components/formErrors';
import { useCall } from '../../ipc/useCall';
import { NewPasswordFields, useNewPassword } from '../auth/NewPasswordFields';
import { RoleSelect } from './RoleSelect';

interface Props {
  open: boolean;
  onClose: () => void;
  onCreated: (user: UserRow) => void;
}

export function CreateUserDialog({ open, onClose, onCreated }: Props) {
  const { run, loading, error, reset } = useCall('users.create');
  const [username, setUsername] = useState('');
  const [displayName, setDisplayName] = useState('');
  const [role, setRole] = useState<Role>('viewer');
  const pw = useNewPassword();
  const { clear } = pw;

  useEffect(() => {
    if (open) {
      setUsername('');
      setDisplayName('');
      setRole('viewer');
      clear();
      reset();
    }
  }, [open, reset, clear]);

  const { byField, general } = splitErrors(error, {
    username: 'username',
    displayName: 'displayName',
    role: 'role',
    password: 'password',
  });

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (!pw.check()) return;
    const result = await run({ username: username.trim(), displayName: displayName.trim(), role, password: pw.password });
    if (result.ok) {
      onCreated(result.value);
      onClose();
    }
  };

  return (
    <Dialog open={open} onClose={loading ? undefined : onClose} maxWidth="sm" fullWidth aria-labelledby="create-user-title">
      <form onSubmit={submit} noValidate>
        <DialogTitle id="create-user-title">新建用户</DialogTitle>
        <DialogContent>
          <Stack spacing={2} sx={{ pt: 1 }}>
            <ErrorAlert error={general} />
            <Stack direction={{ xs: 'column', sm: 'row' }} spacing={2}>
              <TextField
                label="用户名"
                value={username}
                onChange={(e) => setUsername(e.target.value)}
                error={Boolean(byField.username)}
                helperText={byField.username ?? '用于登录，可用字母、数字、下划线'}
                autoComplete="off"
                autoFocus
              />
              <TextField
                label="姓名"
                value={displayName}
                onChange={(e) => setDisplayName(e.target.value)}
                error={Boolean(byField.displayName)}
                helperText={byField.displayName ?? ' '}
              />
            </Stack>
            <RoleSelect value={role} onChange={setRole} error={byField.role} />
            <NewPasswordFields {...pw.fields} label="初始密码" error={byField.password} confirmHint="请将初始密码当面告知该用户" />
          </Stack>
        </DialogContent>
        <DialogActions sx={{ px: 3, pb: 2 }}>
          <Button onClick={onClose} disabled={loading}>
            取消
          </Button>
          <Button
            type="submit"
            variant="contained"
            disabled={loading || !username.trim() || !displayName.trim() || !pw.filled}
          >
            {loading ? '正在创建…' : '创建'}
          </Button>
        </DialogActions>
      </form>
    </Dialog>
  );
}
