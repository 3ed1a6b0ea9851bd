import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogTitle from '@mui/material/DialogTitle';
import LinearProgress from '@mui/material/LinearProgress';
import MenuItem from '@mui/material/MenuItem';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { useEffect, useState, type FormEvent } from 'react';
import { DiscardDialog } from '../../../components/DiscardDialog';
import { STATUS_CHANGE_TYPE_KEYS, STATUS_CHANGE_TYPES, stepDeciderLabel, type StatusChangeType } from '../../../../../shared/domain/status-changes';
import { studentTag } from '../../../../../shared/domain/student-no';
import type { AppErrorData } from '../../../../../shared/ipc/result';
import type { StatusChangeDetail } from '../../../../../shared/ipc/schemas/status-changes';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { call } from '../../../ipc/client';
import { useOrgTree } from '../../students/common/useOrgTree';
import { coveredByFields, orderFieldErrors } from '../text';
import { EvidenceStep } from './EvidenceStep';
import { emptyValues, toData, valuesOf, type OrderValues, type Suggested } from './orderForm';
import { OrderFields, SubtypeField } from './OrderFields';
import { StudentPicker, type StudentBrief } from './StudentPicker';
import { useDraft } from './useDraft';

interface Props {
  open: boolean;
  /** The student, when opened from their profile or a reminder; else the filer picks one. */
  student?: StudentBrief | null;
  /** The type a reminder's button starts (办理复学, 办理退学 …). */
  presetType?: StatusChangeType | null;
  /** A returned order to amend and resubmit (its type stays). */
  amend?: StatusChangeDetail | null;
  onClose: () => void;
  /** Filed (after the evidence step) or resubmitted. */
  onDone: (order: StatusChangeDetail) => void;
}

const FIELD_KEYS = ['studentId', 'type', 'subtype', 'effectiveDate', 'term', 'expectedEnd', 'targetClassId', 'otherSchool', 'decisionNo', 'reason'];

/** 办理学籍异动: student, type, effective date → the main process's draft (refusal, suggestions, chain) → the type's fields → 提交. */
/**
 * The form's content as the user typed it: the draft's suggestions (term, end date, 复学 class) fill
 * in by themselves and count only once edited — for "is there anything to lose if it closes?".
 */
const typed = (v: OrderValues, edited: ReadonlySet<Suggested>) =>
  JSON.stringify({ ...v, ...Object.fromEntries((['term', 'expectedEnd', 'targetClassId'] as const).filter((k) => !edited.has(k)).map((k) => [k, null])) });

