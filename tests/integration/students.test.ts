import ExcelJS from 'exceljs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { idCheckChar } from '../../shared/domain/idcard';
import { COUNSELOR, MANAGER, makeApp, type TestApp } from '../support/harness';

let app: TestApp;
const A = 'admin-client';
const M = MANAGER.client;
const C = COUNSELOR.client;

beforeEach(async () => {
  app = makeApp();
  await app.setup();
  await app.addStaff();
});
afterEach(() => app?.remove());

async function classFixture() {
  const major = await app.call(C, 'org.createMajor', { code: '510201', name: '计算机应用技术', level: '专科', lengthYears: '3', studyForm: '普通全日制' });
  return app.call(C, 'org.createClass', { name: '计算机应用2501班', majorId: major.id, cohortYear: 2025, headTeacher: '孙老师' });
}

const ID17 = '11010520070315123';
const VALID_ID = ID17 + idCheckChar(ID17); // born 2007-03-15, 17th digit 3 → male
const wrongCheck = ID17 + (idCheckChar(ID17) === '0' ? '1' : '0');

function student(classId: number, over: Record<string, unknown> = {}) {
  return {
    studentNo: '2025510201001', examNo: '25110105150001', name: '张三', gender: '1' as const, birthDate: '2007-03-15', idNumber: VALID_ID,
    ethnicityCode: '01', politicalStatusCode: '03', phone: '13812345678', homeAddress: '北京市朝阳区建国路 88 号', enrolmentDate: '2025-09-01',
    expectedGraduationDate: '2028-06-30', classId, guardians: [{ name: '张大山', relation: '父亲', phone: '13900001111' }], ...over,
  };
}

