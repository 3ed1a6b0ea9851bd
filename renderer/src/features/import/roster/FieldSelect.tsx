import Box from '@mui/material/Box';
import MenuItem from '@mui/material/MenuItem';
import Select from '@mui/material/Select';

export interface FieldChoice {
  key: string;
  label: string;
  required: boolean;
}

interface Props {
  /** Names the select for screen readers and tests: 对应字段：<header>. */
  label: string;
  /** The import's field catalogue (from imports.inspect): what a column can go into. */
  fields: readonly FieldChoice[];
  value: string | null;
  /** Where each field is used now (column name), to say so in the list. */
  usedBy: (field: string) => string | null;
  highlight?: boolean;
  onChange: (field: string | null) => void;
}

const SKIP = '';

/** 对应字段 of one column: a field of the import's catalogue, or 不导入. */
export function FieldSelect({ label, fields, value, usedBy, highlight = false, onChange }: Props) {
  const labelOf = (key: string) => fields.find((f) => f.key === key)?.label ?? key;
  return (
    <Select<string>
      size="small"
      fullWidth
      displayEmpty
      value={value ?? SKIP}
      onChange={(e) => onChange(e.target.value === SKIP ? null : (e.target.value as string))}
      inputProps={{ 'aria-label': label }}
      renderValue={(v) => (v === SKIP ? <span style={{ color: '#8a97a8' }}>不导入</span> : labelOf(v))}
      MenuProps={{ slotProps: { paper: { sx: { maxHeight: 420 } } } }}
      sx={{ bgcolor: 'background.paper', ...(highlight ? { '& fieldset': { borderColor: 'warning.main', borderWidth: 2 } } : {}) }}
    >
      <MenuItem value={SKIP}>
        <span style={{ color: '#5b6676' }}>不导入</span>
      </MenuItem>
      {fields.map((f) => {
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
