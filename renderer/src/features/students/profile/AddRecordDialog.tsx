import Button from '@mui/material/Button';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogTitle from '@mui/material/DialogTitle';
import Box from '@mui/material/Box';
import TextField from '@mui/material/TextField';
import { useEffect, useState, type FormEvent } from 'react';
import type { StudentProfile } from '../../../../../shared/ipc/schemas/students';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { useCall } from '../../../ipc/useCall';
import { CodeSelect } from '../common/CodeSelect';
import { errorsByField } from '../common/serverErrors';

interface Props {
  open: boolean;
  studentId: number;
  onClose: () => void;
  onSaved: (profile: StudentProfile, message: string) => void;
}

const KINDS = [
  { code: 'reward', name: '奖励' },
  { code: 'punishment', name: '处分' },
];
const EMPTY = { kind: 'reward', title: '', level: '', date: '', docNo: '', term: '', endDate: '', notes: '' };
const orUndef = (v: string) => (v.trim() === '' ? undefined : v.trim());

/** 添加奖惩记录: a reward or a punishment with its document number. */
export function AddRecordDialog({ open, studentId, onClose, onSaved }: Props) {
  const { run, loading, error, reset } = useCall('students.addRecord');
  const [v, setV] = useState(EMPTY);
  useEffect(() => {
    if (open) {
      setV(EMPTY);
      reset();
    }
  }, [open, reset]);
  const errors = errorsByField(error);
  const field = (key: keyof typeof EMPTY, label: string, extra: { placeholder?: string; date?: boolean; helper?: string } = {}) => (
    <TextField
      label={label}
      value={v[key]}
      onChange={(e) => setV((x) => ({ ...x, [key]: e.target.value }))}
      error={Boolean(errors[key])}
      helperText={errors[key] ?? extra.helper ?? ' '}
      placeholder={extra.placeholder}
      {...(extra.date ? { type: 'date', slotProps: { inputLabel: { shrink: true } } } : {})}
    />
  );

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const r = await run({
      studentId,
      kind: v.kind as 'reward' | 'punishment',
      title: v.title,
      level: orUndef(v.level) ?? null,
      date: v.date,
      endDate: orUndef(v.endDate) ?? null,
      docNo: orUndef(v.docNo) ?? null,
      term: orUndef(v.term) ?? null,
      notes: orUndef(v.notes) ?? null,
    });
    if (r.ok) {
      onSaved(r.value, `已添加${v.kind === 'reward' ? '奖励' : '处分'}：${v.title.trim()}`);
      onClose();
    }
  };

  const punishment = v.kind === 'punishment';
  return (
    <Dialog open={open} onClose={loading ? undefined : onClose} maxWidth="sm" fullWidth aria-labelledby="add-record-title">
      <form onSubmit={(e) => void submit(e)} noValidate>
        <DialogTitle id="add-record-title">添加奖惩记录</DialogTitle>
        <DialogContent>
          <Box sx={{ display: 'grid', gridTemplateColumns: '1fr 1fr', columnGap: 2, rowGap: 1.25, pt: 1 }}>
            <Box sx={{ gridColumn: 'span 2', mb: 1 }}>
              <ErrorAlert error={error} />
            </Box>
            <CodeSelect label="类别" value={v.kind} onChange={(kind) => setV((x) => ({ ...x, kind }))} options={KINDS} helperText=" " />
            {field('title', '名称', { placeholder: punishment ? '如 警告处分' : '如 国家励志奖学金' })}
            {field('level', '级别', { placeholder: punishment ? '如 警告、记过' : '如 国家级、省级、校级' })}
            {field('date', '日期', { date: true })}
            {field('docNo', '文号', { placeholder: '如 校学字〔2025〕12号' })}
            {field('term', '学期', { placeholder: '如 2024-2025-1' })}
            {field('endDate', '解除日期', { date: true, helper: punishment ? '处分解除后填写' : '奖励无需填写' })}
            {field('notes', '备注')}
          </Box>
        </DialogContent>
        <DialogActions sx={{ px: 3, pb: 2 }}>
          <Button onClick={onClose} disabled={loading}>
            取消
          </Button>
          <Button type="submit" variant="contained" disabled={loading}>
            {loading ? '正在保存…' : '添加'}
          </Button>
        </DialogActions>
      </form>
    </Dialog>
  );
}
