import type { CallInput } from '../../../../../shared/ipc/contract';
import type { StudentProfile } from '../../../../../shared/ipc/schemas/students';

export interface GuardianValues {
  name: string;
  relation: string;
  phone: string;
  workUnit: string;
}

/** The student form as typed: every field a string ('' = not filled). */
export interface StudentFormValues {
  studentNo: string;
  examNo: string;
  name: string;
  formerName: string;
  gender: string;
  birthDate: string;
  idNumber: string;
  ethnicityCode: string;
  politicalStatusCode: string;
  nativePlace: string;
  sourceRegion: string;
  phone: string;
  email: string;
  householdAddress: string;
  homeAddress: string;
  classId: string;
  enrolmentDate: string;
  expectedGraduationDate: string;
  status: string;
  dormitory: string;
  notes: string;
  guardians: GuardianValues[];
}

export type TextField = Exclude<keyof StudentFormValues, 'guardians'>;

export const EMPTY_GUARDIAN: GuardianValues = { name: '', relation: '', phone: '', workUnit: '' };

export const EMPTY_STUDENT: StudentFormValues = {
  studentNo: '', examNo: '', name: '', formerName: '', gender: '', birthDate: '', idNumber: '', ethnicityCode: '',
  politicalStatusCode: '', nativePlace: '', sourceRegion: '', phone: '', email: '', householdAddress: '', homeAddress: '',
  classId: '', enrolmentDate: '', expectedGraduationDate: '', status: 'enrolled', dormitory: '', notes: '', guardians: [],
};

const s = (v: string | number | null | undefined) => (v === null || v === undefined ? '' : String(v));

export function fromProfile(p: StudentProfile): StudentFormValues {
  return {
    studentNo: s(p.studentNo), examNo: s(p.examNo), name: p.name, formerName: s(p.formerName), gender: p.gender,
    birthDate: p.birthDate, idNumber: p.idNumber, ethnicityCode: s(p.ethnicityCode), politicalStatusCode: s(p.politicalStatusCode),
    nativePlace: s(p.nativePlace), sourceRegion: s(p.sourceRegion), phone: s(p.phone), email: s(p.email),
    householdAddress: s(p.householdAddress), homeAddress: s(p.homeAddress), classId: s(p.classId),
    enrolmentDate: s(p.enrolmentDate), expectedGraduationDate: s(p.expectedGraduationDate), status: p.status,
    dormitory: s(p.dormitory), notes: s(p.notes),
    guardians: p.guardians.map((g) => ({ name: g.name, relation: g.relation, phone: s(g.phone), workUnit: s(g.workUnit) })),
  };
}

type StudentInput = CallInput<'students.create'>;

const orNull = (v: string) => (v.trim() === '' ? null : v.trim());

/** The form as the contract wants it: blanks become null; the server checks everything else. */
export function toInput(v: StudentFormValues): StudentInput {
  return {
    studentNo: v.studentNo.trim(),
    examNo: orNull(v.examNo),
    name: v.name.trim(),
    formerName: orNull(v.formerName),
    gender: v.gender as StudentInput['gender'],
    birthDate: v.birthDate,
    idNumber: v.idNumber.trim(),
    ethnicityCode: orNull(v.ethnicityCode),
    politicalStatusCode: orNull(v.politicalStatusCode),
    nativePlace: orNull(v.nativePlace),
    sourceRegion: orNull(v.sourceRegion),
    phone: orNull(v.phone),
    email: orNull(v.email),
    householdAddress: orNull(v.householdAddress),
    homeAddress: orNull(v.homeAddress),
    classId: v.classId === '' ? null : Number(v.classId),
    enrolmentDate: orNull(v.enrolmentDate),
    expectedGraduationDate: orNull(v.expectedGraduationDate),
    dormitory: orNull(v.dormitory),
    notes: orNull(v.notes),
    guardians: v.guardians.map((g) => ({ name: g.name.trim(), relation: g.relation.trim(), phone: orNull(g.phone), workUnit: g.workUnit.trim() || undefined })),
  };
}

/** Only what changed since the form was loaded, for students.update; empty when nothing did. */
export function changedFields(initial: StudentFormValues, current: StudentFormValues): Partial<StudentInput> {
  const a = toInput(initial) as Record<string, unknown>;
  const b = toInput(current) as Record<string, unknown>;
  const patch: Record<string, unknown> = {};
  for (const key of Object.keys(b)) {
    if (JSON.stringify(a[key]) !== JSON.stringify(b[key])) patch[key] = b[key];
  }
  if (Object.keys(patch).length === 0) return {};
  // The update schema fills a missing status with 'enrolled' and missing guardians with [] (the
  // defaults of the create schema survive .partial()), so both are always sent as they stand.
  return { ...patch, status: b.status as string, guardians: b.guardians as StudentInput['guardians'] } as Partial<StudentInput>;
}
