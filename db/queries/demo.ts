import { demoStatusUntil, type DemoOrganisation, type DemoStudent } from '../../shared/domain/demo';
import { nameChars, namePinyin } from '../../shared/domain/name-pinyin';
import type { Db } from '../client';

/**
 * Bulk insert of generated demo data through prepared statements (drizzle's builder is too slow for
 * 100,000 rows). Run inside a transaction. `loadDay` (local YYYY-MM-DD) anchors the 休学 students'
 * 预计复学日期, so the 待办 reminders show in a fresh demo.
 */
export function insertDemoData(db: Db, org: DemoOrganisation, students: DemoStudent[], at: string, loadDay: string) {
  const raw = db.$client;
  const majorIds = new Map<string, number>();
  const insMajor = raw.prepare(
    `INSERT INTO majors (code, name, level, length_years, study_form, created_at, updated_at) VALUES (?,?,?,?,?,?,?)
     ON CONFLICT(code) DO UPDATE SET name = excluded.name RETURNING id`,
  );
  for (const m of org.majors) {
    const row = insMajor.get(m.code, m.name, m.level, m.programLength, m.studyForm, at, at) as { id: number };
    majorIds.set(m.code, row.id);
  }
  const classIds = new Map<string, number>();
  const insClass = raw.prepare(
    `INSERT INTO classes (name, major_id, cohort_year, head_teacher, established_on, length_years, class_type, created_at, updated_at)
     VALUES (?,?,?,?,?,?,?,?,?) ON CONFLICT(name) DO UPDATE SET head_teacher = excluded.head_teacher RETURNING id`,
  );
  for (const c of org.classes) {
    const major = org.majors.find((m) => m.code === c.majorCode)!;
    const row = insClass.get(c.name, majorIds.get(c.majorCode), c.cohort, c.headTeacher, `${c.cohort}-09`, major.programLength, '普通班', at, at) as { id: number };
    classIds.set(c.key, row.id);
  }
  const insStudent = raw.prepare(
    `INSERT INTO students (student_no, exam_no, name, name_pinyin, name_initials, name_chars, gender, birth_date, id_number, ethnicity_code,
       political_status_code, native_place, source_region, household_address, home_address, phone, enrolment_date,
       expected_graduation_date, status, status_until, class_id, dormitory, registered, created_at, updated_at)
     VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,1,?,?)`,
  );
  const insGuardian = raw.prepare('INSERT INTO guardians (student_id, name, relation, phone) VALUES (?,?,?,?)');
  for (const s of students) {
    const py = namePinyin(s.name);
    const res = insStudent.run(
      s.studentNo, s.examNo, s.name, py.full, py.initials, nameChars(s.name), s.gender, s.birthDate, s.idNumber, s.ethnicityCode,
      s.politicalStatusCode, s.nativePlace, s.sourceRegion, s.address, s.address, s.phone, s.enrolmentDate,
      s.expectedGraduationDate, s.status, demoStatusUntil(s, loadDay), classIds.get(s.classKey) ?? null, s.dormitory, at, at,
    );
    insGuardian.run(res.lastInsertRowid, s.guardian.name, s.guardian.relation, s.guardian.phone);
  }
  return { majors: org.majors.length, classes: org.classes.length, students: students.length };
}
