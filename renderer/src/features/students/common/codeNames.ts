import { ETHNICITIES, GENDERS, POLITICAL_STATUSES, STUDENT_STATUSES } from '../../../../../shared/domain/codes';

/** Names for the stored codes, for display only; an unknown code is shown as it is. */
const byCode = (list: readonly { code: string; name: string }[]) => new Map(list.map((x) => [x.code, x.name]));

const GENDER = byCode(GENDERS);
const ETHNICITY = byCode(ETHNICITIES);
const POLITICAL_SHORT = new Map(POLITICAL_STATUSES.map((p) => [p.code, p.shortName]));
const STATUS = byCode(STUDENT_STATUSES);

const orDash = (v: string | null | undefined) => (v === null || v === undefined || v === '' ? '—' : v);

export const genderName = (code: string | null | undefined) => orDash(code ? (GENDER.get(code) ?? code) : code);
export const ethnicityName = (code: string | null | undefined) => orDash(code ? (ETHNICITY.get(code) ?? code) : code);
export const politicalName = (code: string | null | undefined) => orDash(code ? (POLITICAL_SHORT.get(code) ?? code) : code);
export const statusName = (code: string | null | undefined) => orDash(code ? (STATUS.get(code) ?? code) : code);
export { orDash };

export const GENDER_OPTIONS = GENDERS.map((g) => ({ code: g.code as string, name: g.name }));
export const ETHNICITY_OPTIONS = ETHNICITIES.map((e) => ({ code: e.code, name: e.name }));
export const POLITICAL_OPTIONS = POLITICAL_STATUSES.map((p) => ({ code: p.code, name: p.shortName }));
export const STATUS_OPTIONS = STUDENT_STATUSES.map((s) => ({ code: s.code as string, name: s.name }));

export type StatusTone = 'success' | 'warning' | 'info' | 'error' | 'neutral';

/** How a status looks: studying is green, paused amber, finished blue, ended red or grey. */
export function statusTone(code: string): StatusTone {
  switch (code) {
    case 'enrolled':
      return 'success';
    case 'suspended':
    case 'retained':
    case 'admission_retained':
      return 'warning';
    case 'graduated':
    case 'completed':
      return 'info';
    case 'expelled':
    case 'cancelled':
    case 'withdrawn':
      return 'error';
    default:
      return 'neutral';
  }
}
