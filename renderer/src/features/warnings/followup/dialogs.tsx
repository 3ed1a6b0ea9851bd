import Button from '@mui/material/Button';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogTitle from '@mui/material/DialogTitle';
import MenuItem from '@mui/material/MenuItem';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import { format } from 'date-fns';
import { useCallback, useEffect, useId, useState, type FormEvent, type ReactNode } from 'react';
import { SEND_METHODS, type SendMethod } from '../../../../../shared/domain/warnings';
import type { CallInput, CallOutput } from '../../../../../shared/ipc/contract';
import type { AppErrorData, Result } from '../../../../../shared/ipc/result';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { splitErrors } from '../../../components/formErrors';
import { call } from '../../../ipc/client';

type View = CallOutput<'warnings.followUp'>;
export type Talk = View['talks'][number];
export type FollowUp = View['followUps'][number];
export type Notice = View['notices'][number];

export const todayText = () => format(new Date(), 'yyyy-MM-dd');

/** A dialog with a form: its fields, 取消 and the submit button; the error of the last try on top. */
function FormDialog({ open, title, busy, error, submitLabel, onClose, onSubmit, children }: {
  open: boolean; title: string; busy: boolean; error: string | null; submitLabel: string; onClose: () => void; onSubmit: () => void; children: ReactNode;
}) {
  const id = useId();
  const submit = (e: FormEvent) => {
    e.preventDefault();
    onSubmit();
  };
  return (
    <Dialog open={open} onClose={busy ? undefined : onClose} maxWidth="sm" fullWidth aria-labelledby={id}>
      <form onSubmit={submit} noValidate>
        <DialogTitle id={id}>{title}</DialogTitle>
        <DialogContent>
          <Stack spacing={2} sx={{ pt: 1 }}>
            <ErrorAlert error={error} />
            {children}
          </Stack>
        </DialogContent>
        <DialogActions sx={{ px: 3, pb: 2 }}>
          <Button onClick={onClose} disabled={busy}>
            取消
          </Button>
          <Button type="submit" variant="contained" disabled={busy}>
            {busy ? '正在保存…' : submitLabel}
          </Button>
        </DialogActions>
      </form>
    </Dialog>
  );
}

/** A call from a dialog: busy while it runs, its error split into the form's fields and the rest. */
function useSubmit<F extends string>(fields: Record<string, F>) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<AppErrorData | null>(null);
  const run = async <T,>(p: Promise<Result<T>>, ok: (v: T) => void) => {
    setBusy(true);
    setError(null);
    const r = await p;
    setBusy(false);
    if (r.ok) ok(r.value);
    else setError(r.error);
  };
  const reset = useCallback(() => setError(null), []);
  const { byField, general } = splitErrors(error, fields);
  return { busy, run, byField, general, reset };
}

const dateProps = { slotProps: { inputLabel: { shrink: true } } } as const;

interface Base {
  open: boolean;
  studentId: number;
  term: string;
  onClose: () => void;
  onDone: (message: string) => void;
}

/** 记录谈话 / 修改谈话记录: the date, who talked (the signed-in user unless changed), what was said, the plan agreed. */
export function TalkDialog({ open, studentId, term, talk, defaultTalker, onClose, onDone }: Base & { talk: Talk | null; defaultTalker: string }) {
  const [v, setV] = useState({ talkedOn: '', talkedBy: '', content: '', studyPlan: '' });
  const s = useSubmit({ talkedOn: 'talkedOn', talkedBy: 'talkedBy', content: 'content', studyPlan: 'studyPlan' } as const);
  useEffect(() => {
    if (!open) return;
    setV(talk ? { talkedOn: talk.talkedOn, talkedBy: talk.talkedBy, content: talk.content, studyPlan: talk.studyPlan } : { talkedOn: todayText(), talkedBy: defaultTalker, content: '', studyPlan: '' });
    s.reset();
  }, [open, talk, defaultTalker, s.reset]);
  const input: CallInput<'warnings.saveTalk'> = { studentId, term, ...v, ...(talk ? { id: talk.id } : {}) };
  return (
    <FormDialog
      open={open}
      title={talk ? '修改谈话记录' : '记录谈话'}
      busy={s.busy}
      error={s.general}
      submitLabel="保存"
      onClose={onClose}
      onSubmit={() => void s.run(call('warnings.saveTalk', input), () => (onDone(talk ? '已修改谈话记录' : '已保存谈话记录'), onClose()))}
    >
      <Stack direction="row" spacing={2}>
        <TextField label="谈话日期" type="date" required value={v.talkedOn} onChange={(e) => setV({ ...v, talkedOn: e.target.value })} error={!!s.byField.talkedOn} helperText={s.byField.talkedOn ?? ' '} {...dateProps} sx={{ width: 200 }} />
        <TextField label="谈话人" required value={v.talkedBy} onChange={(e) => setV({ ...v, talkedBy: e.target.value })} error={!!s.byField.talkedBy} helperText={s.byField.talkedBy ?? '默认为当前登录的老师，可改写或添加'} sx={{ flex: 1 }} />
      </Stack>
      <TextField label="谈话内容" required multiline minRows={3} value={v.content} onChange={(e) => setV({ ...v, content: e.target.value })} error={!!s.byField.content} helperText={s.byField.content ?? '学业困难的原因、学生的想法'} />
      <TextField label="商定的学习计划" required multiline minRows={3} value={v.studyPlan} onChange={(e) => setV({ ...v, studyPlan: e.target.value })} error={!!s.byField.studyPlan} helperText={s.byField.studyPlan ?? ' '} />
    </FormDialog>
  );
}

