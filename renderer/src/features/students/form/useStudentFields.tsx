import LockOutlined from '@mui/icons-material/LockOutlined';
import InputAdornment from '@mui/material/InputAdornment';
import Tooltip from '@mui/material/Tooltip';
import type { TextFieldProps } from '@mui/material/TextField';
import { FIELD_BY_KEY, fieldLabel, type StudentFieldKey } from '../../../../../shared/domain/student-fields';
import type { StudentFormValues, TextField } from './formValues';

const LOCK = (
  <InputAdornment position="end">
    <Tooltip title="学生已注册，此项已锁定；如需修改请申请变更">
      <LockOutlined fontSize="small" sx={{ color: 'text.disabled' }} />
    </Tooltip>
  </InputAdornment>
);

/** The form field's key in the catalogue, for its label (班级 is stored as classId). */
const CATALOGUE_KEY: Partial<Record<TextField, StudentFieldKey>> = { classId: 'className' };

export interface FieldBinding {
  values: StudentFormValues;
  errors: Record<string, string>;
  locked: ReadonlySet<string>;
  set: (field: TextField, value: string) => void;
}

/** Props for a text field of the form: catalogue label, value, server error, lock when registered. */
export function fieldProps(b: FieldBinding, field: TextField, extra: { helper?: string; date?: boolean } = {}): TextFieldProps {
  const key = CATALOGUE_KEY[field] ?? (field as StudentFieldKey);
  const locked = b.locked.has(field);
  const error = b.errors[field];
  const required = (FIELD_BY_KEY as Record<string, { required?: boolean } | undefined>)[key]?.required === true;
  return {
    label: fieldLabel(key),
    value: b.values[field],
    onChange: (e) => b.set(field, e.target.value),
    error: Boolean(error),
    // 必填 as helper text, not an asterisk: the asterisk would become part of the field's name.
    helperText: error ?? (locked ? '已锁定，需申请变更' : required ? (extra.helper ? `必填，${extra.helper}` : '必填') : (extra.helper ?? ' ')),
    ...(extra.date ? { type: 'date' } : {}),
    slotProps: {
      input: locked ? { readOnly: true, endAdornment: LOCK } : {},
      inputLabel: extra.date ? { shrink: true } : {},
      htmlInput: { 'data-field': field },
    },
    sx: locked ? { '& .MuiInputBase-root': { bgcolor: '#f5f6f8' } } : undefined,
  };
}
