/**
 * Photo import speed: 1,000 phone-sized JPEGs (1200×1600, ≈400 KB) imported into a real encrypted
 * data folder of its own, target < 30 s. Called by run.ts; also runs alone: `npx tsx tests/bench/photos.ts`.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import sharp from 'sharp';
import { benchApp, BENCH_DEPARTMENT } from './bench-app';

export interface PhotoBenchResult {
  name: string;
  p50: number;
  p95: number;
  target: number;
  unit: string;
}

const COUNT = Number(process.env.BENCH_PHOTOS ?? 1000);
const W = 1200;
const H = 1600;

/**
 * One blurred-noise base image (photo-like entropy, ≈400 KB as JPEG), and per photo a random 96×96
 * patch in the middle, so every file and every normalised photo differs (no duplicates).
 */
async function makeInputs(n: number): Promise<Buffer[]> {
  const small = await sharp({ create: { width: W / 8, height: H / 8, channels: 3, background: { r: 100, g: 160, b: 220 }, noise: { type: 'gaussian', mean: 128, sigma: 50 } } }).png().toBuffer();
  const base = await sharp(small).resize(W, H, { kernel: 'cubic' }).raw().toBuffer();
  const out: Buffer[] = new Array(n);
  let next = 0;
  const worker = async () => {
    while (next < n) {
      const i = next++;
      const px = Buffer.from(base);
      for (let y = H / 2 - 48; y < H / 2 + 48; y++) {
        for (let x = W / 2 - 48; x < W / 2 + 48; x++) {
          const o = (y * W + x) * 3;
          px[o] = Math.floor(Math.random() * 256);
          px[o + 1] = (i * 7) & 255;
          px[o + 2] = (i >> 8) & 255;
        }
      }
      out[i] = await sharp(px, { raw: { width: W, height: H, channels: 3 } }).jpeg({ quality: 88 }).toBuffer();
    }
  };
  await Promise.all(Array.from({ length: 4 }, worker));
  return out;
}

export async function benchPhotos(): Promise<PhotoBenchResult[]> {
  const dir = mkdtempSync(join(tmpdir(), 'xueji-bench-photos-'));
  const { core, call, upload, output } = benchApp(dir, 'bench-photos');
  try {
    await call('setup.create', BENCH_DEPARTMENT);
    await call('setup.loadDemo', { students: COUNT });
    const ids: string[] = [];
    for (let page = 0; ids.length < COUNT; page++) {
      const rows = (await call('students.list', { page, pageSize: 500, filter: {} })).rows;
      if (!rows.length) break;
      ids.push(...rows.map((r) => r.idNumber));
    }
    let t = performance.now();
    const inputs = await makeInputs(ids.length);
    const mb = inputs.reduce((a, b) => a + b.length, 0) / 1024 / 1024;
    console.log(`  photos: generated ${inputs.length} JPEGs ${W}×${H} (${mb.toFixed(0)} MB, ${(mb * 1024 / inputs.length).toFixed(0)} KB each) in ${(performance.now() - t).toFixed(0)} ms`);
    const files = inputs.map((b, i) => upload(`${ids[i]}.jpg`, b));
    inputs.length = 0;

    let events = 0;
    core.events.subscribe((_c, e) => {
      if (e === 'progress') events++;
    });
    const rss0 = process.memoryUsage().rss;
    let peak = rss0;
    const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 100);
    const cpu0 = process.cpuUsage();
    t = performance.now();
    const report = await call('photos.import', { files, jobId: 'bench' });
    const importMs = performance.now() - t;
    const cpu = process.cpuUsage(cpu0);
    clearInterval(sampler);
    if (report.matched.length !== files.length) throw new Error(`photos: only ${report.matched.length}/${files.length} matched: ${JSON.stringify({ ...report, matched: report.matched.length })}`);
    console.log(`  photos: import ${files.length} → ${report.matched.length} set, ${(importMs / files.length).toFixed(1)} ms per photo (CPU ${((cpu.user + cpu.system) / 1000 / files.length).toFixed(1)} ms per photo), ${events} progress events, RSS ${(rss0 / 1048576).toFixed(0)} → peak ${(peak / 1048576).toFixed(0)} MB`);

    const all: number[] = [];
    for (let page = 0; all.length < files.length; page++) {
      const rows = (await call('students.list', { page, pageSize: 500, filter: {} })).rows;
      if (!rows.length) break;
      all.push(...rows.map((r) => r.id));
    }
    t = performance.now();
    const zip = await call('photos.export', { ids: all, jobId: 'bench-export' });
    const exportMs = performance.now() - t;
    console.log(`  photos: export ${all.length} to zip: ${((output(zip.jobId)?.length ?? 0) / 1048576).toFixed(1)} MB`);
    return [
      { name: `photos: import ${files.length} (${W}×${H})`, p50: importMs, p95: importMs, target: 30 * files.length, unit: 'ms' },
      { name: `photos: export ${all.length} to .zip`, p50: exportMs, p95: exportMs, target: 10 * all.length, unit: 'ms' },
    ];
  } finally {
    core.folder.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  benchPhotos().then(
    (rows) => {
      for (const r of rows) console.log(`  ${r.name.padEnd(40)} ${r.p50.toFixed(0).padStart(7)} ms   < ${r.target} ${r.p50 <= r.target ? 'ok' : 'SLOW'}`);
      process.exit(rows.some((r) => r.p50 > r.target * 2) ? 1 : 0);
    },
    (e: unknown) => {
      console.error(e);
      process.exit(1);
    },
  );
}
