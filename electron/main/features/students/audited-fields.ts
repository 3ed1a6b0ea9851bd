import type { StudentRow } from '../../../../db/queries/students';

/**
 * The student columns whose changes the audit trail records field by field. A module of its own:
 * the import's write worker needs it without loading the students handlers (and exceljs with them).
 */
export const AUDITED_STUDENT_FIELDS = [
  'studentNo', 'examNo', 'name', 'formerName', 'gender', 'birthDate', 'idNumber', 'ethnicityCode', 'politicalStatusCode',
  'nativePlace', 'sourceRegion', 'householdAddress', 'homeAddress', 'phone', 'email', 'enrolmentDate',
  'expectedGraduationDate', 'status', 'classId', 'dormitory', 'notes', 'registered',
] as const satisfies readonly (keyof StudentRow)[];
