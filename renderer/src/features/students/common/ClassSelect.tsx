import Autocomplete, { createFilterOptions } from '@mui/material/Autocomplete';
import ListSubheader from '@mui/material/ListSubheader';
import TextField from '@mui/material/TextField';
import { useMemo } from 'react';
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

/** A class to pick, or the empty choice (暂不分班, 全部…) when there is one. */
type Choice = { id: null; label: string } | SchoolClass;

const isClass = (c: Choice): c is SchoolClass => c.id !== null;
const nameOf = (c: Choice) => (isClass(c) ? c.name : c.label);

/** What typing matches: class name (电子信息2301班: "2301", "电子"), 专业 and 年级 ("2023级"). */
export const classSearchText = (c: SchoolClass) => `${c.name} ${c.majorName} ${c.cohortYear}级 ${c.cohortYear} 级`;
const filter = createFilterOptions<Choice>({ stringify: (c) => (isClass(c) ? classSearchText(c) : c.label) });

/** 班级, grouped by 年级, each with its 专业 beside it; typing part of a name, 专业 or 年级 narrows the list. */
export function ClassSelect({ classes, value, onChange, label = fieldLabel('className'), emptyLabel, error, helperText, disabled }: Props) {
  const options = useMemo<Choice[]>(() => {
    const sorted = [...classes].sort((a, b) => b.cohortYear - a.cohortYear || a.name.localeCompare(b.name, 'zh-CN'));
    return emptyLabel === undefined ? sorted : [{ id: null, label: emptyLabel }, ...sorted];
  }, [classes, emptyLabel]);
  const selected = (value === '' ? undefined : options.find((c) => String(c.id) === value)) ?? null;

  return (
    <Autocomplete<Choice>
      options={options}
      value={selected}
      onChange={(_e, c) => onChange(c && isClass(c) ? String(c.id) : '')}
      getOptionLabel={nameOf}
      getOptionKey={(c) => (isClass(c) ? c.id : '')}
      isOptionEqualToValue={(a, b) => a.id === b.id}
      groupBy={(c) => (isClass(c) ? `${c.cohortYear} 级` : '')}
      filterOptions={filter}
      renderGroup={(params) => (
        <li key={params.key}>
          {params.group && <ListSubheader sx={{ lineHeight: '32px', bgcolor: '#f6f8fb', top: -8 }}>{params.group}</ListSubheader>}
          <ul style={{ padding: 0 }}>{params.children}</ul>
        </li>
      )}
      renderOption={({ key, ...props }, c) => (
        <li key={key} {...props} style={{ whiteSpace: 'nowrap' }}>
          {isClass(c) ? (
            <>
              {c.name}
              <span style={{ marginLeft: 12, color: '#5b6676', fontSize: 12 }}>{c.majorName}</span>
            </>
          ) : (
            <span style={{ color: '#5b6676' }}>{c.label}</span>
          )}
        </li>
      )}
      renderInput={(params) => (
        <TextField
          {...params}
          label={label}
          placeholder={selected ? undefined : emptyLabel}
          error={Boolean(error)}
          helperText={error ?? helperText}
        />
      )}
      noOptionsText="没有匹配的班级"
      disabled={disabled}
      size="small"
      fullWidth
      autoHighlight
      // Wider than a narrow field, so that a class and its 专业 fit on one line.
      slotProps={{ listbox: { sx: { maxHeight: 400 } }, popper: { placement: 'bottom-start', sx: { minWidth: 360 } } }}
    />
  );
}
