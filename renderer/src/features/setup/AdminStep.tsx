import Button from '@mui/material/Button';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { useState, type FormEvent } from 'react';
import { ErrorAlert } from '../../components/ErrorAlert';
import { NewPasswordFields } from '../auth/NewPasswordFields';
import type { AdminField, AdminForm } from './setupTypes';

interface Props {
  value: AdminForm;
  onChange: (value: AdminForm) => void;
  errors: Partial<Record<AdminField, string>>;
  general: string | null;
  loading: boolean;
  onBack: () => void;
  onSubmit: () => void;
}

export function AdminStep({ value, onChange, errors, general, loading, onBack, onSubmit }: Props) {
  const [mismatch, setMismatch] = useState(false);
  const set = (field: keyof AdminForm) => (e: { target: { value: string } }) => onChange({ ...value, [field]: e.target.value });
  const complete = value.username.trim() && value.displayName.trim() && value.password && value.confirm;

  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (!complete) return;
    if (value.password !== value.confirm) {
      setMismatch(true);
      return;
    }
    setMismatch(false);
    onSubmit();
  };

  return (
    <form onSubmit={submit} noValidate>
      <Stack spacing={2.5}>
        <Typography variant="body2" sx={{ color: 'text.secondary' }}>
          管理员负责创建其他用户、修改系统设置。请设置一个只有您知道的密码。
        </Typography>
        <ErrorAlert error={general} />
        <Stack direction={{ xs: 'column', sm: 'row' }} spacing={2}>
          <TextField
            label="用户名"
            value={value.username}
            onChange={set('username')}
            error={Boolean(errors.username)}
            helperText={errors.username ?? '用于登录，可用字母、数字、下划线'}
            autoComplete="username"
            autoFocus
          />
          <TextField
            label="姓名"
            value={value.displayName}
            onChange={set('displayName')}
            error={Boolean(errors.displayName)}
            helperText={errors.displayName ?? '显示在界面和审计日志中'}
          />
        </Stack>
        <NewPasswordFields
          label="密码"
          password={value.password}
          confirm={value.confirm}
          onPassword={(password) => onChange({ ...value, password })}
          onConfirm={(confirm) => onChange({ ...value, confirm })}
          mismatch={mismatch}
          error={errors.password}
        />
        <Stack direction="row" spacing={1} sx={{ justifyContent: 'space-between' }}>
          <Button onClick={onBack} disabled={loading}>
            上一步
          </Button>
          <Button type="submit" variant="contained" disabled={loading || !complete}>
            {loading ? '正在创建…' : '创建管理员账户'}
          </Button>
        </Stack>
      </Stack>
    </form>
  );
}
