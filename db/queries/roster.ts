import { toHalfWidth } from '../../shared/domain/text';
import type { RosterFilter, RosterQuery } from '../../shared/ipc/schemas/students';
import type { Db } from '../client';

/** Roster rows as stored (unmasked); the service masks them for the caller's role. */
export interface RosterRecord {
  id: number;
  studentNo: string;
  examNo: string | null;
  name: string;
  gender: string;
  birthDate: string;
  idNumber: string;
  ethnicityCode: string | null;
  politicalStatusCode: string | null;
  nativePlace: string | null;
  sourceRegion: string | null;
  phone: string | null;
  homeAddress: string | null;
  householdAddress: string | null;
  email: string | null;
  formerName: string | null;
  expectedGraduationDate: string | null;
  notes: string | null;
  status: string;
  classId: number | null;
  className: string | null;
  majorName: string | null;
  cohortYear: number | null;
  dormitory: string | null;
  enrolmentDate: string | null;
  registered: boolean;
  guardianName: string | null;
  guardianRelation: string | null;
  guardianPhone: string | null;
}

export const ROSTER_SELECT = `
  SELECT s.id, s.student_no AS studentNo, s.exam_no AS examNo, s.name, s.gender, s.birth_date AS birthDate,
         s.id_number AS idNumber, s.ethnicity_code AS ethnicityCode, s.political_status_code AS politicalStatusCode,
         s.native_place AS nativePlace, s.source_region AS sourceRegion, s.phone, s.home_address AS homeAddress,
         s.household_address AS householdAddress, s.email, s.former_name AS formerName,
         s.expected_graduation_date AS expectedGraduationDate, s.notes,
         s.status, s.class_id AS classId, c.name AS className, m.name AS majorName, c.cohort_year AS cohortYear,
         s.dormitory, s.enrolment_date AS enrolmentDate, s.registered,
         (SELECT g.name FROM guardians g WHERE g.student_id = s.id ORDER BY g.id LIMIT 1) AS guardianName,
         (SELECT g.relation FROM guardians g WHERE g.student_id = s.id ORDER BY g.id LIMIT 1) AS guardianRelation,
         (SELECT g.phone FROM guardians g WHERE g.student_id = s.id ORDER BY g.id LIMIT 1) AS guardianPhone
  FROM students s
  LEFT JOIN classes c ON c.id = s.class_id
  LEFT JOIN majors m ON m.id = c.major_id`;

const SORT_SQL: Record<string, string> = {
  studentNo: 's.student_no',
  // Chinese names sort the way people expect: by pinyin.
  name: 's.name_pinyin',
  gender: 's.gender',
  birthDate: 's.birth_date',
  className: 'c.name',
  majorName: 'm.name',
  cohortYear: 'c.cohort_year',
  status: 's.status',
  sourceRegion: 's.source_region',
  enrolmentDate: 's.enrolment_date',
  examNo: 's.exam_no',
};

/** Upper bound for a prefix range that an index can serve (x ≤ v < x + U+FFFF). */
const upper = (prefix: string) => `${prefix}\uffff`;
const ftsPhrase = (q: string) => `"${q.replace(/"/g, '""')}"`;

/**
 * Turns the one search box into SQL that uses an index for every kind of input:
 * digits (学号/考生号/ID fragment) → trigram index, or a 学号 prefix when shorter than 3;
 * latin letters → pinyin initials or full-pinyin prefix; Chinese → trigram on names for 3+
 * characters, else a name prefix (surname) or substring.
 */
