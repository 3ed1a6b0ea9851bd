import type { ProofFacts } from '../../shared/domain/proofs';
import type { Db } from '../client';
import { decodeChanges } from './audit';
import { getSettings } from './settings';

/** The action under which an issued proof is recorded; its changes carry proofKind and proofNo. */
export const PROOF_AUDIT_ACTION = 'proofs.issue';

/**
 * What a proof states about the student (unmasked), with the school from the settings; undefined
 * if no such student. statusSince comes from a real change to the current status (the entry made
 * with the record itself has no from_status and says nothing about when the status began).
 */
export function proofFacts(db: Db, studentId: number): ProofFacts | undefined {
  const row = db.$client
    .prepare(
      `SELECT s.name, s.gender, s.birth_date AS birthDate, s.id_number AS idNumber, s.student_no AS studentNo,
              s.enrolment_date AS enrolmentDate, s.expected_graduation_date AS expectedGraduationDate, s.status,
              c.name AS className, c.cohort_year AS cohortYear, COALESCE(c.length_years, m.length_years) AS lengthYears,
              m.name AS majorName, m.level, m.study_form AS studyForm,
              (SELECT h.effective FROM status_history h WHERE h.student_id = s.id AND h.to_status = s.status AND h.from_status IS NOT NULL ORDER BY h.id DESC LIMIT 1) AS statusSince
         FROM students s
         LEFT JOIN classes c ON c.id = s.class_id
         LEFT JOIN majors m ON m.id = c.major_id
        WHERE s.id = ?`,
    )
    .get(studentId) as Omit<ProofFacts, 'schoolName' | 'departmentName'> | undefined;
  if (!row) return undefined;
  const { schoolName, departmentName } = getSettings(db);
  return { ...row, schoolName, departmentName };
}

/**
 * The highest running number issued under this prefix (ZD2026-), from the audit trail, which is
 * where every issued proof is recorded: 0 when none yet. Called inside the write that records the
 * next one, so two proofs never share a number.
 */
export function lastProofSerial(db: Db, prefix: string): number {
  const rows = db.$client
    .prepare(`SELECT changes FROM audit_log WHERE action = ? AND instr(changes, ?) > 0`)
    .all(PROOF_AUDIT_ACTION, `"${prefix}`) as { changes: string }[];
  let last = 0;
  for (const { changes } of rows) {
    const no = decodeChanges(changes).find((c) => c.field === 'proofNo')?.after;
    if (typeof no === 'string' && no.startsWith(prefix)) last = Math.max(last, Number(no.slice(prefix.length)) || 0);
  }
  return last;
}
