import { idCheckChar } from '../../shared/domain/idcard';
import { expect, seedDepartment, signIn, test, type RunningHost } from './host';

/**
 * Issue 16 "Done when": the clerk audits a cohort in which one student misses a required course
 * (补考 still failed) and sees exactly why; the other graduates. The detail names each check.
 */
const CLERK = { username: 'sun', displayName: '孙老师', role: 'clerk', password: 'Clerk12345xy' };
const MANAGER = { username: 'qian', displayName: '钱主任', role: 'manager', password: 'Manager12345' };
const ADMIN_CLIENT = 'seed-admin-0001';

async function department(host: RunningHost) {
  const staff = [{ ...CLERK }, { ...MANAGER }];
  await seedDepartment(host, staff);
  CLERK.password = staff[0]!.password;
  MANAGER.password = staff[1]!.password;
  await host.api('auth.signIn', { username: 'admin', password: 'Admin12345xy' }, ADMIN_CLIENT);
  const major = await host.api<{ id: number }>('org.createMajor', { code: '510201', name: '计算机应用技术', level: '专科', lengthYears: '3', studyForm: '普通全日制' }, ADMIN_CLIENT);
  const cls = await host.api<{ id: number }>('org.createClass', { name: '计算机应用2301班', majorId: major.id, cohortYear: 2023 }, ADMIN_CLIENT);
  const ids: number[] = [];
  for (const [i, name] of ['欧阳明轩', '李四'].entries()) {
    const id17 = `1101052005031510${2 * i + 1}`;
    const s = await host.api<{ id: number }>('students.create', { studentNo: `202351020100${i + 1}`, name, idNumber: id17 + idCheckChar(id17), birthDate: '2005-03-15', gender: '1', enrolmentDate: '2023-09-01', classId: cls.id, guardians: [] }, ADMIN_CLIENT);
    ids.push(s.id);
  }
  const c = (code: string, name: string, credits: string, module: string) => ({ code, name, nameEn: '', credits, hours: 48, nature: '必修', module, assessment: '考试', term: 1, scale: '百分制', countsTowardGpa: true });
  const plan = await host.api<{ id: number; courses: { id: number; code: string }[] }>('plans.save', {
    majorId: major.id, cohortYear: 2023, name: '2023级方案', courses: [c('MATH101', '高等数学', '4', '公共基础'), c('DB201', '数据库原理', '4', '专业核心'), c('SW101', '程序设计', '3', '专业核心')],
  }, ADMIN_CLIENT);
  const enter = (code: string, term: string, entries: unknown[]) => host.api('grades.save', { courseId: plan.courses.find((x) => x.code === code)!.id, classId: cls.id, term, entries }, ADMIN_CLIENT);
  await enter('MATH101', '2023-2024-1', [{ studentId: ids[0], attempt: '正考', score: '85' }, { studentId: ids[1], attempt: '正考', score: '77' }]);
  await enter('SW101', '2023-2024-1', [{ studentId: ids[0], attempt: '正考', score: '90' }, { studentId: ids[1], attempt: '正考', score: '68' }]);
  await enter('DB201', '2023-2024-2', [{ studentId: ids[0], attempt: '正考', score: '75' }, { studentId: ids[1], attempt: '正考', score: '40' }]);
  await enter('DB201', '2024-2025-1', [{ studentId: ids[1], attempt: '补考', score: '45' }]);
  // The school's 毕业要求 for this plan (no 体质健康 scores are seeded here; the fitness rule has its own tests).
  await host.api('graduation.saveRules', {
    planId: plan.id,
    rules: [{ kind: 'totalCredits', min: '11' }, { kind: 'requiredCourses', courses: [{ code: 'MATH101', name: '高等数学' }, { code: 'DB201', name: '数据库原理' }, { code: 'SW101', name: '程序设计' }] }, { kind: 'noVoidGrade' }, { kind: 'withinMaxYears' }],
  }, ADMIN_CLIENT);
  return { planId: plan.id };
}

