/**
 * The certificate records the print job relies on (migration 0025, db/queries/certificates.ts),
 * against the real encrypted database: the number never changes, a voided number stays used, one
 * 证明书 per certificate, the blank-form ledger (ranges, overlaps, stack order, spoiled sheets) and
 * recordCertificatePrints' refusals, each leaving nothing written.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Db } from '../../db/client';
import {
  formSerialsFrom,
  heldStudentIds,
  insertCertificates,
  insertProof,
  listForms,
  nextSequence,
  printableCertificates,
  recordCertificatePrints,
  registerFormRange,
  reissueAsGraduate,
  setHold,
  liftHold,
  spoilForm,
  voidCertificate,
  type NewCertificate,
} from '../../db/queries/certificates';
import { makeApp, type TestApp } from '../support/harness';
import { makeId } from '../support/roster-fixtures';

const A = 'admin-client';
let app: TestApp;
let db: Db;
const sids: number[] = [];
const AT = '2026-07-01T08:00:00.000Z';
const KEY = { schoolCode: '12345', runType: '1', year: 2026, level: '06' } as const;

const cert = (studentId: number, sequence: number, kind: '毕业' | '结业' = '毕业'): NewCertificate => ({
  studentId,
  kind,
  ...KEY,
  sequence,
  certificateNo: `12345120260${6}${String(sequence).padStart(6, '0')}`,
  graduationDate: '2026-06-30',
  issueDate: '2026-06-30',
  issuedBy: 'admin',
  issuedAt: AT,
});

/** Runs fn in a transaction and says what it threw (the caller's transaction rolls back with it). */
function refusal(fn: () => void): string {
  try {
    db.transaction(() => fn());
  } catch (e) {
    return (e as Error).message;
  }
  throw new Error('expected a refusal');
}

beforeEach(async () => {
  app = makeApp();
  await app.setup();
  const majorId = (await app.call(A, 'org.createMajor', { code: '510201', name: '计算机应用技术', level: '专科', lengthYears: '3', studyForm: '普通全日制' })).id;
  const classId = (await app.call(A, 'org.createClass', { name: '计算机应用2301班', majorId, cohortYear: 2023 })).id;
  sids.length = 0;
  for (const [i, name] of ['张三', '李四', '王五'].entries()) {
    const s = await app.call(A, 'students.create', { studentNo: `20235102010${i + 1}`, name, gender: '1', birthDate: '2005-05-01', idNumber: makeId('110105', '20050501', String(11 + 2 * i).padStart(3, '0')), enrolmentDate: '2023-09-01', classId, guardians: [] });
    sids.push(s.id);
  }
  db = app.core.folder.db();
});
afterEach(() => app.remove());

describe('certificate numbers in the database', () => {
  it('never change, are never deleted, and a voided number is never handed out again', () => {
    const [id] = insertCertificates(db, [cert(sids[0]!, 1)]);
    expect(() => db.$client.prepare('UPDATE certificates SET certificate_no = ?, sequence = 9 WHERE id = ?').run('123451202606000009', id)).toThrow(/never changes/);
    expect(() => db.$client.prepare('DELETE FROM certificates WHERE id = ?').run(id)).toThrow(/not deleted/);
    expect(() => db.$client.prepare('INSERT INTO certificates (student_id, kind, certificate_no, school_code, run_type, year, level, sequence, graduation_date, issue_date, issued_by, issued_at) VALUES (?,?,?,?,?,?,?,?,?,?,?,?)')
      .run(sids[1], '毕业', '123451202606000005', '12345', '1', 2026, '06', 6, '2026-06-30', '2026-06-30', 'x', AT)).toThrow(/CHECK/);
    voidCertificate(db, id!, { reason: '发错学生', by: 'admin', at: AT });
    expect(nextSequence(db, KEY)).toBe(2);
    expect(() => db.$client.prepare("UPDATE certificates SET status = 'issued', void_reason = NULL, voided_by = NULL, voided_at = NULL WHERE id = ?").run(id)).toThrow(/stays voided/);
    expect(printableCertificates(db, { studentIds: sids })).toEqual([]);
    // the same student may get a new number; the old one stays used
    insertCertificates(db, [cert(sids[0]!, 2)]);
    expect(() => insertCertificates(db, [cert(sids[0]!, 3)])).toThrow(/UNIQUE/);
  });

  it('a 结业 → 毕业 换发 keeps the number and prints the issue date as 毕业日期', () => {
    const [id] = insertCertificates(db, [cert(sids[0]!, 1, '结业')]);
    reissueAsGraduate(db, id!, { issueDate: '2027-01-15', by: 'admin', at: AT });
    const [p] = printableCertificates(db, { studentIds: [sids[0]!] });
    expect(p).toMatchObject({ kind: '毕业', certificateNo: '123451202606000001', graduationDate: '2027-01-15', issueDate: '2027-01-15', printedCount: 0 });
    expect(refusal(() => reissueAsGraduate(db, id!, { issueDate: '2027-01-16', by: 'admin', at: AT }))).toMatch(/只有未作废的结业证书/);
    expect(() => db.$client.prepare("UPDATE certificates SET kind = '结业' WHERE id = ?").run(id)).toThrow(/only a 结业/);
  });

  it('issues a 证明书 once per certificate', () => {
    const [id] = insertCertificates(db, [cert(sids[0]!, 1)]);
    insertProof(db, id!, { reason: '遗失，已登报声明', by: 'admin', at: AT });
    expect(refusal(() => insertProof(db, id!, { reason: '再次遗失', by: 'admin', at: AT }))).toMatch(/只出具一次/);
  });

  it('holds and lifts 暂缓发证 with a reason each', () => {
    setHold(db, sids[1]!, { reason: '学校要求', by: 'qian', at: AT });
    expect(heldStudentIds(db, sids)).toEqual(new Set([sids[1]]));
    expect(refusal(() => setHold(db, sids[1]!, { reason: '再设', by: 'qian', at: AT }))).toMatch(/已暂缓发证/);
    liftHold(db, sids[1]!, { reason: '已办妥', by: 'qian', at: AT });
    expect(heldStudentIds(db, sids).size).toBe(0);
  });
});