export function searchCondition(rawQ: string): { sql: string; params: unknown[] } | null {
  const q = toHalfWidth(rawQ).trim().replace(/\s+/g, '');
  if (!q) return null;
  if (/^[0-9]+[xX]?$/.test(q)) {
    const v = q.toUpperCase();
    if (v.length >= 3) {
      return { sql: `s.id IN (SELECT rowid FROM students_fts WHERE students_fts MATCH ?)`, params: [`{id_number student_no exam_no} : ${ftsPhrase(v)}`] };
    }
    return { sql: '(s.student_no >= ? AND s.student_no < ?)', params: [v, upper(v)] };
  }
  if (/^[a-zA-Z]+$/.test(q)) {
    const v = q.toLowerCase();
    return {
      sql: '((s.name_initials >= ? AND s.name_initials < ?) OR (s.name_pinyin >= ? AND s.name_pinyin < ?))',
      params: [v, upper(v), v, upper(v)],
    };
  }
  if (q.length >= 3) {
    return { sql: `s.id IN (SELECT rowid FROM students_fts WHERE students_fts MATCH ?)`, params: [`{name} : ${ftsPhrase(q)}`] };
  }
  return { sql: '((s.name >= ? AND s.name < ?) OR s.name LIKE ?)', params: [q, upper(q), `%${q}%`] };
}

export function filterConditions(f: RosterFilter): { where: string; params: unknown[] } {
  const parts: string[] = [];
  const params: unknown[] = [];
  const add = (sql: string, ...p: unknown[]) => {
    parts.push(sql);
    params.push(...p);
  };
  if (f.cohortYear !== undefined) add('c.cohort_year = ?', f.cohortYear);
  if (f.majorId !== undefined) add('c.major_id = ?', f.majorId);
  if (f.classId !== undefined) add('s.class_id = ?', f.classId);
  if (f.status) add('s.status = ?', f.status);
  if (f.gender) add('s.gender = ?', f.gender);
  if (f.ethnicityCode) add('s.ethnicity_code = ?', f.ethnicityCode);
  if (f.politicalStatusCode) add('s.political_status_code = ?', f.politicalStatusCode);
  if (f.sourceRegion) add('s.source_region LIKE ?', `${f.sourceRegion}%`);
  if (f.q) {
    const s = searchCondition(f.q);
    if (s) add(s.sql, ...s.params);
  }
  return { where: parts.length ? `WHERE ${parts.join(' AND ')}` : '', params };
}

function orderBy(sort: RosterQuery['sort']): string {
  const col = sort ? SORT_SQL[sort.field] ?? 's.student_no' : 's.student_no';
  const dir = sort?.dir === 'desc' ? 'DESC' : 'ASC';
  return `ORDER BY ${col} ${dir}, s.id ${dir}`;
}

const mapRow = (r: RosterRecord & { registered: number | boolean }): RosterRecord => ({ ...r, registered: Boolean(r.registered) });

export function rosterPage(db: Db, q: RosterQuery): { rows: RosterRecord[]; total: number } {
  const raw = db.$client;
  const { where, params } = filterConditions(q.filter);
  const needsJoin = /\b[cm]\./.test(where);
  const countSql = needsJoin
    ? `SELECT count(*) AS n FROM students s LEFT JOIN classes c ON c.id = s.class_id ${where}`
    : `SELECT count(*) AS n FROM students s ${where}`;
  const total = (raw.prepare(countSql).get(...params) as { n: number }).n;
  const rows = raw
    .prepare(`${ROSTER_SELECT} ${where} ${orderBy(q.sort)} LIMIT ? OFFSET ?`)
    .all(...params, q.pageSize, q.page * q.pageSize) as (RosterRecord & { registered: number })[];
  return { rows: rows.map(mapRow), total };
}

/** Every row of a filtered view, in order, streamed (for exports of tens of thousands of rows). */
export function* rosterRows(db: Db, filter: RosterFilter, sort: RosterQuery['sort']): Generator<RosterRecord> {
  const { where, params } = filterConditions(filter);
  const it = db.$client.prepare(`${ROSTER_SELECT} ${where} ${orderBy(sort)}`).iterate(...params) as IterableIterator<RosterRecord & { registered: number }>;
  for (const r of it) yield mapRow(r);
}

export function rosterRowById(db: Db, id: number): RosterRecord | undefined {
  const r = db.$client.prepare(`${ROSTER_SELECT} WHERE s.id = ?`).get(id) as (RosterRecord & { registered: number }) | undefined;
  return r ? mapRow(r) : undefined;
}
