import { idCheckChar } from '../../shared/domain/idcard';
import { courseList, gradeExport, PLAN_LINES } from '../support/grade-fixtures';
import { expect, seedDepartment, signIn, test, type RunningHost } from './host';

const ADMIN_CLIENT = 'seed-admin-0001';
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const id = (first17: string) => first17 + idCheckChar(first17);
const CLERK = { username: 'sun', displayName: '孙老师', role: 'clerk', password: 'Clerk12345xy' };

/** A department with a class of three students, as the admin sets it up (the plan is the test's). */
async function department(host: RunningHost) {
  await seedDepartment(host, [CLERK]);
  await host.api('auth.signIn', { username: 'admin', password: 'Admin12345xy' }, ADMIN_CLIENT);
  const major = await host.api<{ id: number }>('org.createMajor', { code: '510201', name: '计算机应用技术', level: '专科', lengthYears: '3', studyForm: '普通全日制' }, ADMIN_CLIENT);
  const cls = await host.api<{ id: number }>('org.createClass', { name: '计算机2601班', majorId: major.id, cohortYear: 2026 }, ADMIN_CLIENT);
  for (const [i, name] of ['张三', '李四', '王五'].entries()) {
    await host.api('students.create', { studentNo: `202651020100${i + 1}`, name, gender: '1', birthDate: '2007-05-01', idNumber: id(`11010520070501${String(11 + 2 * i).padStart(3, '0')}`), enrolmentDate: '2026-09-01', classId: cls.id, guardians: [] }, ADMIN_CLIENT);
  }
  return major.id;
}

