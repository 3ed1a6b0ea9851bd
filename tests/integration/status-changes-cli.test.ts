import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { format } from 'date-fns';
import ExcelJS from 'exceljs';
import { afterAll, describe, expect, it } from 'vitest';
import { makeApp } from '../support/harness';
import { makeId, workbook } from '../support/roster-fixtures';

const ROOT = resolve(__dirname, '..', '..');
const dir = mkdtempSync(join(tmpdir(), 'xueji-cli-status-'));
const data = join(dir, 'data');
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const ADMIN_PW = 'Admin12345xy';
function cli(args: string[], env: Record<string, string> = {}) {
  const r = spawnSync(process.execPath, [join(ROOT, 'node_modules', 'tsx', 'dist', 'cli.mjs'), join(ROOT, 'electron', 'cli', 'main.ts'), ...args, '--data', data], {
    cwd: ROOT,
    env: { ...process.env, XUEJI_PASSWORD: ADMIN_PW, ...env },
    encoding: 'utf8',
    timeout: 90_000,
  });
  return { code: r.status, out: r.stdout, err: r.stderr };
}
type Run = ReturnType<typeof cli>;
const json = (r: Run): any => {
  expect(r.code, r.err + r.out).toBe(0);
  return JSON.parse(r.out);
};
/** A refused call: exit 2, the stable code in the JSON on stdout, the message on stderr. */
const refused = (r: Run, code: string) => {
  expect(r.code, r.err + r.out).toBe(2);
  const body = JSON.parse(r.out) as { error: { code: string; message: string } };
  expect(body.error.code).toBe(code);
  expect(r.err).toContain(body.error.message);
  return body.error.message;
};

const ZHANG_ID = makeId('110105', '20070315', '123');
const LI_ID = makeId('110105', '20070316', '246');

