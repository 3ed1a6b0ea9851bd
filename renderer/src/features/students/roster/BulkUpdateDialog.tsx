import Button from '@mui/material/Button';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogContentText from '@mui/material/DialogContentText';
import DialogTitle from '@mui/material/DialogTitle';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import { useEffect, useState, type FormEvent } from 'react';
import { fieldLabel } from '../../../../../shared/domain/student-fields';
import type { SchoolClass } from '../../../../../shared/ipc/schemas/org';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { useCall } from '../../../ipc/useCall';
import { ClassSelect } from '../common/ClassSelect';
import { errorsByField } from '../common/serverErrors';

export type BulkMode = 'classId' | 'dormitory' | 'notes';

const TITLES: Record<BulkMode, string> = { classId: '分配班级', dormitory: '设置宿舍', notes: '修改备注' };
const DONE: Record<BulkMode, string> = { classId: '分配了班级', dormitory: '设置了宿舍', notes: '修改了备注' };

interface Props {
  mode: BulkMode | null;
  ids: number[];
  classes: readonly SchoolClass[];
  onClose: () => void;
  onDone: (message: string) => void;
}

/** One non-key field set on every selected student at once. */
export function BulkUpdateDialog({ mode, ids, classes, onClose, onDone }: Props) {
  const { run, loading, error, reset } = useCall('students.bulkUpdate');
  const [value, setValue] = useState('');
  useEffect(() => {
    if (mode) {
      setValue('');
      reset();
    }
  }, [mode, reset]);
  const byField = errorsByField(error);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (!mode) return;
    const text = value.trim();
    const patch =
      mode === 'classId'
        ? value === ''
          ? {}
          : { classId: Number(value) }
        : mode === 'dormitory'
          ? { dormitory: text === '' ? null : text }
          : { notes: text === '' ? null : text };
    const result = await run({ ids, patch });
    if (result.ok) {
      onDone(`已为 ${result.value.count} 名学生${DONE[mode]}`);
      onClose();
    }
  };

  const fieldError = mode ? (byField[`patch.${mode}`] ?? byField[mode]) : undefined;
  return (
    <Dialog open={mode !== null} onClose={loading ? undefined : onClose} maxWidth="xs" fullWidth aria-labelledby="bulk-title">
      <form onSubmit={submit} noValidate>
        <DialogTitle id="bulk-title">{mode ? TITLES[mode] : ''}</DialogTitle>
        <DialogContent>
          <Stack spacing={2}>
            <DialogContentText variant="body2">将修改已选择的 {ids.length} 名学生。</DialogContentText>
            <ErrorAlert error={error} />
            {mode === 'classId' && <ClassSelect classes={classes} value={value} onChange={setValue} error={fieldError} helperText="学生的学习经历中将记录这次调班" />}
            {mode === 'dormitory' && (
              <TextField label={fieldLabel('dormitory')} placeholder="如 7号楼 305" value={value} onChange={(e) => setValue(e.target.value)} error={Boolean(fieldError)} helperText={fieldError ?? '留空则清除宿舍'} autoFocus />
            )}
            {mode === 'notes' && (
              <TextField label={fieldLabel('notes')} value={value} onChange={(e) => setValue(e.target.value)} error={Boolean(fieldError)} helperText={fieldError ?? '将替换所选学生原有的备注；留空则清除'} multiline minRows={3} autoFocus />
            )}
          </Stack>
        </DialogContent>
        <DialogActions sx={{ px: 3, pb: 2 }}>
          <Button onClick={onClose} disabled={loading}>
            取消
          </Button>
          <Button type="submit" variant="contained" disabled={loading}>
            {loading ? '正在保存…' : '确定'}
          </Button>
        </DialogActions>
      </form>
    </Dialog>
  );
}
