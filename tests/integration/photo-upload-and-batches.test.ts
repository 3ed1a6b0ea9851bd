import { existsSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { eq } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { attachments } from '../../db/schema';
import { idCheckChar } from '../../shared/domain/idcard';
import { COUNSELOR, MANAGER, makeApp, type TestApp } from '../support/harness';
import { photo } from '../support/photo-fixtures';

/**
 * Issue 12 #11, the photo parts: a photo uploaded from the profile (at once, or through a change
 * request once the student is registered and has one), the 无照片 roster filter and its export,
 * and photo imports as batches in 导入记录 that can be undone.
 */
let app: TestApp;
const A = 'admin-client';
const C = COUNSELOR.client;
const M = MANAGER.client;
const upload = (fileName: string, bytes: Uint8Array, client: string = C) => app.upload(client, fileName, bytes);

type Student = { id: number; studentNo: string; name: string; idNumber: string };
let S: Student[] = [];
const s = (i: number) => S[i]!;

async function createStudents(n: number): Promise<Student[]> {
  const major = await app.call(A, 'org.createMajor', { code: '510201', name: '计算机应用技术', level: '专科', lengthYears: '3', studyForm: '普通全日制' });
  const cls = await app.call(A, 'org.createClass', { name: '计算机应用2501班', majorId: major.id, cohortYear: 2025 });
  const names = ['张三', '李四', '王五', '赵六'];
  const out: Student[] = [];
  for (let i = 0; i < n; i++) {
    const id17 = `11010520070315${String(101 + i * 2).padStart(3, '0')}`;
    const studentNo = `202551020100${i + 1}`;
    const st = await app.call(A, 'students.create', {
      studentNo, name: names[i]!, idNumber: id17 + idCheckChar(id17), birthDate: '2007-03-15', gender: '1', enrolmentDate: '2025-09-01', classId: cls.id, guardians: [],
    });
    out.push({ id: st.id, studentNo, name: st.name, idNumber: st.idNumber });
  }
  return out;
}

beforeEach(async () => {
  app = makeApp();
  await app.setup();
  await app.addStaff();
  S = await createStudents(4);
});
afterEach(() => app?.remove());

const photoOf = async (id: number) => {
  const p = await app.call(C, 'photos.get', { id });
  return p ? Buffer.from(p.bytes) : null;
};
const photoId = async (id: number) => (await app.call(C, 'students.get', { id })).hasPhoto;

describe('a photo uploaded from the profile', () => {
  it('is set at once for an unregistered student (and replaced at once), audited', async () => {
    const r = await app.call(C, 'photos.upload', { studentId: s(0).id, ...upload('证件照.jpg', await photo()) });
    expect(r).toEqual({ outcome: 'set', requestId: null });
    const first = (await photoOf(s(0).id))!;
    expect(first.subarray(0, 3).equals(Buffer.from([0xff, 0xd8, 0xff]))).toBe(true);

    const again = await app.call(C, 'photos.upload', { studentId: s(0).id, ...upload('新证件照.png', await photo({ format: 'png' })) });
    expect(again.outcome).toBe('replaced');
    expect((await photoOf(s(0).id))!.equals(first)).toBe(false);

    const history = await app.call(C, 'students.history', { id: s(0).id });
    const sets = history.filter((h) => h.action === 'photos.set');
    expect(sets).toHaveLength(2);
    expect(sets.map((h) => h.summary).join('\n')).toContain('新证件照.png');
  });

  it('for a registered student with a photo, files a change request; approval replaces the photo', async () => {
    await app.call(C, 'photos.upload', { studentId: s(0).id, ...upload('a.jpg', await photo()) });
    const before = (await photoOf(s(0).id))!;
    await app.call(C, 'students.register', { ids: [s(0).id] });

    const r = await app.call(C, 'photos.upload', { studentId: s(0).id, ...upload('b.jpg', await photo()) });
    expect(r.outcome).toBe('requested');
    expect((await photoOf(s(0).id))!.equals(before)).toBe(true); // not yet

    const pending = await app.call(M, 'keyChanges.list', { status: 'pending' });
    expect(pending.map((p) => [p.id, p.studentId, p.changes[0]!.field])).toEqual([[r.requestId, s(0).id, 'photo']]);
    expect(pending[0]!.reason).toContain('档案中更换照片');

    // A second one while the first waits: refused with the reason, nothing stored.
    const held = await app.fails(C, 'photos.upload', { studentId: s(0).id, ...upload('c.jpg', await photo()) });
    expect(held.code).toBe('CONFLICT');
    expect(held.message).toContain(`待审批的变更申请（第 ${r.requestId} 号）`);

    await app.call(M, 'keyChanges.decide', { id: r.requestId!, stepIndex: 0, approve: true, opinion: '照片清晰' });
    const after = (await photoOf(s(0).id))!;
    expect(after.equals(before)).toBe(false);
  });

  it('refuses what is not a usable photo, in Chinese, and another student’s photo', async () => {
    const tiny = await app.fails(C, 'photos.upload', { studentId: s(0).id, ...upload('小.jpg', await photo({ width: 120, height: 160 })) });
    expect([tiny.code, tiny.message]).toEqual(['VALIDATION', expect.stringContaining('照片太小')]);
    const text = await app.fails(C, 'photos.upload', { studentId: s(0).id, ...upload('说明.txt', Buffer.from('不是照片')) });
    expect(text.message).toContain('只能导入 JPG 或 PNG 照片');
    const same = await photo();
    await app.call(C, 'photos.upload', { studentId: s(0).id, ...upload('a.jpg', same) });
    const dup = await app.fails(C, 'photos.upload', { studentId: s(1).id, ...upload('a.jpg', same) });
    expect(dup.message).toContain(`与学生 ${s(0).name}（${s(0).studentNo}）现有的照片相同`);
    expect(await photoOf(s(1).id)).toBeNull();
  });

  it('is refused to roles that may not edit students', async () => {
    for (const client of [M]) {
      const r = await app.fails(client, 'photos.upload', { studentId: s(0).id, fileId: '00000000-0000-0000-0000-000000000000' });
      expect(r.code).toBe('FORBIDDEN');
    }
    expect(await photoId(s(0).id)).toBe(false);
  });
});

describe('students without a photo', () => {
  it('are listed with the roster filter 照片：无 and exported with it', async () => {
    await app.call(C, 'photos.import', { files: [upload(`${s(0).idNumber}.jpg`, await photo()), upload(`${s(2).idNumber}.jpg`, await photo())] });
    const missing = await app.call(C, 'students.list', { page: 0, pageSize: 50, filter: { photoState: 'missing' } });
    expect(missing.rows.map((r) => r.name).sort()).toEqual([s(1).name, s(3).name].sort());
    const present = await app.call(C, 'students.list', { page: 0, pageSize: 50, filter: { photoState: 'present' } });
    expect(present.rows.map((r) => r.name).sort()).toEqual([s(0).name, s(2).name].sort());

    const out = await app.call(C, 'students.export', { filter: { photoState: 'missing' }, columns: ['studentNo', 'name'] });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(app.output(C, out.jobId) as unknown as ArrayBuffer);
    const ws = wb.worksheets[0]!;
    const names = [2, 3].map((n) => ws.getRow(n).getCell(2).value);
    expect(ws.rowCount).toBe(3);
    expect(names.sort()).toEqual([s(1).name, s(3).name].sort());
  });
});

describe('photo imports in 导入记录', () => {
  it('appear as batches; undo restores the previous photo, removes the new one and withdraws the request, in one audited step', async () => {
    const old0 = await photo();
    await app.call(C, 'photos.import', { files: [upload(`${s(0).idNumber}.jpg`, old0)] });
    await app.call(C, 'photos.import', { files: [upload(`${s(2).idNumber}.jpg`, await photo())] });
    await app.call(C, 'students.register', { ids: [s(2).id] });
    const before0 = (await photoOf(s(0).id))!;
    const before2 = (await photoOf(s(2).id))!;

    // s0 replaced (unregistered), s1 set for the first time, s2 registered with a photo → a request.
    const report = await app.call(C, 'photos.import', {
      files: [upload('2025级照片.zip', (await import('../support/photo-fixtures')).zip({
        [`${s(0).idNumber}.jpg`]: new Uint8Array(await photo()),
        [`${s(1).idNumber}.jpg`]: new Uint8Array(await photo()),
        [`${s(2).idNumber}.jpg`]: new Uint8Array(await photo()),
      }))],
    });
    expect([report.replaced.length, report.changeRequests.length, report.matched.length]).toEqual([1, 1, 3]);
    const newPhoto1 = (await app.call(C, 'students.get', { id: s(1).id })).hasPhoto;
    expect(newPhoto1).toBe(true);

    const batches = await app.call(C, 'photos.batches', {});
    expect(batches).toHaveLength(3);
    const b = batches[0]!;
    expect(b).toMatchObject({ fileName: '2025级照片.zip', createdBy: 'zhao', files: 3, photosSet: 1, photosReplaced: 1, changeRequests: 1, undoneAt: null, undoable: true, undoBlockedReason: null });

    // The new photo of s1 is stored encrypted; after undo its file is gone.
    const db = app.core.folder.db();
    const s1Photo = db.select().from(attachments).where(eq(attachments.studentId, s(1).id)).all();
    expect(s1Photo).toHaveLength(1);

    const r = await app.call(C, 'photos.undo', { id: b.id });
    expect(r).toEqual({ restored: 1, removed: 1, withdrawn: 1 });
    expect((await photoOf(s(0).id))!.equals(before0)).toBe(true);
    expect(await photoOf(s(1).id)).toBeNull();
    expect((await photoOf(s(2).id))!.equals(before2)).toBe(true);
    expect(await app.call(M, 'keyChanges.list', { status: 'pending' })).toEqual([]);
    expect(existsSync(join(app.dir, 'attachments', s1Photo[0]!.storedName))).toBe(false);

    const listed = (await app.call(C, 'photos.batches', {}))[0]!;
    expect(listed.undoneAt).not.toBeNull();
    expect(listed.undoable).toBe(false);
    expect(listed.undoBlockedReason).toContain('已于');
    expect((await app.fails(C, 'photos.undo', { id: b.id })).code).toBe('CONFLICT');

    const audit = (await app.call(A, 'audit.list', { action: 'photos.undo', pageSize: 50 })).rows;
    expect(audit.map((a) => a.summary).join('\n')).toContain(`撤销照片导入批次 #${b.id}《2025级照片.zip》`);
    expect(audit.some((a) => a.entityId === String(s(0).id) && a.summary.includes('恢复导入前的照片'))).toBe(true);
    expect(audit.some((a) => a.entityId === String(s(1).id) && a.summary.includes('删除导入的照片'))).toBe(true);
    expect((await app.call(A, 'audit.verify', {})).ok).toBe(true);
  });

  it('cannot be undone once a photo of the batch was changed since, and says whose', async () => {
    await app.call(C, 'photos.import', { files: [upload(`${s(0).idNumber}.jpg`, await photo()), upload(`${s(1).idNumber}.jpg`, await photo())] });
    await app.call(C, 'photos.upload', { studentId: s(1).id, ...upload('新.jpg', await photo()) });
    const [b] = await app.call(C, 'photos.batches', {});
    expect(b!.undoable).toBe(false);
    expect(b!.undoBlockedReason).toBe(`学生 ${s(1).name}（学号 ${s(1).studentNo}）的照片在导入后已被更换，不能撤销此批次`);
    const r = await app.fails(C, 'photos.undo', { id: b!.id });
    expect([r.code, r.message]).toEqual(['CONFLICT', b!.undoBlockedReason]);
    expect(await photoOf(s(0).id)).not.toBeNull(); // nothing undone
  });

  it('are listed and undone only by roles that edit students', async () => {
    await app.call(C, 'photos.import', { files: [upload(`${s(0).idNumber}.jpg`, await photo())] });
    const [b] = await app.call(C, 'photos.batches', {});
    expect((await app.fails(M, 'photos.batches', {})).code).toBe('FORBIDDEN');
    expect((await app.fails(M, 'photos.undo', { id: b!.id })).code).toBe('FORBIDDEN');
    expect(await photoOf(s(0).id)).not.toBeNull();
  });
});
