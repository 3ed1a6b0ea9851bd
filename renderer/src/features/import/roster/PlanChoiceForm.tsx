import Box from '@mui/material/Box';
import FormControl from '@mui/material/FormControl';
import FormControlLabel from '@mui/material/FormControlLabel';
import FormLabel from '@mui/material/FormLabel';
import MenuItem from '@mui/material/MenuItem';
import Radio from '@mui/material/Radio';
import RadioGroup from '@mui/material/RadioGroup';
import TextField from '@mui/material/TextField';
import { useEffect, useId } from 'react';
import { useCallData } from '../../../ipc/useCall';
import type { PlanChoice } from './wizardTypes';

interface Props {
  value: PlanChoice | undefined;
  /** The file has 专业 and 年级 columns (then they may say which plan). */
  fileSays: boolean;
  disabled?: boolean;
  onChange: (value: PlanChoice | undefined) => void;
}

const thisYear = new Date().getFullYear();

/** 导入到哪个培养方案: a major and 年级 chosen here, or the file's own 专业 and 年级 columns. */
export function PlanChoiceForm({ value, fileSays, disabled = false, onChange }: Props) {
  const tree = useCallData('org.tree', {});
  const labelId = useId();
  const majors = tree.data?.majors ?? [];
  const chosen = value && 'majorId' in value ? value : null;
  const cohort = chosen?.cohortYear ?? thisYear;
  // A file without 专业/年级 columns can only go where it is told.
  useEffect(() => {
    if (!fileSays && !value && majors[0]) onChange({ majorId: majors[0].id, cohortYear: thisYear });
  }, [fileSays, value, majors, onChange]);
  return (
    <FormControl disabled={disabled}>
      <FormLabel id={labelId} sx={{ fontSize: 14, fontWeight: 500, color: 'text.primary', mb: 0.5 }}>
        导入到哪个培养方案
      </FormLabel>
      <RadioGroup
        row
        aria-labelledby={labelId}
        value={chosen ? 'chosen' : 'file'}
        onChange={(e) => onChange(e.target.value === 'chosen' && majors[0] ? { majorId: majors[0].id, cohortYear: cohort } : undefined)}
      >
        <FormControlLabel value="file" control={<Radio size="small" />} label="按文件中的“专业”“年级”列" disabled={!fileSays} />
        <FormControlLabel value="chosen" control={<Radio size="small" />} label="选择专业和年级" disabled={!majors.length} />
      </RadioGroup>
      {chosen && (
        <Box sx={{ display: 'flex', gap: 2, mt: 1, pl: 2, borderLeft: '3px solid', borderColor: 'divider' }}>
          <TextField select size="small" label="专业" value={chosen.majorId} onChange={(e) => onChange({ majorId: Number(e.target.value), cohortYear: cohort })} sx={{ minWidth: 220 }}>
            {majors.map((m) => (
              <MenuItem key={m.id} value={m.id}>
                {m.name}（{m.code}）
              </MenuItem>
            ))}
          </TextField>
          <TextField
            size="small"
            type="number"
            label="适用年级"
            value={cohort}
            onChange={(e) => onChange({ majorId: chosen.majorId, cohortYear: Number(e.target.value) })}
            slotProps={{ htmlInput: { min: 1990, max: 2100 } }}
            sx={{ width: 120 }}
          />
        </Box>
      )}
    </FormControl>
  );
}
