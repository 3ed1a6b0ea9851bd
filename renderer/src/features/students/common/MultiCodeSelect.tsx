import Checkbox from '@mui/material/Checkbox';
import ListItemText from '@mui/material/ListItemText';
import MenuItem from '@mui/material/MenuItem';
import TextField from '@mui/material/TextField';
import type { Option } from './CodeSelect';

interface Props {
  label: string;
  /** The codes chosen. */
  value: readonly string[];
  options: readonly Option[];
  onChange: (value: string[]) => void;
}

/**
 * A drop-down where several codes can be ticked (a filter: any of them matches, e.g. two 年级).
 * One line high whatever is chosen: the first name and "+N" for the others, all of them in the tooltip.
 */
export function MultiCodeSelect({ label, value, options, onChange }: Props) {
  // In the list's order, whatever order they were ticked in.
  const names = (codes: readonly string[]) => options.filter((o) => codes.includes(o.code)).map((o) => o.name);
  const summary = (codes: readonly string[]) => {
    const [first, ...rest] = names(codes);
    return rest.length ? `${first} +${rest.length}` : (first ?? '');
  };
  return (
    <TextField
      select
      label={label}
      value={value}
      onChange={(e) => {
        const v = e.target.value as unknown as string[] | string;
        onChange(typeof v === 'string' ? v.split(',').filter(Boolean) : v);
      }}
      title={value.length > 1 ? names(value).join('、') : undefined}
      slotProps={{
        select: {
          multiple: true,
          renderValue: (v) => summary(v as string[]),
          MenuProps: { slotProps: { paper: { sx: { maxHeight: 360 } } } },
        },
      }}
    >
      {options.map((o) => (
        <MenuItem key={o.code} value={o.code} dense>
          <Checkbox size="small" checked={value.includes(o.code)} tabIndex={-1} disableRipple sx={{ p: 0.5, mr: 1 }} />
          <ListItemText primary={o.name} />
        </MenuItem>
      ))}
    </TextField>
  );
}
