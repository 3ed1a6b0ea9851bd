import { checkPasswordPolicy } from '../../../../shared/domain/password';
import { AppError } from '../../core/errors';

/** Applies the password policy (a domain rule) and reports it against the given input field. */
export function assertStrongPassword(password: string, field: string): void {
  const verdict = checkPasswordPolicy(password);
  if (!verdict.ok) throw new AppError('WEAK_PASSWORD', verdict.message, field);
}