/** 帮扶计划: what the school will do for the student this term (one text, kept up to date). */
export function PlanDialog({ open, studentId, term, content, onClose, onDone }: Base & { content: string }) {
  const [text, setText] = useState('');
  const s = useSubmit({ content: 'content' } as const);
  useEffect(() => {
    if (open) {
      setText(content);
      s.reset();
    }
  }, [open, content, s.reset]);
  return (
    <FormDialog open={open} title="帮扶计划" busy={s.busy} error={s.general} submitLabel="保存" onClose={onClose} onSubmit={() => void s.run(call('warnings.savePlan', { studentId, term, content: text }), () => (onDone('已保存帮扶计划'), onClose()))}>
      <TextField label="帮扶计划" required multiline minRows={5} value={text} onChange={(e) => setText(e.target.value)} error={!!s.byField.content} helperText={s.byField.content ?? '帮扶措施、责任人、学生的目标；跟进日期在下方逐条安排'} />
    </FormDialog>
  );
}

/** 安排跟进 / 登记完成: a follow-up's due date, and once done, the day and what was found. */
export function FollowUpDialog({ open, studentId, term, followUp, completing, onClose, onDone }: Base & { followUp: FollowUp | null; completing: boolean }) {
  const [v, setV] = useState({ dueOn: '', doneOn: '', note: '' });
  const s = useSubmit({ dueOn: 'dueOn', doneOn: 'doneOn', note: 'note' } as const);
  useEffect(() => {
    if (!open) return;
    setV(followUp ? { dueOn: followUp.dueOn, doneOn: followUp.doneOn ?? (completing ? todayText() : ''), note: followUp.note } : { dueOn: '', doneOn: '', note: '' });
    s.reset();
  }, [open, followUp, completing, s.reset]);
  const input: CallInput<'warnings.saveFollowUp'> = { studentId, term, dueOn: v.dueOn, doneOn: v.doneOn || null, note: v.note, ...(followUp ? { id: followUp.id } : {}) };
  const title = !followUp ? '安排跟进' : completing ? '登记跟进完成' : '修改跟进';
  return (
    <FormDialog open={open} title={title} busy={s.busy} error={s.general} submitLabel="保存" onClose={onClose} onSubmit={() => void s.run(call('warnings.saveFollowUp', input), () => (onDone(completing ? '已登记跟进完成' : '已保存跟进安排'), onClose()))}>
      <Stack direction="row" spacing={2}>
        <TextField label="跟进日期" type="date" required value={v.dueOn} onChange={(e) => setV({ ...v, dueOn: e.target.value })} error={!!s.byField.dueOn} helperText={s.byField.dueOn ?? '到期未完成会列入首页待办'} {...dateProps} sx={{ flex: 1 }} />
        {(followUp || completing) && (
          <TextField label="完成日期" type="date" value={v.doneOn} onChange={(e) => setV({ ...v, doneOn: e.target.value })} error={!!s.byField.doneOn} helperText={s.byField.doneOn ?? ' '} {...dateProps} sx={{ flex: 1 }} />
        )}
      </Stack>
      <TextField label={completing ? '跟进情况' : '跟进事项'} multiline minRows={2} value={v.note} onChange={(e) => setV({ ...v, note: e.target.value })} error={!!s.byField.note} helperText={s.byField.note ?? ' '} />
    </FormDialog>
  );
}

