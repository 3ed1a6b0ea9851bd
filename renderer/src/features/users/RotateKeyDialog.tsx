import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Checkbox from '@mui/material/Checkbox';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogTitle from '@mui/material/DialogTitle';
import FormControlLabel from '@mui/material/FormControlLabel';
import LinearProgress from '@mui/material/LinearProgress';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { useEffect, useState } from 'react';
import type { CallOutput } from '../../../../shared/ipc/contract';
import type { UserRow } from '../../../../shared/ipc/schemas/users';
import { MONO_STACK } from '../../app/theme';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useCall } from '../../ipc/useCall';
import { useJobProgress } from '../import/common/useJobProgress';
import { KeyText } from '../setup/KeyText';

interface Props {
  open: boolean;
  /** The user just disabled, when the dialog offers the rotation right after (null: on demand). */
  disabledUser: UserRow | null;
  onClose: () => void;
  onDone: (message: string) => void;
}

type Outcome = CallOutput<'keys.rotate'>;

/**
 * 更换数据密钥 (keys.rotate): asks first, shows the job's progress, and afterwards anything the admin
 * must act on — a new recovery key (shown this once), accounts that need a password reset.
 */
export function RotateKeyDialog({ open, disabledUser, onClose, onDone }: Props) {
  const { run, error, reset } = useCall('keys.rotate');
  const job = useJobProgress();
  const [newRecoveryKey, setNewRecoveryKey] = useState(false);
  const [outcome, setOutcome] = useState<Outcome | null>(null);

  useEffect(() => {
    if (open) {
      setNewRecoveryKey(false);
      setOutcome(null);
      reset();
    }
  }, [open, reset]);

  const running = job.progress !== null;
  const rotate = async () => {
    const jobId = job.begin('正在准备新的数据密钥…');
    const result = await run({ jobId, newRecoveryKey });
    job.end();
    if (!result.ok) return;
    const r = result.value;
    const message = `数据密钥已更换：${r.accounts} 个账户保留访问，${r.attachments} 个附件和照片已重新加密`;
    if (r.recoveryKey || r.needPasswordReset.length) setOutcome(r);
    else {
      onDone(message);
      onClose();
    }
  };

  const p = job.progress;
  return (
    <Dialog open={open} onClose={running || outcome?.recoveryKey ? undefined : onClose} maxWidth="sm" fullWidth aria-labelledby="rotate-key-title">
      <DialogTitle id="rotate-key-title">{disabledUser && !outcome ? `已停用 ${disabledUser.displayName}：更换数据密钥？` : '更换数据密钥'}</DialogTitle>
      <DialogContent>
        {outcome ? (
          <Stack spacing={2}>
            <Alert severity="success">数据密钥已更换：{outcome.accounts} 个账户保留访问（密码不变），{outcome.attachments} 个附件和照片已重新加密。</Alert>
            {outcome.needPasswordReset.length > 0 && (
              <Alert severity="warning">
                以下账户的密钥由旧版本创建，无法随之更换，须在本页“重置密码”后才能登录：{outcome.needPasswordReset.join('、')}
              </Alert>
            )}
            {outcome.recoveryKey && (
              <>
                <Alert severity="warning">
                  <strong>新的恢复密钥只显示这一次，</strong>旧的恢复密钥已作废。请立即打印或工整抄写，替换柜中保存的旧恢复密钥。
                </Alert>
                <Box
                  aria-label="新的恢复密钥"
                  role="group"
                  sx={{ fontFamily: MONO_STACK, fontSize: 20, fontWeight: 600, letterSpacing: 1, textAlign: 'center', wordBreak: 'keep-all', py: 2, border: '2px dashed', borderColor: 'primary.light', borderRadius: 2, userSelect: 'all' }}
                >
                  <KeyText value={outcome.recoveryKey} />
                </Box>
              </>
            )}
          </Stack>
        ) : (
          <Stack spacing={2}>
            <ErrorAlert error={error} />
            {disabledUser && (
              <Alert severity="info">
                {disabledUser.displayName}（{disabledUser.username}）已不能登录。但其密钥仍在密钥文件中，连同此前复制的 keyslots.json，仍能用其密码解开现有数据；更换数据密钥后才彻底失效。
              </Alert>
            )}
            <Typography variant="body2">
              数据库和全部附件、照片将改用新的密钥重新加密。已停用账户的密钥随之删除；此前复制的密钥文件（keyslots.json）和修改前的旧密码从此都打不开当前数据。其他用户的密码不变。
            </Typography>
            <Typography variant="body2" color="text.secondary">
              10 万名学生、上千张照片约需数秒，期间其他窗口的操作会等待。中途断电或程序异常退出不会损坏数据，下次登录时自动完成。
            </Typography>
            <FormControlLabel
              control={<Checkbox checked={newRecoveryKey} onChange={(e) => setNewRecoveryKey(e.target.checked)} disabled={running} />}
              label="同时生成新的恢复密钥（旧的恢复密钥作废；新的只显示一次，须重新打印保存）"
            />
            {p && (
              <Box>
                <LinearProgress variant={p.total ? 'determinate' : 'indeterminate'} value={p.total ? (p.done / p.total) * 100 : 0} />
                <Typography variant="caption" color="text.secondary">
                  {p.message}
                </Typography>
              </Box>
            )}
          </Stack>
        )}
      </DialogContent>
      <DialogActions sx={{ px: 3, pb: 2 }}>
        {outcome ? (
          <Button
            variant="contained"
            onClick={() => {
              onDone('数据密钥已更换');
              onClose();
            }}
          >
            {outcome.recoveryKey ? '我已妥善保存新的恢复密钥' : '完成'}
          </Button>
        ) : (
          <>
            <Button onClick={onClose} disabled={running}>
              {disabledUser ? '稍后再换' : '取消'}
            </Button>
            <Button variant="contained" color="warning" onClick={() => void rotate()} disabled={running}>
              {running ? '正在更换…' : '更换数据密钥'}
            </Button>
          </>
        )}
      </DialogActions>
    </Dialog>
  );
}
