import Autocomplete, { createFilterOptions } from '@mui/material/Autocomplete';
import Box from '@mui/material/Box';
import Checkbox from '@mui/material/Checkbox';
import ListSubheader from '@mui/material/ListSubheader';
import TextField from '@mui/material/TextField';
import { useMemo } from 'react';
import { fieldLabel } from '../../../../../shared/domain/student-fields';
import type { SchoolClass } from '../../../../../shared/ipc/schemas/org';
import { classSearchText } from './ClassSelect';

interface Props {
  classes: readonly SchoolClass[];
  /** The ids chosen. */
  value: readonly string[];
  onChange: (value: string[]) => void;
  label?: string;
  /** Shown when none is chosen (全部). */
  emptyLabel: string;
}

const filter = createFilterOptions<SchoolClass>({ stringify: classSearchText });

/**
 * Several 班级 (a filter: students of any of them), grouped by 年级 and searchable as ClassSelect.
 * The field stays one line high in the filter row: the first class, then "+N" for the others (all
 * of them named in its tooltip); the ticks in the list show and undo each choice.
 */
export function ClassMultiSelect({ classes, value, onChange, label = fieldLabel('className'), emptyLabel }: Props) {
  const options = useMemo(() => [...classes].sort((a, b) => b.cohortYear - a.cohortYear || a.name.localeCompare(b.name, 'zh-CN')), [classes]);
  const byId = useMemo(() => new Map(classes.map((c) => [String(c.id), c])), [classes]);
  const selected = value.map((id) => byId.get(id)).filter((c): c is SchoolClass => c !== undefined);

  return (
    <Autocomplete<SchoolClass, true>
      multiple
      disableCloseOnSelect
      options={options}
      value={selected}
      onChange={(_e, cs) => onChange(cs.map((c) => String(c.id)))}
      getOptionLabel={(c) => c.name}
      getOptionKey={(c) => c.id}
      isOptionEqualToValue={(a, b) => a.id === b.id}
      groupBy={(c) => `${c.cohortYear} 级`}
      filterOptions={filter}
      renderGroup={(params) => (
        <li key={params.key}>
          <ListSubheader sx={{ lineHeight: '32px', bgcolor: '#f6f8fb', top: -8 }}>{params.group}</ListSubheader>
          <ul style={{ padding: 0 }}>{params.children}</ul>
        </li>
      )}
      renderOption={({ key, ...props }, c, { selected: on }) => (
        <li key={key} {...props} style={{ whiteSpace: 'nowrap', paddingTop: 2, paddingBottom: 2 }}>
          <Checkbox size="small" checked={on} tabIndex={-1} disableRipple sx={{ p: 0.5, mr: 0.5 }} />
          {c.name}
          <span style={{ marginLeft: 12, color: '#5b6676', fontSize: 12 }}>{c.majorName}</span>
        </li>
      )}
      // Plain text, not chips: a chip with its delete button leaves no room for the name in a filter-row field.
      renderValue={(chosen) =>
        chosen.length === 0 ? null : (
          <Box component="span" title={chosen.map((c) => c.name).join('、')} sx={{ display: 'flex', alignItems: 'center', minWidth: 0, flex: '0 1 auto', pl: 0.5, fontSize: 14 }}>
            <Box component="span" sx={{ overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap' }}>{chosen[0]!.name}</Box>
            {chosen.length > 1 && <Box component="span" sx={{ color: 'text.secondary', ml: 0.5, whiteSpace: 'nowrap' }}>+{chosen.length - 1}</Box>}
          </Box>
        )
      }
      renderInput={(params) => <TextField {...params} label={label} placeholder={selected.length ? undefined : emptyLabel} />}
      noOptionsText="没有匹配的班级"
      size="small"
      fullWidth
      slotProps={{ listbox: { sx: { maxHeight: 400 } }, popper: { placement: 'bottom-start', sx: { minWidth: 360 } } }}
      sx={{ '& .MuiAutocomplete-inputRoot': { flexWrap: 'nowrap' }, '& .MuiAutocomplete-input': { minWidth: '4px !important' }, '&.Mui-focused .MuiAutocomplete-input': { minWidth: '40px !important' } }}
    />
  );
}
