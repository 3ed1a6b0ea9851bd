import { chosenValues } from '../../shared/domain/roster-filter';
import { toHalfWidth } from '../../shared/domain/text';
import type { RosterFilter, RosterQuery } from '../../shared/ipc/schemas/students';
import type { Db } from '../client';

/** Roster rows as stored (unmasked); the service masks them for the caller's role. */
type StoredRow = Omit<RosterRecord, 'registered'> & { registered: number };

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
  status: 's.status',
  sourceRegion: 's.source_region',
  enrolmentDate: 's.enrolment_date',
  examNo: 's.exam_no',
};

/**
 * Sorts by a property of the student's class: the ORDER BY terms before s.id. 年级 and 专业 are
 * broken by 班级 so one class's students stay together. Students without a class come first
 * (SQLite puts NULL first in ascending order).
 */
const CLASS_SORTS: Record<string, { terms: string[]; majors: boolean }> = {
  className: { terms: ['c.name'], majors: false },
  cohortYear: { terms: ['c.cohort_year', 'c.name'], majors: false },
  majorName: { terms: ['m.name', 'm.id', 'c.name'], majors: true },
};

/** Upper bound for a prefix range that an index can serve (x ≤ v < x + U+FFFF). */
const upper = (prefix: string) => `${prefix}\uffff`;
const ftsPhrase = (q: string) => `"${q.replace(/"/g, '""')}"`;
/** `col = ?` for one value, `col IN (?, ?, …)` for several: both are served by the column's index. */
const oneOf = (col: string, values: readonly number[]) => (values.length === 1 ? `${col} = ?` : `${col} IN (${values.map(() => '?').join(', ')})`);

/**
 * What the reader may see, on top of every filter they choose. Set by the main process from the
 * caller's role, never taken from the renderer.
 */
export interface RosterAccess {
  /** Full ID numbers (students.identity.read): without it, no search by ID digits. */
  identity: boolean;
  /** 数据范围: only students of these classes; absent or null, the whole department. */
  classIds?: readonly number[] | null;
}

/** A filter with the reader's scope in it (RosterFilter, what the renderer sends, has no such field). */
type ScopedFilter = RosterFilter & { classIn?: readonly number[] };
const scoped = (f: RosterFilter, access: RosterAccess): ScopedFilter => (access.classIds ? { ...f, classIn: access.classIds } : f);
export const FULL_ACCESS: RosterAccess = { identity: true };

/**
 * Turns the one search box into SQL that uses an index for every kind of input:
 * digits → the start of a 学号, else any part of an ID number or 考生号 (trigram index);
 * latin letters → pinyin initials or full-pinyin prefix; Chinese → any part of the name through the
 * per-character index.
 */
export function searchCondition(rawQ: string, db: Db, access: RosterAccess = FULL_ACCESS): { sql: string; params: unknown[] } | null {
  const q = toHalfWidth(rawQ).trim().replace(/\s+/g, '');
  if (!q) return null;
  if (/^[0-9]+[xX]?$/.test(q)) {
    const v = q.toUpperCase();
    // Someone typing the start of a 学号 wants that list in 学号 order: an index range, which
    // also lets the page stop early. Otherwise the digits are part of an ID number or 考生号.
    const isStudentNoPrefix = db.$client.prepare('SELECT 1 FROM students WHERE student_no >= ? AND student_no < ? LIMIT 1').get(v, upper(v));
    if (isStudentNoPrefix || v.length < 4) {
      return { sql: '(s.student_no >= ? AND s.student_no < ?)', params: [v, upper(v)] };
    }
    // A reader who sees ID numbers masked cannot search by their digits: a match would confirm the
    // hidden ones, a guess at a time.
    const columns = access.identity ? '{id_number student_no exam_no}' : '{student_no exam_no}';
    return { sql: `s.id IN (SELECT rowid FROM students_fts WHERE students_fts MATCH ?)`, params: [`${columns} : ${ftsPhrase(v)}`] };
  }
  if (/^[a-zA-Z]+$/.test(q)) {
    const v = q.toLowerCase();
    return {
      sql: '((s.name_initials >= ? AND s.name_initials < ?) OR (s.name_pinyin >= ? AND s.name_pinyin < ?))',
      params: [v, upper(v), v, upper(v)],
    };
  }
  // Chinese (or mixed): a phrase of single characters over the per-character index.
  return { sql: `s.id IN (SELECT rowid FROM students_name_fts WHERE students_name_fts MATCH ?)`, params: [ftsPhrase([...q].join(' '))] };
}

