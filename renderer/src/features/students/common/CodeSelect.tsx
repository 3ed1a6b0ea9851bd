import MenuItem from '@mui/material/MenuItem';
import TextField from '@mui/material/TextField';

export interface Option {
  code: string;
  name: string;
}

interface Props {
  label: string;
  value: string;
  options: readonly Option[];
  onChange: (value: string) => void;
  /** The text of the empty choice (全部, 未填写…); no empty choice when omitted. */
  emptyLabel?: string;
  error?: string | undefined;
  helperText?: string;
  disabled?: boolean;
  required?: boolean;
  onBlur?: () => void;
}

/** A labelled drop-down over a code table (性别, 民族, 学籍状态…). */
export function CodeSelect({ label, value, options, onChange, emptyLabel, error, helperText, disabled, required, onBlur }: Props) {
  return (
    <TextField
      select
      label={label}
      value={value}
      onChange={(e) => onChange(e.target.value)}
      onBlur={onBlur}
      error={Boolean(error)}
      helperText={error ?? helperText}
      disabled={disabled}
      required={required}
      slotProps={{ select: { MenuProps: { slotProps: { paper: { sx: { maxHeight: 360 } } } } } }}
    >
      {emptyLabel !== undefined && (
        <MenuItem value="">
          <em style={{ fontStyle: 'normal', color: '#5b6676' }}>{emptyLabel}</em>
        </MenuItem>
      )}
      {options.map((o) => (
        <MenuItem key={o.code} value={o.code}>
          {o.name}
        </MenuItem>
      ))}
    </TextField>
  );
}