test('成绩 and 培养方案课程 in the import wizard: a plan from the 教务处’s list, a grade sheet’s bad course code named by row and column, the valid rows imported, the batch undone', async ({ page, host }) => {
  test.setTimeout(180_000);
  await department(host);
  await signIn(page, host, CLERK.username, CLERK.password);
  // Calls the page makes for this role: none it is not allowed (photo imports are not the clerk's).
  const asked: string[] = [];
  page.on('request', (r) => {
    const m = /\/api\/call\/([^?]+)/.exec(r.url());
    if (m) asked.push(decodeURIComponent(m[1]!));
  });
  await page.getByRole('navigation', { name: '主导航' }).getByRole('link', { name: '数据导入' }).click();
  // The clerk runs the grade and course imports; the roster and photo imports are not theirs.
  const tabs = page.getByRole('tablist', { name: '导入内容' });
  await expect(tabs.getByRole('tab')).toHaveText(['导入成绩', '导入培养方案课程', '导入体质健康测试', '导入记录']);

  // The plan: the 教务处's course list into 计算机应用技术 2026 级.
  await tabs.getByRole('tab', { name: '导入培养方案课程' }).click();
  const courses = page.getByRole('tabpanel', { name: '导入培养方案课程' });
  await courses.getByLabel('选择课程文件').setInputFiles({ name: '教学进程表.xlsx', mimeType: XLSX, buffer: await courseList(PLAN_LINES) });
  await expect(courses.getByText('教学进程表.xlsx', { exact: true })).toBeVisible();
  await courses.getByRole('button', { name: '下一步' }).click();
  await expect(courses.getByText('表头位于第 2 行')).toBeVisible();
  await courses.getByRole('button', { name: '下一步' }).click();
  await expect(courses.getByRole('combobox', { name: '专业' })).toContainText('计算机应用技术');
  await expect(courses.getByRole('radio', { name: '选择专业和年级' })).toBeChecked();
  await courses.getByLabel('适用年级').fill('2026');
  await courses.getByRole('button', { name: '开始检查' }).click();
  await expect(courses.getByText('计算机应用技术 2026 级第 1 版（第一版）')).toBeVisible({ timeout: 30_000 });
  await expect(courses.getByText('4 门课程，共 10.5 学分')).toBeVisible();
  await page.screenshot({ path: 'test-results/screens/course-import-preview.png', fullPage: true });
  await courses.getByRole('button', { name: '下一步' }).click();
  await courses.getByRole('button', { name: '保存为第 1 版培养方案' }).click();
  await expect(courses.getByText('已保存培养方案第 1 版：新增 4 门、修改 0 门课程')).toBeVisible({ timeout: 30_000 });

  // A grade sheet with a course code the plan does not have, and a 105.
  await tabs.getByRole('tab', { name: '导入成绩' }).click();
  const grades = page.getByRole('tabpanel', { name: '导入成绩' });
  const sheet = await gradeExport([
    { studentNo: '2026510201001', name: '张三', code: 'MATH101', courseName: '高等数学', kind: '正常考试', score: 85 },
    { studentNo: '2026510201002', name: '李四', code: 'MATH110', courseName: '高等数学', kind: '正考', score: '72.5' },
    { studentNo: '2026510201003', name: '王五', code: 'MATH101', courseName: '高等数学', kind: '正考', score: '缺考' },
    { studentNo: '2026510201003', name: '王五', code: 'MATH101', courseName: '高等数学', term: '2026-2027-2', kind: '补考', score: 105 },
    { studentNo: '2026510201001', name: '张三', code: 'ENG101', courseName: '大学英语', kind: '正考', score: '优秀' },
  ]);
  await grades.getByLabel('选择成绩文件').setInputFiles({ name: '期末成绩.xlsx', mimeType: XLSX, buffer: sheet });
  await expect(grades.getByText('期末成绩.xlsx', { exact: true })).toBeVisible();
  await grades.getByRole('button', { name: '下一步' }).click();
  await expect(grades.getByLabel('对应字段：课程号', { exact: true })).toContainText('课程代码');
  await expect(grades.getByLabel('对应字段：总评成绩', { exact: true })).toContainText('成绩');
  await page.screenshot({ path: 'test-results/screens/grade-import-mapping.png', fullPage: true });
  await grades.getByRole('button', { name: '下一步' }).click();
  await grades.getByRole('button', { name: '开始检查' }).click();
  await expect(grades.getByRole('heading', { name: '检查结果' })).toBeVisible({ timeout: 30_000 });
  const problems = grades.getByRole('grid', { name: '问题清单' });
  const problem = (row: number, column: string, text: RegExp) =>
    expect(problems.getByRole('row').filter({ hasText: column }).filter({ has: page.getByRole('gridcell', { name: String(row), exact: true }) }).filter({ hasText: text }).first()).toBeVisible();
  await problem(4, '课程号', /课程代码 MATH110 不在计算机2601班适用的培养方案/);
  await problem(6, '总评成绩', /成绩应在 0–100 之间/);
  await expect(grades.getByText('将导入成绩 3 条', { exact: true })).toBeVisible();
  await page.screenshot({ path: 'test-results/screens/grade-import-preview.png', fullPage: true });

  await grades.getByRole('button', { name: '下一步' }).click();
  await grades.getByRole('button', { name: '只导入有效的 3 行' }).click();
  await expect(grades.getByText('导入完成：导入成绩 3 条、跳过 2 行')).toBeVisible({ timeout: 30_000 });
  await page.screenshot({ path: 'test-results/screens/grade-import-done.png', fullPage: true });

  await grades.getByRole('button', { name: '查看导入记录' }).click();
  const records = page.getByRole('grid', { name: '导入记录' });
  await expect(records.getByRole('row').filter({ hasText: '期末成绩.xlsx' })).toContainText('导入成绩');
  await expect(records.getByRole('row').filter({ hasText: '教学进程表.xlsx' })).toContainText('导入培养方案课程');
  // Photo imports are not the clerk's: no refusal shown for them, and they are not even asked for.
  await expect(page.getByText(/没有“.+”的权限/)).toHaveCount(0);
  expect(asked).toContain('imports.batches');
  expect(asked).not.toContain('photos.batches');
  await page.screenshot({ path: 'test-results/screens/import-records-grades.png', fullPage: true });
  await page.getByRole('button', { name: '撤销导入 期末成绩.xlsx' }).click();
  const dialog = page.getByRole('dialog', { name: '撤销导入' });
  await expect(dialog).toContainText('删除这次导入的 3 条成绩');
  await dialog.getByRole('button', { name: '确认撤销' }).click();
  await expect(page.getByText('已撤销：删除成绩 3 条')).toBeVisible();
});
