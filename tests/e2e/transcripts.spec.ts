import { readFileSync } from 'node:fs';
import { idCheckChar } from '../../shared/domain/idcard';
import { pageText, readPdf } from '../support/pdf-read';
import { expect, seedDepartment, signIn, test, type RunningHost } from './host';

/** Issue 15: 成绩单 from the profile — previewed as printed, issued by the clerk, saved and read back; a class printed at once. */
const CLERK = { username: 'sun', displayName: '孙老师', role: 'clerk', password: 'Clerk12345xy' };
const ADMIN_CLIENT = 'seed-admin-0001';

async function department(host: RunningHost) {
  const staff = [{ ...CLERK }];
  await seedDepartment(host, staff);
  CLERK.password = staff[0]!.password;
  await host.api('auth.signIn', { username: 'admin', password: 'Admin12345xy' }, ADMIN_CLIENT);
  const major = await host.api<{ id: number }>('org.createMajor', { code: '510201', name: '计算机应用技术', level: '专科', lengthYears: '3', studyForm: '普通全日制' }, ADMIN_CLIENT);
  const cls = await host.api<{ id: number }>('org.createClass', { name: '计算机应用2501班', majorId: major.id, cohortYear: 2025 }, ADMIN_CLIENT);
  const ids: number[] = [];
  for (const [i, name] of ['欧阳明轩', '李四'].entries()) {
    const id17 = `1101052007031510${2 * i + 1}`;
    const s = await host.api<{ id: number }>('students.create', { studentNo: `202551020100${i + 1}`, name, idNumber: id17 + idCheckChar(id17), birthDate: '2007-03-15', gender: '1', enrolmentDate: '2025-09-01', classId: cls.id, guardians: [] }, ADMIN_CLIENT);
    ids.push(s.id);
  }
  const c = (code: string, name: string, nameEn: string, credits: string, term = 1) => ({ code, name, nameEn, credits, hours: 48, nature: '必修', module: '专业核心', assessment: '考试', term, scale: '百分制', countsTowardGpa: true });
  const plan = await host.api<{ courses: { id: number; code: string }[] }>('plans.save', { majorId: major.id, cohortYear: 2025, name: '2025级方案', courses: [c('MATH101', '高等数学', 'Advanced Mathematics', '4'), c('PHYS101', '大学物理', 'College Physics', '3'), c('CS101', '程序设计基础', 'Programming Fundamentals', '3', 2)] }, ADMIN_CLIENT);
  const enter = (code: string, term: string, entries: unknown[]) => host.api('grades.save', { courseId: plan.courses.find((x) => x.code === code)!.id, classId: cls.id, term, entries }, ADMIN_CLIENT);
  await enter('MATH101', '2025-2026-1', [{ studentId: ids[0], attempt: '正考', score: '85' }, { studentId: ids[1], attempt: '正考', score: '77' }]);
  await enter('PHYS101', '2025-2026-1', [{ studentId: ids[0], attempt: '正考', score: '45' }]);
  await enter('PHYS101', '2025-2026-2', [{ studentId: ids[0], attempt: '补考', score: '72' }]);
  await enter('CS101', '2025-2026-2', [{ studentId: ids[0], attempt: '正考', score: '90' }]);
  return { studentId: ids[0]! };
}

test('the clerk previews a transcript as printed, issues it with the 补考 marked, and prints a class at once', async ({ page, host }) => {
  test.setTimeout(180_000);
  const { studentId } = await department(host);
  await signIn(page, host, CLERK.username, CLERK.password);
  await page.goto(`${host.origin}/#/students/${studentId}`);

  await page.getByRole('button', { name: '成绩单' }).click();
  const dialog = page.getByRole('dialog', { name: /成绩单：欧阳明轩/ });
  const preview = dialog.getByLabel('成绩单预览');
  await expect(preview).toContainText('2025—2026学年 第一学期');
  await expect(preview.getByRole('row', { name: /PHYS101/ })).toContainText('补考');
  // By hand: MATH 4 × 3.5 + PHYS 补考 3 × 1.0 + CS 3 × 4.0 = 29 over 10 credits → 2.90.
  await expect(preview).toContainText('平均学分绩点：2.90');
  await page.screenshot({ path: 'test-results/screens/transcript-preview.png' });
  // English: refused until the school's English names are set (named in the preview).
  await dialog.getByRole('button', { name: '英文' }).click();
  await expect(dialog).toContainText('系统设置中没有学校的英文名称');
  await page.screenshot({ path: 'test-results/screens/transcript-preview-en.png' });
  await dialog.getByRole('button', { name: '中文' }).click();

  await dialog.getByRole('button', { name: '生成成绩单 PDF' }).click();
  await expect(dialog).toContainText('已生成 成绩单_欧阳明轩_2025510201001.pdf（1 份）');
  const downloading = page.waitForEvent('download');
  await dialog.getByRole('button', { name: '保存 PDF' }).click();
  const download = await downloading;
  const [pdf] = await readPdf(readFileSync((await download.path())!));
  const text = pageText(pdf!);
  for (const part of ['欧阳明轩', 'PHYS101', '补考', '平均学分绩点：2.90', '以下空白']) expect(text).toContain(part);
  await page.screenshot({ path: 'test-results/screens/transcript-issued.png' });
  await dialog.getByRole('button', { name: '关闭' }).click();

  await page.goto(`${host.origin}/#/org`);
  await page.getByRole('button', { name: '批量打印 计算机应用2501班 的成绩单' }).click();
  const batch = page.getByRole('dialog', { name: /批量打印成绩单/ });
  await batch.getByRole('button', { name: '生成成绩单 PDF' }).click();
  await expect(batch).toContainText('（2 份）');
  await page.screenshot({ path: 'test-results/screens/transcript-class.png' });
});
