import AttachFileOutlined from '@mui/icons-material/AttachFileOutlined';
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
import { useEffect, useState, type FormEvent, type ReactNode } from 'react';
import { fieldLabel } from '../../../../../shared/domain/student-fields';
import type { CallInput } from '../../../../../shared/ipc/contract';
import type { AppErrorData } from '../../../../../shared/ipc/result';
import type { KeyChangeRequest, StudentProfile } from '../../../../../shared/ipc/schemas/students';
import { DiscardDialog } from '../../../components/DiscardDialog';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { ACCEPTED_FILES, formatFileSize } from '../../../components/fileData';
import { call, uploadFile } from '../../../ipc/client';
import { GENDER_OPTIONS, genderName } from '../common/codeNames';
import { CodeSelect } from '../common/CodeSelect';
import { errorsByField } from '../common/serverErrors';

interface Props {
  open: boolean;
  student: StudentProfile;
  onClose: () => void;
  onDone: (message: string) => void;
  /** A returned request being amended: its values are filled in, and it is resubmitted from the first step. */
  amending?: KeyChangeRequest;
}

type Changes = CallInput<'keyChanges.request'>['changes'];
const EMPTY = { name: '', gender: '', birthDate: '', idNumber: '' };

/** What a returned request asked for, as the form's fields hold it. */
function draftOf(r: KeyChangeRequest | undefined): typeof EMPTY {
  if (!r) return EMPTY;
  const after = (f: string) => {
    const v = r.changes.find((c) => c.field === f)?.after;
    return typeof v === 'string' ? v : '';
  };
  return { name: after('name'), gender: after('gender'), birthDate: after('birthDate'), idNumber: after('idNumber') };
}

/**
 * 申请变更: new values for the locked key fields, a reason and evidence; applied only once approved.
 * Also 修改后重新提交 of a request returned to its requester.
 */
