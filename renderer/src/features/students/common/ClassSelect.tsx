import ListSubheader from '@mui/material/ListSubheader';
import MenuItem from '@mui/material/MenuItem';
import TextField from '@mui/material/TextField';
import type { ReactNode } from 'react';
import type { SchoolClass } from '../../../../../shared/ipc/schemas/org';
import { fieldLabel } from '../../../../../shared/domain/student-fields';

interface Props {
  classes: readonly SchoolClass[];
  value: string;
  onChange: (value: string) => void;
  label?: string;
  emptyLabel?: string;
  error?: string | undefined;
  helperText?: string;
  disabled?: boolean;
}

/** 班级, grouped by 年级, each with its 专业 beside it. */
export function ClassSelect({ classes, value, onChange, label = fieldLabel('className'), emptyLabel, error, helperText, disabled }: Props) {
  const sorted = [...classes].sort((a, b) => b.cohortYear - a.cohortYear || a.name.localeCompare(b.name, 'zh-CN'));
  const items: ReactNode[] = [];
  let year: number | null = null;
  for (const c of sorted) {
    if (c.cohortYear !== year) {
      year = c.cohortYear;
      items.push(
        <ListSubheader key={`y${year}`} sx={{ lineHeight: '32px', bgcolor: '#f6f8fb' }}>
          {year} 级
        </ListSubheader>,
      );
    }
    items.push(
      <MenuItem key={c.id} value={String(c.id)}>
        {c.name}
        <span style={{ marginLeft: 12, color: '#5b6676', fontSize: 12 }}>{c.majorName}</span>
      </MenuItem>,
    );
  }
  const known = value === '' || classes.some((c) => String(c.id) === value);
  return (
    <TextField
      select
      label={label}
      value={known ? value : ''}
      onChange={(e) => onChange(e.target.value)}
      error={Boolean(error)}
      helperText={error ?? helperText}
      disabled={disabled}
      slotProps={{
        select: {
          renderValue: (v) => classes.find((c) => String(c.id) === v)?.name ?? (emptyLabel ?? ''),
          displayEmpty: false,
          MenuProps: { slotProps: { paper: { sx: { maxHeight: 400 } } } },
        },
      }}
    >
      {emptyLabel !== undefined && (
        <MenuItem value="">
          <span style={{ color: '#5b6676' }}>{emptyLabel}</span>
        </MenuItem>
      )}
      {items}
    </TextField>
  );
}
