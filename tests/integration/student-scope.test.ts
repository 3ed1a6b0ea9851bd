/**
 * 数据范围 (issue 13 #5): a counselor scoped to one class neither lists, opens, changes nor exports a
 * student of another — through every channel that meets students. The channels whose input names
 * students are checked by the dispatcher (core/student-scope.ts); the ones that list are filtered by
 * their handlers. Both tables below must cover every such channel the rules name, so a channel added
 * later with a rule gets its case here too.
 */
import ExcelJS from 'exceljs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { STUDENT_SCOPE } from '../../electron/main/core/student-scope';
import { insertCertificates } from '../../db/queries/certificates';
import type { Channel } from '../../shared/ipc/channels';
import { COUNSELOR, MANAGER, makeApp, type TestApp } from '../support/harness';
import { photo } from '../support/photo-fixtures';
import { cleanRoster, makeId } from '../support/roster-fixtures';

let app: TestApp;
const A = 'admin-client';
const C = COUNSELOR.client;
const M = MANAGER.client;
/** In the counselor's class (计算机应用2501班) and in another class of another grade (电子信息2401班). */
let mine: { id: number; studentNo: string; idNumber: string; version: number };
let theirs: { id: number; studentNo: string; idNumber: string; version: number };
let myClass = 0;
let theirClass = 0;
let theirRecord = 0;
let theirRequest = 0;
let theirAttachment = 0;
let theirBatch = 0;
let theirOrder = 0;
let theirAbsence = 0;
let theirNotice = 0;
let counselorId = 0;
let managerId = 0;

async function student(studentNo: string, name: string, idNumber: string, classId: number) {
  const s = await app.call(A, 'students.create', { studentNo, name, gender: '1', birthDate: `20${idNumber.slice(8, 10)}-${idNumber.slice(10, 12)}-${idNumber.slice(12, 14)}`, idNumber, enrolmentDate: '2025-09-01', classId, guardians: [] });
  return { id: s.id, studentNo, idNumber, version: s.version };
}

