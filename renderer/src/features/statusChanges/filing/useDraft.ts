import { useEffect, useState } from 'react';
import { STATUS_CHANGE_TYPES, type StatusChangeType } from '../../../../../shared/domain/status-changes';
import type { CallOutput } from '../../../../../shared/ipc/contract';
import type { AppErrorData } from '../../../../../shared/ipc/result';
import { call } from '../../../ipc/client';
import { useDebounced } from '../../students/roster/useDebounced';

export type Draft = CallOutput<'statusChanges.draft'>;

interface Ask {
  studentId: number | null;
  type: StatusChangeType | '';
  subtype: string;
  effectiveDate: string;
  /** The order being amended (修改后重新提交): the student's open order is this one. */
  amending?: number | null;
}

type Answer = { key: string; draft: Draft | null; error: AppErrorData | null };

/**
 * What the main process says about this order before it is filed: whether the status model allows
 * it (the refusal), the term, end date and 复学 class it suggests, the evidence and the chain.
 * Asked again whenever the student, type, sub-kind or effective date settles.
 */
export function useDraft(ask: Ask) {
  // Debounced as text: a new object each render would never settle.
  const key = JSON.stringify([ask.studentId, ask.type, ask.subtype, ask.effectiveDate, ask.amending ?? null]);
  const settledKey = useDebounced(key, 250);
  const [answer, setAnswer] = useState<Answer | null>(null);

  useEffect(() => {
    const [studentId, type, subtype, effectiveDate, amending] = JSON.parse(settledKey) as [number | null, StatusChangeType | '', string, string, number | null];
    // A type with sub-kinds is asked about once one is chosen (the end date and chain may depend on it).
    const ready = studentId !== null && type !== '' && /^\d{4}-\d{2}-\d{2}$/.test(effectiveDate) && (!STATUS_CHANGE_TYPES[type].subtypes || subtype !== '');
    if (!ready) return;
    let live = true;
    void call('statusChanges.draft', { studentId, type, subtype: subtype || null, effectiveDate, ...(amending ? { amending } : {}) }).then((r) => {
      if (live) setAnswer({ key: settledKey, draft: r.ok ? r.value : null, error: r.ok ? null : r.error });
    });
    return () => {
      live = false;
    };
  }, [settledKey]);

  // An answer about other inputs (still settling, or asked before the last change) is no answer.
  const current = answer?.key === key ? answer : null;
  return { draft: current?.draft ?? null, error: current?.error ?? null, loading: current === null };
}
