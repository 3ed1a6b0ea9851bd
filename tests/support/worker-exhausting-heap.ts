/** A worker thread that allocates until its heap is exhausted, before it says anything: imports-limits.test.ts. */
const kept: number[][] = [];
for (;;) kept.push(Array.from({ length: 100_000 }, (_, i) => i));
