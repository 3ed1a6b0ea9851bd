import { CliError } from './prompt';

/**
 * Refused input, by the service's error code: exit 2, and with --json `{ "error": { code, message } }`
 * on stdout, so a script can tell 复学 for a student not on 休学 (ILLEGAL_TRANSITION) from a typo
 * (VALIDATION) without reading Chinese. Other failures (wrong password, internal) stay exit 1.
 */
export const REFUSED_CODES = new Set(['ILLEGAL_TRANSITION', 'VALIDATION', 'CONFLICT', 'NOT_FOUND', 'FORBIDDEN']);

export type RefusalCode = 'ILLEGAL_TRANSITION' | 'VALIDATION' | 'CONFLICT' | 'NOT_FOUND' | 'FORBIDDEN';

/** A refusal the command itself decides (bad argument, no such student), under the same codes. */
export function refuse(code: RefusalCode, message: string): never {
  throw new CliError(message, 2, code);
}

/** Runs a command; a refusal prints its JSON (with --json) and leaves with exit 2 (main prints the message on stderr). */
export async function withRefusals(json: boolean, run: () => Promise<number>): Promise<number> {
  try {
    return await run();
  } catch (e) {
    if (e instanceof CliError && e.code && REFUSED_CODES.has(e.code)) {
      if (json) console.log(JSON.stringify({ error: { code: e.code, message: e.message } }, null, 2));
      throw new CliError(e.message, 2, e.code);
    }
    throw e;
  }
}
