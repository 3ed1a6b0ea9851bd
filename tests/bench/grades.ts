/**
 * The grade import benchmark (issue 15 "Speed"): a 100,000-row 教务系统 export (BENCH_GRADE_ROWS)
 * imported open → inspect → preview → commit in a freshly started app process (import.ts, spec
 * grades), against exceljs alone reading the same file in that same process. Target: ≤ 3×.
 *
 * Its own data folder: the demo department (BENCH_GRADE_STUDENTS students, default 3,000), a
 * 40-course plan for each major and cohort, then the export — for each student every course of
 * their plan, 正考 (a number, a number as text, a 五级制 word, 合格, now and then 缺考), and a 补考
 * after each fail — until the rows are there.
 *
 * Run alone: node --import tsx tests/bench/grades.ts (npm run bench runs it too).
 */
import { spawnSync } from 'node:child_process';
import { createWriteStream, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import ExcelJS from 'exceljs';
import { cohortTerm, type GradeScale } from '../../shared/domain/grades';
import { benchApp, BENCH_DEPARTMENT } from './bench-app';
import type { ImportFigures } from './import';
import type { Figure } from './status-changes';

const here = dirname(fileURLToPath(import.meta.url));
const COURSES = 40;
const HEADERS = ['学号', '姓名', '课程代码', '课程名称', '学年学期', '考试性质', '成绩', '学分'];
const FIVE = ['优秀', '良好', '中等', '及格', '不及格'] as const;

const scaleOf = (i: number): GradeScale => (i % 10 === 8 ? '五级制' : i % 10 === 9 ? '两级制' : '百分制');

async function writeExport(file: string, students: { studentNo: string; name: string; cohort: number }[], rows: number): Promise<number> {
  const stream = createWriteStream(file);
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ stream, useStyles: true, useSharedStrings: true });
  const ws = wb.addWorksheet('成绩');
  ws.columns = HEADERS.map((h) => ({ header: h, width: 14, style: h === '成绩' ? {} : { numFmt: '@' } }));
  let n = 0;
  let k = 0;
  const add = (r: ExcelJS.CellValue[]) => {
    ws.addRow(r).commit();
    n++;
  };
  for (const s of students) {
    for (let i = 0; i < COURSES && n < rows; i++, k++) {
      const term = cohortTerm(s.cohort, 1 + (i % 6));
      const scale = scaleOf(i);
      const pick = k % 20;
      const fail = pick === 7;
      const score: ExcelJS.CellValue =
        pick === 13 ? '缺考' : scale === '五级制' ? (fail ? '不及格' : FIVE[k % 4]!) : scale === '两级制' ? (fail ? '不合格' : '合格') : fail ? 45 : pick % 3 === 0 ? `${60 + (k % 40)}.5` : 60 + (k % 41);
      add([s.studentNo, s.name, `C${String(i + 1).padStart(3, '0')}`, `课程${i + 1}`, term, k % 2 ? '正考' : '正常考试', score, 2]);
      if ((fail || pick === 13) && n < rows) {
        const makeup = cohortTerm(s.cohort, 2 + (i % 6));
        add([s.studentNo, s.name, `C${String(i + 1).padStart(3, '0')}`, `课程${i + 1}`, makeup, '补考', scale === '五级制' ? '及格' : scale === '两级制' ? '合格' : 61, 2]);
      }
    }
    if (n >= rows) break;
  }
  ws.commit();
  await wb.commit();
  return n;
}

export async function benchGradeImport(rows = Number(process.env.BENCH_GRADE_ROWS ?? 100_000), studentCount = Number(process.env.BENCH_GRADE_STUDENTS ?? 3000)): Promise<Figure[]> {
  const dir = mkdtempSync(join(tmpdir(), 'xueji-bench-grades-'));
  try {
    const app = benchApp(dir, 'bench');
    await app.call('setup.create', BENCH_DEPARTMENT);
    let t = performance.now();
    await app.call('setup.loadDemo', { students: studentCount });
    const tree = await app.call('org.tree', {});
    for (const major of tree.majors) {
      for (const cohortYear of tree.cohorts) {
        await app.call('plans.save', {
          majorId: major.id, cohortYear, name: `${major.name}专业${cohortYear}级人才培养方案`,
          courses: Array.from({ length: COURSES }, (_, i) => ({
            code: `C${String(i + 1).padStart(3, '0')}`, name: `课程${i + 1}`, credits: '2', hours: 32, nature: '必修' as const, module: '专业核心',
            assessment: '考试' as const, term: 1 + (i % 6), scale: scaleOf(i),
          })),
        });
      }
    }
    const students = app.core.folder
      .raw()
      .prepare('SELECT s.student_no AS studentNo, s.name, c.cohort_year AS cohort FROM students s JOIN classes c ON c.id = s.class_id WHERE s.student_no IS NOT NULL ORDER BY s.id')
      .all() as { studentNo: string; name: string; cohort: number }[];
    console.log(`  grade import setup: ${studentCount} demo students, ${tree.majors.length * tree.cohorts.length} plans of ${COURSES} courses: ${(performance.now() - t).toFixed(0)} ms`);
    const file = join(dir, 'grades.xlsx');
    t = performance.now();
    const written = await writeExport(file, students, rows);
    console.log(`  write a ${written}-row grade export (exceljs streaming writer): ${(performance.now() - t).toFixed(0)} ms`);
    await app.call('auth.signOut', {});
    app.core.folder.close();

    const child = spawnSync(process.execPath, ['--import', 'tsx', join(here, 'import.ts'), dir, file, String(written), 'grades'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] });
    if (child.status !== 0) throw new Error(`grade import bench failed (exit ${child.status})`);
    const f = JSON.parse(child.stdout.trim().split('\n').at(-1)!) as ImportFigures;
    const ratio = f.totalMs / f.excelMs;
    console.log(`  grade import ${written} rows: ${f.phases.map(([n, ms]) => `${n} ${ms.toFixed(0)} ms`).join(', ')}`);
    console.log(`  grade import total ${f.totalMs.toFixed(0)} ms vs exceljs alone reading the file ${f.excelMs.toFixed(0)} ms (${f.cells} cells): ${ratio.toFixed(2)}× (target ≤ 3×); peak RSS ${f.peakMb.toFixed(0)} MB; longest main-thread block during the commit ${f.longestBlockMs.toFixed(0)} ms`);
    return [
      { name: `grade import ${written} rows (open→commit)`, p50: f.totalMs, p95: f.totalMs, target: 3 * f.excelMs, unit: 'ms' },
      { name: 'grade import longest main-thread block', p50: f.longestBlockMs, p95: f.longestBlockMs, target: 1000, unit: 'ms' },
    ];
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

if (process.argv[1]?.endsWith('grades.ts')) {
  benchGradeImport().then(
    (figures) => {
      for (const r of figures) console.log(`  ${r.name}: ${r.p50.toFixed(0)} ${r.unit} (target < ${r.target.toFixed(0)}) ${r.p95 <= r.target ? 'ok' : 'SLOW'}`);
      process.exit(0);
    },
    (e: unknown) => {
      console.error(e);
      process.exit(1);
    },
  );
}