beforeEach(async () => {
  app = makeApp();
  await app.setup();
  await app.addStaff();
  const major = await app.call(A, 'org.createMajor', { code: '510201', name: '计算机应用技术', level: '专科', lengthYears: '3', studyForm: '普通全日制' });
  myClass = (await app.call(A, 'org.createClass', { name: '计算机应用2501班', majorId: major.id, cohortYear: 2025 })).id;
  theirClass = (await app.call(A, 'org.createClass', { name: '电子信息2401班', majorId: major.id, cohortYear: 2024 })).id;
  mine = await student('2025510201001', '李明', makeId('110105', '20070315', '123'), myClass);
  // Imported by the admin: an import batch naming the other class's student.
  const imported = await app.call(A, 'imports.open', app.upload(A, '名单.xlsx', await cleanRoster([{ studentNo: '2024510201009', name: '周琳', id: makeId('110105', '20060411', '246'), className: '电子信息2401班' }])));
  const sheet = imported.sheets[0]!.name;
  const inspected = await app.call(A, 'imports.inspect', { uploadId: imported.uploadId, sheet });
  theirBatch = (await app.call(A, 'imports.commit', { uploadId: imported.uploadId, sheet, mapping: inspected.mapping })).batchId!;
  const found = (await app.call(A, 'students.list', { page: 0, pageSize: 10, filter: { q: '2024510201009' } })).rows[0]!;
  theirs = { id: found.id, studentNo: found.studentNo!, idNumber: found.idNumber, version: 0 };
  theirRecord = (await app.call(A, 'students.addRecord', { studentId: theirs.id, kind: 'reward', title: '国家励志奖学金', level: '国家级', date: '2025-11-20' })).records.at(-1)!.id;
  theirAttachment = (await app.call(A, 'attachments.upload', { studentId: theirs.id, purpose: 'document', ...app.upload(A, '申请书.pdf', Buffer.from('%PDF-1.4 申请书')) })).id;
  await app.call(A, 'students.register', { ids: [theirs.id, mine.id] });
  theirRequest = (await app.call(A, 'keyChanges.request', { studentId: theirs.id, changes: { name: '周霖' }, reason: '户籍更名' })).id;
  await app.call(A, 'keyChanges.request', { studentId: mine.id, changes: { name: '李鸣' }, reason: '户籍更名' });
  theirOrder = (await app.call(A, 'statusChanges.file', { studentId: theirs.id, type: 'suspend', data: { reason: '因病休学', effectiveDate: '2026-03-02', term: '2025-2026-2', expectedEnd: '2027-03-01' } })).id;
  await app.call(A, 'statusChanges.flagAbsent', { studentId: mine.id, since: '2026-01-05' });
  // Versions as they are now, for students.update.
  theirs.version = (await app.call(A, 'students.get', { id: theirs.id })).version;
  mine.version = (await app.call(A, 'students.get', { id: mine.id })).version;

  const users = await app.call(A, 'users.list', {});
  counselorId = users.find((u) => u.username === COUNSELOR.username)!.id;
  managerId = users.find((u) => u.username === MANAGER.username)!.id;
  await app.call(A, 'scopes.set', { userId: counselorId, classIds: [myClass], cohortYears: [] });
  // An absence flag of the other class's student, to be cleared by id.
  await app.call(A, 'statusChanges.flagAbsent', { studentId: theirs.id, since: '2026-01-06' });
  theirAbsence = (await app.call(A, 'statusChanges.todo', {})).absent.find((a) => a.studentId === theirs.id)!.flagId;
  // A 学业预警 notice of the other class's student (15 hours of 旷课 reach a tier of the shipped rules).
  await app.call(A, 'warnings.setAbsence', { studentId: theirs.id, term: '2026-2027-1', hours: 15 });
  await app.call(A, 'warnings.run', { term: '2026-2027-1' });
  await app.call(A, 'warnings.issueNotice', { studentId: theirs.id, term: '2026-2027-1', recipient: 'parent' });
  theirNotice = (await app.call(A, 'warnings.followUp', { studentId: theirs.id, term: '2026-2027-1' })).notices[0]!.id;
});
afterEach(() => app?.remove());

