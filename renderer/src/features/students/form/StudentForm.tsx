import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Paper from '@mui/material/Paper';
import { useRef, useState, type FormEvent } from 'react';
import type { CallOutput } from '../../../../../shared/ipc/contract';
import type { AppErrorData } from '../../../../../shared/ipc/result';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { call } from '../../../ipc/client';
import { errorsByField } from '../common/serverErrors';
import { useOrgTree } from '../common/useOrgTree';
import { BasicSection } from './BasicSection';
import { ContactSection } from './ContactSection';
import { DuplicateWarning } from './DuplicateWarning';
import { EnrolmentSection } from './EnrolmentSection';
import type { StudentFormValues, TextField } from './formValues';
import { GuardiansSection } from './GuardiansSection';
import type { FieldBinding } from './useStudentFields';

interface Props {
  initial: StudentFormValues;
  /** Fields of a registered student that only a change request may alter. */
  lockedFields?: readonly string[];
  /** The student being edited, left out of the duplicate check. */
  studentId?: number;
  saving: boolean;
  error: AppErrorData | null;
  submitLabel: string;
  onSubmit: (values: StudentFormValues) => void;
  onCancel: () => void;
  onRequestChange?: (() => void) | undefined;
}

type Candidate = CallOutput<'students.duplicates'>[number];

/** The student form, for a new student and for editing one. The server checks every value. */
export function StudentForm({ initial, lockedFields = [], studentId, saving, error, submitLabel, onSubmit, onCancel, onRequestChange }: Props) {
  const [values, setValues] = useState<StudentFormValues>(initial);
  const [duplicates, setDuplicates] = useState<Candidate[]>([]);
  const lastCheck = useRef('');
  const org = useOrgTree();
  const errors = errorsByField(error);

  const b: FieldBinding = {
    values,
    errors,
    locked: new Set(lockedFields),
    set: (field: TextField, value: string) => setValues((v) => ({ ...v, [field]: value })),
  };

  const checkDuplicates = () => {
    const name = values.name.trim();
    const birthDate = values.birthDate;
    const idNumber = values.idNumber.trim();
    if (!(name && birthDate) && idNumber.length < 15) return;
    const key = `${name}|${birthDate}|${idNumber}`;
    if (key === lastCheck.current) return;
    lastCheck.current = key;
    void call('students.duplicates', {
      name,
      birthDate,
      ...(idNumber ? { idNumber: idNumber.toUpperCase() } : {}),
      ...(studentId ? { excludeId: studentId } : {}),
    }).then((r) => {
      if (r.ok) setDuplicates(r.value);
    });
  };

  const submit = (e: FormEvent) => {
    e.preventDefault();
    onSubmit(values);
  };

  return (
    <form onSubmit={submit} noValidate aria-label="学生档案">
      <BasicSection b={b} onIdentityBlur={checkDuplicates} onRequestChange={onRequestChange} duplicates={<DuplicateWarning candidates={duplicates} />} />
      <ContactSection b={b} />
      <EnrolmentSection b={b} classes={org.data?.classes ?? []} />
      <GuardiansSection guardians={values.guardians} errors={errors} onChange={(guardians) => setValues((v) => ({ ...v, guardians }))} />
      <Paper
        variant="outlined"
        sx={{ position: 'sticky', bottom: 0, zIndex: 2, p: 1.5, px: 2.5, display: 'flex', alignItems: 'center', gap: 2, boxShadow: '0 -4px 12px rgba(31, 39, 51, 0.06)' }}
      >
        <Box sx={{ flexGrow: 1, minWidth: 0 }}>
          <ErrorAlert error={error} />
        </Box>
        <Button onClick={onCancel} disabled={saving}>
          取消
        </Button>
        <Button type="submit" variant="contained" disabled={saving} sx={{ minWidth: 96 }}>
          {saving ? '正在保存…' : submitLabel}
        </Button>
      </Paper>
    </form>
  );
}