describe('student records', () => {
  it('tells exactly why an ID number is wrong, and accepts the fixed one', async () => {
    const cls = await classFixture();
    const err = await app.fails(C, 'students.create', student(cls.id, { idNumber: wrongCheck }));
    expect(err.code).toBe('VALIDATION');
    expect(err.field).toBe('idNumber');
    expect(err.message).toContain(`第 18 位应为 ${idCheckChar(ID17)}`);
    const created = await app.call(C, 'students.create', student(cls.id));
    expect(created).toMatchObject({ name: '张三', className: '计算机应用2501班', majorName: '计算机应用技术', cohortYear: 2025, registered: false });
    expect(created.guardians).toHaveLength(1);
    expect(created.statusHistory[0]).toMatchObject({ toStatus: 'enrolled' });
  });

  it('an edit changes only what it names: status and family members stay', async () => {
    const cls = await classFixture();
    const s = await app.call(C, 'students.create', student(cls.id));
    // 休学 as a status change would leave it (status is no longer set through the form).
    app.core.folder.raw().prepare("UPDATE students SET status = 'suspended' WHERE id = ?").run(s.id);
    const after = await app.call(C, 'students.update', { id: s.id, version: s.version, patch: { dormitory: '5号楼-110' } });
    expect(after).toMatchObject({ status: 'suspended', dormitory: '5号楼-110' });
    expect(after.guardians.map((g) => g.name)).toEqual(['张大山']);
    const history = await app.call(C, 'students.history', { id: s.id });
    expect(history.find((h) => h.action === 'students.update')!.changes).toEqual([{ field: 'dormitory', before: null, after: '5号楼-110' }]);
  });

  it('history is masked for roles that see masked data', async () => {
    const cls = await classFixture();
    const s = await app.call(C, 'students.create', student(cls.id));
    await app.addUser({ username: 'zhou', displayName: '周', role: 'viewer', password: 'Viewer123456' }, 'v');
    const seen = JSON.stringify(await app.call('v', 'students.history', { id: s.id }));
    expect(seen).not.toContain(VALID_ID);
    expect(seen).not.toContain('13812345678');
    expect(seen).toContain(VALID_ID.slice(0, 6) + '********');
    expect(JSON.stringify(await app.call(C, 'students.history', { id: s.id }))).toContain(VALID_ID);
  });

  it('requires birth date and gender to match the ID number', async () => {
    const cls = await classFixture();
    const birth = await app.fails(C, 'students.create', student(cls.id, { birthDate: '2007-03-16' }));
    expect(birth).toMatchObject({ field: 'birthDate' });
    expect(birth.message).toContain('与身份证号中的出生日期 2007-03-15 不一致');
    const gender = await app.fails(C, 'students.create', student(cls.id, { gender: '2' }));
    expect(gender.field).toBe('gender');
  });

  it('allows one active record per ID number and lists likely duplicates', async () => {
    const cls = await classFixture();
    await app.call(C, 'students.create', student(cls.id));
    const dup = await app.fails(C, 'students.create', student(cls.id, { studentNo: '2025510201002', examNo: null }));
    expect(dup.code).toBe('CONFLICT');
    expect(dup.message).toContain('已有在籍学籍：张三');
    const likely = await app.call(C, 'students.duplicates', { name: '张三', birthDate: '2007-03-15' });
    expect(likely).toHaveLength(1);
    expect(likely[0]!.reason).toBe('姓名和出生日期相同');
  });

  it('locks key fields once registered; only an approved request changes them, atomically and audited', async () => {
    const cls = await classFixture();
    const s = await app.call(C, 'students.create', student(cls.id));
    await app.call(C, 'students.register', { ids: [s.id] });
    const locked = await app.fails(C, 'students.update', { id: s.id, version: s.version + 1, patch: { name: '张叁' } });
    expect(locked.message).toContain('姓名不能直接修改');
    // Non-key fields stay editable.
    const edited = await app.call(C, 'students.update', { id: s.id, version: s.version + 1, patch: { dormitory: '3号楼-201' } });
    expect(edited.dormitory).toBe('3号楼-201');

    const both = await app.fails(C, 'keyChanges.request', { studentId: s.id, changes: { name: '张叁', idNumber: '11010519491231002X' }, reason: '户籍更正' });
    expect(both.message).toContain('不能在同一申请中同时变更');

    const req = await app.call(C, 'keyChanges.request', { studentId: s.id, changes: { name: '张叁' }, reason: '公安机关户籍更名' });
    expect(req.status).toBe('pending');
    expect((await app.call(C, 'students.get', { id: s.id })).name).toBe('张三');
    expect((await app.fails(C, 'keyChanges.decide', { id: req.id, stepIndex: 0, approve: true })).code).toBe('FORBIDDEN'); // counselors cannot approve
    expect((await app.call(M, 'keyChanges.list', { status: 'pending' })).map((r) => r.id)).toEqual([req.id]);
    const decided = await app.call(M, 'keyChanges.decide', { id: req.id, stepIndex: 0, approve: true, opinion: '材料齐全' });
    expect(decided).toMatchObject({ status: 'approved', decidedBy: 'qian' });
    const after = await app.call(C, 'students.get', { id: s.id });
    expect(after.name).toBe('张叁');
    const history = await app.call(C, 'students.history', { id: s.id });
    const actions = history.map((h) => h.action);
    expect(actions).toEqual(expect.arrayContaining(['keyChanges.request', 'keyChanges.decide', 'students.update', 'students.register', 'students.create']));
    const change = history.find((h) => h.action === 'students.update' && h.username === 'qian')!;
    expect(change.changes).toEqual([{ field: 'name', before: '张三', after: '张叁' }]);
  });

  it('a returned request changes nothing; the requester cannot approve their own', async () => {
    const cls = await classFixture();
    const s = await app.call(A, 'students.create', student(cls.id));
    await app.call(A, 'students.register', { ids: [s.id] });
    // A gender that contradicts the ID number is refused at request time, not only at approval.
    expect((await app.fails(A, 'keyChanges.request', { studentId: s.id, changes: { gender: '2' }, reason: '录入错误' })).field).toBe('gender');
    const req = await app.call(A, 'keyChanges.request', { studentId: s.id, changes: { name: '张珊' }, reason: '录入错误' });
    const own = await app.fails(A, 'keyChanges.decide', { id: req.id, stepIndex: 0, approve: true });
    expect(own.message).toContain('不能审批自己提交的申请');
    const returned = await app.call(M, 'keyChanges.decide', { id: req.id, stepIndex: 0, approve: false, opinion: '缺少户籍证明' });
    expect(returned.status).toBe('returned');
    expect((await app.call(A, 'students.get', { id: s.id })).name).toBe('张三');
    expect((await app.fails(M, 'keyChanges.decide', { id: req.id, stepIndex: 0, approve: true })).message).toBe('该申请已由他人处理或已改变，请刷新后再看。');
  });

  it('finds students by number, ID fragment, Chinese name, pinyin and initials', async () => {
    await app.call(A, 'setup.loadDemo', { students: 400 });
    const sample = (await app.call(A, 'students.list', { page: 0, pageSize: 1, filter: {} })).rows[0]!;
    const full = await app.call(A, 'students.get', { id: sample.id });
    const find = async (q: string) => (await app.call(A, 'students.list', { page: 0, pageSize: 500, filter: { q } })).rows.map((r) => r.id);
    expect(await find(full.studentNo!)).toContain(sample.id);
    expect(await find(full.idNumber.slice(6, 14))).toContain(sample.id);
    expect(await find(full.name)).toContain(sample.id);
    const { pinyin } = await import('pinyin-pro');
    const py = pinyin(full.name, { toneType: 'none', type: 'array', surname: 'head', v: true });
    expect(await find(py.join(''))).toContain(sample.id);
    expect(await find(py.map((p) => p[0]).join(''))).toContain(sample.id);
    expect(await find(py.map((p) => p[0]).join('').toUpperCase())).toContain(sample.id);
  });

  it('finds 张三 by zs and zhangsan, and polyphonic surnames by their surname reading', async () => {
    const cls = await classFixture();
    await app.call(C, 'students.create', student(cls.id));
    const id2 = '44052420060101001';
    await app.call(C, 'students.create', student(cls.id, { studentNo: '2025510201009', examNo: null, name: '单雄信', idNumber: id2 + idCheckChar(id2), birthDate: '2006-01-01', gender: '1' }));
    const find = async (q: string) => (await app.call(C, 'students.list', { page: 0, pageSize: 50, filter: { q } })).rows.map((r) => r.name);
    expect(await find('zs')).toContain('张三');
    expect(await find('zhangsan')).toContain('张三');
    expect(await find('张')).toContain('张三');
    expect(await find('shanxiongxin')).toEqual(['单雄信']);
    expect(await find('sxx')).toEqual(['单雄信']);
    expect(await find('danxiongxin')).toEqual([]);
  });

  it('filters and sorts in the main process, and masks identity for roles that may not see it', async () => {
    await app.call(A, 'setup.loadDemo', { students: 300 });
    const tree = await app.call(A, 'org.tree', {});
    const cohort = tree.cohorts[0]!;
    const page = await app.call(A, 'students.list', { page: 0, pageSize: 20, filter: { cohortYear: cohort, gender: '2' }, sort: { field: 'birthDate', dir: 'desc' } });
    expect(page.total).toBeGreaterThan(0);
    expect(page.rows.every((r) => r.cohortYear === cohort && r.gender === '2')).toBe(true);
    const births = page.rows.map((r) => r.birthDate);
    expect([...births].sort().reverse()).toEqual(births);
    expect(page.masked).toBe(false);
    await app.addUser({ username: 'sun', displayName: '孙', role: 'viewer', password: 'Viewer123456' }, 'v');
    const masked = await app.call('v', 'students.list', { page: 0, pageSize: 5, filter: {} });
    expect(masked.masked).toBe(true);
    expect(masked.rows[0]!.idNumber).toMatch(/^\d{6}\*{8}[\dX]{4}$/);
    expect(masked.rows[0]!.phone).toMatch(/^\d{3}\*{4}\d{4}$/);
    expect((await app.call('v', 'students.get', { id: masked.rows[0]!.id })).idNumber).toContain('********');
    expect((await app.call(A, 'students.get', { id: masked.rows[0]!.id })).idNumber).not.toContain('*');
  });

  it('bulk-assigns a class and dormitory in one audited transaction', async () => {
    await app.call(A, 'setup.loadDemo', { students: 50 });
    const tree = await app.call(A, 'org.tree', {});
    const target = tree.classes[0]!;
    const ids = (await app.call(C, 'students.list', { page: 0, pageSize: 10, filter: {} })).rows.map((r) => r.id);
    await app.call(C, 'students.bulkUpdate', { ids, patch: { classId: target.id, dormitory: '9号楼-101' } });
    const rows = (await app.call(C, 'students.list', { page: 0, pageSize: 50, filter: { classId: target.id } })).rows.filter((r) => ids.includes(r.id));
    expect(rows).toHaveLength(10);
    expect(rows.every((r) => r.dormitory === '9号楼-101')).toBe(true);
    const audit = await app.call(A, 'audit.list', { action: 'students.bulkUpdate', pageSize: 100 });
    expect(audit.total).toBe(10);
    // One bad id: nothing written.
    const err = await app.fails(C, 'students.bulkUpdate', { ids: [ids[0]!, 999999], patch: { dormitory: 'X' } });
    expect(err.code).toBe('NOT_FOUND');
    expect((await app.call(C, 'students.get', { id: ids[0]! })).dormitory).toBe('9号楼-101');
  });

  it('exports the filtered view: Chinese headers, ID as text, dates as dates, frozen header, autofilter; audited', async () => {
    await app.call(A, 'setup.loadDemo', { students: 120 });
    const tree = await app.call(A, 'org.tree', {});
    const filter = { cohortYear: tree.cohorts[0]! };
    const expected = await app.call(C, 'students.list', { page: 0, pageSize: 500, filter, sort: { field: 'studentNo', dir: 'asc' } });
    const out = await app.call(C, 'students.export', { filter, sort: { field: 'studentNo', dir: 'asc' }, columns: ['studentNo', 'name', 'idNumber', 'birthDate', 'gender', 'className'] });
    expect(out.rows).toBe(expected.total);
    expect(out.fileName).toMatch(/^学生名单_\d{8}_\d{4}\.xlsx$/);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(app.output(C, out.jobId) as unknown as ArrayBuffer);
    const ws = wb.worksheets[0]!;
    expect(ws.getRow(1).values).toEqual([undefined, '学号', '姓名', '身份证号', '出生日期', '性别', '班级']);
    expect(ws.rowCount).toBe(expected.total + 1);
    const first = expected.rows[0]!;
    const full = await app.call(C, 'students.get', { id: first.id });
    const r2 = ws.getRow(2);
    expect(r2.getCell(1).value).toBe(first.studentNo);
    expect(r2.getCell(3).value).toBe(full.idNumber);
    expect(typeof r2.getCell(3).value).toBe('string');
    expect(r2.getCell(4).value).toBeInstanceOf(Date);
    expect((r2.getCell(4).value as Date).toISOString().slice(0, 10)).toBe(first.birthDate);
    expect(r2.getCell(5).value).toBe(first.gender === '1' ? '男' : '女');
    expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect(ws.autoFilter).toBeTruthy();
    expect(ws.getColumn(3).width).toBeGreaterThanOrEqual(20);
    // The ID column is formatted as text, so an ID typed into it later in Excel stays text too;
    // dates show as dates.
    expect(ws.getColumn(3).numFmt).toBe('@');
    expect(r2.getCell(4).numFmt).toBe('yyyy-mm-dd');
    const audit = (await app.call(A, 'audit.list', { action: 'students.export' })).rows[0]!;
    expect(audit.username).toBe('zhao');
    expect(audit.summary).toContain(`导出学生名单 ${expected.total} 行`);
    expect(audit.summary).toContain('身份证号');
  });

  it('stores attachments encrypted and gives them back intact', async () => {
    const cls = await classFixture();
    const s = await app.call(C, 'students.create', student(cls.id));
    const pdf = Buffer.from('%PDF-1.4\n% 户口本复印件 张三 ' + VALID_ID + '\n%%EOF');
    const att = await app.call(C, 'attachments.upload', { studentId: s.id, purpose: 'evidence', ...app.upload(C, '户口本.pdf', pdf) });
    expect(att).toMatchObject({ fileName: '户口本.pdf', mime: 'application/pdf', size: pdf.length });
    const { readdirSync, readFileSync } = await import('node:fs');
    const { join } = await import('node:path');
    const files = readdirSync(join(app.dir, 'attachments'));
    expect(files).toHaveLength(1);
    expect(readFileSync(join(app.dir, 'attachments', files[0]!)).includes(Buffer.from(VALID_ID))).toBe(false);
    const back = await app.call(C, 'attachments.download', { id: att.id });
    expect(back.fileName).toBe('户口本.pdf');
    expect(app.output(C, back.jobId).equals(pdf)).toBe(true);
  });
});