/** Calls naming the other class's student, each answered as not found (or refused for a class). */
const NAMING: Partial<Record<Channel, () => unknown>> = {
  'students.get': () => ({ id: theirs.id }),
  'students.update': () => ({ id: theirs.id, version: theirs.version, patch: { dormitory: '7-101' } }),
  'students.register': () => ({ ids: [theirs.id] }),
  'students.bulkUpdate': () => ({ ids: [mine.id, theirs.id], patch: { dormitory: '7-101' } }),
  'students.addRecord': () => ({ studentId: theirs.id, kind: 'reward', title: '三好学生', level: '校级', date: '2025-12-01' }),
  'students.removeRecord': () => ({ id: theirRecord }),
  'students.history': () => ({ id: theirs.id }),
  'students.create': () => ({ studentNo: '2024510201010', name: '韩雪', gender: '2', birthDate: '2006-05-01', idNumber: makeId('110105', '20060501', '248'), enrolmentDate: '2024-09-01', classId: theirClass, guardians: [] }),
  'studentNumbers.assign': () => ({ ids: [theirs.id], dryRun: true }),
  'attachments.upload': () => ({ studentId: theirs.id, purpose: 'document', ...app.upload(C, '证明.pdf', Buffer.from('%PDF')) }),
  'attachments.download': () => ({ id: theirAttachment }),
  'keyChanges.request': () => ({ studentId: theirs.id, changes: { name: '周林' }, reason: '更名' }),
  'keyChanges.withdraw': () => ({ id: theirRequest }),
  'keyChanges.amend': () => ({ id: theirRequest, changes: { name: '周霖' }, reason: '更名' }),
  'imports.undo': () => ({ id: theirBatch }),
  'photos.get': () => ({ id: theirs.id }),
  'photos.export': () => ({ ids: [theirs.id] }),
  'proofs.issue': () => ({ studentId: theirs.id, kind: 'status' }),
  'statusChanges.get': () => ({ id: theirOrder }),
  'statusChanges.draft': () => ({ studentId: theirs.id, type: 'suspend', effectiveDate: '2026-03-02' }),
  'statusChanges.file': () => ({ studentId: theirs.id, type: 'death', data: { reason: '病故', effectiveDate: '2026-03-02', term: '2025-2026-2' } }),
  'statusChanges.amend': () => ({ id: theirOrder, data: { reason: '因病休学', effectiveDate: '2026-03-02', term: '2025-2026-2', expectedEnd: '2027-03-01' } }),
  'statusChanges.decide': () => ({ id: theirOrder, stepIndex: 0, approve: true, paper: { deciderName: '王主任', deciderPost: '院长', decidedOn: '2026-03-03' } }),
  'statusChanges.withdraw': () => ({ id: theirOrder }),
  'statusChanges.attach': () => ({ id: theirOrder, fileId: 'not-a-real-file-id', kind: '申请书' }),
  'statusChanges.recordService': () => ({ id: theirOrder, servedOn: '2026-03-05', servedMethod: '直接送达' }),
  'statusChanges.form': () => ({ id: theirOrder, jobId: 'form-job-1' }),
  'statusChanges.flagAbsent': () => ({ studentId: theirs.id, since: '2026-01-05' }),
  'statusChanges.clearAbsent': () => ({ id: theirAbsence }),
  'grades.gpa': () => ({ studentId: theirs.id }),
  'transcripts.preview': () => ({ studentId: theirs.id }),
  'warnings.setAbsence': () => ({ studentId: theirs.id, term: '2026-2027-1', hours: 4 }),
  'grades.ofStudent': () => ({ studentId: theirs.id }),
  'warnings.followUp': () => ({ studentId: theirs.id, term: '2026-2027-1' }),
  'warnings.saveTalk': () => ({ studentId: theirs.id, term: '2026-2027-1', talkedOn: '2026-09-01', talkedBy: '赵辅导员', content: '谈话', studyPlan: '计划' }),
  'warnings.savePlan': () => ({ studentId: theirs.id, term: '2026-2027-1', content: '帮扶' }),
  'warnings.saveFollowUp': () => ({ studentId: theirs.id, term: '2026-2027-1', dueOn: '2026-09-10' }),
  'warnings.issueNotice': () => ({ studentId: theirs.id, term: '2026-2027-1', recipient: 'parent' }),
  'warnings.recordSend': () => ({ noticeId: theirNotice, method: 'in_person', sentOn: '2026-09-01' }),
  'warnings.recordReceipt': () => ({ noticeId: theirNotice, receivedOn: '2026-09-01' }),
};
/** Calls the counselor's role may not make at all: checked with the manager scoped the same way. */
const NAMING_AS_MANAGER: Partial<Record<Channel, () => unknown>> = {
  'keyChanges.decide': () => ({ id: theirRequest, stepIndex: 0, approve: true }),
  'certificates.hold': () => ({ studentId: theirs.id, reason: '暂缓' }),
  'certificates.releaseHold': () => ({ studentId: theirs.id, reason: '解除' }),
};

