import type { AppErrorData } from '../../../shared/ipc/result';

/**
 * Splits a server error into messages for the fields the form shows and one general message for
 * the rest. `fields` maps the server's dotted field path to the form's field name.
 */
export function splitErrors<F extends string>(
  error: AppErrorData | null,
  fields: Record<string, F>,
): { byField: Partial<Record<F, string>>; general: string | null } {
  const byField: Partial<Record<F, string>> = {};
  if (!error) return { byField, general: null };
  let general: string | null = null;
  const place = (field: string | undefined, message: string) => {
    const target = field !== undefined ? fields[field] : undefined;
    if (target !== undefined) {
      if (byField[target] === undefined) byField[target] = message;
    } else if (general === null) {
      general = message;
    }
  };
  place(error.field, error.message);
  for (const issue of error.issues ?? []) {
    if (issue.field !== undefined && fields[issue.field] !== undefined) place(issue.field, issue.message);
  }
  return { byField, general };
}
