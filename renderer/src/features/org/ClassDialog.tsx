import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogTitle from '@mui/material/DialogTitle';
import TextField from '@mui/material/TextField';
import { useEffect, useState, type FormEvent } from 'react';
import { PROGRAM_LENGTHS } from '../../../../shared/domain/codes';
import type { CallInput } from '../../../../shared/ipc/contract';
import type { AppErrorData } from '../../../../shared/ipc/result';
import type { Major, SchoolClass } from '../../../../shared/ipc/schemas/org';
import { ErrorAlert } from '../../components/ErrorAlert';
import { call } from '../../ipc/client';
import { CodeSelect } from '../students/common/CodeSelect';
import { errorsByField } from '../students/common/serverErrors';

interface Props {
  /** null: closed; 'new': 新建班级; a class: 编辑班级. */
  target: SchoolClass | 'new' | null;
  majors: readonly Major[];
  onClose: () => void;
  onSaved: (message: string) => void;
}

interface Values {
  name: string;
  majorId: string;
  cohortYear: string;
  headTeacher: string;
  establishedOn: string;
  lengthYears: string;
  classType: string;
}

const fresh = (): Values => ({ name: '', majorId: '', cohortYear: String(new Date().getFullYear()), headTeacher: '', establishedOn: '', lengthYears: '', classType: '' });
type ClassInput = CallInput<'org.createClass'>;

function toInput(v: Values): ClassInput {
  return {
    name: v.name.trim(),
    majorId: v.majorId === '' ? 0 : Number(v.majorId),
    cohortYear: Number(v.cohortYear),
    ...(v.headTeacher.trim() ? { headTeacher: v.headTeacher.trim() } : {}),
    ...(v.establishedOn ? { establishedOn: v.establishedOn } : {}),
    ...(v.lengthYears ? { lengthYears: v.lengthYears } : {}),
    ...(v.classType.trim() ? { classType: v.classType.trim() } : {}),
  };
}

/** 新建班级 / 编辑班级. */
export function ClassDialog({ target, majors, onClose, onSaved }: Props) {
  const [v, setV] = useState<Values>(fresh);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<AppErrorData | null>(null);
  const editing = target !== null && target !== 'new' ? target : null;

  useEffect(() => {
    if (target === null) return;
    setError(null);
    setV(
      target === 'new'
        ? fresh()
        : {
            name: target.name,
            majorId: String(target.majorId),
            cohortYear: String(target.cohortYear),
            headTeacher: target.headTeacher ?? '',
            establishedOn: target.establishedOn ?? '',
            lengthYears: target.lengthYears,
            classType: target.classType,
          },
    );
  }, [target]);

  const errors = errorsByField(error);
  const set = (k: keyof Values) => (value: string) => setV((x) => ({ ...x, [k]: value }));

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    const input = toInput(v);
    let r;
    if (editing) {
      const before = toInput({
        name: editing.name, majorId: String(editing.majorId), cohortYear: String(editing.cohortYear), headTeacher: editing.headTeacher ?? '',
        establishedOn: editing.establishedOn ?? '', lengthYears: editing.lengthYears, classType: editing.classType,
      }) as Record<string, unknown>;
      const patch = Object.fromEntries(Object.entries(input).filter(([k, val]) => before[k] !== val)) as Partial<ClassInput>;
      r = await call('org.updateClass', { id: editing.id, ...patch });
    } else {
      r = await call('org.createClass', input);
    }
    setBusy(false);
    if (!r.ok) {
      setError(r.error);
      return;
    }
    onSaved(editing ? `已保存班级 ${r.value.name}` : `已新建班级 ${r.value.name}`);
    onClose();
  };

  return (
    <Dialog open={target !== null} onClose={busy ? undefined : onClose} maxWidth="sm" fullWidth aria-labelledby="class-title">
      <form onSubmit={(e) => void submit(e)} noValidate>
        <DialogTitle id="class-title">{editing ? '编辑班级' : '新建班级'}</DialogTitle>
        <DialogContent>
          <Box sx={{ display: 'grid', gridTemplateColumns: '1fr 1fr', columnGap: 2, rowGap: 1.25, pt: 1 }}>
            <Box sx={{ gridColumn: 'span 2', mb: error ? 1.5 : 0 }}>
              <ErrorAlert error={error} />
            </Box>
            <TextField label="班级名称" value={v.name} onChange={(e) => set('name')(e.target.value)} error={Boolean(errors.name)} helperText={errors.name ?? '如 计算机应用2401'} autoFocus />
            <CodeSelect
              label="专业"
              value={v.majorId}
              onChange={set('majorId')}
              options={majors.map((m) => ({ code: String(m.id), name: `${m.name}（${m.code}）` }))}
              error={errors.majorId}
              helperText={majors.length === 0 ? '请先新建专业' : ' '}
            />
            <TextField
              label="年级"
              value={v.cohortYear}
              onChange={(e) => set('cohortYear')(e.target.value)}
              error={Boolean(errors.cohortYear)}
              helperText={errors.cohortYear ?? '入学年份，如 2024'}
              slotProps={{ htmlInput: { inputMode: 'numeric' } }}
            />
            <TextField label="班主任" value={v.headTeacher} onChange={(e) => set('headTeacher')(e.target.value)} error={Boolean(errors.headTeacher)} helperText={errors.headTeacher ?? ' '} />
            <TextField
              label="建班年月"
              type="month"
              value={v.establishedOn}
              onChange={(e) => set('establishedOn')(e.target.value)}
              error={Boolean(errors.establishedOn)}
              helperText={errors.establishedOn ?? '不填则为年级当年 9 月'}
              slotProps={{ inputLabel: { shrink: true } }}
            />
            <CodeSelect label="学制" value={v.lengthYears} onChange={set('lengthYears')} options={PROGRAM_LENGTHS} emptyLabel="与专业相同" error={errors.lengthYears} helperText="不选则与专业相同" />
            <TextField label="班级类型" value={v.classType} onChange={(e) => set('classType')(e.target.value)} error={Boolean(errors.classType)} helperText={errors.classType ?? '不填则为“普通班”'} placeholder="普通班" />
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