describe('数据范围: a counselor scoped to one class', () => {
  it('cannot open, change or export a student of another class through any channel that names one', async () => {
    await app.call(A, 'scopes.set', { userId: managerId, classIds: [myClass], cohortYears: [] });
    for (const [channel, input] of Object.entries(NAMING) as [Channel, () => unknown][]) {
      const r = await app.fails(C, channel, input());
      expect([channel, r.code]).toEqual([channel, channel === 'students.create' ? 'FORBIDDEN' : 'NOT_FOUND']);
      expect(r.message).not.toContain('周琳');
    }
    for (const [channel, input] of Object.entries(NAMING_AS_MANAGER) as [Channel, () => unknown][]) {
      expect([channel, (await app.fails(M, channel, input())).code]).toEqual([channel, 'NOT_FOUND']);
    }
    // Moving one's own student into another class, numbering another grade: refused too.
    expect((await app.fails(C, 'students.update', { id: mine.id, version: mine.version, patch: { classId: theirClass } })).code).toBe('FORBIDDEN');
    expect((await app.fails(C, 'studentNumbers.assign', { cohortYear: 2024, dryRun: true })).code).toBe('FORBIDDEN');
    // Grades: another class's grid is refused; another class's student in one's own grid is not found (a scoped clerk).
    expect((await app.fails(C, 'grades.forCourse', { courseId: 1, classId: theirClass })).code).toBe('FORBIDDEN');
    const clerk = await app.addUser({ username: 'sun', displayName: '孙老师', role: 'clerk', password: 'Clerk12345xy' }, 'clerk-client');
    await app.call(A, 'scopes.set', { userId: clerk.id, classIds: [myClass], cohortYears: [] });
    const grade = (classId: number, studentId: number) => ({ courseId: 1, classId, term: '2025-2026-1', entries: [{ studentId, attempt: '正考', score: '80' }] });
    expect((await app.fails('clerk-client', 'grades.save', grade(myClass, theirs.id))).code).toBe('NOT_FOUND');
    expect((await app.fails('clerk-client', 'grades.save', grade(theirClass, mine.id))).code).toBe('FORBIDDEN');
    // Transcripts: another class's student is not found, another class printed whole is refused.
    expect((await app.fails('clerk-client', 'transcripts.print', { studentId: theirs.id, jobId: 'tr-1' })).code).toBe('NOT_FOUND');
    expect((await app.fails('clerk-client', 'transcripts.print', { classId: theirClass, jobId: 'tr-2' })).code).toBe('FORBIDDEN');
    // 学历证书: another class's student's certificate is not found; a grade with another's class is not numbered.
    const [theirCertificate] = insertCertificates(app.core.folder.db(), [{ studentId: theirs.id, kind: '毕业', certificateNo: '123451202606000001', schoolCode: '12345', runType: '1', year: 2026, level: '06', sequence: 1, graduationDate: '2026-06-30', issueDate: '2026-06-30', issuedBy: 'admin', issuedAt: '2026-06-30T00:00:00Z' }]);
    for (const [channel, input] of [['certificates.void', { id: theirCertificate, reason: '误发' }], ['certificates.reissueAsGraduate', { id: theirCertificate }], ['certificates.issueProof', { id: theirCertificate, reason: '遗失' }]] as const)
      expect([channel, (await app.fails('clerk-client', channel, input)).code]).toEqual([channel, 'NOT_FOUND']);
    expect((await app.fails('clerk-client', 'certificates.assign', { cohortYear: 2024 })).code).toBe('FORBIDDEN');
    // 证书套打: another class's student is neither previewed nor printed.
    expect((await app.fails('clerk-client', 'certificateTemplates.sampleFacts', { studentId: theirs.id })).code).toBe('NOT_FOUND');
    expect((await app.fails('clerk-client', 'certificates.print', { studentIds: [theirs.id], jobId: 'cp-1' })).code).toBe('NOT_FOUND');
    // Graduation audit: another class's student is not found, another class named is refused.
    expect((await app.fails('clerk-client', 'graduation.detail', { studentId: theirs.id })).code).toBe('NOT_FOUND');
    expect((await app.fails(M, 'graduation.override', { studentId: theirs.id, outcome: '毕业', reason: '测试' })).code).toBe('NOT_FOUND');
    for (const channel of ['graduation.audit', 'graduation.results', 'graduation.export', 'graduation.leavers'] as const) {
      expect([channel, (await app.fails('clerk-client', channel, { cohortYear: 2024, classId: theirClass, jobId: `g-${channel}` })).code]).toEqual([channel, 'FORBIDDEN']);
    }
    // Their own student: all of it works.
    expect((await app.call(C, 'students.get', { id: mine.id })).name).toBe('李明');
    await app.call(C, 'students.update', { id: mine.id, version: mine.version, patch: { dormitory: '7-102' } });
    // Nothing of theirs changed.
    expect((await app.call(A, 'students.get', { id: theirs.id })).dormitory ?? null).toBeNull();

    const covered = new Set([...Object.keys(NAMING), ...Object.keys(NAMING_AS_MANAGER), 'students.update', 'studentNumbers.assign', 'grades.forCourse', 'grades.save', 'transcripts.print', 'certificates.void', 'certificates.reissueAsGraduate', 'certificates.issueProof', 'certificateTemplates.sampleFacts', 'certificates.print', 'graduation.detail', 'graduation.override', 'graduation.audit', 'graduation.results', 'graduation.export', 'graduation.leavers']);
    const ruled = Object.entries(STUDENT_SCOPE).filter(([, rule]) => typeof rule === 'function').map(([c]) => c);
    // photos.upload and photos.undo need a photo batch or upload of their own: below.
    expect(ruled.filter((c) => !covered.has(c)).sort()).toEqual(['photos.undo', 'photos.upload']);
  });

  it('photos: neither uploaded for, nor matched to, a student of another class', async () => {
    const jpeg = await photo();
    const upload = await app.fails(C, 'photos.upload', { ...app.upload(C, 'p.jpg', jpeg), studentId: theirs.id, reason: '更换照片' });
    expect(upload.code).toBe('NOT_FOUND');
    const report = await app.call(C, 'photos.import', { files: [app.upload(C, `${theirs.studentNo}.jpg`, jpeg), app.upload(C, `${mine.studentNo}.jpg`, jpeg)] });
    expect(report.unmatched).toEqual([`${theirs.studentNo}.jpg`]);
    // The admin's photo import of the other class cannot be undone by the counselor.
    await app.call(A, 'photos.import', { files: [app.upload(A, `${theirs.studentNo}.jpg`, await photo({ quality: 70 }))] });
    const batch = (await app.call(A, 'photos.batches', {})).find((b) => b.createdBy === 'admin')!;
    expect((await app.fails(C, 'photos.undo', { id: batch.id })).code).toBe('NOT_FOUND');
  });

  it('lists, searches, exports and sees the trail of its own class only', async () => {
    const list = await app.call(C, 'students.list', { page: 0, pageSize: 50, filter: {} });
    expect(list.rows.map((r) => r.name)).toEqual(['李明']);
    expect(list.total).toBe(1);
    expect((await app.call(C, 'students.list', { page: 0, pageSize: 50, filter: { q: '周琳' } })).total).toBe(0);
    expect((await app.call(C, 'students.list', { page: 0, pageSize: 50, filter: { classId: theirClass } })).total).toBe(0);
    expect((await app.call(C, 'students.list', { page: 0, pageSize: 50, filter: {}, sort: { field: 'className', dir: 'asc' } })).total).toBe(1);
    expect((await app.call(C, 'students.ids', { filter: {} })).ids).toEqual([mine.id]);
    expect(await app.call(C, 'students.duplicates', { name: '周琳', birthDate: '2006-04-11', idNumber: theirs.idNumber })).toEqual([]);
    expect((await app.call(C, 'keyChanges.list', {})).map((r) => r.studentId)).toEqual([mine.id]);

    const exported = await app.call(C, 'students.export', { filter: {}, jobId: 'scope-export' });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(app.output(C, exported.jobId) as unknown as ArrayBuffer);
    const text = JSON.stringify(wb.worksheets[0]!.getSheetValues());
    expect(text).toContain('李明');
    expect(text).not.toContain('周琳');

    // A manager scoped the same way: the trail, its export and the home page keep to the class.
    await app.call(A, 'scopes.set', { userId: managerId, classIds: [myClass], cohortYears: [] });
    const trail = await app.call(M, 'audit.list', { page: 0, pageSize: 200 });
    expect(JSON.stringify(trail)).not.toContain('周琳');
    expect(trail.rows.some((r) => r.entity === 'student' && r.entityId === String(mine.id))).toBe(true);
    const home = await app.call(M, 'home.overview', {});
    expect(home.awaitingMyDecision?.total).toBe(1);
    // 学籍异动: the list, the 待办 and the month's summary keep to the class too.
    expect((await app.call(C, 'statusChanges.list', { page: 0, pageSize: 50 })).total).toBe(0);
    expect((await app.call(A, 'statusChanges.list', { page: 0, pageSize: 50 })).total).toBe(1);
    expect((await app.call(M, 'statusChanges.todo', {})).waitingForMe).toEqual([]);
    expect((await app.call(A, 'statusChanges.todo', {})).absent.map((a) => a.studentName).sort()).toEqual(['周琳', '李明']);
    expect((await app.call(C, 'statusChanges.todo', {})).absent.map((a) => a.studentName)).toEqual(['李明']);
  });

  it('imports: rows of other classes are refused without naming the student; new students go into its classes', async () => {
    const file = await cleanRoster([
      { studentNo: mine.studentNo, name: '李明', id: mine.idNumber, className: '计算机应用2501班', dormitory: '8-201' },
      { studentNo: theirs.studentNo, name: '周琳', id: theirs.idNumber, className: '电子信息2401班', dormitory: '8-202' },
    ]);
    const opened = await app.call(C, 'imports.open', app.upload(C, '更新.xlsx', file));
    const sheet = opened.sheets[0]!.name;
    const inspected = await app.call(C, 'imports.inspect', { uploadId: opened.uploadId, sheet });
    const preview = await app.call(C, 'imports.preview', { uploadId: opened.uploadId, sheet, mapping: inspected.mapping, mode: 'update' });
    expect(preview).toMatchObject({ rows: 2, valid: 1, invalid: 1 });
    const refused = preview.issues.filter((i) => i.severity === 'error');
    expect(refused.map((i) => [i.row, i.code])).toEqual([[3, 'OUT_OF_SCOPE']]);
    expect(JSON.stringify(preview)).not.toContain('周琳（');

    const added = await app.call(C, 'imports.open', app.upload(C, '新生.xlsx', await cleanRoster([{ studentNo: '2024510201011', name: '韩梅', id: makeId('110105', '20060601', '357'), className: '电子信息2401班' }])));
    const s2 = added.sheets[0]!.name;
    const m2 = await app.call(C, 'imports.inspect', { uploadId: added.uploadId, sheet: s2 });
    const p2 = await app.call(C, 'imports.preview', { uploadId: added.uploadId, sheet: s2, mapping: m2.mapping });
    expect(p2.issues.filter((i) => i.severity === 'error').map((i) => i.code)).toEqual(['OUT_OF_SCOPE']);
  });

  it('the admin sets it (audited), and a user without one keeps the whole department', async () => {
    expect(await app.call(A, 'scopes.get', { id: counselorId })).toEqual({ userId: counselorId, classIds: [myClass], cohortYears: [] });
    expect((await app.fails(C, 'scopes.set', { userId: counselorId, classIds: [], cohortYears: [] })).code).toBe('FORBIDDEN');
    expect((await app.call(M, 'students.list', { page: 0, pageSize: 50, filter: {} })).total).toBe(2);
    // By grade: every class of 2024, including one created later.
    await app.call(A, 'scopes.set', { userId: counselorId, classIds: [], cohortYears: [2024] });
    expect((await app.call(C, 'students.list', { page: 0, pageSize: 50, filter: {} })).rows.map((r) => r.name)).toEqual(['周琳']);
    const entry = (await app.call(A, 'audit.list', { page: 0, pageSize: 5, action: 'scopes.set' })).rows[0]!;
    expect(entry.summary).toBe('设置 赵辅导员（zhao）的数据范围：2024级');
    expect(entry.changes).toEqual([{ field: 'scope', before: '计算机应用2501班', after: '2024级' }]);
  });
});
