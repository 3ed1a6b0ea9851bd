import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Link from '@mui/material/Link';
import Paper from '@mui/material/Paper';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { useRef, useState, type FormEvent } from 'react';
import type { SessionInfo } from '../../../../shared/ipc/schemas/auth';
import { BrandMark } from '../../components/BrandMark';
import { CenteredLayout } from '../../components/CenteredLayout';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useCall } from '../../ipc/useCall';
import { RecoverDialog } from './RecoverDialog';
import { CAPS_LOCK_WARNING, useCapsLock } from './useCapsLock';

interface Props {
  notice?: string | null;
  onSignedIn: (session: SessionInfo) => void;
}

export function SignInPage({ notice, onSignedIn }: Props) {
  const { run, loading, error } = useCall('auth.signIn');
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const passwordRef = useRef<HTMLInputElement>(null);
  const [recovering, setRecovering] = useState(false);
  const caps = useCapsLock();

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const result = await run({ username: username.trim(), password });
    if (result.ok) onSignedIn(result.value);
    else {
      setPassword('');
      passwordRef.current?.focus();
    }
  };

  return (
    <CenteredLayout maxWidth={420}>
      <Paper variant="outlined" sx={{ p: 4 }}>
        <BrandMark subtitle="院系学籍管理系统" />
        <Typography variant="h6" component="h1" sx={{ mt: 3, mb: 2 }}>
          登录
        </Typography>
        <form onSubmit={submit} onKeyDown={caps.onKey} onKeyUp={caps.onKey} noValidate>
          <Stack spacing={2}>
            {notice && !error && <Alert severity="info">{notice}</Alert>}
            <ErrorAlert error={error} />
            <TextField
              label="用户名"
              autoComplete="username"
              value={username}
              onChange={(e) => setUsername(e.target.value)}
              autoFocus
              size="medium"
            />
            <TextField
              label="密码"
              type="password"
              autoComplete="current-password"
              inputRef={passwordRef}
              value={password}
              onChange={(e) => setPassword(e.target.value)}
              size="medium"
              helperText={caps.capsLock ? CAPS_LOCK_WARNING : undefined}
              slotProps={{ formHelperText: { sx: { color: 'warning.dark' }, role: 'status' } }}
            />
            <Button type="submit" variant="contained" size="large" disabled={loading || !username.trim() || !password}>
              {loading ? '正在登录…' : '登录'}
            </Button>
          </Stack>
        </form>
        <Box sx={{ mt: 2.5, textAlign: 'center' }}>
          <Link component="button" type="button" variant="body2" onClick={() => setRecovering(true)}>
            忘记密码？使用恢复密钥
          </Link>
        </Box>
      </Paper>
      <RecoverDialog open={recovering} onClose={() => setRecovering(false)} onRecovered={onSignedIn} />
    </CenteredLayout>
  );
}
