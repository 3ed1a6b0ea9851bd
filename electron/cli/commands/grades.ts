import { studentNoText } from '../../../shared/domain/student-no';
import { refuse, withRefusals } from '../refusals';
import type { CliSession } from '../session';
import { textTable } from '../table';
import { findStudent } from './students-show';

const USAGE = '用法：grades gpa --student 学号|身份证号 [--json]';

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
