import Box from '@mui/material/Box';
import ListSubheader from '@mui/material/ListSubheader';
import MenuItem from '@mui/material/MenuItem';
import TextField from '@mui/material/TextField';
import { cohortTerm } from '../../../../shared/domain/grades';
import type { PlanCourse } from '../../../../shared/ipc/schemas/plans';
import { MONO_STACK } from '../../app/theme';
import { creditsLabel, termLabel } from './text';

interface Props {
  courses: readonly PlanCourse[];
  /** The class's 年级, to name each plan term's 学年学期. */
  cohortYear: number | null;
  value: number | null;
  onChange: (courseId: number) => void;
  disabled?: boolean;
  helperText?: string;
}

/** A course of the class's plan, grouped by the plan's 学期 (with the 学年学期 it falls in for this 年级). */
export function CourseSelect({ courses, cohortYear, value, onChange, disabled, helperText }: Props) {
  const terms = [...new Set(courses.map((c) => c.term))].sort((a, b) => a - b);
  const known = value !== null && courses.some((c) => c.id === value);
  const items = terms.flatMap((t) => [
    <ListSubheader key={`t${t}`} sx={{ lineHeight: '32px', bgcolor: '#f6f8fb' }}>
      第 {t} 学期{cohortYear ? `（${termLabel(cohortTerm(cohortYear, t))}）` : ''}
    </ListSubheader>,
    ...courses
      .filter((c) => c.term === t)
      .map((c) => (
        <MenuItem key={c.id} value={c.id} dense>
          <Box component="span" sx={{ fontFamily: MONO_STACK, fontSize: 13, color: 'text.secondary', minWidth: 88, display: 'inline-block' }}>
            {c.code}
          </Box>
          <Box component="span" sx={{ flexGrow: 1 }}>
            {c.name}
          </Box>
          <Box component="span" sx={{ ml: 2, fontSize: 12, color: 'text.secondary', whiteSpace: 'nowrap' }}>
            {creditsLabel(c.credits)} · {c.scale}
          </Box>
        </MenuItem>
      )),
  ]);
  return (
    <TextField
      select
      label="课程"
      value={known ? value : ''}
      onChange={(e) => onChange(Number(e.target.value))}
      disabled={disabled || courses.length === 0}
      helperText={helperText}
      slotProps={{
        select: {
          renderValue: (v) => {
            const c = courses.find((x) => x.id === v);
            return c ? `${c.code} ${c.name}` : '';
          },
          MenuProps: { slotProps: { paper: { sx: { maxHeight: 480 } } } },
        },
      }}
    >
      {items}
    </TextField>
  );
}
