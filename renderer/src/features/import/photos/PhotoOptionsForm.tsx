import Box from '@mui/material/Box';
import Checkbox from '@mui/material/Checkbox';
import FormControlLabel from '@mui/material/FormControlLabel';
import MenuItem from '@mui/material/MenuItem';
import TextField from '@mui/material/TextField';
import { MATCH_ORDERS, QUALITIES } from './photoOptions';

export interface PhotoOptionValues {
  match: string;
  quality: number;
  keepOriginal: boolean;
}

interface Props {
  value: PhotoOptionValues;
  disabled?: boolean;
  onChange: (value: PhotoOptionValues) => void;
}

/** 匹配顺序, 照片质量, 同时保留原始照片. */
export function PhotoOptionsForm({ value, disabled = false, onChange }: Props) {
  return (
    <Box sx={{ display: 'flex', gap: 2, flexWrap: 'wrap', alignItems: 'flex-start' }}>
      <Box sx={{ width: 320 }}>
        <TextField select label="匹配顺序" value={value.match} disabled={disabled} onChange={(e) => onChange({ ...value, match: e.target.value })} helperText="文件名按此顺序与学生的号码比对">
          {MATCH_ORDERS.map((m) => (
            <MenuItem key={m.key} value={m.key}>
              {m.label}
            </MenuItem>
          ))}
        </TextField>
      </Box>
      <Box sx={{ width: 240 }}>
        <TextField select label="照片质量" value={value.quality} disabled={disabled} onChange={(e) => onChange({ ...value, quality: Number(e.target.value) })} helperText="数值越大越清晰，占用空间越多">
          {QUALITIES.map((q) => (
            <MenuItem key={q.value} value={q.value}>
              {q.label}
            </MenuItem>
          ))}
        </TextField>
      </Box>
      <FormControlLabel
        disabled={disabled}
        sx={{ mt: 0.5 }}
        control={<Checkbox size="small" checked={value.keepOriginal} onChange={(e) => onChange({ ...value, keepOriginal: e.target.checked })} />}
        label="同时保留原始照片"
      />
    </Box>
  );
}
