import { describe, expect, it } from 'vitest';
import { missingGlyphs } from '../../../electron/main/core/pdf';
import { proofFileName, proofGlyphItems, proofNumber, proofRefusal, proofText, type ProofFacts } from '../../../shared/domain/proofs';

const facts: ProofFacts = {
  schoolName: '示范职业技术学院', departmentName: '信息工程系', name: '李明', gender: '1', birthDate: '2007-03-15', idNumber: '11010520070315123X',
  studentNo: '2025510201001', majorName: '计算机应用技术', level: '专科', lengthYears: '3', studyForm: '普通全日制', className: '计算机应用2501班',
  cohortYear: 2025, enrolmentDate: '2025-09-01', status: 'enrolled', statusSince: null, expectedGraduationDate: '2028-06-30',
};
const on = new Date(2026, 8, 1);

describe('在读证明 / 学籍证明 wording', () => {
  it('states who the student is, their programme and standing', () => {
    const t = proofText('enrolment', facts, on, 'ZD2026-0001');
    expect(t).toEqual({
      title: '在读证明',
      numberLine: '编号：ZD2026-0001',
      paragraphs: [
        '兹证明李明，男，2007年3月15日出生，身份证号码11010520070315123X，系我校信息工程系计算机应用技术专业2025级学生（专科，学制3年，普通全日制），班级计算机应用2501班，学号2025510201001。',
        '该生于2025年9月1日入学，现在我校就读，学籍状态为在籍在校，预计于2028年6月毕业。',
        '特此证明。',
      ],
      issuer: ['示范职业技术学院', '信息工程系'],
      date: '2026年9月1日',
    });
  });

  it('学籍证明 names the status and since when; no graduation for a student who has left', () => {
    const left = proofText('status', { ...facts, status: 'withdrawn', statusSince: '2026-05-20', studentNo: null, enrolmentDate: null, departmentName: '' }, on, 'XJ2026-0003');
    expect(left.paragraphs[0]).toBe('兹证明李明，男，2007年3月15日出生，身份证号码11010520070315123X，系我校计算机应用技术专业2025级学生（专科，学制3年，普通全日制），班级计算机应用2501班。');
    expect(left.paragraphs[1]).toBe('该生目前学籍状态为“退学”（自2026年5月20日起）。');
    expect(left.issuer).toEqual(['示范职业技术学院']);
  });

  it('refuses 在读证明 unless 在籍在校, and any proof without a school name or a class', () => {
    expect(proofRefusal('enrolment', facts)).toBeNull();
    expect(proofRefusal('status', { ...facts, status: 'suspended' })).toBeNull();
    expect(proofRefusal('enrolment', { ...facts, status: 'suspended' })).toBe('在读证明只能为在籍在校的学生开具；李明目前的学籍状态为“休学”，可开具学籍证明。');
    expect(proofRefusal('status', { ...facts, schoolName: ' ' })).toMatch(/学校名称/);
    expect(proofRefusal('status', { ...facts, className: null, majorName: null })).toBe('李明尚未分班，证明要写明专业与班级：请先在档案中为其选择班级。');
  });

  it('numbers by kind and year, names the file after the student', () => {
    expect(proofNumber('enrolment', 2026, 7)).toBe('ZD2026-0007');
    expect(proofNumber('status', 2027, 12345)).toBe('XJ2027-12345');
    expect(proofFileName('status', facts)).toBe('学籍证明_李明_2025510201001.pdf');
    expect(proofFileName('enrolment', { name: '李明', studentNo: null })).toBe('在读证明_李明.pdf');
  });

  it('checks the record’s fields by name, and every word of the template is in the serif font', () => {
    expect(proofGlyphItems(facts).map((i) => i.field)).toEqual(['姓名', '身份证号', '学号', '专业', '层次', '学习形式', '班级', '学校名称', '院系名称']);
    for (const kind of ['enrolment', 'status'] as const) {
      for (const status of ['enrolled', 'suspended', 'retained', 'withdrawn', 'graduated', 'deceased']) {
        const t = proofText(kind, { ...facts, status, statusSince: '2026-01-02' }, on, 'ZD2026-0001');
        const text = [t.title, t.numberLine, ...t.paragraphs, ...t.issuer, t.date].join('');
        expect(missingGlyphs([{ subject: kind, field: status, text }], 'serif')).toEqual([]);
      }
    }
  });
});
