import Box from '@mui/material/Box';
import MenuItem from '@mui/material/MenuItem';
import Select from '@mui/material/Select';
import { STUDENT_FIELDS, fieldLabel, type StudentFieldKey } from '../../../../../shared/domain/student-fields';

interface Props {
  /** Names the select for screen readers and tests: 对应字段：<header>. */
  label: string;
  value: StudentFieldKey | null;
  /** Where each field is used now (column name), to say so in the list. */
  usedBy: (field: StudentFieldKey) => string | null;
  highlight?: boolean;
  onChange: (field: StudentFieldKey | null) => void;
}

const SKIP = '';

/** 对应字段 of one column: a student field, or 不导入. */
export function FieldSelect({ label, value, usedBy, highlight = false, onChange }: Props) {
  return (
    <Select<string>
      size="small"
      fullWidth
      displayEmpty
      value={value ?? SKIP}
      onChange={(e) => onChange(e.target.value === SKIP ? null : (e.target.value as StudentFieldKey))}
      inputProps={{ 'aria-label': label }}
      renderValue={(v) => (v === SKIP ? <span style={{ color: '#8a97a8' }}>不导入</span> : fieldLabel(v))}
      MenuProps={{ slotProps: { paper: { sx: { maxHeight: 420 } } } }}
      sx={{ bgcolor: 'background.paper', ...(highlight ? { '& fieldset': { borderColor: 'warning.main', borderWidth: 2 } } : {}) }}
    >
      <MenuItem value={SKIP}>
        <span style={{ color: '#5b6676' }}>不导入</span>
      </MenuItem>
      {STUDENT_FIELDS.map((f) => {
        const used = f.key !== value ? usedBy(f.key) : null;
        return (
          <MenuItem key={f.key} value={f.key}>
            <Box sx={{ display: 'flex', width: '100%', gap: 2, alignItems: 'baseline' }}>
              <span>{f.label}</span>
              <Box component="span" sx={{ flexGrow: 1 }} />
              {used && (
                <Box component="span" sx={{ fontSize: 12, color: 'text.secondary' }}>
                  已用于“{used}”
                </Box>
              )}
              {f.required && (
                <Box component="span" sx={{ fontSize: 12, color: 'error.main' }}>
                  必填
                </Box>
              )}
            </Box>
          </MenuItem>
        );
      })}
    </Select>
  );
}
