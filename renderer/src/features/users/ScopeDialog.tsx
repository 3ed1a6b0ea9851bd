import Alert from '@mui/material/Alert';
import Autocomplete from '@mui/material/Autocomplete';
import Button from '@mui/material/Button';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogTitle from '@mui/material/DialogTitle';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import { useEffect, useState, type FormEvent } from 'react';
import type { UserRow } from '../../../../shared/ipc/schemas/users';
import { ErrorAlert } from '../../components/ErrorAlert';
import { call } from '../../ipc/client';
import { useCall, useCallData } from '../../ipc/useCall';

interface Props {
  user: UserRow | null;
  onClose: () => void;
  onSaved: (message: string) => void;
}

/** 数据范围: the classes and grades a user is in charge of; none chosen = the whole department. */
export function ScopeDialog({ user, onClose, onSaved }: Props) {
  const tree = useCallData('org.tree', {});
  const { run, loading, error, reset } = useCall('scopes.set');
  const [classIds, setClassIds] = useState<number[]>([]);
  const [cohortYears, setCohortYears] = useState<number[]>([]);
  const [loadError, setLoadError] = useState<Parameters<typeof ErrorAlert>[0]['error']>(null);

  useEffect(() => {
    if (!user) return;
    reset();
    setLoadError(null);
    void call('scopes.get', { id: user.id }).then((r) => {
      if (r.ok) {
        setClassIds(r.value.classIds);
        setCohortYears(r.value.cohortYears);
      } else setLoadError(r.error);
    });
  }, [user, reset]);

  const classes = tree.data?.classes ?? [];
  const cohorts = tree.data?.cohorts ?? [];
  const whole = classIds.length === 0 && cohortYears.length === 0;

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (!user) return;
    const r = await run({ userId: user.id, classIds, cohortYears });
    if (r.ok) {
      onSaved(`已设置 ${user.displayName} 的数据范围`);
      onClose();
    }
  };

  return (
    <Dialog open={user !== null} onClose={loading ? undefined : onClose} maxWidth="sm" fullWidth aria-labelledby="scope-title">
      <form onSubmit={submit} noValidate>
        <DialogTitle id="scope-title">数据范围</DialogTitle>
        <DialogContent>
          <Stack spacing={2} sx={{ pt: 1 }}>
            <Alert severity="info">
              {user?.displayName}（{user?.username}）只能查看和办理所选年级、班级的学生（名册、档案、导出、导入、变更申请和审计日志均按此范围）。都不选则为全院系。
            </Alert>
            <ErrorAlert error={loadError ?? error ?? tree.error} />
            <Autocomplete
              multiple
              options={cohorts}
              value={cohortYears}
              onChange={(_e, v) => setCohortYears(v)}
              getOptionLabel={(y) => `${y}级`}
              renderInput={(params) => <TextField {...params} label="负责的年级" helperText="该年级的所有班级，包括以后新建的" />}
            />
            <Autocomplete
              multiple
              options={classes.map((c) => c.id)}
              value={classIds}
              onChange={(_e, v) => setClassIds(v)}
              getOptionLabel={(id) => classes.find((c) => c.id === id)?.name ?? '（已删除的班级）'}
              renderInput={(params) => <TextField {...params} label="负责的班级" helperText="可输入班级名称中的文字查找，如 2301 或 电子" />}
            />
            {whole && <Alert severity="warning">未选择年级或班级：该用户可查看全院系的学生。</Alert>}
          </Stack>
        </DialogContent>
        <DialogActions sx={{ px: 3, pb: 2 }}>
          <Button onClick={onClose} disabled={loading}>
            取消
          </Button>
          <Button type="submit" variant="contained" disabled={loading || loadError !== null}>
            {loading ? '正在保存…' : '保存'}
          </Button>
        </DialogActions>
      </form>
    </Dialog>
  );
}
