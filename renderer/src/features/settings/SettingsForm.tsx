import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Divider from '@mui/material/Divider';
import InputAdornment from '@mui/material/InputAdornment';
import Paper from '@mui/material/Paper';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { useState, type FormEvent } from 'react';
import type { Settings } from '../../../../shared/ipc/schemas/settings';
import { ErrorAlert } from '../../components/ErrorAlert';
import { splitErrors } from '../../components/formErrors';
import { useCall } from '../../ipc/useCall';

interface Props {
  initial: Settings;
  onSaved: (settings: Settings) => void;
}

type Field = 'schoolCode' | 'schoolName' | 'departmentName' | 'idleLockMinutes' | 'passwordMaxAgeDays' | 'importMaxRows';
const FIELDS: Record<string, Field> = {
  schoolCode: 'schoolCode',
  schoolName: 'schoolName',
  departmentName: 'departmentName',
  idleLockMinutes: 'idleLockMinutes',
  passwordMaxAgeDays: 'passwordMaxAgeDays',
  importMaxRows: 'importMaxRows',
};

export function SettingsForm({ initial, onSaved }: Props) {
  const { run, loading, error } = useCall('settings.update');
  const [form, setForm] = useState<Record<Field, string>>({
    schoolCode: initial.schoolCode,
    schoolName: initial.schoolName,
    departmentName: initial.departmentName,
    idleLockMinutes: String(initial.idleLockMinutes),
    passwordMaxAgeDays: String(initial.passwordMaxAgeDays),
    importMaxRows: String(initial.importMaxRows),
  });
  const set = (field: Field) => (e: { target: { value: string } }) => setForm((f) => ({ ...f, [field]: e.target.value }));
  const { byField, general } = splitErrors(error, FIELDS);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const result = await run({
      schoolCode: form.schoolCode.trim(),
      schoolName: form.schoolName.trim(),
      departmentName: form.departmentName.trim(),
      idleLockMinutes: Number(form.idleLockMinutes),
      passwordMaxAgeDays: Number(form.passwordMaxAgeDays),
      importMaxRows: Number(form.importMaxRows),
    });
    if (result.ok) onSaved(result.value);
  };

  const field = (name: Field) => ({
    value: form[name],
    onChange: set(name),
    error: Boolean(byField[name]),
  });

  return (
    <Paper variant="outlined" sx={{ p: 3, maxWidth: 720 }}>
      <form onSubmit={submit} noValidate>
        <Stack spacing={2.5}>
          <ErrorAlert error={general} />
          <Typography variant="subtitle1" component="h2" sx={{ fontWeight: 600 }}>
            院系信息
          </Typography>
          <TextField
            label="学校代码"
            {...field('schoolCode')}
            helperText={byField.schoolCode ?? '5 位数字的国标学校代码'}
            slotProps={{ htmlInput: { inputMode: 'numeric', maxLength: 5 } }}
            sx={{ maxWidth: 240 }}
          />
          <TextField label="学校名称" {...field('schoolName')} helperText={byField.schoolName ?? ' '} />
          <TextField label="院系名称" {...field('departmentName')} helperText={byField.departmentName ?? ' '} />
          <Divider />
          <Typography variant="subtitle1" component="h2" sx={{ fontWeight: 600 }}>
            安全
          </Typography>
          <Stack direction={{ xs: 'column', sm: 'row' }} spacing={2}>
            <TextField
              label="空闲自动锁定（分钟）"
              type="number"
              {...field('idleLockMinutes')}
              helperText={byField.idleLockMinutes ?? '无人操作超过此时间后锁定屏幕'}
              slotProps={{
                htmlInput: { min: 1, max: 240 },
                input: { endAdornment: <InputAdornment position="end">分钟</InputAdornment> },
              }}
            />
            <TextField
              label="密码有效期（天）"
              type="number"
              {...field('passwordMaxAgeDays')}
              helperText={byField.passwordMaxAgeDays ?? '超过此天数未修改密码时提醒用户'}
              slotProps={{
                htmlInput: { min: 30, max: 3650 },
                input: { endAdornment: <InputAdornment position="end">天</InputAdornment> },
              }}
            />
          </Stack>
          <Divider />
          <Typography variant="subtitle1" component="h2" sx={{ fontWeight: 600 }}>
            导入
          </Typography>
          <TextField
            label="单次导入行数上限"
            type="number"
            {...field('importMaxRows')}
            helperText={byField.importMaxRows ?? '超过此行数的文件会被拒绝，请拆分后分批导入；过大的文件会耗尽内存'}
            slotProps={{
              htmlInput: { min: 1000, max: 1000000, step: 1000 },
              input: { endAdornment: <InputAdornment position="end">行</InputAdornment> },
            }}
            sx={{ maxWidth: 360 }}
          />
          <Box sx={{ display: 'flex', justifyContent: 'flex-end' }}>
            <Button type="submit" variant="contained" disabled={loading}>
              {loading ? '正在保存…' : '保存设置'}
            </Button>
          </Box>
        </Stack>
      </form>
    </Paper>
  );
}
