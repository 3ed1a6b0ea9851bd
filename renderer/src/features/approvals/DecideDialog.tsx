import UploadFileOutlined from '@mui/icons-material/UploadFileOutlined';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogTitle from '@mui/material/DialogTitle';
import FormControlLabel from '@mui/material/FormControlLabel';
import Radio from '@mui/material/Radio';
import RadioGroup from '@mui/material/RadioGroup';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { useEffect, useState, type FormEvent, type ReactNode } from 'react';
import type { ApprovalStep } from '../../../../shared/domain/approvals';
import type { AppErrorData, Result } from '../../../../shared/ipc/result';
import type { StepDecisionInput } from '../../../../shared/ipc/schemas/approvals';
import type { z } from 'zod';
import { ErrorAlert } from '../../components/ErrorAlert';
import { ACCEPTED_FILES } from '../../components/fileData';
import { uploadFile } from '../../ipc/client';
import { coveredByFields, orderFieldErrors, today } from '../statusChanges/text';

/** 批准 / 退回 in the app, or 登记纸质审批 (the decision written on the paper form). */
export type DecideMode = { kind: 'app'; approve: boolean } | { kind: 'paper' };

/** The order as the dialog needs it, whatever its kind (学籍异动, 信息变更申请). */
export interface DecisionSubject {
  id: number;
  steps: readonly ApprovalStep[];
  stepIndex: number;
  stepSince: string;
  /** 第 12 号 · 张三（学号 …）· 休学 */
  heading: ReactNode;
}

export type StepDecision = z.input<typeof StepDecisionInput>;

interface Props<T> {
  subject: DecisionSubject;
  /** The kind of order, in the title: 学籍异动, 变更申请. */
  noun: string;
  mode: DecideMode | null;
  onClose: () => void;
  /** Sends the decision (the kind's own channel) with whatever `extra` adds. */
  send: (decision: StepDecision) => Promise<Result<T>>;
  onDone: (value: T, message: string) => void;
  /** What the final approval does, said before it is given. */
  finalNote: string;
  /** What the last step will need that is not on file yet. */
  missingForFinal?: readonly string[];
  /** A kind's own field shown with the decision (学籍异动's 决定文号), by whether it is a final approval. */
  extra?: (finalApproval: boolean) => ReactNode;
  /** Field names `extra` shows errors for (kept out of the general error box). */
  extraFields?: readonly string[];
}

const FIELDS = ['opinion', 'deciderName', 'deciderPost', 'decidedOn', 'scan'];

