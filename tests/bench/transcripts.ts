/**
 * 成绩单 speed (issue 15 "Speed"), in a data folder of its own: students with a three-year plan of 48
 * courses (6 terms × 8, about one in twelve passed by 补考, a few 五级制/两级制), then through the
 * real services
 * - a class of 50 transcripts in one job (target < 2 s);
 * - N transcripts in one job (BENCH_TRANSCRIPTS, default 1,000: 10,000 takes about half an hour on a
 *   2-core machine, twice — the job and pdfmake alone) against pdfmake alone rendering the same
 *   document definitions in the same run (target ≤ 2×).
 * Called by run.ts; also runs alone: `npx tsx tests/bench/transcripts.ts`.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { transcriptStudents } from '../../db/queries/transcripts';
import { renderPdf } from '../../electron/main/core/pdf';
import { transcriptDocument } from '../../electron/main/features/transcripts/document';
import { transcriptCommon, transcriptInput } from '../../electron/main/features/transcripts/facts';
import { checkCode, contentHash } from '../../electron/main/features/transcripts/print';
import { A4_PAGE, transcriptSheet } from '../../shared/domain/transcripts';
import { benchApp, BENCH_DEPARTMENT } from './bench-app';

export interface TranscriptFigure {
  name: string;
  p50: number;
  p95: number;
  target: number;
  unit: string;
}

const NAMES = ['高等数学', '大学英语', '思想道德与法治', '毛泽东思想和中国特色社会主义理论体系概论', '程序设计基础', '计算机网络技术', '数据库应用技术', 'Web前端开发', '体育', '军事理论', '软件工程导论与项目实践（含课程设计）', '操作系统'];

export async function benchTranscripts(n = Number(process.env.BENCH_TRANSCRIPTS ?? 1000)): Promise<TranscriptFigure[]> {
  const dir = mkdtempSync(join(tmpdir(), 'xueji-bench-transcripts-'));
  const app = benchApp(dir, 'bench-transcripts');
  const { call, core } = app;
  try {
    await call('setup.create', BENCH_DEPARTMENT);
    await call('setup.loadDemo', { students: n + 50 });
    const raw = core.folder.raw();
    const major = (await call('org.tree', {})).majors[0]!;
    const small = await call('org.createClass', { name: '基准50人班', majorId: major.id, cohortYear: 2025 });
    const big = await call('org.createClass', { name: `基准${n}人班`, majorId: major.id, cohortYear: 2025 });
    const ids = raw.prepare('SELECT id FROM students ORDER BY id LIMIT ?').pluck().all(n + 50) as number[];
    const move = raw.prepare('UPDATE students SET class_id = ? WHERE id = ?');
    raw.transaction(() => ids.forEach((id, i) => move.run(i < 50 ? small.id : big.id, id)))();

    const courses = Array.from({ length: 48 }, (_, i) => {
      const term = Math.floor(i / 8) + 1;
      const scale = i % 16 === 7 ? ('五级制' as const) : i % 16 === 15 ? ('两级制' as const) : ('百分制' as const);
      return { code: `K${term}${String(i % 8).padStart(2, '0')}`, name: NAMES[i % NAMES.length]!, nameEn: `Course ${i + 1} of the Programme`, credits: i % 3 ? '3' : '2.5', hours: 48, nature: i % 5 ? ('必修' as const) : ('限选' as const), module: '专业核心', assessment: i % 2 ? ('考试' as const) : ('考查' as const), term, scale, countsTowardGpa: true };
    });
    const plan = await call('plans.save', { majorId: major.id, cohortYear: 2025, name: '基准方案', courses });
    const ins = raw.prepare(`INSERT INTO grades (student_id, course_id, course_code, attempt_no, kind, score, absent, void, term, entered_by, entered_at) VALUES (?,?,?,?,?,?,0,0,?,'admin','2026-01-01T00:00:00Z')`);
    let t = performance.now();
    raw.transaction(() => {
      ids.forEach((sid, s) => {
        plan.courses.forEach((c, i) => {
          const y = 2025 + Math.floor((c.term - 1) / 2);
          const term = `${y}-${y + 1}-${((c.term - 1) % 2) + 1}`;
          const score = c.scale === '五级制' ? ['优秀', '良好', '中等'][s % 3]! : c.scale === '两级制' ? '合格' : String(55 + ((s * 7 + i * 13) % 45));
          ins.run(sid, c.id, c.code, 1, '正考', score, term);
          if (c.scale === '百分制' && Number(score) < 60) ins.run(sid, c.id, c.code, 2, '补考', String(60 + ((s + i) % 30)), `${y}-${y + 1}-2`);
        });
      });
    })();
    console.log(`  seed ${ids.length} students × 48 courses of grades: ${(performance.now() - t).toFixed(0)} ms`);

    const figures: TranscriptFigure[] = [];
    // Warm up once (fonts load on the first PDF), as in use the app has made one before.
    await call('transcripts.print', { studentId: ids[0]!, jobId: 'warm' });
    t = performance.now();
    const fifty = await call('transcripts.print', { classId: small.id, jobId: 'class-50' });
    const classMs = performance.now() - t;
    const classBytes = app.output('class-50')!.length;
    console.log(`  a class of ${fifty.count} transcripts in one job: ${classMs.toFixed(0)} ms (${(classBytes / 1024).toFixed(0)} KB)`);
    figures.push({ name: `class of ${fifty.count} transcripts`, p50: classMs, p95: classMs, target: 2000, unit: 'ms' });

    t = performance.now();
    const all = await call('transcripts.print', { classId: big.id, jobId: 'class-n' });
    const jobMs = performance.now() - t;
    const jobBytes = app.output('class-n')!.length;
    // pdfmake alone on the same document definitions (built again here, outside the timing: pdfmake
    // writes into the objects it lays out).
    const db = core.folder.db();
    const common = transcriptCommon(db);
    const students = transcriptStudents(db, ids.slice(50));
    const parts = students.map((s) => {
      const sheet = transcriptSheet(transcriptInput(db, s, common, 'zh', new Date().toISOString().slice(0, 10)));
      return { sheet, checkCode: checkCode(contentHash(sheet)), photo: null };
    });
    const doc = transcriptDocument(parts, A4_PAGE);
    t = performance.now();
    const alone = await renderPdf(doc, 'serif');
    const aloneMs = performance.now() - t;
    console.log(`  ${all.count} transcripts in one job: ${jobMs.toFixed(0)} ms (${(jobBytes / 1048576).toFixed(1)} MB) vs pdfmake alone on the same documents ${aloneMs.toFixed(0)} ms (${(alone.length / 1048576).toFixed(1)} MB): ${(jobMs / aloneMs).toFixed(2)}× (target ≤ 2×)`);
    figures.push({ name: `${all.count} transcripts in one job`, p50: jobMs, p95: jobMs, target: 2 * aloneMs, unit: 'ms' });
    return figures;
  } finally {
    core.folder.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  benchTranscripts().then(
    (rows) => {
      for (const r of rows) console.log(`  ${r.name.padEnd(40)} ${r.p50.toFixed(0).padStart(7)} ms   < ${r.target.toFixed(0)} ${r.p50 <= r.target ? 'ok' : 'SLOW'}`);
      process.exit(rows.some((r) => r.p50 > r.target * 2) ? 1 : 0);
    },
    (e: unknown) => {
      console.error(e);
      process.exit(1);
    },
  );
}
