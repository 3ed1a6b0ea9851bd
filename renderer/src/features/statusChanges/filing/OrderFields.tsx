import Box from '@mui/material/Box';
import FormControlLabel from '@mui/material/FormControlLabel';
import FormHelperText from '@mui/material/FormHelperText';
import Radio from '@mui/material/Radio';
import RadioGroup from '@mui/material/RadioGroup';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { isDecision, STATUS_CHANGE_TYPES, type StatusChangeType } from '../../../../../shared/domain/status-changes';
import type { SchoolClass } from '../../../../../shared/ipc/schemas/org';
import { ClassSelect } from '../../students/common/ClassSelect';
import { endDateLabel, otherSchoolLabel } from './fieldLabels';
import type { OrderValues } from './orderForm';

interface Props {
  type: StatusChangeType;
  values: OrderValues;
  set: (field: keyof OrderValues, value: string) => void;
  errors: Record<string, string>;
  classes: readonly SchoolClass[];
}

const dateProps = { slotProps: { inputLabel: { shrink: true } } } as const;

/** The sub-kind, then the fields this type asks for (types.ts: targetClass, expectedEnd, otherSchool, decision). */
export function SubtypeField({ type, values, set, errors }: Omit<Props, 'classes'>) {
  const subtypes = STATUS_CHANGE_TYPES[type].subtypes;
  if (!subtypes) return null;
  return (
    <Box>
      <Typography variant="body2" sx={{ color: errors.subtype ? 'error.main' : 'text.secondary' }}>
        {STATUS_CHANGE_TYPES[type].label}类别 *
      </Typography>
      <RadioGroup row aria-label={`${STATUS_CHANGE_TYPES[type].label}类别`} value={values.subtype} onChange={(e) => set('subtype', e.target.value)}>
        {Object.entries(subtypes).map(([k, label]) => (
          <FormControlLabel key={k} value={k} control={<Radio size="small" />} label={label} />
        ))}
      </RadioGroup>
      {errors.subtype && <FormHelperText error>{errors.subtype}</FormHelperText>}
    </Box>
  );
}

export function OrderFields({ type, values, set, errors, classes }: Props) {
  const info = STATUS_CHANGE_TYPES[type];
  const field = (name: keyof OrderValues) => ({
    value: values[name],
    onChange: (e: { target: { value: string } }) => set(name, e.target.value),
    error: Boolean(errors[name]),
  });
  return (
    <Box sx={{ display: 'grid', gridTemplateColumns: { xs: '1fr', sm: '1fr 1fr' }, gap: 2 }}>
      <TextField label="学期" required {...field('term')} helperText={errors.term ?? '如 2026-2027-1（第一学期）'} />
      {info.expectedEnd && (
        <TextField
          label={endDateLabel(type)}
          type="date"
          required
          {...field('expectedEnd')}
          helperText={errors.expectedEnd ?? (type === 'suspend' ? '按学校规定的休学期限建议，可修改' : '按学校规定建议，可修改')}
          {...dateProps}
        />
      )}
      {info.targetClass && (
        <ClassSelect
          classes={classes}
          value={values.targetClassId}
          onChange={(v) => set('targetClassId', v)}
          label={info.targetClass === 'required' ? '转入班级 *' : '转入班级'}
          {...(info.targetClass === 'optional' ? { emptyLabel: '回原班级' } : {})}
          error={errors.targetClassId}
          helperText={type === 'resume' ? '按离校时间接续的年级建议，可修改' : ' '}
        />
      )}
      {info.otherSchool && <TextField label={otherSchoolLabel(type)} required {...field('otherSchool')} helperText={errors.otherSchool ?? ' '} />}
      {isDecision(type, values.subtype || null) && (
        <TextField label="决定文号" {...field('decisionNo')} helperText={errors.decisionNo ?? '校长办公会决定的文号；可在最后一步审批时再填'} />
      )}
      <TextField
        label="异动原因"
        required
        multiline
        minRows={2}
        {...field('reason')}
        helperText={errors.reason ?? '写明事实和依据，将打印在审批表上'}
        sx={{ gridColumn: '1 / -1' }}
      />
    </Box>
  );
}
