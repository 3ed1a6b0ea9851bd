import { expect, seedDepartment, signIn, test } from './host';

/**
 * 学业预警 as the counselor and the admin use it (issue 15): the admin tightens a threshold in
 * 系统设置 as a new version; the counselor records 旷课 hours, runs the term's warning and reads
 * who reached which tier and exactly why.
 */
test('the counselor runs the term\'s 学业预警 and reads each student\'s tier and reason; the admin edits the rules as a new version', async ({ page, browser, host }) => {
  test.setTimeout(150_000);
  const staff = [{ username: 'zhao', displayName: '赵辅导员', role: 'counselor', password: 'Counsel12345' }];
  await seedDepartment(host, staff);
  const A = 'seed-admin-0001';
  await host.api('auth.signIn', { username: 'admin', password: 'Admin12345xy' }, A);
  const majorId = (await host.api<{ id: number }>('org.createMajor', { code: '510201', name: '计算机应用技术', level: '专科', lengthYears: '3', studyForm: '普通全日制' }, A)).id;
  const classId = (await host.api<{ id: number }>('org.createClass', { name: '计算机2601班', majorId, cohortYear: 2026 }, A)).id;
  const ids: number[] = [];
  for (const [i, name] of ['张三', '李四', '王五'].entries()) {
    const id17 = `11010520070501${String(11 + i * 2).padStart(3, '0')}`;
    const weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
    const check = '10X98765432'[[...id17].reduce((s, d, k) => s + Number(d) * weights[k]!, 0) % 11]!;
    ids.push((await host.api<{ id: number }>('students.create', { studentNo: `202651020100${i + 1}`, name, gender: '1', birthDate: '2007-05-01', idNumber: id17 + check, enrolmentDate: '2026-09-01', classId, guardians: [] }, A)).id);
  }
  const course = (code: string, name: string) => ({ code, name, nameEn: '', credits: '3', hours: 48, nature: '必修', module: '专业核心', assessment: '考试', term: 1, scale: '百分制', countsTowardGpa: true });
  const plan = await host.api<{ courses: { id: number; code: string }[] }>('plans.save', { majorId, cohortYear: 2026, name: '2026级方案', courses: [course('MATH101', '高等数学'), course('PHYS101', '大学物理'), course('ENG101', '大学英语')] }, A);
  const term = await page.evaluate(() => {
    const d = new Date();
    const y = d.getFullYear();
    const m = d.getMonth() + 1;
    return m >= 9 ? `${y}-${y + 1}-1` : m === 1 ? `${y - 1}-${y}-1` : `${y - 1}-${y}-2`;
  });
  // 张三 fails all three; 李四 one; 王五 none (but misses classes, below).
  for (const [k, c] of plan.courses.entries()) {
    await host.api('grades.save', { courseId: c.id, classId, term, entries: [{ studentId: ids[0], attempt: '正考', score: '40' }, { studentId: ids[1], attempt: '正考', score: k === 0 ? '45' : '80' }, { studentId: ids[2], attempt: '正考', score: '90' }] }, A);
  }

  // The admin: the rules in force (the shipped three-tier preset), a new version with a lower 旷课 line.
  const admin = await (await browser.newContext()).newPage();
  await signIn(admin, host, 'admin', 'Admin12345xy');
  await admin.getByRole('navigation', { name: '主导航' }).getByRole('link', { name: '系统设置' }).click();
  const rules = admin.getByRole('region', { name: '学业预警设置' });
  await expect(rules).toContainText('现行规则');
  await rules.getByRole('button', { name: '修改为新版本' }).click();
  const absence = rules.getByLabel('本学期旷课学时达到').first();
  await absence.fill('8');
  await rules.scrollIntoViewIfNeeded();
  await admin.screenshot({ path: 'test-results/screens/warnings-rules-edit.png', fullPage: true });
  await rules.getByRole('button', { name: '保存为新版本' }).click();
  await expect(admin.getByText(/已保存学业预警规则/)).toBeVisible();
  await expect(rules).toContainText('本学期旷课达 8 学时');

  // The counselor records 李四's 旷课 and runs the warning.
  await signIn(page, host, 'zhao', staff[0]!.password);
  await page.getByRole('navigation', { name: '主导航' }).getByRole('link', { name: '学业预警' }).click();
  await expect(page.getByText(`${term} 学期还没有运行过学业预警`)).toBeVisible();
  await page.getByRole('button', { name: '登记旷课学时' }).click();
  const dialog = page.getByRole('dialog', { name: /登记旷课学时/ });
  await dialog.getByLabel('学号').fill('2026510201002');
  await dialog.getByLabel('本学期旷课学时').fill('10');
  await dialog.getByRole('button', { name: '保存' }).click();
  await expect(page.getByText(/已登记 李四/)).toBeVisible();
  // 王五 passes everything but missed 35 hours: the red tier (三级预警: 31 学时).
  await host.api('warnings.setAbsence', { studentId: ids[2], term, hours: 35 }, A);
  await page.getByRole('button', { name: '运行预警' }).click();
  const table = page.getByRole('table', { name: '预警名单' });
  await expect(table.getByRole('row')).toHaveCount(4);
  // Highest tier first: the red-tier student with the reason, then the yellow ones.
  const wang = table.getByRole('row').nth(1);
  await expect(wang).toContainText('王五');
  await expect(wang).toContainText('红色预警');
  await expect(wang).toContainText('本学期旷课 35 学时（达到红色预警的 31 学时）');
  const zhang = table.getByRole('row').filter({ hasText: '张三' });
  await expect(zhang).toContainText('补考后累计不及格课程 3 门');
  await expect(zhang).toContainText('黄色预警');
  await expect(zhang).toContainText('新增');
  const li = table.getByRole('row').filter({ hasText: '李四' });
  await expect(li).toContainText('本学期旷课 10 学时（达到黄色预警的 8 学时）');
  await page.screenshot({ path: 'test-results/screens/warnings-results.png', fullPage: true });
  // Filter by tier.
  await page.getByRole('combobox', { name: '预警等级' }).click();
  await page.getByRole('option', { name: '红色预警' }).click();
  await expect(table.getByRole('row')).toHaveCount(2);
  await expect(table).toContainText('王五');
  await expect(table).not.toContainText('张三');
});
