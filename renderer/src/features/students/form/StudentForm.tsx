import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Paper from '@mui/material/Paper';
import { useEffect, useRef, useState, type FormEvent } from 'react';
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
import { checkStudentForm, fromIdNumber, withIdNumber } from './formCheck';
import { changedFields, type GuardianValues, type StudentFormValues, type TextField } from './formValues';
import { GuardiansSection } from './GuardiansSection';
import { useLeaveGuard } from './useLeaveGuard';
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
  /** Called once the form's own check passes; `allowLeave()` before moving on from a successful save. */
  onSubmit: (values: StudentFormValues, allowLeave: () => void) => void;
  onCancel: () => void;
  onRequestChange?: (() => void) | undefined;
}

type Candidate = CallOutput<'students.duplicates'>[number];

const NONE: ReadonlySet<string> = new Set();
/** The fields that show their own message under them (学籍状态 is shown, never edited here). */
const hasOwnMessage = (field: string) => /^guardians\.\d+\.(name|relation|phone|workUnit)$/.test(field) || (field !== 'status' && field !== 'guardians' && !field.includes('.'));

/**
 * The message at the foot of the form: how many problems are left (each is spelled out under its
 * field) and those that belong to no field; nothing once every field with a problem was changed.
 */
function footError(error: AppErrorData | null, errors: Record<string, string>, cleared: ReadonlySet<string>): AppErrorData | null {
  if (!error) return null;
  const key = (field: string | undefined) => field?.replace(/^patch\./, '');
  if (error.code !== 'VALIDATION' || !error.issues?.length) return cleared.has(key(error.field) ?? '') ? null : error;
  const onFields = Object.keys(errors).filter(hasOwnMessage).length;
  const elsewhere = error.issues.filter((i) => !cleared.has(key(i.field) ?? '') && !hasOwnMessage(key(i.field) ?? ''));
  const left = onFields + elsewhere.length;
  if (left === 0) return null;
  return {
    code: 'VALIDATION',
    message: onFields > 0 ? `还有 ${left} 处需要修改，已在相应的项下方标出` : `还有 ${left} 处需要修改`,
    issues: elsewhere.map((i) => ({ message: i.message })),
  };
}

/** The student form, for a new student and for editing one. The server checks every value. */
export function StudentForm({ initial, lockedFields = [], studentId, saving, error, submitLabel, onSubmit, onCancel, onRequestChange }: Props) {
  const [values, setValues] = useState<StudentFormValues>(initial);
  const [duplicates, setDuplicates] = useState<Candidate[]>([]);
  const lastCheck = useRef('');
  const formRef = useRef<HTMLFormElement>(null);
  const org = useOrgTree();
  const locked = new Set(lockedFields);
  // Leaving with unsaved edits asks first; an unchanged form, or one just saved, leaves freely.
  const leaveGuard = useLeaveGuard(Object.keys(changedFields(initial, values)).length > 0);

  // The problems shown: the form's own check on submit, else the server's answer. A field's
  // message goes as soon as that field is changed; a new check or answer shows everything again.
  const [checkError, setCheckError] = useState<AppErrorData | null>(null);
  const shown = checkError ?? error;
  const [cleared, setCleared] = useState<{ of: AppErrorData | null; fields: ReadonlySet<string> }>({ of: null, fields: NONE });
  const clearedFields = cleared.of === shown ? cleared.fields : NONE;
  const errors = Object.fromEntries(Object.entries(errorsByField(shown)).filter(([field]) => !clearedFields.has(field)));
  const clear = (fields: readonly string[]) => {
    if (shown && fields.some((f) => errors[f] !== undefined)) setCleared({ of: shown, fields: new Set([...clearedFields, ...fields]) });
  };

  // Bring the first problem into view: the form is longer than the window.
  useEffect(() => {
    if (shown) formRef.current?.querySelector('.Mui-error')?.scrollIntoView({ block: 'center' });
  }, [shown]);

  const update = (next: StudentFormValues, changed: readonly string[]) => {
    setValues(next);
    clear(changed);
  };

  // What the last valid ID number said, for withIdNumber.
  const lastId = useRef(fromIdNumber(initial.idNumber, new Date()));

  const b: FieldBinding = {
    values,
    errors,
    locked,
    set: (field: TextField, value: string) => {
      // A valid ID number fills 出生日期 and 性别 (see withIdNumber for when).
      let next: StudentFormValues = { ...values, [field]: value };
      if (field === 'idNumber') {
        next = withIdNumber(values, value, locked, new Date(), lastId.current);
        lastId.current = fromIdNumber(value, new Date()) ?? lastId.current;
      }
      update(next, (['idNumber', 'birthDate', 'gender', field] as const).filter((f) => next[f] !== values[f]));
    },
  };

  const setGuardians = (guardians: GuardianValues[]) => {
    const before = values.guardians;
    const changed: string[] = ['guardians'];
    if (guardians.length < before.length) {
      // A row went: the messages of the rows below it no longer line up with them.
      changed.push(...Object.keys(errors).filter((f) => f.startsWith('guardians.')));
    } else {
      guardians.forEach((g, i) => {
        for (const key of Object.keys(g) as (keyof GuardianValues)[]) if (g[key] !== before[i]?.[key]) changed.push(`guardians.${i}.${key}`);
      });
    }
    update({ ...values, guardians }, changed);
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
    // Every problem at once, before asking the server (which checks everything again).
    const problems = checkStudentForm(initial, values, studentId !== undefined, new Date());
    setCheckError(problems);
    if (!problems) onSubmit(values, leaveGuard.allowLeave);
  };

  return (
    <form ref={formRef} onSubmit={submit} noValidate aria-label="学生档案">
      <BasicSection b={b} onIdentityBlur={checkDuplicates} onRequestChange={onRequestChange} duplicates={<DuplicateWarning candidates={duplicates} />} />
      <ContactSection b={b} />
      <EnrolmentSection b={b} classes={org.data?.classes ?? []} />
      <GuardiansSection guardians={values.guardians} errors={errors} onChange={setGuardians} />
      <Paper
        variant="outlined"
        sx={{ position: 'sticky', bottom: 0, zIndex: 2, p: 1.5, px: 2.5, display: 'flex', alignItems: 'center', gap: 2, boxShadow: '0 -4px 12px rgba(31, 39, 51, 0.06)' }}
      >
        <Box sx={{ flexGrow: 1, minWidth: 0 }}>
          <ErrorAlert error={footError(shown, errors, clearedFields)} />
        </Box>
        <Button onClick={onCancel} disabled={saving}>
          取消
        </Button>
        <Button type="submit" variant="contained" disabled={saving} sx={{ minWidth: 96 }}>
          {saving ? '正在保存…' : submitLabel}
        </Button>
      </Paper>
      {leaveGuard.dialog}
    </form>
  );
}