export function RequestChangeDialog({ open, student, onClose, onDone, amending }: Props) {
  const [draft, setDraft] = useState(EMPTY);
  const [reason, setReason] = useState('');
  const [file, setFile] = useState<File | null>(null);
  const [uploaded, setUploaded] = useState<{ file: File; id: number } | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<AppErrorData | null>(null);
  const [askLeave, setAskLeave] = useState(false);

  useEffect(() => {
    if (open) {
      setAskLeave(false);
      setDraft(draftOf(amending));
      setReason(amending?.reason ?? '');
      setFile(null);
      setUploaded(null);
      setError(null);
    }
  }, [open, amending]);

  const errors = errorsByField(error);
  // Something typed or chosen that would be lost: closing asks first, as the 学籍异动 form does.
  const dirty = JSON.stringify(draft) !== JSON.stringify(draftOf(amending)) || reason !== (amending?.reason ?? '') || file !== null;
  const leave = () => (dirty ? setAskLeave(true) : onClose());
  const set = (k: keyof typeof EMPTY) => (v: string) => setDraft((d) => ({ ...d, [k]: v }));

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const changes: Changes = {};
    const name = draft.name.trim();
    const idNumber = draft.idNumber.trim();
    if (name && name !== student.name) changes.name = name;
    if ((draft.gender === '1' || draft.gender === '2') && draft.gender !== student.gender) changes.gender = draft.gender;
    if (draft.birthDate && draft.birthDate !== student.birthDate) changes.birthDate = draft.birthDate;
    if (idNumber && idNumber.toUpperCase() !== student.idNumber) changes.idNumber = idNumber;
    setBusy(true);
    setError(null);
    let attachmentId: number | undefined;
    if (file) {
      if (uploaded?.file === file) attachmentId = uploaded.id;
      else {
        const sent = await uploadFile(file);
        if (!sent.ok) {
          setBusy(false);
          setError({ ...sent.error, field: 'attachmentId' });
          return;
        }
        const up = await call('attachments.upload', { studentId: student.id, purpose: 'evidence', fileId: sent.value.fileId });
        if (!up.ok) {
          setBusy(false);
          setError({ ...up.error, field: 'attachmentId' });
          return;
        }
        attachmentId = up.value.id;
        setUploaded({ file, id: up.value.id });
      }
    }
    const content = { changes, reason: reason.trim(), ...(attachmentId ? { attachmentId } : {}) };
    const r = amending ? await call('keyChanges.amend', { id: amending.id, ...content }) : await call('keyChanges.request', { studentId: student.id, ...content });
    setBusy(false);
    if (!r.ok) {
      setError(r.error);
      return;
    }
    onDone(amending ? `已修改并重新提交变更申请（第 ${r.value.id} 号），等待审批` : `已提交变更申请（第 ${r.value.id} 号），等待审批`);
    onClose();
  };

  const rows: { key: keyof typeof EMPTY; current: string; input: ReactNode }[] = [
    {
      key: 'name',
      current: student.name,
      input: <TextField label={`新${fieldLabel('name')}`} value={draft.name} onChange={(e) => set('name')(e.target.value)} error={Boolean(errors.name)} helperText={errors.name ?? ' '} placeholder="不变更请留空" />,
    },
    {
      key: 'gender',
      current: genderName(student.gender),
      input: <CodeSelect label={`新${fieldLabel('gender')}`} value={draft.gender} onChange={set('gender')} options={GENDER_OPTIONS} emptyLabel="不变更" error={errors.gender} helperText=" " />,
    },
    {
      key: 'birthDate',
      current: student.birthDate,
      input: (
        <TextField
          label={`新${fieldLabel('birthDate')}`}
          type="date"
          value={draft.birthDate}
          onChange={(e) => set('birthDate')(e.target.value)}
          error={Boolean(errors.birthDate)}
          helperText={errors.birthDate ?? ' '}
          slotProps={{ inputLabel: { shrink: true } }}
        />
      ),
    },
    {
      key: 'idNumber',
      current: student.idNumber,
      input: <TextField label={`新${fieldLabel('idNumber')}`} value={draft.idNumber} onChange={(e) => set('idNumber')(e.target.value)} error={Boolean(errors.idNumber)} helperText={errors.idNumber ?? '更换身份证号时，出生日期和性别会按新号码自动核对'} placeholder="不变更请留空" />,
    },
  ];

  return (
    <>
      <DiscardDialog
        open={askLeave}
        what="这份变更申请"
        onDiscard={() => {
          setAskLeave(false);
          onClose();
        }}
        onKeep={() => setAskLeave(false)}
      />
      <Dialog open={open} onClose={busy ? undefined : leave} maxWidth="md" fullWidth aria-labelledby="key-change-title">
        <form onSubmit={(e) => void submit(e)} noValidate>
          <DialogTitle id="key-change-title">{amending ? `修改后重新提交（第 ${amending.id} 号）` : '申请变更'}</DialogTitle>
          <DialogContent>
            <Stack spacing={2}>
              {amending?.decisionComment && (
                <Alert severity="warning">
                  {amending.decidedByName} 退回了这份申请：{amending.decisionComment}
                </Alert>
              )}
              <Alert severity="info">
                {student.name}（{student.studentNo}）已注册学籍，以下关键信息须经审批才能修改。只填写需要变更的项目。
                <b>姓名和身份证号不能在同一申请中同时变更；申请经审批后才会生效。</b>
              </Alert>
              <ErrorAlert error={error} />
              <Box sx={{ display: 'grid', gridTemplateColumns: '120px 1fr 1.4fr', columnGap: 2, rowGap: 1, alignItems: 'start' }}>
                <Typography variant="caption" sx={{ color: 'text.secondary' }}>项目</Typography>
                <Typography variant="caption" sx={{ color: 'text.secondary' }}>当前值</Typography>
                <Typography variant="caption" sx={{ color: 'text.secondary' }}>变更为</Typography>
                {rows.map((r) => (
                  <Box key={r.key} sx={{ display: 'contents' }}>
                    <Typography variant="body2" sx={{ pt: 1, fontWeight: 500 }}>{fieldLabel(r.key)}</Typography>
                    <Typography variant="body2" sx={{ pt: 1, fontVariantNumeric: 'tabular-nums', wordBreak: 'break-all' }}>{r.current}</Typography>
                    {r.input}
                  </Box>
                ))}
              </Box>
              <TextField
                label="变更原因"
                multiline
                minRows={2}
                value={reason}
                onChange={(e) => setReason(e.target.value)}
                error={Boolean(errors.reason)}
                helperText={errors.reason ?? '必填，如：录取时姓名录入错误，与户口本不一致'}
              />
              <Box sx={{ display: 'flex', alignItems: 'center', gap: 1.5, flexWrap: 'wrap' }}>
                <Button component="label" variant="outlined" startIcon={<AttachFileOutlined />}>
                  上传证明材料
                  <input
                    hidden
                    type="file"
                    accept={ACCEPTED_FILES}
                    onChange={(e) => {
                      setFile(e.target.files?.[0] ?? null);
                      e.target.value = '';
                    }}
                  />
                </Button>
                <Typography variant="body2" sx={{ color: errors.attachmentId ? 'error.main' : 'text.secondary' }}>
                  {file
                    ? `${file.name}（${formatFileSize(file.size)}）`
                    : amending?.attachment
                      ? `已上传：${amending.attachment.fileName}（可另选文件替换）`
                      : '可上传户口本、身份证复印件等（PDF、JPG、PNG、Word、Excel，不超过 10 MB）'}
                </Typography>
                {file && (
                  <Button size="small" onClick={() => setFile(null)}>
                    移除
                  </Button>
                )}
              </Box>
            </Stack>
          </DialogContent>
          <DialogActions sx={{ px: 3, pb: 2 }}>
            <Button onClick={leave} disabled={busy}>
              取消
            </Button>
            <Button type="submit" variant="contained" disabled={busy}>
              {busy ? '正在提交…' : amending ? '重新提交' : '提交申请'}
            </Button>
          </DialogActions>
        </form>
      </Dialog>
    </>
  );
}
