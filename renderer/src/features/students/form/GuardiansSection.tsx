import AddOutlined from '@mui/icons-material/AddOutlined';
import DeleteOutlineOutlined from '@mui/icons-material/DeleteOutlineOutlined';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import IconButton from '@mui/material/IconButton';
import TextField from '@mui/material/TextField';
import Tooltip from '@mui/material/Tooltip';
import Typography from '@mui/material/Typography';
import { fieldLabel } from '../../../../../shared/domain/student-fields';
import { EMPTY_GUARDIAN, type GuardianValues } from './formValues';
import { FormSection } from './FormSection';

interface Props {
  guardians: GuardianValues[];
  errors: Record<string, string>;
  onChange: (guardians: GuardianValues[]) => void;
}

const FIELDS: { key: keyof GuardianValues; label: string; placeholder?: string }[] = [
  { key: 'name', label: fieldLabel('guardianName') },
  { key: 'relation', label: fieldLabel('guardianRelation'), placeholder: '如 父亲、母亲' },
  { key: 'phone', label: fieldLabel('guardianPhone') },
  { key: 'workUnit', label: '工作单位' },
];

/** 家庭成员/监护人: up to six rows. */
export function GuardiansSection({ guardians, errors, onChange }: Props) {
  const update = (i: number, key: keyof GuardianValues, value: string) =>
    onChange(guardians.map((g, j) => (j === i ? { ...g, [key]: value } : g)));
  return (
    <FormSection
      title="家庭成员/监护人"
      action={
        <Button size="small" startIcon={<AddOutlined />} onClick={() => onChange([...guardians, { ...EMPTY_GUARDIAN }])} disabled={guardians.length >= 6}>
          添加家庭成员
        </Button>
      }
    >
      {guardians.length === 0 && (
        <Typography variant="body2" sx={{ color: 'text.secondary', py: 1 }}>
          尚未填写家庭成员。点击右上角“添加家庭成员”。
        </Typography>
      )}
      {guardians.map((g, i) => (
        <Box
          key={i}
          role="group"
          aria-label={`家庭成员 ${i + 1}`}
          sx={{ display: 'grid', gridTemplateColumns: { xs: '1fr', md: '1fr 1fr 1fr 2fr auto' }, gap: 2, alignItems: 'start' }}
        >
          {FIELDS.map((f) => {
            const error = errors[`guardians.${i}.${f.key}`];
            return (
              <TextField
                key={f.key}
                label={f.label}
                placeholder={f.placeholder}
                value={g[f.key]}
                onChange={(e) => update(i, f.key, e.target.value)}
                error={Boolean(error)}
                helperText={error ?? ' '}
              />
            );
          })}
          <Tooltip title="删除此家庭成员">
            <IconButton aria-label={`删除家庭成员 ${i + 1}`} onClick={() => onChange(guardians.filter((_, j) => j !== i))} sx={{ mt: 0.25 }}>
              <DeleteOutlineOutlined />
            </IconButton>
          </Tooltip>
        </Box>
      ))}
    </FormSection>
  );
}