/** 登记送达: how the notice reached the student or family (挂号信 with its number, 电话 with a note of the call). */
export function SendDialog({ open, notice, onClose, onDone }: { open: boolean; notice: Notice | null; onClose: () => void; onDone: (message: string) => void }) {
  const [method, setMethod] = useState<SendMethod>('registered_mail');
  const [v, setV] = useState({ sentOn: '', mailNo: '', phoneLog: '', note: '' });
  const s = useSubmit({ sentOn: 'sentOn', mailNo: 'mailNo', phoneLog: 'phoneLog', note: 'note', method: 'method' } as const);
  useEffect(() => {
    if (!open) return;
    setMethod(notice?.recipient === 'student' ? 'in_person' : 'registered_mail');
    setV({ sentOn: todayText(), mailNo: '', phoneLog: '', note: '' });
    s.reset();
  }, [open, notice, s.reset]);
  if (!notice) return null;
  const base = { noticeId: notice.id, sentOn: v.sentOn, note: v.note };
  const input: CallInput<'warnings.recordSend'> =
    method === 'registered_mail' ? { ...base, method, mailNo: v.mailNo } : method === 'phone' ? { ...base, method, phoneLog: v.phoneLog } : { ...base, method };
  return (
    <FormDialog open={open} title={`登记送达（${notice.noticeNo}）`} busy={s.busy} error={s.general} submitLabel="登记" onClose={onClose} onSubmit={() => void s.run(call('warnings.recordSend', input), () => (onDone(`已登记${SEND_METHODS[method]}送达`), onClose()))}>
      <Stack direction="row" spacing={2}>
        <TextField select label="送达方式" required value={method} onChange={(e) => setMethod(e.target.value as SendMethod)} sx={{ width: 180 }} helperText=" ">
          {(Object.keys(SEND_METHODS) as SendMethod[]).map((m) => (
            <MenuItem key={m} value={m}>
              {SEND_METHODS[m]}
            </MenuItem>
          ))}
        </TextField>
        <TextField label={method === 'registered_mail' ? '寄出日期' : '送达日期'} type="date" required value={v.sentOn} onChange={(e) => setV({ ...v, sentOn: e.target.value })} error={!!s.byField.sentOn} helperText={s.byField.sentOn ?? ' '} {...dateProps} sx={{ flex: 1 }} />
      </Stack>
      {method === 'registered_mail' && (
        <TextField label="挂号信号码" required value={v.mailNo} onChange={(e) => setV({ ...v, mailNo: e.target.value })} error={!!s.byField.mailNo} helperText={s.byField.mailNo ?? '邮局收据上的号码；收据请留存备查'} />
      )}
      {method === 'phone' && (
        <TextField label="通话记录" required multiline minRows={3} value={v.phoneLog} onChange={(e) => setV({ ...v, phoneLog: e.target.value })} error={!!s.byField.phoneLog} helperText={s.byField.phoneLog ?? '与谁通话、电话号码、告知了什么、对方的答复'} />
      )}
      <TextField label="备注" value={v.note} onChange={(e) => setV({ ...v, note: e.target.value })} error={!!s.byField.note} helperText={s.byField.note ?? ' '} />
    </FormDialog>
  );
}

/** 登记回执: the day the signed 回执 (or the student's signed copy) came back. */
export function ReceiptDialog({ open, notice, onClose, onDone }: { open: boolean; notice: Notice | null; onClose: () => void; onDone: (message: string) => void }) {
  const [v, setV] = useState({ receivedOn: '', note: '' });
  const s = useSubmit({ receivedOn: 'receivedOn', note: 'note' } as const);
  useEffect(() => {
    if (!open) return;
    setV({ receivedOn: todayText(), note: '' });
    s.reset();
  }, [open, notice, s.reset]);
  if (!notice) return null;
  const label = notice.recipient === 'parent' ? '回执收回日期' : '学生签收日期';
  return (
    <FormDialog open={open} title={`${notice.recipient === 'parent' ? '登记回执' : '登记签收'}（${notice.noticeNo}）`} busy={s.busy} error={s.general} submitLabel="登记" onClose={onClose} onSubmit={() => void s.run(call('warnings.recordReceipt', { noticeId: notice.id, ...v }), () => (onDone(notice.recipient === 'parent' ? '已登记回执收回' : '已登记学生签收'), onClose()))}>
      <TextField label={label} type="date" required value={v.receivedOn} onChange={(e) => setV({ ...v, receivedOn: e.target.value })} error={!!s.byField.receivedOn} helperText={s.byField.receivedOn ?? ' '} {...dateProps} />
      <TextField label="备注" value={v.note} onChange={(e) => setV({ ...v, note: e.target.value })} error={!!s.byField.note} helperText={s.byField.note ?? '如：家长已签字寄回，家长意见……'} />
    </FormDialog>
  );
}
