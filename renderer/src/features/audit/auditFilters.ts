export interface AuditFilterValues {
  username: string;
  /** A stored action code, chosen from the list of Chinese names ('' = 全部). */
  action: string;
  entity: string;
  /** A student by 学号, 身份证号 or name. */
  student: string;
  from: string; // yyyy-mm-dd, local
  to: string;
}

export const EMPTY_FILTERS: AuditFilterValues = { username: '', action: '', entity: '', student: '', from: '', to: '' };

/** The filters as audit.list input: blanks left out, local dates turned into ISO times. */
export function toQuery(f: AuditFilterValues) {
  const q: { username?: string; action?: string; entity?: string; student?: string; from?: string; to?: string } = {};
  if (f.username.trim()) q.username = f.username.trim();
  if (f.action) q.action = f.action;
  if (f.entity) q.entity = f.entity;
  if (f.student.trim()) q.student = f.student.trim();
  const from = f.from ? new Date(`${f.from}T00:00:00`) : null;
  const to = f.to ? new Date(`${f.to}T23:59:59.999`) : null;
  if (from && !Number.isNaN(from.getTime())) q.from = from.toISOString();
  if (to && !Number.isNaN(to.getTime())) q.to = to.toISOString();
  return q;
}
