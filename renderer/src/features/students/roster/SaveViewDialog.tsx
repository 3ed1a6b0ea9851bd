import Button from '@mui/material/Button';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogContentText from '@mui/material/DialogContentText';
import DialogTitle from '@mui/material/DialogTitle';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import { useEffect, useState, type FormEvent } from 'react';
import type { CallInput, CallOutput } from '../../../../../shared/ipc/contract';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { splitErrors } from '../../../components/formErrors';
import { useCall } from '../../../ipc/useCall';

type Definition = CallInput<'views.save'>['definition'];

interface Props {
  open: boolean;
  definition: Definition;
  onClose: () => void;
  onSaved: (view: CallOutput<'views.save'>) => void;
}

/** Saves the current filter, sort and columns under a name (the same name replaces it). */
export function SaveViewDialog({ open, definition, onClose, onSaved }: Props) {
  const { run, loading, error, reset } = useCall('views.save');
  const [name, setName] = useState('');
  useEffect(() => {
    if (open) {
      setName('');
      reset();
    }
  }, [open, reset]);
  const { byField, general } = splitErrors(error, { name: 'name' });

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const result = await run({ name, definition });
    if (result.ok) {
      onSaved(result.value);
      onClose();
    }
  };

  return (
    <Dialog open={open} onClose={loading ? undefined : onClose} maxWidth="xs" fullWidth aria-labelledby="save-view-title">
      <form onSubmit={submit} noValidate>
        <DialogTitle id="save-view-title">保存视图</DialogTitle>
        <DialogContent>
          <Stack spacing={2}>
            <DialogContentText variant="body2">保存当前的筛选条件、排序和显示列，以后可在“我的视图”中一键打开。同名视图将被覆盖。</DialogContentText>
            <ErrorAlert error={general} />
            <TextField
              label="视图名称"
              placeholder="如 2024级在校生"
              value={name}
              onChange={(e) => setName(e.target.value)}
              error={Boolean(byField.name)}
              helperText={byField.name ?? ' '}
              autoFocus
            />
          </Stack>
        </DialogContent>
        <DialogActions sx={{ px: 3, pb: 2 }}>
          <Button onClick={onClose} disabled={loading}>
            取消
          </Button>
          <Button type="submit" variant="contained" disabled={loading}>
            {loading ? '正在保存…' : '保存'}
          </Button>
        </DialogActions>
      </form>
    </Dialog>
  );
}
