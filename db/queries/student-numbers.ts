/**
 * 学号编排 in the database: the rule (kept in the settings table), the students still without a
 * 学号 with what the rule's parts need, and the writes. The numbering itself is the pure
 * planStudentNumbers in shared/domain/student-no.ts.
 */
import { eq } from 'drizzle-orm';
import { DEFAULT_STUDENT_NO_RULE, type NumberingCandidate, type StudentNoRule } from '../../shared/domain/student-no';
import type { Db } from '../client';
import { settings } from '../schema';

const RULE_KEY = 'studentNoRule';

export function getStudentNoRule(db: Db): StudentNoRule {
  const row = db.select().from(settings).where(eq(settings.key, RULE_KEY)).get();
  return row ? (JSON.parse(row.value) as StudentNoRule) : DEFAULT_STUDENT_NO_RULE;
}

export function putStudentNoRule(db: Db, rule: StudentNoRule): void {
  const value = JSON.stringify(rule);
  db.insert(settings).values({ key: RULE_KEY, value }).onConflictDoUpdate({ target: settings.key, set: { value } }).run();
}

/** Which students to number: these ids, or a cohort (年级), or every student still without one. */
export interface NumberingScope {
  ids?: number[] | undefined;
  cohortYear?: number | undefined;
}

/**
 * Students in the scope that have no 学号 yet. 班号 is the class's place among the classes of the
 * same major and cohort, by class name (计算机应用技术2601 → 1, …2602 → 2).
 */
export function numberingCandidates(db: Db, scope: NumberingScope): NumberingCandidate[] {
  const where: string[] = ['s.student_no IS NULL'];
  const params: unknown[] = [];
  if (scope.cohortYear !== undefined) {
    where.push('c.cohort_year = ?');
    params.push(scope.cohortYear);
  }
  const sql = `
    WITH ranked AS (
      SELECT id, ROW_NUMBER() OVER (PARTITION BY major_id, cohort_year ORDER BY name) AS ordinal FROM classes
    )
    SELECT s.id, s.name, s.name_pinyin AS namePinyin, s.id_number AS idNumber, c.name AS className,
           c.cohort_year AS cohortYear, m.code AS majorCode, r.ordinal AS classOrdinal
      FROM students s
      LEFT JOIN classes c ON c.id = s.class_id
      LEFT JOIN majors m ON m.id = c.major_id
      LEFT JOIN ranked r ON r.id = c.id
     WHERE ${where.join(' AND ')}`;
  const raw = db.$client;
  if (!scope.ids) return raw.prepare(sql).all(...params) as NumberingCandidate[];
  // By id: in chunks, so a selection of 20,000 stays within SQLite's parameter limit.
  const out: NumberingCandidate[] = [];
  for (let i = 0; i < scope.ids.length; i += 500) {
    const chunk = scope.ids.slice(i, i + 500);
    out.push(...(raw.prepare(`${sql} AND s.id IN (${chunk.map(() => '?').join(',')})`).all(...params, ...chunk) as NumberingCandidate[]));
  }
  return out;
}

/** Every 学号 in use (the sequence continues after them and never repeats one). */
export function studentNosInUse(db: Db): string[] {
  return (db.$client.prepare('SELECT student_no AS no FROM students WHERE student_no IS NOT NULL').all() as { no: string }[]).map((r) => r.no);
}

/** Sets a 学号 where there was none; returns false if the student meanwhile got one (or is gone). */
export function setStudentNo(db: Db, id: number, studentNo: string, now: string): boolean {
  const r = db.$client
    .prepare('UPDATE students SET student_no = ?, version = version + 1, updated_at = ? WHERE id = ? AND student_no IS NULL')
    .run(studentNo, now, id);
  return r.changes === 1;
}
