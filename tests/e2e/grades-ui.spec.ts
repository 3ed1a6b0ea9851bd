import type { Page } from '@playwright/test';
import { idCheckChar } from '../../shared/domain/idcard';
import { ADMIN, expect, seedDepartment, signIn, test, type RunningHost } from './host';

/**
 * Issue 15, the clerk's screens: 培养方案 (a new version edited on a copy, rows checked as typed),
 * 成绩录入 (a class's scores typed with the keyboard only, a 105 refused as typed, saved whole,
 * reloaded; the server's refusal on its row; the leave guard), the profile's 成绩 tab with the GPA
 * worked by hand, a read-only grid for the counselor, and the GPA method in 系统设置.
 */
const CLERK = { username: 'sun', displayName: '孙老师', role: 'clerk', password: 'Clerk12345xy' };
const COUNSELOR = { username: 'zhao', displayName: '赵辅导员', role: 'counselor', password: 'Counsel12345' };
const A = 'seed-admin-0001';
const C = 'seed-clerk-0001';
const shot = (page: Page, name: string) => page.screenshot({ path: `test-results/screens/grades-${name}.png`, animations: 'disabled' });

type Plan = { id: number; version: number; courses: { id: number; code: string }[] };
const course = (code: string, name: string, nameEn: string, credits: string, over: Record<string, unknown> = {}) => ({
  code, name, nameEn, credits, hours: Number(credits) * 16, nature: '必修', module: '专业核心', assessment: '考试', term: 1, scale: '百分制', countsTowardGpa: true, ...over,
});

async function department(host: RunningHost) {
  const staff = [{ ...CLERK }, { ...COUNSELOR }];
  await seedDepartment(host, staff);
  CLERK.password = staff[0]!.password;
  COUNSELOR.password = staff[1]!.password;
  await host.api('auth.signIn', { username: 'admin', password: ADMIN.password }, A);
  await host.api('auth.signIn', { username: CLERK.username, password: CLERK.password }, C);
  const major = await host.api<{ id: number }>('org.createMajor', { code: '510201', name: '计算机应用技术', level: '专科', lengthYears: '3', studyForm: '普通全日制' }, A);
  const cls = await host.api<{ id: number }>('org.createClass', { name: '计算机2601班', majorId: major.id, cohortYear: 2026 }, A);
  const other = await host.api<{ id: number }>('org.createClass', { name: '计算机2602班', majorId: major.id, cohortYear: 2026 }, A);
  const ids: Record<string, number> = {};
  for (const [i, name] of ['张三', '李四', '王五', '赵六'].entries()) {
    const id17 = `11010520070501${String(11 + 2 * i).padStart(3, '0')}`;
    const s = await host.api<{ id: number }>(
      'students.create',
      { studentNo: `202651020100${i + 1}`, name, gender: '1', birthDate: '2007-05-01', idNumber: id17 + idCheckChar(id17), enrolmentDate: '2026-09-01', classId: cls.id, guardians: [] },
      A,
    );
    ids[name] = s.id;
  }
  const plan = await host.api<Plan>(
    'plans.save',
    {
      majorId: major.id, cohortYear: 2026, name: '计算机应用技术专业2026级人才培养方案', note: '',
      courses: [
        course('MATH101', '高等数学', 'Advanced Mathematics', '4', { module: '公共基础' }),
        course('PHYS101', '大学物理', 'College Physics', '3'),
        course('ENG101', '大学英语', 'College English', '2', { scale: '五级制', assessment: '考查', module: '公共基础' }),
        course('PE101', '体育', 'Physical Education', '1', { scale: '两级制', module: '公共基础' }),
      ],
    },
    C,
  );
  return { majorId: major.id, classId: cls.id, otherClassId: other.id, ids, plan };
}

const cell = (page: Page, name: string, kind: string) => page.getByLabel(`${name} ${kind}成绩`, { exact: true });