/**
 * Conditions of a roster filter. `walkSortIndex`: the filter matches a large share of students and
 * the page is read by walking an index in sort order and stopping at the page's last row (faster
 * than collecting every match and sorting it); a unary + keeps SQLite from choosing the filter's
 * own index instead. `walkClassFilter`: class, cohort and major conditions are walked too (as
 * membership in their students' id set) instead of being read through students_class.
 */
function conditions(
  f: ScopedFilter,
  walkSortIndex: boolean,
  search: ReturnType<typeof searchCondition>,
  walkClassFilter = false,
): { parts: string[]; params: unknown[] } {
  const parts: string[] = [];
  const params: unknown[] = [];
  const add = (sql: string, ...p: unknown[]) => {
    parts.push(walkSortIndex ? `+(${sql})` : sql);
    params.push(...p);
  };
  const addIndexed = (sql: string, ...p: unknown[]) => {
    parts.push(sql);
    params.push(...p);
  };
  // Walking a sort index, a class condition is checked as membership in the set of those classes'
  // students, built once from students_class: the walk then reads only the sort index, never a row.
  // (`+s.id IN (…)`, not `+(s.id IN (…))`: SQLite then checks a Bloom filter first, twice as fast.)
  const addClass = (cond: string, values: number[]) =>
    walkClassFilter ? addIndexed(`+s.id IN (SELECT id FROM students WHERE ${cond})`, ...values) : addIndexed(`s.${cond}`, ...values);
  const cohorts = chosenValues(f.cohortYear);
  const majors = chosenValues(f.majorId);
  const classIds = chosenValues(f.classId);
  if (cohorts.length) addClass(`class_id IN (SELECT id FROM classes WHERE ${oneOf('cohort_year', cohorts)})`, cohorts);
  if (majors.length) addClass(`class_id IN (SELECT id FROM classes WHERE ${oneOf('major_id', majors)})`, majors);
  if (classIds.length) addClass(oneOf('class_id', classIds), classIds);
  if (f.status) add('s.status = ?', f.status);
  if (f.gender) add('s.gender = ?', f.gender);
  if (f.ethnicityCode) add('s.ethnicity_code = ?', f.ethnicityCode);
  if (f.politicalStatusCode) add('s.political_status_code = ?', f.politicalStatusCode);
  if (f.sourceRegion) add('s.source_region LIKE ?', `${f.sourceRegion}%`);
  if (f.studentNoState) add(f.studentNoState === 'pending' ? 's.student_no IS NULL' : 's.student_no IS NOT NULL');
  if (f.photoState) add(f.photoState === 'missing' ? 's.photo_attachment_id IS NULL' : 's.photo_attachment_id IS NOT NULL');
  if (f.classIn) add('s.class_id IN (SELECT value FROM json_each(?))', JSON.stringify(f.classIn));
  if (search) add(search.sql, ...search.params);
  return { parts, params };
}

const whereOf = (parts: string[]) => (parts.length ? `WHERE ${parts.join(' AND ')}` : '');

/** WHERE clause of a roster filter (see conditions). */
export function filterConditions(
  db: Db,
  f: ScopedFilter,
  walkSortIndex = false,
  // The search box's SQL, when the caller already worked it out (it may query the database).
  search: ReturnType<typeof searchCondition> = f.q ? searchCondition(f.q, db) : null,
  walkClassFilter = false,
): { where: string; params: unknown[] } {
  const { parts, params } = conditions(f, walkSortIndex, search, walkClassFilter);
  return { where: whereOf(parts), params };
}

