import type { AppErrorData } from '../../../../../shared/ipc/result';

/**
 * The server's messages by the field they are about. Field paths arrive as the contract names
 * them ("idNumber", "patch.birthDate", "guardians.0.phone"); the `patch.` of an update is dropped
 * so the create and edit forms read them the same way.
 */
export function errorsByField(error: AppErrorData | null): Record<string, string> {
  const out: Record<string, string> = {};
  if (!error) return out;
  const put = (field: string | undefined, message: string) => {
    if (!field) return;
    const key = field.replace(/^patch\./, '').replace(/^changes\./, '');
    if (out[key] === undefined) out[key] = message;
  };
  put(error.field, error.message);
  for (const issue of error.issues ?? []) put(issue.field, issue.message);
  return out;
}