/** One way to decide a step of any order on the approval engine: in the app, or recorded from paper. */
export function DecideDialog<T>({ subject, noun, mode, onClose, send, onDone, finalNote, missingForFinal = [], extra, extraFields = [] }: Props<T>) {
  const [approve, setApprove] = useState(true);
  const [opinion, setOpinion] = useState('');
  const [paper, setPaper] = useState({ deciderName: '', deciderPost: '', decidedOn: today() });
  const [scan, setScan] = useState<File | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<AppErrorData | null>(null);

  useEffect(() => {
    if (!mode) return;
    setApprove(mode.kind === 'app' ? mode.approve : true);
    setOpinion('');
    setPaper({ deciderName: '', deciderPost: '', decidedOn: today() });
    setScan(null);
    setError(null);
  }, [mode, subject.id]);

  const paperMode = mode?.kind === 'paper';
  const step = subject.steps[subject.stepIndex];
  const last = subject.stepIndex === subject.steps.length - 1;
  const errors = orderFieldErrors(error);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (!approve && !opinion.trim()) {
      setError({ code: 'VALIDATION', message: '退回时请填写理由，提交人会看到。', field: 'opinion' });
      return;
    }
    setBusy(true);
    setError(null);
    let paperInput: StepDecision['paper'];
    if (paperMode) {
      paperInput = { deciderName: paper.deciderName.trim(), deciderPost: paper.deciderPost.trim(), decidedOn: paper.decidedOn };
      if (scan) {
        const sent = await uploadFile(scan);
        if (!sent.ok) {
          setBusy(false);
          setError({ ...sent.error, field: 'scan' });
          return;
        }
        paperInput.scan = { fileId: sent.value.fileId };
      }
    }
    const r = await send({
      id: subject.id,
      stepIndex: subject.stepIndex,
      stepSince: subject.stepSince,
      approve,
      ...(opinion.trim() ? { opinion: opinion.trim() } : {}),
      ...(paperInput ? { paper: paperInput } : {}),
    });
    setBusy(false);
    if (!r.ok) return setError(r.error);
    const what = paperMode ? `已登记“${step?.label ?? ''}”的纸质审批` : approve ? `已批准“${step?.label ?? ''}”` : '已退回提交人';
    onDone(r.value, approve && last ? `${what}，${noun}已生效` : what);
    onClose();
  };

  const title = paperMode ? '登记纸质审批' : approve ? `批准${noun}` : `退回${noun}`;
  return (
    <Dialog open={mode !== null} onClose={busy ? undefined : onClose} maxWidth="sm" fullWidth aria-labelledby="decide-title">
      <form onSubmit={(e) => void submit(e)} noValidate>
        <DialogTitle id="decide-title">{title}</DialogTitle>
        <DialogContent>
          <Stack spacing={2}>
            <Typography variant="body2">
              {subject.heading}
              <br />
              当前步骤：<b>{step?.label}</b>（第 {subject.stepIndex + 1} 步，共 {subject.steps.length} 步）
            </Typography>
            {approve && last && missingForFinal.length > 0 && <Alert severity="warning">批准前还需要：{missingForFinal.join('；')}</Alert>}
            {approve && last && <Alert severity="info">这是最后一步：{finalNote}</Alert>}
            {!approve && <Alert severity="info">退回后回到提交人，可修改后重新提交，从第一步重新审批。</Alert>}
            {!coveredByFields(error, [...FIELDS, ...extraFields]) && <ErrorAlert error={error} />}
            {paperMode && (
              <>
                <Box sx={{ display: 'grid', gridTemplateColumns: { xs: '1fr', sm: '1fr 1fr 1fr' }, gap: 2 }}>
                  <TextField
                    label="审批人姓名"
                    required
                    value={paper.deciderName}
                    onChange={(e) => setPaper((p) => ({ ...p, deciderName: e.target.value }))}
                    error={Boolean(errors.deciderName)}
                    helperText={errors.deciderName ?? '纸质审批表上的签名'}
                  />
                  <TextField
                    label="职务"
                    required
                    value={paper.deciderPost}
                    onChange={(e) => setPaper((p) => ({ ...p, deciderPost: e.target.value }))}
                    error={Boolean(errors.deciderPost)}
                    helperText={errors.deciderPost ?? '如：教务处处长'}
                  />
                  <TextField
                    label="审批日期"
                    type="date"
                    required
                    value={paper.decidedOn}
                    onChange={(e) => setPaper((p) => ({ ...p, decidedOn: e.target.value }))}
                    error={Boolean(errors.decidedOn)}
                    helperText={errors.decidedOn ?? ' '}
                    slotProps={{ inputLabel: { shrink: true } }}
                  />
                </Box>
                <RadioGroup row aria-label="审批结论" value={approve ? 'yes' : 'no'} onChange={(e) => setApprove(e.target.value === 'yes')}>
                  <FormControlLabel value="yes" control={<Radio />} label="同意" />
                  <FormControlLabel value="no" control={<Radio />} label="不同意（退回）" />
                </RadioGroup>
              </>
            )}
            {extra?.(approve && last)}
            <TextField
              label={approve ? '审批意见' : '退回理由'}
              value={opinion}
              onChange={(e) => setOpinion(e.target.value)}
              multiline
              minRows={2}
              required={!approve}
              error={Boolean(errors.opinion)}
              helperText={errors.opinion ?? (approve ? (paperMode ? '照纸质审批表上的意见填写，选填' : '选填') : '必填，提交人会看到')}
            />
            {paperMode && (
              <Box>
                <Button component="label" variant="outlined" size="small" startIcon={<UploadFileOutlined />}>
                  {scan ? '重新选择扫描件' : '选择审批表扫描件（选填）'}
                  <input
                    hidden
                    type="file"
                    aria-label="审批表扫描件"
                    accept={ACCEPTED_FILES}
                    onChange={(e) => {
                      setScan(e.target.files?.[0] ?? null);
                      e.target.value = '';
                    }}
                  />
                </Button>
                <Typography variant="caption" sx={{ ml: 1.5, color: errors.scan ? 'error.main' : 'text.secondary' }}>
                  {errors.scan ?? scan?.name ?? '签字页拍照或扫描，随申请加密保存'}
                </Typography>
              </Box>
            )}
          </Stack>
        </DialogContent>
        <DialogActions sx={{ px: 3, pb: 2 }}>
          <Button onClick={onClose} disabled={busy}>
            取消
          </Button>
          <Button type="submit" variant="contained" color={approve ? 'success' : 'error'} disabled={busy}>
            {busy ? '正在提交…' : paperMode ? '登记' : approve ? '确认批准' : '确认退回'}
          </Button>
        </DialogActions>
      </form>
    </Dialog>
  );
}
