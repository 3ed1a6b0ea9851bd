/**
 * Files under the size limit must not exhaust memory (issue 13 #2): a file with more rows than one
 * import may hold (系统设置 → 单次导入行数上限, 200,000 by default) is refused while it is being read,
 * with a Chinese message naming the limit, and a worker that runs out of its heap ends alone.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runWorker } from '../../electron/main/core/worker-runner';
import { COUNSELOR, makeApp, type TestApp } from '../support/harness';
import { cleanRoster, numberedStudents } from '../support/roster-fixtures';

let app: TestApp;
const A = 'admin-client';
const C = COUNSELOR.client;

beforeEach(async () => {
  app = makeApp();
  await app.setup();
  await app.addStaff();
});
afterEach(() => app?.remove());

/** The rows read, as the progress events of the read reported them. */
function rowsReported(jobId: string): () => number {
  let rows = 0;
  app.core.events.subscribe((client, event, payload) => {
    const p = payload as { jobId: string; done: number };
    if (client === C && event === 'progress' && p.jobId === jobId) rows = Math.max(rows, p.done);
  });
  return () => rows;
}

describe('rows per import', () => {
  it('a CSV of 3.27 million rows (49 MB) is refused at the 200,000th row, not read to its end', async () => {
    const line = '2025510,张三\n';
    const csv = Buffer.from(`学号,姓名\n${line.repeat(3_270_000)}`, 'utf8');
    expect(csv.length).toBeGreaterThan(45 * 1024 * 1024);
    expect(csv.length).toBeLessThan(50 * 1024 * 1024);
    const read = rowsReported('big-csv');
    const refused = await app.fails(C, 'imports.open', { ...app.upload(C, '全校名单.csv', csv), jobId: 'big-csv' });
    expect(refused.code).toBe('VALIDATION');
    expect(refused.message).toBe('文件“全校名单.csv”超过 200,000 行，一次最多导入 200,000 行。请拆分为几个文件分别导入（上限可由管理员在“系统设置”中调整）');
    expect(read()).toBeLessThanOrEqual(200_000);
    // The process lives on and the next file is read.
    const ok = await app.call(C, 'imports.open', app.upload(C, '名单.csv', Buffer.from(`学号,姓名\n${line.repeat(10)}`, 'utf8')));
    expect(ok.sheets[0]!.rows).toBe(11);
  }, 120_000);

  it('the limit is the admin’s setting, audited, and holds for .xlsx too', async () => {
    const tooSmall = await app.fails(A, 'settings.update', { importMaxRows: 10 });
    expect(tooSmall.message).toContain('单次导入行数上限至少 1000 行');
    await app.call(A, 'settings.update', { importMaxRows: 1000 });
    expect((await app.call(A, 'settings.get', {})).importMaxRows).toBe(1000);
    const entry = (await app.call(A, 'audit.list', { page: 0, pageSize: 5 })).rows.find((r) => r.action === 'settings.update');
    expect(JSON.stringify(entry)).toContain('importMaxRows');

    const roster = await cleanRoster(numberedStudents(2500, '20255102', '测试'));
    const read = rowsReported('big-xlsx');
    const refused = await app.fails(C, 'imports.open', { ...app.upload(C, '名单.xlsx', roster), jobId: 'big-xlsx' });
    expect(refused.message).toContain('超过 1,000 行，一次最多导入 1,000 行');
    expect(read()).toBeLessThanOrEqual(1000);
    // A header and 999 students: at the limit, read.
    const fits = await app.call(C, 'imports.open', app.upload(C, '名单.xlsx', await cleanRoster(numberedStudents(999, '20255102', '测试'))));
    expect(fits.sheets[0]!.rows).toBe(1000);
  }, 120_000);
});

describe('worker heap', () => {
  it('a worker that runs out of its heap fails alone: reported as a failure, not run again in this process', async () => {
    const outcome = await new Promise<string>((resolve) => {
      runWorker(
        { here: import.meta.url, source: '../support/worker-exhausting-heap.ts', bundled: 'unused', resourceLimits: { maxOldGenerationSizeMb: 32 } },
        {
          message: () => undefined,
          unavailable: () => resolve('unavailable'),
          failed: (e) => resolve((e as { code?: string }).code ?? e.message),
          exited: (code) => resolve(`exited ${code}`),
        },
      );
    });
    expect(outcome).toBe('ERR_WORKER_OUT_OF_MEMORY');
  }, 60_000);
});
