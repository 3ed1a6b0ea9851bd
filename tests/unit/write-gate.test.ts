/**
 * The gate that gives a stepped write the connection to itself (electron/main/core/write-gate.ts):
 * the order in which calls run around it.
 */
import { describe, expect, it } from 'vitest';
import { WriteGate } from '../../electron/main/core/write-gate';

const turn = () => new Promise<void>((resolve) => setImmediate(resolve));

/** A call that logs its start and end, spending `turns` turns of the event loop in between. */
function call(gate: WriteGate, log: string[], name: string, turns: number, inside?: () => Promise<void>) {
  return gate.admit(async () => {
    log.push(`${name} start`);
    for (let i = 0; i < turns; i++) await turn();
    if (inside) await inside();
    log.push(`${name} end`);
  });
}

describe('WriteGate', () => {
  it('lets calls under way finish before the write, and holds new ones until it ends', async () => {
    const gate = new WriteGate();
    const log: string[] = [];
    const slow = call(gate, log, 'export', 5);
    let waited = false;
    const importing = call(gate, log, 'import', 0, () =>
      gate.exclusive(
        async () => {
          log.push('write start');
          const late = call(gate, log, 'create', 0);
          for (let i = 0; i < 5; i++) await turn();
          log.push('write end');
          void late;
        },
        () => (waited = true),
      ),
    );
    await Promise.all([slow, importing]);
    for (let i = 0; i < 3; i++) await turn();
    expect(waited).toBe(true);
    // The call made during the write starts only once the write has ended.
    expect(log).toEqual(['export start', 'import start', 'export end', 'write start', 'write end', 'create start', 'create end', 'import end']);
    expect(gate.isHeld).toBe(false);
  });

  it('two calls asking for the write at once take turns instead of waiting for each other', async () => {
    const gate = new WriteGate();
    const log: string[] = [];
    const write = (name: string) => () =>
      gate.exclusive(async () => {
        log.push(`${name} writes`);
        await turn();
        log.push(`${name} done`);
      });
    await Promise.all([call(gate, log, 'a', 1, write('a')), call(gate, log, 'b', 2, write('b'))]);
    expect(log).toEqual(['a start', 'b start', 'a writes', 'a done', 'a end', 'b writes', 'b done', 'b end']);
  });

  it('opens again when the write fails', async () => {
    const gate = new WriteGate();
    const failing = gate.admit(() => gate.exclusive(async () => Promise.reject(new Error('disk full'))));
    await expect(failing).rejects.toThrow('disk full');
    expect(gate.isHeld).toBe(false);
    expect(await gate.admit(async () => 'next')).toBe('next');
  });
});
