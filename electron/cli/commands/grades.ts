import { studentNoText } from '../../../shared/domain/student-no';
import { CliError } from '../prompt';
import { refuse, withRefusals } from '../refusals';
import type { CliSession } from '../session';
import { textTable } from '../table';
import { importFile, type ImportFileOptions } from './import-file';
import { findStudent } from './students-show';

const USAGE = '用法：grades gpa --student 学号|身份证号 [--json] 或 grades import FILE [--sheet NAME] [--dry-run] [--skip-invalid] [--report OUT.xlsx] [--json]';

/**
 * `grades import FILE`: a 教务系统 grade export through the grade import (the wizard's 成绩), with the
 * roster import's contract: exit 2 and nothing written while a row is invalid (unless
 * --skip-invalid), --dry-run, errors with row, column, field and stable code.
 */
export async function importGrades(session: CliSession, file: string | undefined, opts: Omit<ImportFileOptions, 'file'>): Promise<number> {
  if (!file) throw new CliError(`请指定要导入的成绩文件。${USAGE}`, 2);
  return importFile(session, 'grades', { ...opts, file }, {
    willDo: (p) => `将导入成绩 ${p.toAdd} 条（${p.grades?.students ?? 0} 名学生、${p.grades?.courses ?? 0} 门课程）${p.grades?.alreadyRecorded ? `，已有相同成绩 ${p.grades.alreadyRecorded} 条不再导入` : ''}`,
    done: (r) => (r.batchId ? `已导入成绩 ${r.imported} 条（${r.grades?.students ?? 0} 名学生、${r.grades?.courses ?? 0} 门课程），跳过 ${r.skipped} 行（批次 #${r.batchId}，可在程序的“导入记录”中撤销）` : '没有需要导入的成绩。'),
  });
}

/**
 * `grades gpa --student 学号|身份证号`: the student's GPA by the school's method, with the attempt that
 * counts for each course (the same call as the app, so the same permission, 数据范围 and numbers).
 * --json: { student, gpa (unrounded), gpaText, creditsEarned, creditsCounted, courses: [{ code, attempt, score, gradePoint, … }] }.
 */
export async function gradesCommand(session: CliSession, sub: string | undefined, opts: { student: string | undefined; json: boolean }): Promise<number> {
  return withRefusals(opts.json, async () => {
    if (sub !== 'gpa') refuse('VALIDATION', USAGE);
    if (!opts.student) refuse('VALIDATION', `请用 --student 指定学生的学号或身份证号。${USAGE}`);
    const row = await findStudent(session, opts.student);
    const g = await session.call('grades.gpa', { studentId: row.id });
    if (opts.json) {
      console.log(JSON.stringify({ student: { id: row.id, studentNo: row.studentNo, name: row.name }, ...g }, null, 2));
      return 0;
    }
    const lines = g.courses.map((c) => [
      c.code, c.name, c.credits, c.attempt ? `${c.attempt}（${c.term}）` : '—', c.score ?? (c.attempt === '免修' ? '免修' : '—'), c.gradePoint ?? '—', c.counted ? '' : (c.reason ?? ''),
    ]);
    console.log(
      [
        `${row.name}（${studentNoText(row.studentNo)}）平均学分绩点 ${g.gpaText}`,
        `  已获学分 ${g.creditsEarned}，计入绩点的学分 ${g.creditsCounted}，学分绩点合计 ${g.creditPoints}`,
        '',
        textTable(['课程代码', '课程名称', '学分', '计入的考试', '成绩', '绩点', '说明'], lines),
      ].join('\n'),
    );
    return 0;
  });
}
