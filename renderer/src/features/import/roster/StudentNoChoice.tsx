import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Checkbox from '@mui/material/Checkbox';
import FormControlLabel from '@mui/material/FormControlLabel';
import Paper from '@mui/material/Paper';
import Typography from '@mui/material/Typography';
import { useEffect, useState } from 'react';
import { describePart, STUDENT_NO_ORDER_LABELS, type StudentNoRule } from '../../../../../shared/domain/student-no';
import { call } from '../../../ipc/client';
import { AssignNumbersDialog } from '../../studentNumbers/AssignNumbersDialog';

interface Props {
  checked: boolean;
  disabled: boolean;
  onChange: (checked: boolean) => void;
}

/**
 * The wizard's 学号编排 step: admissions rosters have no 学号, so the new students can be numbered
 * by the department's rule as part of the import (same transaction; undoing the import undoes it).
 */
export function StudentNoChoice({ checked, disabled, onChange }: Props) {
  const [rule, setRule] = useState<StudentNoRule | null>(null);
  const [editing, setEditing] = useState(false);
  const load = () => void call('studentNumbers.rule', {}).then((r) => r.ok && setRule(r.value));
  useEffect(load, []);
  return (
    <Paper variant="outlined" sx={{ p: 2 }}>
      <FormControlLabel
        disabled={disabled}
        control={<Checkbox checked={checked} onChange={(e) => onChange(e.target.checked)} />}
        label={<Typography sx={{ fontWeight: 500 }}>为没有学号的学生按规则编排学号</Typography>}
      />
      <Box sx={{ pl: 4, display: 'flex', alignItems: 'center', gap: 1, flexWrap: 'wrap' }}>
        <Typography variant="body2" sx={{ color: 'text.secondary' }}>
          学号规则：{rule ? `${rule.parts.map(describePart).join(' + ')}，${STUDENT_NO_ORDER_LABELS[rule.order]}` : '…'}
        </Typography>
        <Button size="small" onClick={() => setEditing(true)} disabled={disabled}>
          修改规则
        </Button>
      </Box>
      <AssignNumbersDialog scope={editing ? 'rule' : null} onClose={() => setEditing(false)} onDone={load} />
    </Paper>
  );
}