describe('the blank-form ledger', () => {
  it('registers ranges in stack order and refuses an overlapping range', () => {
    expect(registerFormRange(db, 'No.0000098', 'No.0000102', { by: 'sun', at: AT })).toMatchObject({ sheets: 5, firstSerial: 'No.0000098', lastSerial: 'No.0000102' });
    expect(refusal(() => registerFormRange(db, 'No.0000100', 'No.0000110', { by: 'sun', at: AT }))).toMatch(/重叠（3 张，如 No.0000100、No.0000101、No.0000102）/);
    expect(refusal(() => registerFormRange(db, 'No.0000120', 'No.00130', { by: 'sun', at: AT }))).toMatch(/位数不同/);
    expect(refusal(() => registerFormRange(db, 'No.0000120', 'A0000130', { by: 'sun', at: AT }))).toMatch(/字母部分不同/);
    expect(listForms(db).rows.map((r) => r.serial)).toEqual(['No.0000098', 'No.0000099', 'No.0000100', 'No.0000101', 'No.0000102']);
  });

  it('hands out the next unused sheets, skipping spoiled ones, and says when there are not enough', () => {
    registerFormRange(db, '001', '005', { by: 'sun', at: AT });
    spoilForm(db, '002', { reason: '卡纸', by: 'sun', at: AT });
    expect(formSerialsFrom(db, null, 3)).toEqual(['001', '003', '004']);
    expect(formSerialsFrom(db, '003', 2)).toEqual(['003', '004']);
    expect(formSerialsFrom(db, '002', 1)).toEqual({ problem: expect.stringMatching(/已登记作废/) });
    expect(formSerialsFrom(db, '009', 1)).toEqual({ problem: expect.stringMatching(/未登记/) });
    expect(formSerialsFrom(db, '004', 3)).toEqual({ problem: expect.stringMatching(/需要 3 张，从“004”起只有 2 张/) });
  });

  it('records prints against the ledger and refuses a used sheet, an unknown sheet and a reprint without a reason', () => {
    registerFormRange(db, '001', '005', { by: 'sun', at: AT });
    const [c1, c2] = insertCertificates(db, [cert(sids[0]!, 1), cert(sids[1]!, 2)]);
    const base = { templateName: '毕业证书', profileName: '默认', reprintReason: null, by: 'sun', at: AT };
    db.transaction(() => recordCertificatePrints(db, { ...base, prints: [{ certificateId: c1!, formSerial: '001' }, { certificateId: c2!, formSerial: '002' }] }));
    expect(listForms(db).rows.slice(0, 2).map((r) => [r.serial, r.status, r.certificateNo])).toEqual([['001', 'printed', '123451202606000001'], ['002', 'printed', '123451202606000002']]);
    expect(printableCertificates(db, { studentIds: [sids[0]!] })[0]!.printedCount).toBe(1);

    expect(refusal(() => recordCertificatePrints(db, { ...base, reprintReason: '污损', prints: [{ certificateId: c1!, formSerial: '001' }] }))).toMatch(/“001”已打印过/);
    expect(refusal(() => recordCertificatePrints(db, { ...base, reprintReason: '污损', prints: [{ certificateId: c1!, formSerial: '099' }] }))).toMatch(/“099”未登记/);
    expect(refusal(() => recordCertificatePrints(db, { ...base, prints: [{ certificateId: c1!, formSerial: '003' }] }))).toMatch(/已打印过，重新打印须填写原因/);
    // a refusal after a good row leaves the good row unwritten too
    const [c3] = insertCertificates(db, [cert(sids[2]!, 3)]);
    expect(refusal(() => recordCertificatePrints(db, { ...base, prints: [{ certificateId: c3!, formSerial: '003' }, { certificateId: c1!, formSerial: '004' }] }))).toMatch(/须填写原因/);
    expect(listForms(db, { status: 'unused' }).rows.map((r) => r.serial)).toEqual(['003', '004', '005']);

    db.transaction(() => recordCertificatePrints(db, { ...base, reprintReason: '第一张污损', prints: [{ certificateId: c1!, formSerial: '003' }] }));
    spoilForm(db, '001', { reason: '污损', by: 'sun', at: AT });
    const ledger = listForms(db);
    expect(ledger.rows[0]).toMatchObject({ serial: '001', status: 'spoiled', certificateNo: '123451202606000001', spoiledReason: '污损' });
    expect([ledger.unused, ledger.printed, ledger.spoiled]).toEqual([2, 2, 1]);
    voidCertificate(db, c2!, { reason: '信息有误', by: 'admin', at: AT });
    expect(refusal(() => recordCertificatePrints(db, { ...base, prints: [{ certificateId: c2!, formSerial: '004' }] }))).toMatch(/已作废，不能打印/);
  });
});
