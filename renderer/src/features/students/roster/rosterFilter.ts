import type { RosterFilter } from '../../../../../shared/ipc/schemas/students';

/**
 * What the filter bar holds: every value as typed or chosen ('' = 全部). 年级, 专业 and 班级 take
 * several values, held joined by commas ('3,5'): the form a link's address carries them in.
 */
export interface FilterValues {
  q: string;
  cohortYear: string;
  majorId: string;
  classId: string;
  status: string;
  gender: string;
  ethnicityCode: string;
  politicalStatusCode: string;
  sourceRegion: string;
  studentNoState: string;
  photoState: string;
}

export const EMPTY_FILTER: FilterValues = {
  q: '',
  cohortYear: '',
  majorId: '',
  classId: '',
  status: '',
  gender: '',
  ethnicityCode: '',
  politicalStatusCode: '',
  sourceRegion: '',
  studentNoState: '',
  photoState: '',
};

/** The values of a 年级, 专业 or 班级 filter ('3,5' → ['3', '5']). */
export const listOf = (v: string): string[] => v.split(',').map((x) => x.trim()).filter(Boolean);
export const joinList = (values: readonly string[]) => values.join(',');

/** One chosen value as a number (as views saved before several values were possible hold it), several as a list. */
function oneOrSeveral(v: string): number | number[] | undefined {
  const ids = [...new Set(listOf(v).map(Number).filter(Number.isInteger))];
  if (ids.length === 0) return undefined;
  return ids.length === 1 ? ids[0] : ids;
}
const str = (v: string) => (v.trim() === '' ? undefined : v.trim());

/** The filter as the contract wants it: only what is set. */
export function toRosterFilter(v: FilterValues): RosterFilter {
  const f: RosterFilter = {};
  const cohortYear = oneOrSeveral(v.cohortYear);
  const majorId = oneOrSeveral(v.majorId);
  const classId = oneOrSeveral(v.classId);
  if (cohortYear !== undefined) f.cohortYear = cohortYear;
  if (majorId !== undefined) f.majorId = majorId;
  if (classId !== undefined) f.classId = classId;
  if (str(v.status)) f.status = v.status;
  if (v.gender === '1' || v.gender === '2') f.gender = v.gender;
  if (str(v.ethnicityCode)) f.ethnicityCode = v.ethnicityCode;
  if (str(v.politicalStatusCode)) f.politicalStatusCode = v.politicalStatusCode;
  const region = str(v.sourceRegion);
  if (region) f.sourceRegion = region;
  if (v.studentNoState === 'assigned' || v.studentNoState === 'pending') f.studentNoState = v.studentNoState;
  if (v.photoState === 'present' || v.photoState === 'missing') f.photoState = v.photoState;
  const q = str(v.q);
  if (q) f.q = q;
  return f;
}

/** A saved filter back into the bar. */
export function fromRosterFilter(f: RosterFilter): FilterValues {
  const s = (v: string | number | readonly number[] | undefined) => (v === undefined ? '' : Array.isArray(v) ? v.join(',') : String(v));
  return {
    q: s(f.q),
    cohortYear: s(f.cohortYear),
    majorId: s(f.majorId),
    classId: s(f.classId),
    status: s(f.status),
    gender: s(f.gender),
    ethnicityCode: s(f.ethnicityCode),
    politicalStatusCode: s(f.politicalStatusCode),
    sourceRegion: s(f.sourceRegion),
    studentNoState: s(f.studentNoState),
    photoState: s(f.photoState),
  };
}

export const isFilterEmpty = (v: FilterValues) => Object.values(v).every((x) => x.trim() === '');

/** A filter passed in the address (专业与班级 → 查看学生): ?classId=3&cohortYear=2024 (several: ?classId=3,5). */
export function filterFromSearch(search: string): FilterValues {
  const p = new URLSearchParams(search);
  const out = { ...EMPTY_FILTER };
  for (const key of Object.keys(EMPTY_FILTER) as (keyof FilterValues)[]) {
    const v = p.get(key);
    if (v !== null) out[key] = v;
  }
  return out;
}
