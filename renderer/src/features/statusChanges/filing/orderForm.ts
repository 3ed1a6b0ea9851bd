import { isDecision, STATUS_CHANGE_TYPES, type StatusChangeType } from '../../../../../shared/domain/status-changes';
import type { CallInput } from '../../../../../shared/ipc/contract';
import type { StatusChangeDetail } from '../../../../../shared/ipc/schemas/status-changes';
import { today } from '../text';

/** The filing form's fields as typed (strings; '' for empty). */
export interface OrderValues {
  type: StatusChangeType | '';
  subtype: string;
  effectiveDate: string;
  term: string;
  expectedEnd: string;
  /** A class id as a string, as ClassSelect speaks. */
  targetClassId: string;
  otherSchool: string;
  decisionNo: string;
  reason: string;
}

/** Fields the draft suggests; once the filer edits one it is theirs. */
export type Suggested = 'term' | 'expectedEnd' | 'targetClassId';

export function emptyValues(type: StatusChangeType | null = null): OrderValues {
  return { type: type ?? '', subtype: '', effectiveDate: today(), term: '', expectedEnd: '', targetClassId: '', otherSchool: '', decisionNo: '', reason: '' };
}

/** An order being amended, as the form shows it. */
export function valuesOf(o: StatusChangeDetail): OrderValues {
  const d = o.data;
  return {
    type: o.type,
    subtype: o.subtype ?? '',
    effectiveDate: d.effectiveDate,
    term: d.term,
    expectedEnd: d.expectedEnd ?? '',
    targetClassId: d.targetClassId ? String(d.targetClassId) : '',
    otherSchool: d.otherSchool ?? '',
    decisionNo: d.decisionNo ?? '',
    reason: d.reason,
  };
}

/**
 * What the contract receives: only the fields this type uses (a field left over from another type
 * the filer tried first is not sent), empty ones as null.
 */
export function toData(v: OrderValues, type: StatusChangeType): CallInput<'statusChanges.file'>['data'] {
  const info = STATUS_CHANGE_TYPES[type];
  const orNull = (s: string) => (s.trim() ? s.trim() : null);
  return {
    reason: v.reason.trim(),
    effectiveDate: v.effectiveDate,
    term: v.term.trim(),
    expectedEnd: info.expectedEnd ? orNull(v.expectedEnd) : null,
    targetClassId: info.targetClass && v.targetClassId ? Number(v.targetClassId) : null,
    otherSchool: info.otherSchool ? orNull(v.otherSchool) : null,
    decisionNo: isDecision(type, v.subtype || null) ? orNull(v.decisionNo) : null,
  };
}
