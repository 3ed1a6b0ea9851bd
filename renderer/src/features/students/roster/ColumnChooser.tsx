import ViewColumnOutlined from '@mui/icons-material/ViewColumnOutlined';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Checkbox from '@mui/material/Checkbox';
import Divider from '@mui/material/Divider';
import FormControlLabel from '@mui/material/FormControlLabel';
import Popover from '@mui/material/Popover';
import Typography from '@mui/material/Typography';
import { useState } from 'react';
import { fieldLabel } from '../../../../../shared/domain/student-fields';
import { DEFAULT_VISIBLE, ROSTER_FIELDS, type RosterField } from './rosterColumns';

interface Props {
  visible: readonly RosterField[];
  onChange: (visible: RosterField[]) => void;
}

/** 显示列: which catalogue fields the roster (and its export) shows. */
export function ColumnChooser({ visible, onChange }: Props) {
  const [anchor, setAnchor] = useState<HTMLElement | null>(null);
  const toggle = (field: RosterField, on: boolean) => {
    const next = ROSTER_FIELDS.filter((f) => (f === field ? on : visible.includes(f)));
    if (next.length > 0) onChange(next);
  };
  return (
    <>
      <Button size="small" startIcon={<ViewColumnOutlined />} onClick={(e) => setAnchor(e.currentTarget)} aria-haspopup="dialog">
        显示列
      </Button>
      <Popover
        open={anchor !== null}
        anchorEl={anchor}
        onClose={() => setAnchor(null)}
        anchorOrigin={{ vertical: 'bottom', horizontal: 'right' }}
        transformOrigin={{ vertical: 'top', horizontal: 'right' }}
        slotProps={{ paper: { role: 'dialog', 'aria-label': '显示列', sx: { p: 2, width: 380 } } }}
      >
        <Typography variant="subtitle2" sx={{ mb: 1 }}>
          显示列
        </Typography>
        <Typography variant="caption" component="p" sx={{ color: 'text.secondary', mb: 1 }}>
          勾选要在名册中显示的列；导出 Excel 时也按这些列导出。
        </Typography>
        <Box sx={{ display: 'grid', gridTemplateColumns: '1fr 1fr', columnGap: 1 }}>
          {ROSTER_FIELDS.map((f) => (
            <FormControlLabel
              key={f}
              sx={{ m: 0, '& .MuiFormControlLabel-label': { fontSize: 14 } }}
              control={<Checkbox size="small" checked={visible.includes(f)} onChange={(e) => toggle(f, e.target.checked)} />}
              label={fieldLabel(f)}
            />
          ))}
        </Box>
        <Divider sx={{ my: 1 }} />
        <Box sx={{ display: 'flex', justifyContent: 'space-between' }}>
          <Button size="small" onClick={() => onChange([...ROSTER_FIELDS])}>
            全部显示
          </Button>
          <Button size="small" onClick={() => onChange([...DEFAULT_VISIBLE])}>
            恢复默认
          </Button>
        </Box>
      </Popover>
    </>
  );
}
