/**
 * 年级, 专业 and 班级 filter by one value or several (RosterFilter): the values chosen, as a list;
 * none chosen (absent or an empty list) filters nothing out.
 */
export function chosenValues(v: number | readonly number[] | undefined): number[] {
  if (v === undefined) return [];
  return typeof v === 'number' ? [v] : [...new Set(v)];
}
