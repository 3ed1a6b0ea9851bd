import Box from '@mui/material/Box';
import TextField from '@mui/material/TextField';
import { fieldLabel } from '../../../../../shared/domain/student-fields';
import type { SchoolClass } from '../../../../../shared/ipc/schemas/org';
import { ClassSelect } from '../common/ClassSelect';
import { STATUS_OPTIONS } from '../common/codeNames';
import { CodeSelect } from '../common/CodeSelect';
import { FieldGrid, FormSection } from './FormSection';
import { fieldProps, type FieldBinding } from './useStudentFields';

/** 学籍信息: class, dates, status, dormitory, notes. */
export function EnrolmentSection({ b, classes }: { b: FieldBinding; classes: readonly SchoolClass[] }) {
  return (
    <FormSection title="学籍信息">
      <FieldGrid>
        <ClassSelect classes={classes} value={b.values.classId} onChange={(v) => b.set('classId', v)} emptyLabel="暂不分班" error={b.errors.classId} helperText=" " />
        <TextField {...fieldProps(b, 'enrolmentDate', { date: true })} />
        <TextField {...fieldProps(b, 'expectedGraduationDate', { date: true })} />
        {/* Shown, never edited here: the status changes only through 学籍异动 and its approvals. */}
        <CodeSelect label={fieldLabel('status')} value={b.values.status} onChange={() => {}} options={STATUS_OPTIONS} disabled helperText="通过学籍异动办理变更" />
        <TextField {...fieldProps(b, 'dormitory', { helper: '如 7号楼 305' })} />
        <Box sx={{ gridColumn: { xs: 'auto', sm: 'span 2', md: 'span 2', lg: 'span 3' } }}>
          <TextField {...fieldProps(b, 'notes')} multiline maxRows={4} />
        </Box>
      </FieldGrid>
    </FormSection>
  );
}
