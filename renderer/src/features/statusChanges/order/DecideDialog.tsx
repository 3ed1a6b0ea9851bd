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
import { useEffect, useState, type FormEvent } from 'react';
import { isDecision } from '../../../../../shared/domain/status-changes';
import { studentTag } from '../../../../../shared/domain/student-no';
import type { CallInput } from '../../../../../shared/ipc/contract';
import type { AppErrorData } from '../../../../../shared/ipc/result';
import type { StatusChangeDetail } from '../../../../../shared/ipc/schemas/status-changes';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { ACCEPTED_FILES } from '../../../components/fileData';
import { call, uploadFile } from '../../../ipc/client';
import { coveredByFields, orderFieldErrors, today } from '../text';

/** 批准 / 退回 in the app, or 登记纸质审批 (the decision written on the paper form). */
export type DecideMode = { kind: 'app'; approve: boolean } | { kind: 'paper' };

interface Props {
  order: StatusChangeDetail;
  mode: DecideMode | null;
  onClose: () => void;
  onDone: (order: StatusChangeDetail, message: string) => void;
}

const FIELDS = ['opinion', 'decisionNo', 'deciderName', 'deciderPost', 'decidedOn', 'scan'];

export function DecideDialog({ order, mode, onClose, onDone }: Props) {
  const [approve, setApprove] = useState(true);
  const [opinion, setOpinion] = useState('');
  const [decisionNo, setDecisionNo] = useState('');
  const [paper, setPaper] = useState({ deciderName: '', deciderPost: '', decidedOn: today() });
  const [scan, setScan] = useState<File | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<AppErrorData | null>(null);

  useEffect(() => {
    if (!mode) return;
    setApprove(mode.kind === 'app' ? mode.approve : true);
    setOpinion('');
    setDecisionNo(order.data.decisionNo ?? '');
    setPaper({ deciderName: '', deciderPost: '', decidedOn: today() });
    setScan(null);
    setError(null);
  }, [mode, order]);

  const paperMode = mode?.kind === 'paper';
  const step = order.steps[order.stepIndex];
  const last = order.stepIndex === order.steps.length - 1;
  // The decision number may come with the last approval (41号令 第五十六条: the 校长办公会's decision).
  const askDecisionNo = approve && last && isDecision(order.type, order.subtype);
  const errors = orderFieldErrors(error);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (!approve && !opinion.trim()) {
      setError({ code: 'VALIDATION', message: '退回时请填写理由，提交人会看到。', field: 'opinion' });
      return;
    }
    setBusy(true);
    setError(null);
    let paperInput: CallInput<'statusChanges.decide'>['paper'];
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
    const r = await call('statusChanges.decide', {
      id: order.id,
      stepIndex: order.stepIndex,
      stepSince: order.stepSince,
      approve,
      ...(opinion.trim() ? { opinion: opinion.trim() } : {}),
      ...(paperInput ? { paper: paperInput } : {}),
      ...(askDecisionNo && decisionNo.trim() ? { decisionNo: decisionNo.trim() } : {}),
    });
    setBusy(false);
    if (!r.ok) return setError(r.error);
    const what = paperMode ? `已登记“${step?.label ?? ''}”的纸质审批` : approve ? `已批准“${step?.label ?? ''}”` : '已退回提交人';
    onDone(r.value, r.value.state === 'approved' ? `${what}，学籍异动已生效` : what);
    onClose();
  };

  const title = paperMode ? '登记纸质审批' : approve ? '批准学籍异动' : '退回学籍异动';
  return (
    <Dialog open={mode !== null} onClose={busy ? undefined : onClose} maxWidth="sm" fullWidth aria-labelledby="sc-decide-title">
      <form onSubmit={(e) => void submit(e)} noValidate>
        <DialogTitle id="sc-decide-title">{title}</DialogTitle>
        <DialogContent>
          <Stack spacing={2}>
            <Typography variant="body2">
              第 {order.id} 号 · {studentTag(order.studentName, order.studentNo)} · {order.title}
              <br />
              当前步骤：<b>{step?.label}</b>（第 {order.stepIndex + 1} 步，共 {order.steps.length} 步）
            </Typography>
            {approve && last && order.missingForFinal.length > 0 && (
              <Alert severity="warning">
                批准前还需要：{order.missingForFinal.join('；')}
              </Alert>
            )}
            {approve && last && <Alert severity="info">这是最后一步：批准后学籍异动立即生效，学生的学籍状态随之改变。</Alert>}
            {!approve && <Alert severity="info">退回后异动单回到提交人，可修改后重新提交，从第一步重新审批。</Alert>}
            {!coveredByFields(error, FIELDS) && <ErrorAlert error={error} />}
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
            {askDecisionNo && (
              <TextField
                label="决定文号"
                value={decisionNo}
                onChange={(e) => setDecisionNo(e.target.value)}
                error={Boolean(errors.decisionNo)}
                helperText={errors.decisionNo ?? '学校处理决定书的文号，最后一步批准时须已填写'}
              />
            )}
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
                  {errors.scan ?? scan?.name ?? '签字页拍照或扫描，随异动单加密保存'}
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
