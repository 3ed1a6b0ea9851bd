import { studentStatusName } from '../../../shared/domain/codes';
import { studentNoText } from '../../../shared/domain/student-no';
import { toHalfWidth } from '../../../shared/domain/text';
import type { CallOutput } from '../../../shared/ipc/contract';
import { refuse, withRefusals } from '../refusals';
import type { CliSession } from '../session';

type RosterRow = CallOutput<'students.list'>['rows'][number];

/**
 * A student by 学号 or 身份证号, exactly: the roster's own search (so the caller's 数据范围 and the
 * masking apply), then an exact match on either. A reader who sees ID numbers masked cannot find
 * anyone by one — the roster refuses that search too — and is told to use the 学号.
 */
export async function findStudent(session: CliSession, key: string): Promise<RosterRow> {
  const k = toHalfWidth(key).trim().replace(/\s+/g, '').toUpperCase();
  if (!k) refuse('VALIDATION', '请指定学生的学号或身份证号。');
  const page = await session.call('students.list', { filter: { q: k }, page: 0, pageSize: 50 });
  const hits = page.rows.filter((r) => r.studentNo === k || r.idNumber.toUpperCase() === k);
  if (hits.length === 0) {
    const hint = page.masked && /^\d{17}[\dX]$/.test(k) ? '（当前账户看不到完整身份证号，请改用学号查找）' : '';
    refuse('NOT_FOUND', `找不到学号或身份证号为“${key.trim()}”的学生${hint}。`);
  }
  // One 身份证号 may belong to two records (a student who left and was admitted again): the 学号 tells them apart.
  if (hits.length > 1) {
    refuse('CONFLICT', `身份证号“${key.trim()}”对应 ${hits.length} 名学生（${hits.map((h) => `${h.name} ${studentNoText(h.studentNo)} ${h.className ?? '未分班'}`).join('；')}），请改用学号。`);
  }
  return hits[0]!;
}

/** What the date on a 休学 or 保留 record means. */
const UNTIL_LABEL: Record<string, string> = { suspended: '预计复学日期', retained: '保留至', admission_retained: '保留入学资格至' };

/**
 * `students show 学号|身份证号`: the record as the profile page shows it — status, class, the
 * expected dates — and the 学籍异动 under way, if any.
 */
export async function studentsShow(session: CliSession, key: string | undefined, opts: { json: boolean }): Promise<number> {
  return withRefusals(opts.json, async () => {
    if (!key) refuse('VALIDATION', '用法：students show 学号|身份证号 [--json]');
    const row = await findStudent(session, key);
    const p = await session.call('students.get', { id: row.id });
    const open = (await session.call('statusChanges.list', { studentId: p.id, states: ['pending', 'returned'], page: 0, pageSize: 1 })).rows[0];
    const shown = {
      id: p.id,
      studentNo: p.studentNo,
      name: p.name,
      idNumber: p.idNumber,
      status: { code: p.status, label: studentStatusName(p.status) ?? p.status },
      className: p.className,
      majorName: p.majorName,
      cohortYear: p.cohortYear,
      statusUntil: p.statusUntil,
      expectedGraduationDate: p.expectedGraduationDate,
      openStatusChange: open ? { id: open.id, title: open.title, state: open.state, currentStep: open.currentStep } : null,
    };
    if (opts.json) {
      console.log(JSON.stringify(shown, null, 2));
      return 0;
    }
    const lines = [
      `${p.name}（${studentNoText(p.studentNo)}）`,
      `  身份证号：${p.idNumber}`,
      `  学籍状态：${shown.status.label}${p.statusUntil ? `（${UNTIL_LABEL[p.status] ?? '截止日期'} ${p.statusUntil}）` : ''}`,
      `  班级：${p.className ?? '未分班'}${p.majorName ? `，${p.majorName}` : ''}${p.cohortYear ? `，${p.cohortYear} 级` : ''}`,
      `  预计毕业日期：${p.expectedGraduationDate ?? '未填写'}`,
      `  进行中的学籍异动：${open ? `第 ${open.id} 号 ${open.title}，${open.currentStep ? `待${open.currentStep}` : '已退回提交人'}` : '无'}`,
    ];
    console.log(lines.join('\n'));
    return 0;
  });
}