export function FileOrderDialog({ open, student: presetStudent = null, presetType = null, amend = null, onClose, onDone }: Props) {
  const orgTree = useOrgTree();
  const [student, setStudent] = useState<StudentBrief | null>(null);
  const [values, setValues] = useState<OrderValues>(emptyValues());
  const [touched, setTouched] = useState<Set<Suggested>>(new Set());
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<AppErrorData | null>(null);
  const [filed, setFiled] = useState<StatusChangeDetail | null>(null);
  // What the form held when it opened: closing it with more than that asks first (an Escape or a
  // click beside the dialog must not throw away a typed reason).
  const [opened, setOpened] = useState('');
  const [askLeave, setAskLeave] = useState(false);

  useEffect(() => {
    if (!open) return;
    setStudent(amend ? { id: amend.studentId, name: amend.studentName, studentNo: amend.studentNo, className: amend.className } : presetStudent);
    setValues(amend ? valuesOf(amend) : emptyValues(presetType));
    // An amended order's values are the filer's own: the draft does not overwrite them.
    setTouched(new Set(amend ? (['term', 'expectedEnd', 'targetClassId'] as const) : []));
    setError(null);
    setFiled(null);
    setAskLeave(false);
    setOpened(JSON.stringify([amend ? amend.studentId : (presetStudent?.id ?? null), typed(amend ? valuesOf(amend) : emptyValues(presetType), new Set(amend ? (['term', 'expectedEnd', 'targetClassId'] as const) : []))]));
    // eslint-disable-next-line react-hooks/exhaustive-deps -- reset only when the dialog opens
  }, [open]);

  const type = values.type || null;
  const { draft, error: draftError, loading: draftLoading } = useDraft({ studentId: student?.id ?? null, type: values.type, subtype: values.subtype, effectiveDate: values.effectiveDate, amending: amend?.id ?? null });

  // The draft's suggestions fill the fields the filer has not edited.
  useEffect(() => {
    if (!draft) return;
    setValues((v) => ({
      ...v,
      term: touched.has('term') ? v.term : draft.term,
      expectedEnd: touched.has('expectedEnd') ? v.expectedEnd : (draft.expectedEnd ?? ''),
      targetClassId: touched.has('targetClassId') ? v.targetClassId : draft.targetClassId ? String(draft.targetClassId) : '',
    }));
    // eslint-disable-next-line react-hooks/exhaustive-deps -- only a new draft fills them
  }, [draft]);

  const set = (field: keyof OrderValues, value: string) => {
    setValues((v) => {
      if (field === 'type') return { ...v, type: value as StatusChangeType, subtype: '' };
      return { ...v, [field]: value };
    });
    if (field === 'term' || field === 'expectedEnd' || field === 'targetClassId') setTouched((t) => new Set(t).add(field));
    // Another type suggests other things: what was suggested for the last one is not kept.
    if (field === 'type' || field === 'subtype') setTouched(new Set(amend ? (['term', 'expectedEnd', 'targetClassId'] as const) : []));
  };

  const errors = orderFieldErrors(error);
  const refusal = draft?.refusal ?? null;
  const ready = student !== null && type !== null && (!STATUS_CHANGE_TYPES[type].subtypes || values.subtype !== '');

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (!student || !type) {
      setError({ code: 'VALIDATION', message: !student ? '请选择学生' : '请选择异动类型', field: !student ? 'studentId' : 'type' });
      return;
    }
    setBusy(true);
    setError(null);
    const data = toData(values, type);
    const subtype = values.subtype || null;
    const r = amend
      ? await call('statusChanges.amend', { id: amend.id, subtype, data })
      : await call('statusChanges.file', { studentId: student.id, type, subtype, data });
    setBusy(false);
    if (!r.ok) return setError(r.error);
    if (amend) {
      onDone(r.value);
      onClose();
    } else setFiled(r.value);
  };

  const title = amend ? `修改后重新提交 · 第 ${amend.id} 号` : filed ? '已提交，上传证明材料' : '办理学籍异动';
  const dirty = JSON.stringify([student?.id ?? null, typed(values, touched)]) !== opened;
  const leave = () => (dirty ? setAskLeave(true) : onClose());
  return (
    <>
      <DiscardDialog
        open={askLeave}
        what="这份学籍异动"
        onDiscard={() => {
          setAskLeave(false);
          onClose();
        }}
        onKeep={() => setAskLeave(false)}
      />
      <Dialog open={open} onClose={busy ? undefined : filed ? () => onDone(filed) : leave} maxWidth="md" fullWidth aria-labelledby="sc-file-title">
        {filed ? (
          <EvidenceStep order={filed} onChange={setFiled} onFinish={() => onDone(filed)} titleId="sc-file-title" title={title} />
        ) : (
          <form onSubmit={(e) => void submit(e)} noValidate>
            <DialogTitle id="sc-file-title">{title}</DialogTitle>
            <DialogContent>
              <Stack spacing={2} sx={{ pt: 0.5 }}>
                {!coveredByFields(error, FIELD_KEYS) && <ErrorAlert error={error} />}
                {presetStudent || amend ? (
                  <Typography variant="body2">
                    学生：<b>{student ? studentTag(student.name, student.studentNo) : ''}</b>
                    {student?.className ? ` · ${student.className}` : ''}
                  </Typography>
                ) : (
                  <StudentPicker value={student} onChange={setStudent} error={errors.studentId} />
                )}
                <Box sx={{ display: 'grid', gridTemplateColumns: { xs: '1fr', sm: '1fr 1fr' }, gap: 2 }}>
                  <TextField
                    select
                    label="异动类型"
                    required
                    value={values.type}
                    onChange={(e) => set('type', e.target.value)}
                    disabled={Boolean(amend)}
                    error={Boolean(errors.type)}
                    helperText={errors.type ?? ' '}
                  >
                    {STATUS_CHANGE_TYPE_KEYS.map((k) => (
                      <MenuItem key={k} value={k}>
                        {STATUS_CHANGE_TYPES[k].label}
                      </MenuItem>
                    ))}
                  </TextField>
                  <TextField
                    label="生效日期"
                    type="date"
                    required
                    value={values.effectiveDate}
                    onChange={(e) => set('effectiveDate', e.target.value)}
                    error={Boolean(errors.effectiveDate)}
                    helperText={errors.effectiveDate ?? ' '}
                    slotProps={{ inputLabel: { shrink: true } }}
                  />
                </Box>
                {type && <SubtypeField type={type} values={values} set={set} errors={errors} />}
                {ready && draftLoading && <LinearProgress aria-label="正在核对" />}
                {draftError && <ErrorAlert error={draftError} />}
                {refusal && (
                  <Alert severity="error" role="alert">
                    {refusal}
                  </Alert>
                )}
                {draft && !refusal && (
                  <Alert severity="info" icon={false} sx={{ '& p': { m: 0 } }}>
                    <p>
                      <b>审批流程：</b>
                      {draft.steps.map((s) => `${s.label}（${stepDeciderLabel(s)}）`).join(' → ')}
                    </p>
                    <p>
                      <b>需提交的证明材料：</b>
                      {draft.evidence.join('、')}（最后一步审批前至少上传一份）
                    </p>
                  </Alert>
                )}
                {type && !refusal && <OrderFields type={type} values={values} set={set} errors={errors} classes={orgTree.data?.classes ?? []} />}
              </Stack>
            </DialogContent>
            <DialogActions sx={{ px: 3, pb: 2 }}>
              <Button onClick={leave} disabled={busy}>
                取消
              </Button>
              <Button type="submit" variant="contained" disabled={busy || !ready || !draft || refusal !== null}>
                {busy ? '正在提交…' : amend ? '重新提交' : '提交'}
              </Button>
            </DialogActions>
          </form>
        )}
      </Dialog>
    </>
  );
}
