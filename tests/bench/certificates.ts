/**
 * 套打 speed (issue 16 "Speed"), in a data folder of its own: N students (BENCH_CERTIFICATES,
 * default 1,000) each with a real 480×640 JPEG photo (every one different) and an issued 毕业
 * certificate, a ledger of blank forms; then certificates.print of all of them in one job (checks,
 * layout, the worker's render, the ledger and audit) against pdfmake alone rendering the same
 * document definitions in the same run. Target ≤ 1.5×.
 * Called by run.ts; also runs alone: `npx tsx tests/bench/certificates.ts`.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import sharp from 'sharp';
import { defaultTemplate } from '../../db/queries/certificate-templates';
import { insertCertificates, printableCertificates, registerFormRange } from '../../db/queries/certificates';
import { getAttachment } from '../../db/queries/photos';
import { attachments } from '../../db/schema';
import { renderPdf } from '../../electron/main/core/pdf';
import { readEncrypted, storeEncrypted } from '../../electron/main/features/attachments/store';
import { certificateDocument } from '../../electron/main/features/certificatePrint/document';
import { commonFacts, studentBase } from '../../electron/main/features/certificatePrint/facts';
import { placeField, placePhoto, type CertificateSheet, type PlacedText } from '../../electron/main/features/certificatePrint/layout';
import { NO_CORRECTION } from '../../shared/domain/certificates/template';
import { benchApp, BENCH_DEPARTMENT } from './bench-app';

export interface CertificateFigure {
  name: string;
  p50: number;
  p95: number;
  target: number;
  unit: string;
}

/** A distinct passport-style JPEG per student: a coloured ground with a noise "face". */
async function photoJpeg(i: number): Promise<Buffer> {
  const noise = await sharp({ create: { width: 60, height: 80, channels: 3, background: { r: 100 + (i % 100), g: 160, b: 220 }, noise: { type: 'gaussian', mean: 128, sigma: 40 } } }).png().toBuffer();
  return sharp(noise).resize(480, 640, { kernel: 'cubic' }).jpeg({ quality: 80 }).toBuffer();
}

export async function benchCertificates(n = Number(process.env.BENCH_CERTIFICATES ?? 1000)): Promise<CertificateFigure[]> {
  const dir = mkdtempSync(join(tmpdir(), 'xueji-bench-certificates-'));
  const app = benchApp(dir, 'bench-certificates');
  const { call, core } = app;
  try {
    await call('setup.create', BENCH_DEPARTMENT);
    await call('setup.loadDemo', { students: n });
    await call('certificateTemplates.saveSettings', { presidentName: '周明德' });
    const raw = core.folder.raw();
    const db = core.folder.db();
    const ids = raw.prepare('SELECT id FROM students WHERE class_id IS NOT NULL ORDER BY id LIMIT ?').pluck().all(n) as number[];
    let t = performance.now();
    const at = new Date().toISOString();
    const stored: ReturnType<typeof storeEncrypted>[] = [];
    for (const [i] of ids.entries()) stored.push(storeEncrypted(core.folder, await photoJpeg(i)));
    core.folder.transaction((tx) => {
      const setPhoto = raw.prepare('UPDATE students SET photo_attachment_id = ? WHERE id = ?');
      ids.forEach((sid, i) => {
        const s = stored[i]!;
        const att = tx.insert(attachments).values({ studentId: sid, purpose: 'photo', fileName: `${sid}.jpg`, mime: 'image/jpeg', size: s.size, sha256: s.sha256, storedName: s.storedName, createdBy: 'admin', createdAt: at }).returning().get();
        setPhoto.run(att.id, sid);
      });
      registerFormRange(tx, 'B000001', `B${String(n).padStart(6, '0')}`, { by: 'admin', at });
      insertCertificates(tx, ids.map((studentId, i) => ({
        studentId, kind: '毕业' as const, certificateNo: `${BENCH_DEPARTMENT.schoolCode}1202606${String(i + 1).padStart(6, '0')}`, schoolCode: BENCH_DEPARTMENT.schoolCode, runType: '1' as const,
        year: 2026, level: '06' as const, sequence: i + 1, graduationDate: '2026-06-30', issueDate: '2026-07-01', issuedBy: 'admin', issuedAt: at,
      })));
    });
    console.log(`  seed ${ids.length} students with photos and certificates: ${(performance.now() - t).toFixed(0)} ms`);

    // Long names and majors would not fit the shipped template's boxes: widen them (the bench is about speed).
    const template = structuredClone(defaultTemplate(db)!.template);
    template.name = '基准模板';
    for (const f of template.fields) if (f.key === 'major' || f.key === 'name') f.widthMm = Math.min(f.widthMm * 2, template.page.widthMm - f.xMm);
    await call('certificateTemplates.save', { template });

    // Warm up once (the fonts load on the first PDF), as in use the app has made one before.
    await call('certificates.calibrationSheet', { page: template.page, jobId: 'warm' });
    t = performance.now();
    const r = await call('certificates.print', { studentIds: ids, templateName: template.name, jobId: 'certs' });
    const jobMs = performance.now() - t;
    const jobBytes = app.output('certs')!.length;

    // pdfmake alone on the same document definitions (built here, outside the timing).
    const common = commonFacts(db);
    const certs = new Map(printableCertificates(db, { studentIds: ids }).map((c) => [c.studentId, c]));
    const sheets: CertificateSheet[] = ids.map((id) => {
      const base = studentBase(db, id, certs.get(id)!, common)!;
      const texts = template.fields.map((f) => {
        const p = placeField(f, base.facts, NO_CORRECTION);
        if (!p.ok) throw new Error(p.problem);
        return p.placed;
      }) as PlacedText[];
      const att = getAttachment(db, base.photoAttachmentId!)!;
      return { texts, photo: placePhoto(template.photo!, new Uint8Array(readEncrypted(core.folder, att.storedName)), NO_CORRECTION) };
    });
    const { doc, images } = certificateDocument(sheets, template.page);
    t = performance.now();
    const alone = await renderPdf(doc, 'serif', images);
    const aloneMs = performance.now() - t;
    console.log(
      `  ${r.count} diplomas with photos in one job: ${jobMs.toFixed(0)} ms (${(jobBytes / 1048576).toFixed(1)} MB) vs pdfmake alone on the same documents ${aloneMs.toFixed(0)} ms (${(alone.length / 1048576).toFixed(1)} MB): ${(jobMs / aloneMs).toFixed(2)}× (target ≤ 1.5×)`,
    );
    return [{ name: `${r.count} diplomas with photos in one job`, p50: jobMs, p95: jobMs, target: 1.5 * aloneMs, unit: 'ms' }];
  } finally {
    core.folder.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  benchCertificates().then(
    (rows) => {
      for (const r of rows) console.log(`  ${r.name.padEnd(40)} ${r.p50.toFixed(0).padStart(7)} ms   < ${r.target.toFixed(0)} ${r.p50 <= r.target ? 'ok' : 'SLOW'}`);
      process.exit(rows.some((r) => r.p50 > r.target) ? 1 : 0);
    },
    (e: unknown) => {
      console.error(e);
      process.exit(1);
    },
  );
}
