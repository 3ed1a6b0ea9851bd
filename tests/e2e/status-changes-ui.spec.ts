import { addDays, addYears, format, parseISO, subDays } from 'date-fns';
import ExcelJS from 'exceljs';
import { readFile } from 'node:fs/promises';
import type { Page } from '@playwright/test';
import { readPdf } from '../support/pdf-read';
import { expect, seedDepartment, signIn, test, type RunningHost } from './host';

const shot = (name: string) => `test-results/screens/status-changes-${name}.png`;
const day = (d: Date) => format(d, 'yyyy-MM-dd');
/** A full-page screenshot with transitions finished (a dialog caught mid-fade shows nothing). */
const snap = (p: Page, name: string) => p.screenshot({ path: shot(name), fullPage: true, animations: 'disabled' });
const A = 'seed-admin-0001';
const Z = 'seed-zhao-0002';
const M = 'seed-qian-0003';

type Student = { id: number; name: string; studentNo: string | null; classId: number | null };

/** Ten demo students, the first four registered by the counselor (a 休学 needs a 学籍). */
async function seed(host: RunningHost) {
  const staff = [
    { username: 'zhao', displayName: '赵辅导员', role: 'counselor', password: 'Counsel12345' },
    { username: 'qian', displayName: '钱主任', role: 'manager', password: 'Manager12345' },
  ];
  await seedDepartment(host, staff);
  await host.api('auth.signIn', { username: 'admin', password: 'Admin12345xy' }, A);
  await host.api('setup.loadDemo', { students: 10 }, A);
  const students = (await host.api<{ rows: Student[] }>('students.list', { page: 0, pageSize: 4, filter: {} }, A)).rows;
  await host.api('auth.signIn', { username: 'zhao', password: staff[0]!.password }, Z);
  await host.api('auth.signIn', { username: 'qian', password: staff[1]!.password }, M);
  await host.api('students.register', { ids: students.map((s) => s.id) }, Z);
  return { staff, students };
}

const nav = (page: Page) => page.getByRole('navigation', { name: '主导航' }).getByRole('link', { name: '学籍异动', exact: true });

async function choose(page: Page, scope: ReturnType<Page['getByRole']>, label: string, option: string) {
  await scope.getByRole('combobox', { name: label }).click();
  await page.getByRole('option', { name: option, exact: true }).click();
}