/** Sort columns with an index on students (see migrations). */
const INDEXED_SORTS = new Set(['studentNo', 'name', 'birthDate', 'status', 'sourceRegion', 'enrolmentDate', 'examNo', 'gender']);

function orderBy(sort: RosterQuery['sort']): string {
  const dir = sort?.dir === 'desc' ? 'DESC' : 'ASC';
  const byClass = sort ? CLASS_SORTS[sort.field] : undefined;
  const terms = byClass ? byClass.terms : [sort ? SORT_SQL[sort.field] ?? 's.student_no' : 's.student_no'];
  return `ORDER BY ${[...terms, 's.id'].map((t) => `${t} ${dir}`).join(', ')}`;
}

const mapRow = (r: StoredRow): RosterRecord => ({ ...r, registered: Boolean(r.registered) });

/**
 * One page in two steps: first the ids of the page (filter, sort, limit over narrow rows), then the
 * full rows for just those ids. Computing every output column for every matching row before the
 * LIMIT would cost hundreds of milliseconds on a broad filter.
 */
export function rosterPage(db: Db, query: RosterQuery, access: RosterAccess = FULL_ACCESS): { rows: RosterRecord[]; total: number } {
  const raw = db.$client;
  const q = { ...query, filter: scoped(query.filter, access) };
  // Worked out once: the count and the page query share it.
  const search = q.filter.q ? searchCondition(q.filter.q, db, access) : null;
  const counted = filterConditions(db, q.filter, false, search);
  const total = (raw.prepare(`SELECT count(*) AS n FROM students s ${counted.where}`).get(...counted.params) as { n: number }).n;
  const all = (raw.prepare('SELECT count(*) AS n FROM students').get() as { n: number }).n;
  const large = total >= Math.max(500, all * 0.05);
  const byClass = q.sort ? CLASS_SORTS[q.sort.field] : undefined;
  let ids: number[];
  if (byClass && large) {
    ids = classWalkPage(db, q, byClass, search, total);
  } else {
    const field = q.sort?.field ?? 'studentNo';
    const byClassFilter = [q.filter.cohortYear, q.filter.majorId, q.filter.classId].some((v) => chosenValues(v).length > 0);
    // Even where the order runs by year (学号, birth dates) and a cohort's students sit at one end,
    // walking the sort index alone (~0.2 µs an entry) beats reading and sorting every match.
    const walkIndex = large && INDEXED_SORTS.has(field);
    const { where, params } = filterConditions(db, q.filter, walkIndex, search, walkIndex && byClassFilter);
    const joins = byClass ? (byClass.majors ? 'LEFT JOIN classes c ON c.id = s.class_id LEFT JOIN majors m ON m.id = c.major_id' : 'LEFT JOIN classes c ON c.id = s.class_id') : '';
    ids = (raw.prepare(`SELECT s.id FROM students s ${joins} ${where} ${orderBy(q.sort)} LIMIT ? OFFSET ?`).all(...params, q.pageSize, q.page * q.pageSize) as { id: number }[]).map((r) => r.id);
  }
  if (ids.length === 0) return { rows: [], total };
  const rows = raw.prepare(`${ROSTER_SELECT} WHERE s.id IN (${ids.map(() => '?').join(',')})`).all(...ids) as StoredRow[];
  const byId = new Map(rows.map((r) => [r.id, r]));
  return { rows: ids.map((id) => mapRow(byId.get(id)!)), total };
}

/**
 * A page sorted by 班级/年级/专业 when many students match: walks classes (and majors) in sort order
 * through their small indexes and each class's students in id order through students_class, so it
 * stops at the page's last row. Same order as orderBy; students without a class, who sort before
 * every class, are read separately (they are few, and none when the filter names a class).
 */
