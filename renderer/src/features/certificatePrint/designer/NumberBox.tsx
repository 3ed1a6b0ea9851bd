import InputAdornment from '@mui/material/InputAdornment';
import TextField from '@mui/material/TextField';
import { useEffect, useState } from 'react';

interface Props {
  label: string;
  value: number;
  unit: string;
  step: number;
  onChange: (value: number) => void;
  error?: string | undefined;
  min?: number;
}

/**
 * A number in a unit (毫米, 磅), typed or stepped with the arrows; each valid number typed is applied
 * at once (the preview follows), half-typed text ("30.") is kept until it reads as a number.
 */
export function NumberBox({ label, value, unit, step, onChange, error, min }: Props) {
  const [text, setText] = useState(String(value));
  useEffect(() => {
    setText((t) => (Number(t) === value && t.trim() !== '' ? t : String(value)));
  }, [value]);
  return (
    <TextField
      label={label}
      size="small"
      type="number"
      value={text}
      error={Boolean(error)}
      helperText={error}
      onChange={(e) => {
        setText(e.target.value);
        const n = Number(e.target.value);
        if (e.target.value.trim() !== '' && Number.isFinite(n)) onChange(Math.round(n * 100) / 100);
      }}
      onBlur={() => setText(String(value))}
      slotProps={{
        htmlInput: { step, min, 'aria-label': label },
        input: { endAdornment: <InputAdornment position="end">{unit}</InputAdornment> },
      }}
      fullWidth
    />
  );
}
