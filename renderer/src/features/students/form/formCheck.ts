import { validateIdNumber, type IdGender } from '../../../../../shared/domain/idcard';
import { checkStudentRules } from '../../../../../shared/domain/student-rules';
import type { AppErrorData } from '../../../../../shared/ipc/result';
import { CreateStudentInput, UpdateStudentInput } from '../../../../../shared/ipc/schemas/students';
import { changedFields, toInput, type StudentFormValues } from './formValues';

type Issue = { field: string; message: string };

/**
 * Every problem of the form at once, before it goes to the server: the contract's schema (the
 * same one the server applies, so the two agree) and the cross-field rules of every saved student.
 * The server would report the rules only once the schema passes, one round later. An edit is held
 * to what the server checks: the schema for what changed, the rules for the whole record.
 * Null when the server may have it; the server still checks everything.
 */
export function checkStudentForm(initial: StudentFormValues, values: StudentFormValues, editing: boolean, asOf: Date): AppErrorData | null {
  const issues: Issue[] = [];
  const input = toInput(values);
  const patch = editing ? changedFields(initial, values) : null;
  // Nothing changed: nothing is sent, so nothing to hold up.
  if (patch && Object.keys(patch).length === 0) return null;
  const parsed = patch ? UpdateStudentInput.shape.patch.safeParse(patch) : CreateStudentInput.safeParse(input);
  if (!parsed.success) for (const i of parsed.error.issues) issues.push({ field: i.path.join('.'), message: i.message });
  const rules = checkStudentRules({ ...input, status: values.status }, asOf);
  for (const i of rules.issues) issues.push({ field: i.field, message: i.message });

  // One message per field, the first (an empty field is "请填写…", not also "…不能为空").
  const seen = new Set<string>();
  const unique = issues.filter((i) => !seen.has(i.field) && seen.add(i.field));
  if (unique.length === 0) return null;
  const first = unique[0]!;
  return { code: 'VALIDATION', message: first.message, field: first.field, issues: unique };
}

type FromId = { birthDate: string; gender: IdGender };

/** 出生日期 and 性别 as an 18-digit ID number gives them, or null while the number is not a valid one. */
export function fromIdNumber(idNumber: string, asOf: Date): FromId | null {
  const r = validateIdNumber(idNumber, { asOf });
  return r.ok ? { birthDate: r.birthDate, gender: r.gender } : null;
}

/**
 * The form after the ID number was typed: 出生日期 and 性别 follow a valid number when they are
 * empty or still what the last valid number said (`previous`: a number is retyped through invalid
 * halves); a value the user chose differently stays (the server compares it with the number on
 * saving). Locked fields are never touched.
 */
export function withIdNumber(v: StudentFormValues, idNumber: string, locked: ReadonlySet<string>, asOf: Date, previous: FromId | null): StudentFormValues {
  const next = { ...v, idNumber };
  const now = fromIdNumber(idNumber, asOf);
  if (!now) return next;
  if (!locked.has('birthDate') && (v.birthDate === '' || v.birthDate === previous?.birthDate)) next.birthDate = now.birthDate;
  if (!locked.has('gender') && (v.gender === '' || v.gender === previous?.gender)) next.gender = now.gender;
  return next;
}