test('the clerk audits a cohort: one 毕业, one not, with the line naming the course and why; the detail shows each check', async ({ page, host }) => {
  test.setTimeout(180_000);
  await department(host);
  await signIn(page, host, CLERK.username, CLERK.password);
  await page.getByRole('link', { name: '毕业审核' }).click();
  await expect(page.getByRole('heading', { name: '毕业审核' })).toBeVisible();
  await page.getByLabel('年级').click();
  await page.getByRole('option', { name: '2023 级' }).click();
  await page.getByRole('button', { name: '开始审核' }).click();
  await expect(page.getByText('审核完成：2 人，毕业 1，结业 0，延长学习年限 1')).toBeVisible();

  const table = page.getByRole('table', { name: '审核结果' });
  const ok = table.getByRole('row', { name: /欧阳明轩/ });
  const short = table.getByRole('row', { name: /李四/ });
  await expect(ok).toContainText('毕业');
  await expect(ok).toContainText('全部满足');
  await expect(short).toContainText('延长学习年限');
  await expect(short).toContainText('必修课程 未完成 1 门：未通过 数据库原理（4 学分，补考 45 分）');
  await expect(short).toContainText('总学分 还差 4 学分：未通过 数据库原理（4 学分，补考 45 分）');
  await page.screenshot({ path: 'test-results/screens/graduation-results.png', fullPage: true });

  // Only 延长学习年限.
  await page.getByRole('button', { name: '延长学习年限 1' }).click();
  await expect(table.getByRole('row')).toHaveCount(2);
  await page.getByRole('button', { name: '全部 2' }).click();

  await short.getByRole('button', { name: '明细 李四' }).click();
  const drawer = page.getByRole('region', { name: '审核明细' });
  await expect(drawer).toContainText('李四（2023510201002）');
  await expect(drawer.getByLabel('检查项 必修课程')).toContainText('未计入：数据库原理（DB201，4 学分）— 补考 45 分');
  await expect(drawer.getByLabel('检查项 总学分')).toContainText('要求：11　实际：7');
  await expect(drawer).toContainText('毕业要求（第 1 版）');
  await page.screenshot({ path: 'test-results/screens/graduation-detail.png' });
  await drawer.getByRole('button', { name: '关闭' }).click();
  // The clerk who ran the audit does not overrule it.
  await expect(page.getByRole('button', { name: /调整结论/ })).toHaveCount(0);

  // The manager does, with a reason; the row says who and why.
  await page.evaluate(() => window.localStorage.clear());
  await page.context().clearCookies();
  await signIn(page, host, MANAGER.username, MANAGER.password);
  await page.getByRole('link', { name: '毕业审核' }).click();
  await page.getByLabel('年级').click();
  await page.getByRole('option', { name: '2023 级' }).click();
  await page.getByRole('button', { name: '调整结论 李四' }).click();
  const dialog = page.getByRole('dialog', { name: '调整结论：李四' });
  await dialog.getByLabel('调整为').click();
  await page.getByRole('option', { name: '结业' }).click();
  await dialog.getByRole('button', { name: '确认调整' }).click();
  await expect(dialog).toContainText('请填写调整原因');
  await dialog.getByLabel('调整原因').fill('本人申请结业离校');
  await page.screenshot({ path: 'test-results/screens/graduation-override.png' });
  await dialog.getByRole('button', { name: '确认调整' }).click();
  const row = page.getByRole('table', { name: '审核结果' }).getByRole('row', { name: /李四/ });
  await expect(row).toContainText('结业（已调整）');
  await expect(row).toContainText('审核为延长学习年限；qian');
  await expect(row).toContainText('本人申请结业离校');
  await page.screenshot({ path: 'test-results/screens/graduation-overridden.png', fullPage: true });
});

test('the clerk edits a plan’s 毕业要求: total, a module minimum, required courses, the fitness minimum; saved as a new version', async ({ page, host }) => {
  test.setTimeout(180_000);
  const { planId } = await department(host);
  await signIn(page, host, CLERK.username, CLERK.password);
  await expect(page.getByRole('link', { name: '毕业审核' })).toBeVisible();
  await page.goto(`${host.origin}/#/plans/${planId}`);
  const section = page.getByRole('region', { name: '毕业要求' });
  await expect(section).toContainText('第 1 版');
  await expect(section).toContainText('总学分不少于 11');
  await section.getByRole('button', { name: '编辑毕业要求' }).click();
  await section.getByLabel('总学分不少于').fill('10');
  await section.getByRole('button', { name: '添加模块要求' }).click();
  await section.getByLabel('不少于（学分）').fill('7');
  await section.getByLabel('程序设计（必修）').uncheck();
  await section.getByLabel('体质健康测试不低于').check();
  await page.screenshot({ path: 'test-results/screens/graduation-rules-edit.png', fullPage: true });
  await section.getByRole('button', { name: '保存毕业要求' }).click();
  await expect(section).toContainText('第 2 版');
  await expect(section).toContainText('总学分不少于 10');
  await expect(section).toContainText('不少于 7 学分');
  await expect(section).toContainText('必修课程全部通过：高等数学、数据库原理');
  await expect(section).toContainText('体质健康测试不低于 50 分');
  await page.screenshot({ path: 'test-results/screens/graduation-rules-saved.png', fullPage: true });
});