describe('学籍异动 from the command line', () => {
  it('files a 休学 with its evidence, refuses an illegal 复学 with ILLEGAL_TRANSITION, is approved in the app and on paper, and shows and exports the result', async () => {
    // A department with two students, 学号 by the rule, registered (a 新生 has no 学籍 to suspend).
    json(cli(['init', '--school-code', '12345', '--school', '示范职业技术学院', '--department', '信息工程系', '--admin', 'admin', '--json']));
    json(cli(['org', 'add-major', '--name', '计算机应用技术', '--code', '510201', '--years', '3', '--level', '专科', '--json']));
    json(cli(['org', 'add-class', '--name', '计算机应用技术2601', '--major', '计算机应用技术', '--cohort', '2026', '--json']));
    const roster = join(dir, '名单.xlsx');
    writeFileSync(roster, await workbook([{ name: '名单', rows: [['考生号', '姓名', '身份证号', '班级'], ['26440101001', '张三', ZHANG_ID, '计算机应用技术2601'], ['26440101002', '李四', LI_ID, '计算机应用技术2601']] }]));
    expect(json(cli(['import', 'students', roster, '--assign-student-no', '--json']))).toMatchObject({ imported: 2, studentNumbers: { assigned: 2 } });
    const zhang = json(cli(['students', 'show', ZHANG_ID, '--json']));
    const li = json(cli(['students', 'show', LI_ID, '--json']));
    expect(zhang).toMatchObject({ name: '张三', idNumber: ZHANG_ID, status: { code: 'enrolled', label: '在籍在校' }, className: '计算机应用技术2601', cohortYear: 2026, statusUntil: null, openStatusChange: null });
    expect(zhang.studentNo).toMatch(/^2026510201\d{4}$/);
    const app = makeApp(data);
    await app.call('admin-client', 'auth.signIn', { username: 'admin', password: ADMIN_PW });
    await app.call('admin-client', 'students.register', { ids: [zhang.id, li.id] });
    app.close();

    // The department's 负责人 decides the first step in the app; a 只读 user sees ID numbers masked.
    json(cli(['users', 'add', 'wang', '--role', 'manager', '--name', '王主任', '--json'], { XUEJI_NEW_PASSWORD: 'Manager12345' }));
    expect(cli(['users', 'passwd', '--user', 'wang'], { XUEJI_PASSWORD: 'Manager12345', XUEJI_NEW_PASSWORD: 'Manager54321' }).code).toBe(0);
    json(cli(['users', 'add', 'qian', '--role', 'viewer', '--name', '钱老师', '--json'], { XUEJI_NEW_PASSWORD: 'Viewer123456' }));
    expect(cli(['users', 'passwd', '--user', 'qian'], { XUEJI_PASSWORD: 'Viewer123456', XUEJI_NEW_PASSWORD: 'Viewer654321' }).code).toBe(0);
    const asManager = { XUEJI_PASSWORD: 'Manager54321' };
    const asViewer = { XUEJI_PASSWORD: 'Viewer654321' };

    // 休学 by 学号, with the 诊断证明 attached; term and 预计复学日期 come from the draft (one year by policy).
    const scan = join(dir, '医院诊断证明.pdf');
    writeFileSync(scan, '%PDF-1.4\n% 诊断证明扫描件\n');
    const filed = json(cli(['status-changes', 'file', '--student', zhang.studentNo, '--type', '休学', '--effective', '2026-09-01', '--reason', '因病需休养一年', '--attach', scan, '--json']));
    expect(filed).toMatchObject({
      studentName: '张三', type: 'suspend', title: '休学', state: 'pending', stepIndex: 0, currentStep: '院系负责人审批',
      data: { reason: '因病需休养一年', effectiveDate: '2026-09-01', term: '2026-2027-1', expectedEnd: '2027-09-01' },
      attachments: [{ fileName: '医院诊断证明.pdf', kind: '医院诊断证明' }],
    });
    // A second order for the same student is refused while this one is open.
    refused(cli(['status-changes', 'file', '--student', ZHANG_ID, '--type', '退学', '--subtype', '本人申请', '--effective', '2026-10-01', '--reason', '个人原因', '--json']), 'CONFLICT');

    // 复学 for a student who is 在籍在校: the status model refuses it, with its reason.
    const message = refused(cli(['status-changes', 'file', '--student', LI_ID, '--type', '复学', '--effective', '2026-09-01', '--reason', '申请复学', '--target-class', '计算机应用技术2601', '--json']), 'ILLEGAL_TRANSITION');
    expect(message).toContain('不能办理复学');
    expect(message).toContain('在籍在校');
    refused(cli(['status-changes', 'file', '--student', '20990000', '--type', '休学', '--effective', '2026-09-01', '--reason', '无', '--json']), 'NOT_FOUND');
    refused(cli(['status-changes', 'file', '--student', LI_ID, '--type', '请假', '--effective', '2026-09-01', '--reason', '无', '--json']), 'VALIDATION');

    const shownOpen = json(cli(['students', 'show', zhang.studentNo, '--json']));
    expect(shownOpen).toMatchObject({ status: { code: 'enrolled' }, openStatusChange: { id: filed.id, title: '休学', currentStep: '院系负责人审批' } });
    const pendingList = json(cli(['status-changes', 'list', '--status', 'pending', '--type', '休学', '--json']));
    expect(pendingList.map((o: { id: number }) => o.id)).toEqual([filed.id]);

    // The filer (admin) may not approve in the app; the 负责人 may, with the step read from the order.
    refused(cli(['status-changes', 'decide', String(filed.id), '--approve', '--json']), 'FORBIDDEN');
    const afterManager = json(cli(['status-changes', 'decide', String(filed.id), '--approve', '--opinion', '同意休学', '--json', '--user', 'wang'], asManager));
    expect(afterManager).toMatchObject({ state: 'pending', stepIndex: 1, currentStep: '教务处审核' });
    // 教务处审核 is not decided in the app: recorded from the signed paper form.
    refused(cli(['status-changes', 'decide', String(filed.id), '--approve', '--json', '--user', 'wang'], asManager), 'FORBIDDEN');
    // A paper decision is dated between the filing and today: the CLI runs on today's clock.
    const signedOn = format(new Date(), 'yyyy-MM-dd');
    const approved = json(cli(['status-changes', 'decide', String(filed.id), '--approve', '--paper', `李明,教务处处长,${signedOn}`, '--opinion', '同意', '--json']));
    expect(approved).toMatchObject({ state: 'approved', currentStep: null });
    expect(approved.events.filter((e: { kind: string }) => e.kind === 'approved')).toMatchObject([
      { stepLabel: '院系负责人审批', via: 'app', actor: 'wang', opinion: '同意休学' },
      { stepLabel: '教务处审核', via: 'paper', deciderName: '李明', deciderPost: '教务处处长', decidedOn: signedOn },
    ]);
    refused(cli(['status-changes', 'decide', String(filed.id), '--approve', '--json']), 'CONFLICT');

    const shown = json(cli(['students', 'show', zhang.studentNo, '--json']));
    expect(shown).toMatchObject({ status: { code: 'suspended', label: '休学' }, statusUntil: '2027-09-01', className: '计算机应用技术2601', openStatusChange: null });
    const text = cli(['students', 'show', ZHANG_ID]);
    expect(text.out).toContain('学籍状态：休学（预计复学日期 2027-09-01）');
    const masked = json(cli(['students', 'show', zhang.studentNo, '--json', '--user', 'qian'], asViewer));
    expect(masked.idNumber).not.toBe(ZHANG_ID);
    expect(masked.idNumber).toContain('*');
    expect(masked.status).toEqual({ code: 'suspended', label: '休学' });

    expect(json(cli(['status-changes', 'list', '--status', 'done', '--json'])).map((o: { id: number }) => o.id)).toEqual([filed.id]);
    expect(json(cli(['status-changes', 'list', '--status', 'pending', '--json']))).toEqual([]);
    const table = cli(['status-changes', 'list', '--status', 'done']);
    expect(table.out).toMatch(new RegExp(`${filed.id}\\s+${zhang.studentNo}\\s+张三\\s+计算机应用技术2601\\s+休学\\s+已生效`));

    // The month's summary: the order was applied today, so it is in this month's workbook.
    const out = join(dir, '月报.xlsx');
    const exported = json(cli(['status-changes', 'export', '--month', format(new Date(), 'yyyy-MM'), '--out', out, '--json']));
    expect(exported).toMatchObject({ rows: 1, format: 'xlsx' });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(out);
    const ws = wb.getWorksheet('学籍异动')!;
    const header = (ws.getRow(3).values as unknown[]).map(String);
    // Dates are date cells (midnight UTC): read back as their day.
    const row = (ws.getRow(4).values as unknown[]).map((v) => (v == null ? '' : v instanceof Date ? v.toISOString().slice(0, 10) : String(v)));
    const cell = (name: string) => row[header.indexOf(name)];
    expect(cell('姓名')).toBe('张三');
    expect(cell('学号')).toBe(zhang.studentNo);
    expect(cell('身份证号')).toBe(ZHANG_ID);
    expect(cell('异动类型')).toBe('休学');
    expect(cell('异动后状态')).toBe('休学');
    expect(cell('预计复学/保留至')).toBe('2027-09-01');
    expect(ws.getRow(5).getCell(2).value ?? null).toBeNull();
    refused(cli(['status-changes', 'export', '--month', '2026-13', '--out', out, '--json']), 'VALIDATION');
  }, 400_000);
});
