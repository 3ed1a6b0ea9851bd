import { ACTION_LABELS, ENTITY_LABELS, toCode } from './auditLabels';

export interface AuditFilterValues {
  username: string;
  action: string;
  entity: string;
  from: string; // yyyy-mm-dd, local
  to: string;
}

export const EMPTY_FILTERS: AuditFilterValues = { username: '', action: '', entity: '', from: '', to: '' };

/** The filters as audit.list input: blanks left out, local dates turned into ISO times. */
export function toQuery(f: AuditFilterValues) {
  const q: { username?: string; action?: string; entity?: string; from?: string; to?: string } = {};
  if (f.username.trim()) q.username = f.username.trim();
  if (f.action.trim()) q.action = toCode(f.action.trim(), ACTION_LABELS);
  if (f.entity.trim()) q.entity = toCode(f.entity.trim(), ENTITY_LABELS);
  const from = f.from ? new Date(`${f.from}T00:00:00`) : null;
  const to = f.to ? new Date(`${f.to}T23:59:59.999`) : null;
  if (from && !Number.isNaN(from.getTime())) q.from = from.toISOString();
  if (to && !Number.isNaN(to.getTime())) q.to = to.toISOString();
  return q;
}
