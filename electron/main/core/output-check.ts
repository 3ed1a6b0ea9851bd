import type { z } from 'zod';

/**
 * A handler's answer that does not match its contract's output schema. Its message names the
 * channel and the paths that differ (array indexes folded to []), never a value, so it can go to
 * the log as it is; the caller sees INTERNAL.
 */
export class OutputMismatch extends Error {
  constructor(
    readonly channel: string,
    readonly paths: string[],
  ) {
    super(`output of ${channel} does not match its contract: ${paths.join(', ')}`);
    this.name = 'OutputMismatch';
  }
}

const MAX_PATHS = 12;

/**
 * Checks a handler's output against its schema: the schema must accept it, and it must carry no
 * key the schema does not declare (zod would drop such a key silently, so data would reach the
 * renderer that its types do not know about). A schema that allows extra keys (z.looseObject,
 * z.record, z.unknown) keeps them when parsing, so they are not reported.
 */
export function checkOutput(channel: string, schema: z.ZodType, value: unknown): void {
  const r = schema.safeParse(value);
  const paths = new Set<string>();
  if (!r.success) {
    for (const issue of r.error.issues) paths.add(`${pathText(issue.path)} (${issue.code})`);
  } else {
    undeclared(value, r.data, [], paths);
  }
  if (paths.size > 0) throw new OutputMismatch(channel, [...paths].slice(0, MAX_PATHS));
}

function pathText(path: readonly PropertyKey[]): string {
  const text = path.map((k) => (typeof k === 'number' ? '[]' : `.${String(k)}`)).join('').replace(/^\./, '');
  return text || '(value)';
}

const isPlainObject = (v: unknown): v is Record<string, unknown> => {
  if (typeof v !== 'object' || v === null) return false;
  const proto = Object.getPrototypeOf(v) as unknown;
  return proto === Object.prototype || proto === null;
};

/** Keys of `raw` that parsing dropped, walking objects and arrays side by side. */
function undeclared(raw: unknown, parsed: unknown, path: PropertyKey[], out: Set<string>): void {
  if (out.size >= MAX_PATHS) return;
  if (Array.isArray(raw) && Array.isArray(parsed)) {
    const n = Math.min(raw.length, parsed.length);
    for (let i = 0; i < n; i++) undeclared(raw[i], parsed[i], [...path, 0], out);
    return;
  }
  if (isPlainObject(raw) && isPlainObject(parsed)) {
    for (const key of Object.keys(raw)) {
      if (!(key in parsed)) {
        if (raw[key] !== undefined) out.add(`${pathText([...path, key])} (undeclared)`);
      } else {
        undeclared(raw[key], parsed[key], [...path, key], out);
      }
    }
  }
}
