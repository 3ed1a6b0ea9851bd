import { studentTag } from '../../../../shared/domain/student-no';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogTitle from '@mui/material/DialogTitle';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { useEffect, useState, type FormEvent } from 'react';
import type { KeyChangeRequest } from '../../../../shared/ipc/schemas/students';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useCall } from '../../ipc/useCall';
import { describeChange } from './keyChangeText';

export interface Decision {
  request: KeyChangeRequest;
  approve: boolean;
}

interface Props {
  decision: Decision | null;
  onClose: () => void;
  onDone: (request: KeyChangeRequest, message: string) => void;
}

/** 批准 or 驳回 a change request, with an optional 审批意见. */
export function DecideDialog({ decision, onClose, onDone }: Props) {
  const { run, loading, error, reset } = useCall('keyChanges.decide');
  const [comment, setComment] = useState('');
  useEffect(() => {
    if (decision) {
      setComment('');
      reset();
    }
  }, [decision, reset]);
  const approve = decision?.approve ?? true;
  const r = decision?.request;

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (!r) return;
    const result = await run({ id: r.id, approve, ...(comment.trim() ? { comment: comment.trim() } : {}) });
    if (result.ok) {
      onDone(result.value, approve ? `已批准第 ${r.id} 号申请，${r.studentName} 的档案已更新` : `已驳回第 ${r.id} 号申请`);
      onClose();
    }
  };

  return (
    <Dialog open={decision !== null} onClose={loading ? undefined : onClose} maxWidth="sm" fullWidth aria-labelledby="decide-title">
      <form onSubmit={(e) => void submit(e)} noValidate>
        <DialogTitle id="decide-title">{approve ? '批准变更申请' : '驳回变更申请'}</DialogTitle>
        <DialogContent>
          <Stack spacing={2}>
            {r && (
              <Box>
                <Typography variant="body2" sx={{ mb: 0.5 }}>
                  第 {r.id} 号 · {studentTag(r.studentName, r.studentNo)}
                </Typography>
                {r.changes.map((c, i) => {
                  const d = describeChange(c);
                  return (
                    <Typography key={i} variant="body2">
                      {d.label}：{d.before} → <b>{d.after}</b>
                    </Typography>
                  );
                })}
              </Box>
            )}
            {approve ? (
              <Alert severity="warning">批准后将立即修改该学生的档案，并记入修改历史。</Alert>
            ) : (
              <Alert severity="info">驳回后档案不变；申请人可修改后重新提交。</Alert>
            )}
            <ErrorAlert error={error} />
            <TextField
              label={approve ? '审批意见' : '驳回理由'}
              value={comment}
              onChange={(e) => setComment(e.target.value)}
              multiline
              minRows={2}
              required={!approve}
              helperText={approve ? '选填' : '必填，申请人会看到'}
            />
          </Stack>
        </DialogContent>
        <DialogActions sx={{ px: 3, pb: 2 }}>
          <Button onClick={onClose} disabled={loading}>
            取消
          </Button>
          <Button type="submit" variant="contained" color={approve ? 'success' : 'error'} disabled={loading}>
            {loading ? '正在提交…' : approve ? '确认批准' : '确认驳回'}
          </Button>
        </DialogActions>
      </form>
    </Dialog>
  );
}