test('学籍异动 screens: file a 休学 with evidence, approve in the app, record the paper step, remind, refuse, return and resubmit, export, print, settings', async ({ page, browser, host }) => {
  test.setTimeout(300_000);
  const { staff, students } = await seed(host);
  const [s1, s2, s3] = students as [Student, Student, Student, Student];
  const now = new Date();
  // Away for 11 months, due back in 20 days: within 30 days, so the reminder shows once it applies.
  const away = day(subDays(now, 330));
  const back = day(addDays(now, 20));

  // ── The counselor files a 休学 from the list page and uploads the application. ──
  await signIn(page, host, 'zhao', staff[0]!.password);
  await nav(page).click();
  await expect(page).toHaveURL(/#\/status-changes$/);
  await expect(page.getByRole('heading', { name: '学籍异动' })).toBeVisible();
  await page.getByRole('button', { name: '办理学籍异动' }).click();
  const filing = page.getByRole('dialog', { name: '办理学籍异动' });
  await filing.getByRole('combobox', { name: '学生' }).fill(s1.name);
  await page.getByRole('option', { name: new RegExp(s1.name) }).first().click();
  await choose(page, filing, '异动类型', '休学');
  await filing.getByLabel('生效日期').fill(away);
  await expect(filing).toContainText('审批流程：院系负责人审批（负责人） → 教务处审核（纸质审批（由学籍管理员登记））');
  await expect(filing).toContainText('休学申请书、医院诊断证明、家长意见');
  // The draft filled the term and the end date by policy (one year); the filer shortens it.
  await expect(filing.getByLabel('学期')).not.toHaveValue('');
  await expect(filing.getByLabel('预计复学日期')).toHaveValue(day(addYears(parseISO(away), 1)));
  await filing.getByLabel('预计复学日期').fill(back);
  await filing.getByLabel('异动原因').fill('因病需住院治疗，本人申请休学一年');
  await snap(page, 'file-suspend');
  await filing.getByRole('button', { name: '提交', exact: true }).click();
  const evidence = page.getByRole('dialog', { name: '已提交，上传证明材料' });
  await expect(evidence).toContainText('等待“院系负责人审批”');
  await evidence.getByLabel('证明材料文件').setInputFiles({ name: '休学申请书.pdf', mimeType: 'application/pdf', buffer: Buffer.from('%PDF-1.4\n% 休学申请书\n') });
  await expect(evidence.getByRole('list', { name: '已上传的材料' })).toContainText('休学申请书：休学申请书.pdf');
  await snap(page, 'file-evidence');
  await evidence.getByRole('button', { name: '完成' }).click();
  await expect(page.getByRole('heading', { name: '休学', exact: true })).toBeVisible();
  await expect(page.getByRole('list', { name: '审批流程' })).toContainText('等待审批');
  const orderUrl = page.url();
  // The filer does not approve their own order.
  await expect(page.getByRole('button', { name: '批准' })).toHaveCount(0);

  // ── The manager sees it on the home page and approves the first step. ──
  const manager = await (await browser.newContext()).newPage();
  await signIn(manager, host, 'qian', staff[1]!.password);
  const todo = manager.getByRole('region', { name: '学籍异动待办' });
  await expect(todo.getByRole('group', { name: '待我审批' })).toContainText(`${s1.name}`);
  await snap(manager, 'home-manager');
  await todo.getByRole('link', { name: new RegExp(`${s1.name}.*休学`) }).click();
  await manager.getByRole('button', { name: '批准' }).click();
  const approve = manager.getByRole('dialog', { name: '批准学籍异动' });
  await approve.getByLabel('审批意见').fill('同意');
  await snap(manager, 'approve-dialog');
  await approve.getByRole('button', { name: '确认批准' }).click();
  await expect(manager.getByText('已批准“院系负责人审批”')).toBeVisible();
  // The next step is decided on paper: nothing left for the manager to click.
  await expect(manager.getByRole('button', { name: '批准' })).toHaveCount(0);

  // ── The counselor records the 教务处 paper decision: the order applies. ──
  await page.goto(orderUrl);
  await page.reload();
  await expect(page.getByRole('list', { name: '审批流程' })).toContainText('钱主任');
  await page.getByRole('button', { name: '登记纸质审批' }).click();
  const paper = page.getByRole('dialog', { name: '登记纸质审批' });
  await expect(paper).toContainText('这是最后一步');
  await paper.getByLabel('审批人姓名').fill('李明');
  await paper.getByLabel('职务').fill('教务处处长');
  await paper.getByLabel('审批意见').fill('同意休学');
  await snap(page, 'paper-dialog');
  await paper.getByRole('button', { name: '登记' }).click();
  await expect(page.getByText('学籍异动已生效')).toBeVisible();
  await expect(page.getByText('已生效', { exact: true }).first()).toBeVisible();
  const timeline = page.getByRole('list', { name: '办理经过' });
  await expect(timeline).toContainText('教务处审核 · 纸质审批：同意');
  await expect(timeline).toContainText('审批人：李明（教务处处长）');
  await expect(timeline).toContainText('院系负责人审批 · 批准');
  await expect(timeline).toContainText('生效');
  await snap(page, 'order-applied');

  // ── 打印审批表: a PDF that names the student and the paper approver. ──
  await page.getByRole('button', { name: '打印审批表' }).click();
  const form = page.getByRole('dialog', { name: '学籍异动审批表' });
  await expect(form.getByRole('button', { name: '保存 PDF' })).toBeVisible();
  await snap(page, 'print-form');
  const pdfDownload = page.waitForEvent('download');
  await form.getByRole('button', { name: '保存 PDF' }).click();
  const pdfText = (await readPdf(await readFile(await (await pdfDownload).path()))).flatMap((p) => p.items.map((i) => i.text)).join('');
  expect(pdfText).toContain(s1.name);
  expect(pdfText).toContain('李明');
  await form.getByRole('button', { name: '关闭' }).click();

  // ── The profile lists the order; the home page reminds that the 休学 ends soon. ──
  await page.goto(`${host.url.split('#')[0]}#/students/${s1.id}?tab=statusChanges`);
  const tab = page.getByRole('tabpanel', { name: '学籍异动' });
  await expect(tab.getByRole('table', { name: '学籍异动' })).toContainText('已生效');
  await expect(page.getByText('预计复学日期')).toBeVisible();
  await expect(page.getByText(back, { exact: true })).toBeVisible();
  await snap(page, 'profile-tab');

  // 登记缺勤 on another student's profile (the 待办 counts the days).
  await page.goto(`${host.url.split('#')[0]}#/students/${s3.id}?tab=statusChanges`);
  await page.getByRole('tabpanel', { name: '学籍异动' }).getByRole('button', { name: '登记缺勤' }).click();
  const absence = page.getByRole('dialog', { name: '登记缺勤' });
  await absence.getByLabel('缺勤开始日期').fill(day(subDays(now, 15)));
  await absence.getByLabel('说明').fill('未请假离校');
  await snap(page, 'absence-dialog');
  await absence.getByRole('button', { name: '登记' }).click();
  await expect(page.getByText(`已登记${s3.name}缺勤`)).toBeVisible();
  await page.getByRole('navigation', { name: '主导航' }).getByRole('link', { name: '首页' }).click();
  const mine = page.getByRole('region', { name: '学籍异动待办' });
  const ending = mine.getByRole('group', { name: '休学/保留学籍即将到期' });
  await expect(ending).toContainText(`休学至 ${back}`);
  await expect(ending).toContainText('还有 20 天');
  await expect(mine.getByRole('group', { name: '缺勤学生' })).toContainText('起缺勤 16 天，已超过学校规定的连续缺勤天数');
  await snap(page, 'home-counselor');
  await ending.getByRole('button', { name: '办理复学' }).click();
  const resume = page.getByRole('dialog', { name: '办理学籍异动' });
  await expect(resume).toContainText(`学生：${s1.name}`);
  await expect(resume.getByRole('combobox', { name: '异动类型' })).toHaveText('复学');
  await expect(resume).toContainText('复学申请书');
  await expect(resume.getByRole('button', { name: '提交', exact: true })).toBeEnabled();
  await snap(page, 'file-resume-from-reminder');
  await resume.getByRole('button', { name: '取消' }).click();

  // ── 退学 by decision for the absent student: three steps, evidence and 决定文号 before the last, then 送达. ──
  await mine.getByRole('group', { name: '缺勤学生' }).getByRole('button', { name: '办理退学' }).click();
  const withdraw = page.getByRole('dialog', { name: '办理学籍异动' });
  await expect(withdraw.getByRole('combobox', { name: '异动类型' })).toHaveText('退学');
  await withdraw.getByRole('radio', { name: '学校决定' }).check();
  await expect(withdraw).toContainText('校长办公会决定');
  await expect(withdraw.getByLabel('决定文号')).toBeVisible();
  await withdraw.getByLabel('异动原因').fill('连续两周未参加学校规定的教学活动，经陈述申辩，拟作退学处理');
  await withdraw.getByRole('button', { name: '提交', exact: true }).click();
  await page.getByRole('dialog', { name: '已提交，上传证明材料' }).getByRole('button', { name: '以后再传' }).click();
  await expect(page.getByRole('heading', { name: '退学（学校决定）' })).toBeVisible();
  await expect(page.getByText('最后一步批准前须补齐：')).toContainText('缺少证明材料');
  await expect(page.getByText('最后一步批准前须补齐：')).toContainText('决定文号');
  await snap(page, 'order-withdraw-missing');
  const withdrawId = Number(/status-changes\/(\d+)/.exec(page.url())![1]);
  await host.api('statusChanges.decide', { id: withdrawId, stepIndex: 0, approve: true }, M);
  await page.reload();
  await page.getByRole('button', { name: '上传材料' }).click();
  const attach = page.getByRole('dialog', { name: '上传证明材料' });
  await choose(page, attach, '材料名称', '退学处理决定书');
  await snap(page, 'attach-dialog');
  await attach.getByLabel('证明材料文件').setInputFiles({ name: '退学处理决定书.pdf', mimeType: 'application/pdf', buffer: Buffer.from('%PDF-1.4\n% 决定书\n') });
  await expect(page.getByText('已上传退学处理决定书：退学处理决定书.pdf')).toBeVisible();
  await host.api('statusChanges.decide', { id: withdrawId, stepIndex: 1, approve: true, paper: { deciderName: '李明', deciderPost: '教务处处长', decidedOn: day(now) } }, Z);
  await page.reload();
  await expect(page.getByText('最后一步批准前还需要：')).toContainText('决定文号');
  await page.getByRole('button', { name: '登记纸质审批' }).click();
  const council = page.getByRole('dialog', { name: '登记纸质审批' });
  await expect(council).toContainText('校长办公会决定');
  await council.getByLabel('审批人姓名').fill('王校长');
  await council.getByLabel('职务').fill('校长');
  await council.getByLabel('决定文号').fill('院学字〔2026〕12号');
  await snap(page, 'paper-decision-no');
  await council.getByRole('button', { name: '登记' }).click();
  await expect(page.getByText('学籍异动已生效')).toBeVisible();
  await page.getByRole('button', { name: '登记送达' }).click();
  const serve = page.getByRole('dialog', { name: '登记送达' });
  await serve.getByLabel('送达日期').fill(day(now));
  await choose(page, serve, '送达方式', '直接送达');
  await snap(page, 'serve-dialog');
  await serve.getByRole('button', { name: '登记' }).click();
  await expect(page.getByText(/已登记送达，申诉期限至 \d{4}-\d{2}-\d{2}/)).toBeVisible();
  await expect(page.getByRole('region', { name: '异动内容' })).toContainText('院学字〔2026〕12号');
  await expect(page.getByRole('list', { name: '办理经过' })).toContainText(`送达日期 ${day(now)}，直接送达`);
  await snap(page, 'order-served');
  await page.getByRole('navigation', { name: '主导航' }).getByRole('link', { name: '首页' }).click();
  await expect(mine.getByRole('group', { name: '申诉期' })).toContainText(`${s3.name} 退学（学校决定）`);
  await snap(page, 'home-appeals');

  // ── The status model refuses a 复学 for a student who is not 休学: 提交 stays off. ──
  await nav(page).click();
  await page.getByRole('button', { name: '办理学籍异动' }).click();
  await filing.getByRole('combobox', { name: '学生' }).fill(s2.name);
  await page.getByRole('option', { name: new RegExp(s2.name) }).first().click();
  await choose(page, filing, '异动类型', '复学');
  await expect(filing.getByRole('alert')).toContainText('不能办理复学');
  await expect(filing.getByRole('button', { name: '提交', exact: true })).toBeDisabled();
  await snap(page, 'file-refused');
  await filing.getByRole('button', { name: '取消' }).click();
  // What was chosen is not thrown away unasked.
  const discard = page.getByRole('dialog', { name: '放弃填写的内容？' });
  await expect(discard).toContainText('关闭后已填写的内容将会丢失');
  await snap(page, 'file-discard');
  await discard.getByRole('button', { name: '放弃' }).click();
  await expect(filing).toBeHidden();

  // ── A 转专业 returned with its reason, then amended and resubmitted. ──
  const tree = await host.api<{ classes: { id: number; majorId: number }[] }>('org.tree', {}, Z);
  const from = tree.classes.find((c) => c.id === s2.classId)!;
  const target = tree.classes.find((c) => c.majorId !== from.majorId)!;
  const transfer = await host.api<{ id: number }>(
    'statusChanges.file',
    { studentId: s2.id, type: 'transferMajor', data: { reason: '对新专业更有兴趣', effectiveDate: day(now), term: '2026-2027-1', targetClassId: target.id } },
    Z,
  );
  await manager.goto(`${host.url.split('#')[0]}#/status-changes/${transfer.id}`);
  await manager.getByRole('button', { name: '退回' }).click();
  const reject = manager.getByRole('dialog', { name: '退回学籍异动' });
  await reject.getByRole('button', { name: '确认退回' }).click();
  await expect(reject.getByText('退回时请填写理由，提交人会看到。')).toBeVisible();
  await reject.getByLabel('退回理由').fill('缺少考核结果');
  await reject.getByRole('button', { name: '确认退回' }).click();
  await expect(manager.getByText('已退回提交人')).toBeVisible();

  await nav(page).click();
  await page.getByRole('tab', { name: '已退回' }).click();
  await expect(page.getByRole('grid', { name: '学籍异动列表' })).toContainText(s2.name);
  await snap(page, 'list-returned');
  await page.getByRole('grid', { name: '学籍异动列表' }).getByRole('link', { name: '转专业' }).click();
  await expect(page.getByRole('alert').filter({ hasText: '缺少考核结果' })).toContainText('院系负责人审批退回：缺少考核结果');
  await page.getByRole('button', { name: '修改后重新提交' }).click();
  const amend = page.getByRole('dialog', { name: `修改后重新提交 · 第 ${transfer.id} 号` });
  await expect(amend.getByLabel('异动原因')).toHaveValue('对新专业更有兴趣');
  await amend.getByLabel('异动原因').fill('对新专业更有兴趣，已补交考核结果');
  await expect(amend).toContainText('审批流程：院系负责人审批');
  await snap(page, 'amend');
  await amend.getByRole('button', { name: '重新提交' }).click();
  await expect(page.getByText(`已修改并重新提交第 ${transfer.id} 号学籍异动`)).toBeVisible();
  await expect(page.getByRole('list', { name: '办理经过' })).toContainText('修改后重新提交');
  await expect(page.getByText('审批中', { exact: true }).first()).toBeVisible();

  // ── The list, all states; the month's report as a workbook that names the student. ──
  await nav(page).click();
  await page.getByRole('tab', { name: '全部' }).click();
  // The header row and three orders.
  await expect(page.getByRole('grid', { name: '学籍异动列表' }).getByRole('row')).toHaveCount(4);
  await snap(page, 'list-all');
  await page.getByRole('button', { name: '异动月报' }).click();
  const report = page.getByRole('dialog', { name: '导出学籍异动月报' });
  await report.getByLabel('月份').fill(format(now, 'yyyy-MM'));
  await snap(page, 'month-report');
  const xlsxDownload = page.waitForEvent('download');
  await report.getByRole('button', { name: '导出' }).click();
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(await (await xlsxDownload).path());
  const cells: string[] = [];
  wb.eachSheet((ws) => ws.eachRow((row) => row.eachCell((c) => cells.push(String(c.text)))));
  expect(cells).toContain(s1.name);
  expect(cells).toContain(s3.name);
  expect(cells.join('|')).toContain('休学');

  // ── Settings (admin): a step added to the 休学 chain; a new policy version. ──
  const admin = await (await browser.newContext()).newPage();
  await signIn(admin, host, 'admin', 'Admin12345xy');
  await admin.getByRole('navigation', { name: '主导航' }).getByRole('link', { name: '系统设置' }).click();
  const settings = admin.getByRole('region', { name: '学籍异动设置' });
  const chain = settings.getByRole('region', { name: '审批流程' });
  await expect(chain.getByRole('list', { name: '休学的审批步骤' }).getByRole('listitem')).toHaveCount(2);
  await chain.getByRole('button', { name: '添加步骤' }).click();
  await chain.getByLabel('步骤名称').last().fill('学生处备案');
  await chain.getByRole('button', { name: '保存审批流程' }).click();
  await expect(admin.getByText('已保存休学的审批流程')).toBeVisible();
  const policy = settings.getByRole('region', { name: '学籍管理参数' });
  await policy.getByLabel('到期提醒').fill('45');
  await policy.getByRole('button', { name: '保存为新版本' }).click();
  await expect(admin.getByText(/已保存学籍管理参数/)).toBeVisible();
  await expect(policy.getByRole('table', { name: '学籍管理参数历史版本' })).toContainText('到期前 45 天');
  await snap(admin, 'settings');
  await chain.screenshot({ path: shot('settings-chain') });
  await policy.screenshot({ path: shot('settings-policy') });
  await settings.getByRole('region', { name: '节假日安排' }).screenshot({ path: shot('settings-calendar') });
  const saved = await host.api<{ chains: Record<string, { label: string; role: string | null }[]> }>('statusChanges.settings', {}, A);
  expect(saved.chains.suspend!.map((s) => s.label)).toEqual(['院系负责人审批', '教务处审核', '学生处备案']);
});