function classWalkPage(db: Db, q: RosterQuery & { filter: ScopedFilter }, byClass: (typeof CLASS_SORTS)[string], search: ReturnType<typeof searchCondition>, total: number): number[] {
  const raw = db.$client;
  const f = q.filter;
  const dir = q.sort?.dir === 'desc' ? 'DESC' : 'ASC';
  const own = conditions({ ...f, cohortYear: undefined, majorId: undefined, classId: undefined }, true, search);
  // The filter's class conditions go on the classes loop, so other classes are skipped whole.
  const classConds = [
    { column: 'c.cohort_year', values: chosenValues(f.cohortYear) },
    { column: 'c.major_id', values: chosenValues(f.majorId) },
    { column: 'c.id', values: chosenValues(f.classId) },
  ].filter((x) => x.values.length > 0);
  const onClass = classConds.map((x) => oneOf(x.column, x.values));
  const classParams = classConds.flatMap((x) => x.values);
  // CROSS JOIN fixes the loop order: classes (or majors, then classes) outside, students inside.
  const from = byClass.majors
    ? 'majors m CROSS JOIN classes c ON c.major_id = m.id CROSS JOIN students s ON s.class_id = c.id'
    : 'classes c CROSS JOIN students s ON s.class_id = c.id';
  const walk = (limit: number, offset: number) =>
    (raw.prepare(`SELECT s.id FROM ${from} ${whereOf([...onClass, ...own.parts])} ${orderBy(q.sort)} LIMIT ? OFFSET ?`)
      .all(...classParams, ...own.params, limit, offset) as { id: number }[]).map((r) => r.id);
  const withoutClassWhere = whereOf(['s.class_id IS NULL', ...own.parts]);
  const withoutClass = onClass.length ? 0 : (raw.prepare(`SELECT count(*) AS n FROM students s ${withoutClassWhere}`).get(...own.params) as { n: number }).n;
  // A filter naming classes leaves out every student without one (on either side of the walk).
  const unclassed = (limit: number, offset: number): number[] =>
    onClass.length ? [] : (raw.prepare(`SELECT s.id FROM students s ${withoutClassWhere} ORDER BY s.id ${dir} LIMIT ? OFFSET ?`).all(...own.params, limit, offset) as { id: number }[]).map((r) => r.id);

  const offset = q.page * q.pageSize;
  const limit = q.pageSize;
  // Ascending: students without a class, then the classes; descending: the other way round.
  const [first, firstCount, second] = dir === 'ASC' ? [unclassed, withoutClass, walk] : [walk, total - withoutClass, unclassed];
  if (offset >= firstCount) return second(limit, offset - firstCount);
  const head = first(limit, offset);
  return head.length < limit ? [...head, ...second(limit - head.length, 0)] : head;
}

/** The ids of every student matching a filter (全选 all of them for a bulk action), at most `limit`. */
export function rosterIds(db: Db, filter: RosterFilter, limit: number, access: RosterAccess = FULL_ACCESS): { ids: number[]; total: number } {
  const { where, params } = filterConditions(db, scoped(filter, access), false, filter.q ? searchCondition(filter.q, db, access) : null);
  const raw = db.$client;
  const total = (raw.prepare(`SELECT count(*) AS n FROM students s ${where}`).get(...params) as { n: number }).n;
  const ids = (raw.prepare(`SELECT s.id FROM students s ${where} ORDER BY s.id LIMIT ?`).all(...params, limit) as { id: number }[]).map((r) => r.id);
  return { ids, total };
}

/** Every row of a filtered view, in order, streamed (for exports of tens of thousands of rows). */
export function* rosterRows(db: Db, filter: RosterFilter, sort: RosterQuery['sort'], access: RosterAccess = FULL_ACCESS): Generator<RosterRecord> {
  const { where, params } = filterConditions(db, scoped(filter, access), false, filter.q ? searchCondition(filter.q, db, access) : null);
  const it = db.$client.prepare(`${ROSTER_SELECT} ${where} ${orderBy(sort)}`).iterate(...params) as IterableIterator<StoredRow>;
  for (const r of it) yield mapRow(r);
}

export function rosterRowById(db: Db, id: number): RosterRecord | undefined {
  const r = db.$client.prepare(`${ROSTER_SELECT} WHERE s.id = ?`).get(id) as StoredRow | undefined;
  return r ? mapRow(r) : undefined;
}
