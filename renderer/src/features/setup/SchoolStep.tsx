import Button from '@mui/material/Button';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { useState, type FormEvent } from 'react';
import { SchoolCode } from '../../../../shared/ipc/schemas/setup';
import type { SchoolField, SchoolForm } from './setupTypes';

interface Props {
  value: SchoolForm;
  onChange: (value: SchoolForm) => void;
  errors: Partial<Record<SchoolField, string>>;
  onNext: () => void;
}

/** 院系信息. The school code is checked here, with the rule setup.create applies, before moving on. */
export function SchoolStep({ value, onChange, errors, onNext }: Props) {
  const [codeError, setCodeError] = useState<string | null>(null);
  const set = (field: SchoolField) => (e: { target: { value: string } }) => {
    if (field === 'schoolCode') setCodeError(null);
    onChange({ ...value, [field]: e.target.value });
  };
  const complete = value.schoolCode.trim() && value.schoolName.trim() && value.departmentName.trim();
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (!complete) return;
    const code = SchoolCode.safeParse(value.schoolCode);
    if (!code.success) {
      setCodeError(code.error.issues[0]?.message ?? '请检查学校代码');
      return;
    }
    onNext();
  };
  const schoolCodeError = codeError ?? errors.schoolCode;

  return (
    <form onSubmit={submit} noValidate>
      <Stack spacing={2.5}>
        <Typography variant="body2" sx={{ color: 'text.secondary' }}>
          这些信息会出现在界面和打印的文书上，以后可以在“系统设置”中修改。
        </Typography>
        <TextField
          label="学校代码"
          value={value.schoolCode}
          onChange={set('schoolCode')}
          error={Boolean(schoolCodeError)}
          helperText={schoolCodeError ?? '5 位数字的国标学校代码'}
          slotProps={{ htmlInput: { inputMode: 'numeric', maxLength: 5 } }}
          autoFocus
          sx={{ maxWidth: 240 }}
        />
        <TextField
          label="学校名称"
          value={value.schoolName}
          onChange={set('schoolName')}
          error={Boolean(errors.schoolName)}
          helperText={errors.schoolName}
        />
        <TextField
          label="院系名称"
          value={value.departmentName}
          onChange={set('departmentName')}
          error={Boolean(errors.departmentName)}
          helperText={errors.departmentName ?? '例如：计算机科学与技术学院'}
        />
        <Stack direction="row" sx={{ justifyContent: 'flex-end' }}>
          <Button type="submit" variant="contained" disabled={!complete}>
            下一步
          </Button>
        </Stack>
      </Stack>
    </form>
  );
}
