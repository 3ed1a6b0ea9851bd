/**
 * Issue 12 #7: a message never ends with (or names) an internal key such as “（fileName）”. Every
 * input field of every call, given a value of the wrong kind, is refused in Chinese — the field by
 * its Chinese name or not at all — and the command line's own addition is Chinese too.
 */
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { toErrorData } from '../../electron/main/core/errors';
import { CHANNELS, type Channel } from '../../shared/ipc/channels';
import { contract } from '../../shared/ipc/contract';
import { fieldLabelOf } from '../../shared/ipc/zod-locale';

const ASCII_WORD = /[A-Za-z]{3,}/;
const WRONG = Symbol('wrong');

/** Each field of a channel's input (an object schema) with a value of a kind no field takes. */
function fieldsOf(channel: Channel): string[] {
  const input = contract[channel].input as z.ZodType;
  const shape = (input as unknown as { shape?: Record<string, unknown> }).shape;
  return shape ? Object.keys(shape) : [];
}

describe('no internal key in a refusal', () => {
  const cases = (CHANNELS as readonly Channel[]).flatMap((ch) => fieldsOf(ch).map((f) => [ch, f] as const));
  it.each(cases)('%s, field %s', (channel, field) => {
    const r = (contract[channel].input as z.ZodType).safeParse({ [field]: WRONG });
    if (r.success) return;
    const e = toErrorData(r.error, channel);
    for (const m of [e.message, ...(e.issues ?? []).map((i) => i.message)]) expect(m, m).not.toMatch(ASCII_WORD);
    // The command line adds the field by its Chinese name, when it has one; never the key.
    const label = e.field ? fieldLabelOf(e.field.split('.')) : '';
    expect(label).not.toMatch(ASCII_WORD);
  });
});