test('the clerk keeps the plan and types a class’s grades; the profile’s GPA is the one worked by hand', async ({ page, browser, host }) => {
  test.setTimeout(240_000);
  const d = await department(host);
  await signIn(page, host, CLERK.username, CLERK.password);
  const nav = page.getByRole('navigation', { name: '主导航' });

  // ── 培养方案: the list, a version, a new version edited on a copy. ──
  await nav.getByRole('link', { name: '培养方案' }).click();
  const list = page.getByRole('table', { name: '培养方案' });
  await expect(list.getByRole('row').filter({ hasText: '计算机应用技术' })).toContainText('2026 级');
  await expect(list).toContainText('第 1 版');
  await expect(list).toContainText('4 门');
  await shot(page, 'plans-list');
  await list.getByRole('link', { name: '计算机应用技术专业2026级人才培养方案' }).click();
  await expect(page.getByRole('heading', { name: '计算机应用技术专业2026级人才培养方案' })).toBeVisible();
  const courses = page.getByRole('table', { name: '课程' });
  await expect(courses.getByRole('row').filter({ hasText: 'MATH101' })).toContainText('Advanced Mathematics');
  await expect(courses.getByRole('row').filter({ hasText: 'ENG101' })).toContainText('五级制');
  await expect(courses.getByRole('row').filter({ hasText: 'ENG101' })).toContainText('考查');
  await shot(page, 'plan-view');

  await page.getByRole('button', { name: '修改为新版本' }).click();
  await expect(page.getByRole('heading', { name: /^修改培养方案/ })).toBeVisible();
  await expect(page.getByText('保存后成为第 2 版')).toBeVisible();
  await page.getByRole('button', { name: '添加课程' }).click();
  await page.getByLabel('第 5 行课程代码').fill('math101');
  await page.getByLabel('第 5 行课程名称').fill('程序设计基础');
  await page.getByLabel('第 5 行英文名称').fill('Fundamentals of Programming');
  await page.getByLabel('第 5 行学分').fill('2.25');
  // Checked as typed, by the contract's own rules.
  const problems5 = page.getByRole('row', { name: '第 5 行的问题' });
  await expect(problems5).toHaveText('学分应为数字，最多一位小数（如 2 或 1.5）；请填写学时；请填写课程模块');
  await expect(page.getByLabel('第 5 行学分')).toHaveAttribute('aria-invalid', 'true');
  await page.getByRole('button', { name: '保存为第 2 版' }).click();
  await expect(page.getByText('有 1 行需要修改（见各行标红处），改正后才能保存。')).toBeVisible();
  await shot(page, 'plan-editor-problems');
  await page.getByLabel('第 5 行学分').fill('2.5');
  await page.getByLabel('第 5 行学时').fill('40');
  await page.getByLabel('第 5 行课程模块').fill('专业核心');
  await page.getByLabel('第 5 行学期').click();
  await page.getByRole('option', { name: '第 2 学期' }).click();
  await expect(problems5).toHaveCount(0);
  // The server's refusal (a code already in the plan, typed in lower case) lands on its row.
  await page.getByRole('button', { name: '保存为第 2 版' }).click();
  await expect(problems5).toHaveText('课程代码 MATH101 与第 1 行重复');
  await expect(page.getByText('第 5 行：课程代码 MATH101 与第 1 行重复（共 1 处），方案未保存')).toBeVisible();
  await shot(page, 'plan-editor-refused');
  await page.getByLabel('第 5 行课程代码').fill('CS101');
  await expect(problems5).toHaveCount(0);
  await page.getByRole('button', { name: '保存为第 2 版' }).click();
  await expect(page.getByText('已保存为第 2 版')).toBeVisible();
  await expect(page.getByText('现行', { exact: true })).toBeVisible();
  await expect(page.getByRole('table', { name: '课程' }).getByRole('row').filter({ hasText: 'CS101' })).toContainText('第 2 学期');
  await expect(page.getByRole('navigation', { name: '版本' })).toContainText('第 1 版');
  await shot(page, 'plan-v2');
  // Another cohort's plan starts from a copy of this one's courses.
  await page.getByRole('button', { name: '复制为其他年级的方案' }).click();
  await expect(page.getByRole('heading', { name: '以已有方案为底稿新建培养方案' })).toBeVisible();
  await expect(page.getByLabel('第 5 行课程代码')).toHaveValue('CS101');
  await expect(page.getByLabel('适用年级')).toHaveValue('');
  await shot(page, 'plan-copy');
  await page.getByRole('button', { name: '返回' }).click();
  await expect(page.getByRole('heading', { name: '人才培养方案' })).toBeVisible();

  // ── 成绩录入: class, then a course of its plan. ──
  await nav.getByRole('link', { name: '成绩管理' }).click();
  await expect(page.getByRole('heading', { name: '成绩录入' })).toBeVisible();
  await expect(page.getByRole('combobox', { name: '课程' })).toHaveAttribute('aria-disabled', 'true');
  await shot(page, 'grades-empty');
  await page.getByRole('combobox', { name: '班级' }).fill('2601');
  await page.getByRole('option', { name: /计算机2601班/ }).click();
  await page.getByRole('combobox', { name: '课程' }).click();
  await expect(page.getByRole('option', { name: /CS101/ })).toBeVisible(); // the class's plan is v2 now
  await page.getByRole('option', { name: /MATH101/ }).click();
  const grid = page.getByRole('table', { name: '成绩录入表' });
  await expect(grid.getByRole('row')).toHaveCount(5);
  await expect(page.getByRole('region', { name: '成绩' })).toContainText('4 学分 · 64 学时 · 必修 · 考试 · 百分制');

  // Keyboard only: type, Enter down; a 105 is refused as it is typed.
  await cell(page, '张三', '正考').click();
  await page.keyboard.type('85');
  await page.keyboard.press('Enter');
  await expect(cell(page, '李四', '正考')).toBeFocused();
  await page.keyboard.type('105');
  await expect(grid.getByRole('alert').filter({ hasText: '成绩应在 0–100 之间（读到 105）' })).toBeVisible();
  await expect(cell(page, '李四', '正考')).toHaveAttribute('aria-invalid', 'true');
  await expect(page.getByText('1 处有误')).toBeVisible();
  await shot(page, 'grid-105');
  await page.keyboard.press('Control+s');
  await expect(page.getByText('还有 1 处成绩有误（已标红），改正后才能保存。')).toBeVisible();
  await cell(page, '李四', '正考').focus();
  await page.keyboard.press('Control+a');
  await page.keyboard.type('59');
  await expect(grid.getByRole('alert')).toHaveCount(0);
  await page.keyboard.press('Enter');
  await expect(cell(page, '王五', '正考')).toBeFocused();
  await page.keyboard.type('缺考');
  await page.keyboard.press('Enter');
  await page.keyboard.type('72');
  // Tab goes right, to the same student's 补考.
  await page.keyboard.press('Tab');
  await expect(cell(page, '赵六', '补考')).toBeFocused();
  await expect(page.getByText('4 处修改待保存')).toBeVisible();
  await page.keyboard.press('Control+s');
  await expect(page.getByText('已保存计算机2601班高等数学的成绩：新增 4 条')).toBeVisible();
  await expect(page.getByText('没有未保存的修改')).toBeVisible();
  await shot(page, 'grid-saved');

  // Reloaded: the address keeps the class and course; the grades are the server's.
  await page.reload();
  await expect(cell(page, '张三', '正考')).toHaveValue('85');
  await expect(cell(page, '李四', '正考')).toHaveValue('59');
  await expect(cell(page, '王五', '正考')).toHaveValue('');
  await expect(page.getByRole('checkbox', { name: '王五 正考缺考' })).toHaveAttribute('aria-checked', 'true');
  await expect(cell(page, '赵六', '正考')).toHaveValue('72');
  await expect(page.getByLabel('录入情况')).toHaveText('共 4 名学生，已有成绩 4 人');
  await shot(page, 'grid-reloaded');

  // 补考 in the next term; meanwhile 王五 moves to another class: the whole save is refused, on his row.
  await expect(page.getByRole('combobox', { name: '补考考试学期' })).toHaveText('2026-2027 学年第 2 学期');
  await cell(page, '李四', '补考').click();
  await page.keyboard.type('70');
  await page.keyboard.press('Enter');
  await expect(cell(page, '王五', '补考')).toBeFocused();
  await page.keyboard.type('66');
  const wang = await host.api<{ version: number }>('students.get', { id: d.ids['王五'] }, A);
  await host.api('students.update', { id: d.ids['王五'], version: wang.version, patch: { classId: d.otherClassId } }, A);
  await page.getByRole('button', { name: '保存成绩' }).click();
  await expect(page.getByText('有 1 处成绩无法保存，本次未保存任何成绩。')).toBeVisible();
  await expect(grid.getByRole('row').filter({ hasText: '王五' }).getByRole('alert')).toHaveText('该学生不在计算机2601班');
  await expect(grid.getByRole('row').filter({ hasText: '李四' }).getByRole('alert')).toHaveCount(0);
  await shot(page, 'grid-refused');
  const unchanged = await host.api<{ rows: { name: string; attempts: unknown[] }[] }>('grades.forCourse', { courseId: d.plan.courses[0]!.id, classId: d.classId }, C);
  expect(unchanged.rows.find((r) => r.name === '李四')!.attempts).toHaveLength(1);
  // Esc puts 王五's cell back; the save goes through and the grid is the class as it is now.
  await cell(page, '王五', '补考').focus();
  await page.keyboard.press('Escape');
  await page.getByRole('button', { name: '保存成绩' }).click();
  await expect(page.getByText('已保存计算机2601班高等数学的成绩：新增 1 条')).toBeVisible();
  await expect(grid.getByRole('row')).toHaveCount(4);
  await expect(cell(page, '李四', '补考')).toHaveValue('70');

  // Leaving with unsaved grades asks first.
  await cell(page, '赵六', '重修').click();
  await page.keyboard.type('90');
  await nav.getByRole('link', { name: '培养方案' }).click();
  const leave = page.getByRole('dialog', { name: '放弃未保存的修改？' });
  await expect(leave).toContainText('成绩表中有尚未保存的成绩。');
  await shot(page, 'grid-leave-guard');
  await leave.getByRole('button', { name: '留在此页' }).click();
  await expect(cell(page, '赵六', '重修')).toHaveValue('90');
  await cell(page, '赵六', '重修').press('Escape');
  await expect(page.getByText('没有未保存的修改')).toBeVisible();

  // A 五级制 course takes words, not a score.
  await page.getByRole('combobox', { name: '课程' }).click();
  await page.getByRole('option', { name: /ENG101/ }).click();
  await cell(page, '李四', '正考').click();
  await page.keyboard.type('85');
  await expect(grid.getByRole('alert')).toContainText('该课程为五级制，应填写优秀、良好、中等、及格或不及格（读到“85”）');
  await shot(page, 'grid-five-level');
  await page.keyboard.press('Control+a');
  await page.keyboard.type('中等');
  await page.keyboard.press('Control+s');
  await expect(page.getByText('已保存计算机2601班大学英语的成绩：新增 1 条')).toBeVisible();

  // 大学物理 88 and 体育 合格 through the services.
  const plan2 = await host.api<Plan>('plans.forClass', { classId: d.classId }, C);
  const id = (code: string) => plan2.courses.find((c) => c.code === code)!.id;
  await host.api('grades.save', { courseId: id('PHYS101'), classId: d.classId, term: '2026-2027-1', entries: [{ studentId: d.ids['李四'], attempt: '正考', score: '88' }] }, C);
  await host.api('grades.save', { courseId: id('PE101'), classId: d.classId, term: '2026-2027-1', entries: [{ studentId: d.ids['李四'], attempt: '正考', score: '合格' }] }, C);

  // ── The profile's 成绩 tab. By hand, default method: 高等数学 59 then 补考 70 → 1.0 × 4 = 4; 大学物理 88 →
  // 3.8 × 3 = 11.4; 大学英语 中等 → 75 → 2.5 × 2 = 5; 体育 (两级制) earned, left out. 20.4 / 9 = 2.2666… → 2.27.
  await page.goto(`${host.origin}/#/students/${d.ids['李四']}?tab=grades`);
  const summary = page.getByRole('region', { name: '平均学分绩点' });
  await expect(page.getByLabel('平均学分绩点数值')).toHaveText('2.27');
  await expect(summary).toContainText('已获学分10');
  await expect(summary).toContainText('计入绩点的学分9');
  await expect(summary).toContainText('学分绩点和20.4');
  await expect(page.getByLabel('计算方法')).toContainText('补考、重修通过的绩点按 1.0 计');
  const term1 = page.getByRole('table', { name: '2026-2027 学年第 1 学期成绩' });
  const math = term1.getByRole('row').filter({ hasText: 'MATH101' });
  await expect(math).toContainText('59');
  await expect(math).toContainText('70补考');
  await expect(math.getByRole('cell').nth(5)).toHaveText('1.00');
  await expect(term1.getByRole('row').filter({ hasText: 'PE101' })).toContainText('两级制课程不计入绩点');
  await shot(page, 'profile-grades');
  const gpa = await host.api<{ gpaText: string; creditsEarned: string }>('grades.gpa', { studentId: d.ids['李四'] }, C);
  expect(gpa).toMatchObject({ gpaText: '2.27', creditsEarned: '10' });

  // ── The counselor reads the grid; nothing to type into. ──
  const counselor = await (await browser.newContext()).newPage();
  await signIn(counselor, host, COUNSELOR.username, COUNSELOR.password);
  await expect(counselor.getByText(`你好，${COUNSELOR.displayName}`)).toBeVisible();
  await counselor.goto(`${host.origin}/#/grades?classId=${d.classId}&courseId=${id('MATH101')}`);
  await expect(counselor.getByRole('heading', { name: '成绩查看' })).toBeVisible();
  const readGrid = counselor.getByRole('table', { name: '成绩录入表' });
  await expect(readGrid.getByRole('row').filter({ hasText: '张三' })).toContainText('85');
  await expect(readGrid.getByRole('row').filter({ hasText: '赵六' })).toContainText('72');
  await expect(readGrid.getByRole('textbox')).toHaveCount(0);
  await expect(counselor.getByRole('button', { name: '保存成绩' })).toHaveCount(0);
  await counselor.screenshot({ path: 'test-results/screens/grades-read-only.png', animations: 'disabled' });
  await counselor.context().close();

  // ── 系统设置: the default said in words; the school counts 补考 at its real score. ──
  const admin = await (await browser.newContext({ viewport: { width: 1366, height: 1300 } })).newPage();
  await signIn(admin, host, 'admin', ADMIN.password);
  await admin.getByRole('navigation', { name: '主导航' }).getByRole('link', { name: '系统设置' }).click();
  const panel = admin.getByRole('region', { name: '成绩与绩点' });
  await expect(panel.getByRole('status', { name: '现行绩点计算方法' })).toContainText('默认方法');
  await expect(panel.getByRole('region', { name: '默认方法说明' })).toContainText('补考或重修通过的课程，不论分数，绩点都按 1.0 计。');
  await panel.scrollIntoViewIfNeeded();
  await panel.screenshot({ path: 'test-results/screens/grades-settings-method.png', animations: 'disabled' });
  await panel.getByRole('checkbox', { name: '补考通过，绩点按 1.0 计（默认）' }).uncheck();
  await panel.getByRole('button', { name: '保存绩点计算方法' }).click();
  await expect(admin.getByText('已保存绩点计算方法', { exact: true })).toBeVisible();
  await expect(panel.getByRole('status', { name: '现行绩点计算方法' })).toContainText('已按本校规定修改');
  await expect(panel.getByRole('status', { name: '现行绩点计算方法' })).toContainText('重修通过的绩点按 1.0 计');
  // 高等数学 补考 70 now counts 2.0 × 4 = 8: 24.4 / 9 = 2.7111… → 2.71.
  await admin.goto(`${host.origin}/#/students/${d.ids['李四']}?tab=grades`);
  await expect(admin.getByLabel('平均学分绩点数值')).toHaveText('2.71');
  await admin.context().close();
});
