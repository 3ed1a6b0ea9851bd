import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogTitle from '@mui/material/DialogTitle';
import FormControlLabel from '@mui/material/FormControlLabel';
import Stack from '@mui/material/Stack';
import Switch from '@mui/material/Switch';
import TextField from '@mui/material/TextField';
import { useEffect, useState, type FormEvent } from 'react';
import type { Role } from '../../../../shared/domain/permissions';
import type { UserRow } from '../../../../shared/ipc/schemas/users';
import { ErrorAlert } from '../../components/ErrorAlert';
import { formatDateTime } from '../../components/format';
import { splitErrors } from '../../components/formErrors';
import { useCall } from '../../ipc/useCall';
import { RoleSelect } from './RoleSelect';
import { userStatus } from './userStatus';

interface Props {
  user: UserRow | null;
  onClose: () => void;
  /** disabledNow: this save disabled the account (the page then offers 更换数据密钥). */
  onSaved: (user: UserRow, message: string, disabledNow?: boolean) => void;
}

export function EditUserDialog({ user, onClose, onSaved }: Props) {
  const { run, loading, error, reset } = useCall('users.update');
  const [displayName, setDisplayName] = useState('');
  const [role, setRole] = useState<Role>('viewer');
  const [disabled, setDisabled] = useState(false);
  const [current, setCurrent] = useState<UserRow | null>(null);

  useEffect(() => {
    if (user) {
      setCurrent(user);
      setDisplayName(user.displayName);
      setRole(user.role);
      setDisabled(user.disabled);
      reset();
    }
  }, [user, reset]);

  const { byField, general } = splitErrors(error, { displayName: 'displayName', role: 'role', disabled: 'disabled' });
  const locked = current !== null && userStatus(current) === 'locked';

  const unlock = async () => {
    if (!current) return;
    const result = await run({ id: current.id, unlock: true });
    if (result.ok) {
      setCurrent(result.value);
      onSaved(result.value, `已解除 ${result.value.displayName} 的锁定`);
    }
  };

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (!current) return;
    const changes: { displayName?: string; role?: Role; disabled?: boolean } = {};
    if (displayName.trim() !== current.displayName) changes.displayName = displayName.trim();
    if (role !== current.role) changes.role = role;
    if (disabled !== current.disabled) changes.disabled = disabled;
    if (Object.keys(changes).length === 0) {
      onClose();
      return;
    }
    const result = await run({ id: current.id, ...changes });
    if (result.ok) {
      onSaved(result.value, `已保存 ${result.value.displayName} 的账户信息`, changes.disabled === true);
      onClose();
    }
  };

  return (
    <Dialog open={user !== null} onClose={loading ? undefined : onClose} maxWidth="sm" fullWidth aria-labelledby="edit-user-title">
      <form onSubmit={submit} noValidate>
        <DialogTitle id="edit-user-title">编辑用户</DialogTitle>
        <DialogContent>
          <Stack spacing={2} sx={{ pt: 1 }}>
            <ErrorAlert error={general} />
            {locked && current && (
              <Alert
                severity="warning"
                action={
                  <Button color="inherit" size="small" onClick={() => void unlock()} disabled={loading}>
                    解除锁定
                  </Button>
                }
              >
                该账户因多次输入错误密码已被锁定，至 {formatDateTime(current.lockedUntil)} 自动解除。
              </Alert>
            )}
            <TextField label="用户名" value={current?.username ?? ''} disabled helperText="用户名创建后不能修改" />
            <TextField
              label="姓名"
              value={displayName}
              onChange={(e) => setDisplayName(e.target.value)}
              error={Boolean(byField.displayName)}
              helperText={byField.displayName ?? ' '}
            />
            <RoleSelect value={role} onChange={setRole} error={byField.role} />
            <FormControlLabel
              control={<Switch checked={disabled} onChange={(e) => setDisabled(e.target.checked)} color="warning" />}
              label={disabled ? '已停用：该用户无法登录（保存后可更换数据密钥，删除其密钥）' : '停用该账户'}
            />
            {byField.disabled && <Alert severity="error">{byField.disabled}</Alert>}
          </Stack>
        </DialogContent>
        <DialogActions sx={{ px: 3, pb: 2 }}>
          <Button onClick={onClose} disabled={loading}>
            取消
          </Button>
          <Button type="submit" variant="contained" disabled={loading || !displayName.trim()}>
            {loading ? '正在保存…' : '保存'}
          </Button>
        </DialogActions>
      </form>
    </Dialog>
  );
}
