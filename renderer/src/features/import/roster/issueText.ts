import { IMPORT_ERROR_CODES, isImportErrorCode } from '../../../../../shared/domain/import/errors';
import type { Issue } from './wizardTypes';

export const SEVERITY_LABELS: Record<Issue['severity'], string> = { error: '错误', warning: '提醒' };

/** The short explanation of a problem code (身份证号校验位（第 18 位）错误…). */
export function codeDescription(code: string): string {
  return isImportErrorCode(code) ? IMPORT_ERROR_CODES[code] : code;
}

export interface CodeCount {
  code: string;
  description: string;
  count: number;
  severity: Issue['severity'];
}

/** How many problems of each kind, errors first, the most frequent first. */
export function countByCode(issues: readonly Issue[]): CodeCount[] {
  const by = new Map<string, CodeCount>();
  for (const i of issues) {
    const c = by.get(i.code);
    if (c) {
      c.count++;
      if (i.severity === 'error') c.severity = 'error';
    } else by.set(i.code, { code: i.code, description: codeDescription(i.code), count: 1, severity: i.severity });
  }
  return [...by.values()].sort((a, b) => (a.severity === b.severity ? b.count - a.count : a.severity === 'error' ? -1 : 1));
}
