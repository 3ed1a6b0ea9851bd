import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogTitle from '@mui/material/DialogTitle';
import TextField from '@mui/material/TextField';
import { useEffect, useState, type FormEvent } from 'react';
import { EDUCATION_LEVELS, PROGRAM_LENGTHS, STUDY_FORMS } from '../../../../shared/domain/codes';
import type { Major } from '../../../../shared/ipc/schemas/org';
import { ErrorAlert } from '../../components/ErrorAlert';
import { call } from '../../ipc/client';
import type { AppErrorData } from '../../../../shared/ipc/result';
import { CodeSelect } from '../students/common/CodeSelect';
import { errorsByField } from '../students/common/serverErrors';

interface Props {
  /** null: closed; 'new': 新建专业; a major: 编辑专业. */
  target: Major | 'new' | null;
  onClose: () => void;
  onSaved: (message: string) => void;
}

const EMPTY = { code: '', name: '', level: '专科', lengthYears: '3', studyForm: '普通全日制' };
type Values = typeof EMPTY;

/** 新建专业 / 编辑专业. */
export function MajorDialog({ target, onClose, onSaved }: Props) {
  const [v, setV] = useState<Values>(EMPTY);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<AppErrorData | null>(null);
  const editing = target !== null && target !== 'new' ? target : null;

  useEffect(() => {
    if (target === null) return;
    setError(null);
    setV(target === 'new' ? EMPTY : { code: target.code, name: target.name, level: target.level, lengthYears: target.lengthYears, studyForm: target.studyForm });
  }, [target]);

  const errors = errorsByField(error);
  const set = (k: keyof Values) => (value: string) => setV((x) => ({ ...x, [k]: value }));

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    const values = { ...v, code: v.code.trim().toUpperCase(), name: v.name.trim() };
    let r;
    if (editing) {
      const patch: Partial<Values> = {};
      for (const k of Object.keys(values) as (keyof Values)[]) if (values[k] !== editing[k]) patch[k] = values[k];
      r = await call('org.updateMajor', { id: editing.id, ...patch });
    } else {
      r = await call('org.createMajor', values);
    }
    setBusy(false);
    if (!r.ok) {
      setError(r.error);
      return;
    }
    onSaved(editing ? `已保存专业 ${r.value.name}` : `已新建专业 ${r.value.name}`);
    onClose();
  };

  return (
    <Dialog open={target !== null} onClose={busy ? undefined : onClose} maxWidth="sm" fullWidth aria-labelledby="major-title">
      <form onSubmit={(e) => void submit(e)} noValidate>
        <DialogTitle id="major-title">{editing ? '编辑专业' : '新建专业'}</DialogTitle>
        <DialogContent>
          <Box sx={{ display: 'grid', gridTemplateColumns: '1fr 1fr', columnGap: 2, rowGap: 1.25, pt: 1 }}>
            <Box sx={{ gridColumn: 'span 2', mb: error ? 1.5 : 0 }}>
              <ErrorAlert error={error} />
            </Box>
            <TextField label="专业代码" value={v.code} onChange={(e) => set('code')(e.target.value)} error={Boolean(errors.code)} helperText={errors.code ?? '教育部专业目录代码，如 510201'} autoFocus />
            <TextField label="专业名称" value={v.name} onChange={(e) => set('name')(e.target.value)} error={Boolean(errors.name)} helperText={errors.name ?? '如 计算机应用技术'} />
            <CodeSelect label="层次" value={v.level} onChange={set('level')} options={EDUCATION_LEVELS} error={errors.level} helperText=" " />
            <CodeSelect label="学制" value={v.lengthYears} onChange={set('lengthYears')} options={PROGRAM_LENGTHS} error={errors.lengthYears} helperText=" " />
            <CodeSelect label="学习形式" value={v.studyForm} onChange={set('studyForm')} options={STUDY_FORMS} error={errors.studyForm} helperText=" " />
          </Box>
        </DialogContent>
        <DialogActions sx={{ px: 3, pb: 2 }}>
          <Button onClick={onClose} disabled={busy}>
            取消
          </Button>
          <Button type="submit" variant="contained" disabled={busy}>
            {busy ? '正在保存…' : '保存'}
          </Button>
        </DialogActions>
      </form>
    </Dialog>
  );
}
