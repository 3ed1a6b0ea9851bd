import Box from '@mui/material/Box';
import Checkbox from '@mui/material/Checkbox';
import FormControl from '@mui/material/FormControl';
import FormControlLabel from '@mui/material/FormControlLabel';
import FormLabel from '@mui/material/FormLabel';
import Radio from '@mui/material/Radio';
import RadioGroup from '@mui/material/RadioGroup';
import Typography from '@mui/material/Typography';
import { useId } from 'react';
import type { ImportChoices } from './wizardTypes';

interface Props {
  value: ImportChoices;
  disabled?: boolean;
  onChange: (value: ImportChoices) => void;
}

function Choice({ value, label, hint }: { value: string; label: string; hint: string }) {
  const hintId = useId();
  return (
    <Box sx={{ mr: 4, py: 0.25 }}>
      <FormControlLabel value={value} control={<Radio size="small" slotProps={{ input: { 'aria-describedby': hintId } }} />} label={label} sx={{ '& .MuiFormControlLabel-label': { fontWeight: 500 } }} />
      <Typography id={hintId} variant="caption" component="div" sx={{ color: 'text.secondary', pl: 3.75, mt: -0.75 }}>
        {hint}
      </Typography>
    </Box>
  );
}

/** 导入方式, 匹配依据 and 自动创建班级: how the rows of the file meet the students already here. */
export function ImportChoicesForm({ value, disabled = false, onChange }: Props) {
  const modeId = useId();
  const matchId = useId();
  return (
    <Box sx={{ display: 'flex', flexDirection: 'column', gap: 2 }}>
      <FormControl disabled={disabled}>
        <FormLabel id={modeId} sx={{ fontSize: 14, fontWeight: 500, color: 'text.primary', mb: 0.5 }}>
          导入方式
        </FormLabel>
        <RadioGroup row aria-labelledby={modeId} value={value.mode} onChange={(e) => onChange({ ...value, mode: e.target.value === 'update' ? 'update' : 'add' })}>
          <Choice value="add" label="只添加新学生" hint="名单中的学生作为新档案添加；已在系统中的学生会被标出，不作修改" />
          <Choice value="update" label="更新已有学生" hint="用名单中的内容更新系统中已有的学生档案" />
        </RadioGroup>
      </FormControl>
      {value.mode === 'update' && (
        <FormControl disabled={disabled} sx={{ pl: 2, borderLeft: '3px solid', borderColor: 'divider' }}>
          <FormLabel id={matchId} sx={{ fontSize: 14, fontWeight: 500, color: 'text.primary' }}>
            匹配依据
          </FormLabel>
          <RadioGroup row aria-labelledby={matchId} value={value.matchBy} onChange={(e) => onChange({ ...value, matchBy: e.target.value === 'studentNo' ? 'studentNo' : 'idNumber' })}>
            <FormControlLabel value="idNumber" control={<Radio size="small" />} label="身份证号" />
            <FormControlLabel value="studentNo" control={<Radio size="small" />} label="学号" />
          </RadioGroup>
        </FormControl>
      )}
      <FormControlLabel
        disabled={disabled}
        control={<Checkbox size="small" checked={value.createMissingClasses} onChange={(e) => onChange({ ...value, createMissingClasses: e.target.checked })} />}
        label="自动创建名单中不存在的班级"
      />
    </Box>
  );
}
