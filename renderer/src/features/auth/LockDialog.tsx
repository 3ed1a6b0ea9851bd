import LockOutlined from '@mui/icons-material/LockOutlined';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Dialog from '@mui/material/Dialog';
import DialogTitle from '@mui/material/DialogTitle';
import Paper from '@mui/material/Paper';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { useEffect, useRef, useState, type FormEvent } from 'react';
import type { SessionInfo } from '../../../../shared/ipc/schemas/auth';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useCall } from '../../ipc/useCall';
import { CAPS_LOCK_WARNING, useCapsLock } from './useCapsLock';

interface Props {
  open: boolean;
  displayName: string;
  username: string;
  onUnlocked: (session: SessionInfo) => void;
  onSwitchUser: () => void;
}

/** Covers the whole window while the session is locked; what is underneath stays as it was. */
export function LockDialog({ open, displayName, username, onUnlocked, onSwitchUser }: Props) {
  const { run, loading, error, reset } = useCall('auth.unlock');
  const [password, setPassword] = useState('');
  const passwordRef = useRef<HTMLInputElement>(null);
  const [leaving, setLeaving] = useState(false);
  const caps = useCapsLock();

  useEffect(() => {
    if (open) {
      setPassword('');
      setLeaving(false);
      reset();
    }
  }, [open, reset]);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (!password) return;
    const result = await run({ password });
    if (result.ok) onUnlocked(result.value);
    else {
      setPassword('');
      passwordRef.current?.focus();
    }
  };

  return (
    <Dialog
      open={open}
      fullScreen
      aria-labelledby="lock-title"
      slotProps={{ paper: { sx: { background: 'linear-gradient(160deg, #163a69 0%, #1f4e8c 55%, #2d5f9c 100%)' } } }}
    >
      <Box sx={{ flexGrow: 1, display: 'flex', alignItems: 'center', justifyContent: 'center', p: 2 }}>
        <Paper elevation={8} sx={{ width: '100%', maxWidth: 400, p: 4 }}>
          <form onSubmit={submit} onKeyDown={caps.onKey} onKeyUp={caps.onKey} noValidate>
            <Stack spacing={2} sx={{ alignItems: 'stretch' }}>
              <Box sx={{ textAlign: 'center' }}>
                <Box
                  sx={{
                    width: 56,
                    height: 56,
                    mx: 'auto',
                    borderRadius: '50%',
                    bgcolor: 'rgba(31, 78, 140, 0.1)',
                    color: 'primary.main',
                    display: 'flex',
                    alignItems: 'center',
                    justifyContent: 'center',
                  }}
                >
                  <LockOutlined />
                </Box>
                <DialogTitle id="lock-title" sx={{ pb: 0.5 }}>
                  已锁定
                </DialogTitle>
                <Typography variant="body1" sx={{ fontWeight: 600 }}>
                  {displayName}
                  <Typography component="span" variant="body2" sx={{ color: 'text.secondary', ml: 1 }}>
                    {username}
                  </Typography>
                </Typography>
                <Typography variant="body2" sx={{ color: 'text.secondary', mt: 1 }}>
                  为保护学生信息，学籍通在无人操作时会自动锁屏。请输入密码继续，未保存的内容仍然保留。
                </Typography>
              </Box>
              <ErrorAlert error={error} />
              <TextField
                label="密码"
                type="password"
                autoComplete="current-password"
                inputRef={passwordRef}
                value={password}
                onChange={(e) => setPassword(e.target.value)}
                autoFocus
                size="medium"
                helperText={caps.capsLock ? CAPS_LOCK_WARNING : undefined}
                slotProps={{ formHelperText: { sx: { color: 'warning.dark' }, role: 'status' } }}
              />
              <Button type="submit" variant="contained" size="large" disabled={loading || !password}>
                {loading ? '正在解锁…' : '解锁'}
              </Button>
              <Button
                onClick={() => {
                  setLeaving(true);
                  onSwitchUser();
                }}
                disabled={loading || leaving}
              >
                切换用户
              </Button>
            </Stack>
          </form>
        </Paper>
      </Box>
    </Dialog>
  );
}
