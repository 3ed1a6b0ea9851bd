import { describe, expect, it } from 'vitest';
import { DEFAULT_GPA_METHOD } from '../../../shared/domain/grades';
import {
  englishGaps, gradePointText, gradeText, gradingNote, nameInLatin, pageSizeProblem, termLabel, transcriptSheet, WORDS, type TranscriptInput,
} from '../../../shared/domain/transcripts';
import { missingGlyphs } from '../../../electron/main/core/pdf';

const input = (over: Partial<TranscriptInput> = {}): TranscriptInput => ({
  lang: 'zh',
  school: { name: '示范职业技术学院', department: '信息工程系', nameEn: '', departmentEn: '' },
  student: { name: '欧阳娜娜', gender: '2', birthDate: '2007-03-15', studentNo: '2025510201001', majorName: '计算机应用技术', majorNameEn: '', level: '专科', lengthYears: '3', className: '计算机2501班', enrolmentDate: '2025-09-01' },
  courses: [
    { code: 'B1', name: '大学物理', nameEn: 'College Physics', credits: '3', hours: 48, nature: '必修', assessment: '考试', term: '2025-2026-1', attempt: { kind: '补考', score: 72, absent: false, void: false }, gradePoint: '1' },
    { code: 'A2', name: '程序设计', nameEn: '', credits: '2.5', hours: 40, nature: '限选', assessment: '考查', term: '2025-2026-2', attempt: { kind: '正考', score: '良好', absent: false, void: false }, gradePoint: '3.5' },
    { code: 'C3', name: '军事理论', nameEn: '', credits: '1', hours: 16, nature: '必修', assessment: '考查', term: '2025-2026-2', attempt: null, gradePoint: null },
  ],
  totals: { creditsEarned: '5.5', creditsCounted: '5.5', gpaText: '2.14' },
  method: DEFAULT_GPA_METHOD,
  printedOn: '2026-09-01',
  ...over,
});

describe('transcript sheet', () => {
  it('groups by term in the order given, marks 补考 in its own column, leaves out courses without a result', () => {
    const s = transcriptSheet(input());
    expect(s.terms.map((t) => [t.label, t.rows.map((r) => [r.code, r.grade, r.kind, r.gradePoint])])).toEqual([
      ['2025—2026学年 第一学期', [['B1', '72', '补考', '1.0']]],
      ['2025—2026学年 第二学期', [['A2', '良好', '正考', '3.5']]],
    ]);
    expect(s.blank).toBe('以下空白');
    expect(s.totals).toEqual([{ label: '已获学分', value: '5.5' }, { label: '平均学分绩点', value: '2.14' }, { label: '计入绩点学分', value: '5.5' }]);
  });

  it('mirrors it in English row for row, and lists what has no English name (courses by code)', () => {
    const zh = transcriptSheet(input());
    const en = transcriptSheet(input({ lang: 'en' }));
    expect(en.terms.map((t) => t.rows.map((r) => r.code))).toEqual(zh.terms.map((t) => t.rows.map((r) => r.code)));
    expect(en.terms[0]!.rows[0]).toMatchObject({ grade: '72', kind: 'Resit', nature: 'Compulsory', assessment: 'Exam' });
    expect(en.terms[1]!.rows[0]).toMatchObject({ grade: 'B', nature: 'Restricted Elective' });
    expect(en.columns.map((c) => c.key)).not.toContain('hours');
    expect(en.terms[0]!.label).toBe('Academic Year 2025–2026, Semester 1');
    // C3 has no result, so its missing English name does not matter.
    expect(englishGaps(input()).map((g) => g.message)).toEqual([
      '系统设置中没有学校的英文名称', '系统设置中没有院系的英文名称', '专业“计算机应用技术”没有英文名称', '课程 A2“程序设计”在培养方案中没有英文名称',
    ]);
  });

  it('prints grades, grade points and names as schools do', () => {
    expect(gradePointText('3.5', 'zh')).toBe('3.5');
    expect(gradePointText('4.55', 'zh')).toBe('4.55');
    expect(gradePointText('1', 'zh')).toBe('1.0');
    expect(gradePointText('3.271875', 'en')).toBe('3.27');
    expect(gradePointText(null, 'zh')).toBe('—');
    expect(gradeText({ kind: '正考', score: null, absent: true, void: false }, 'en')).toBe('Absent');
    expect(gradeText({ kind: '正考', score: 78, absent: false, void: true }, 'zh')).toBe('作弊');
    expect(gradeText({ kind: '正考', score: '不合格', absent: false, void: false }, 'en')).toBe('F');
    expect(nameInLatin('张三丰')).toBe('ZHANG Sanfeng');
    expect(nameInLatin('欧阳娜娜')).toBe('OUYANG Nana');
    expect(nameInLatin('吕女')).toBe('LYU Nyu');
    expect(nameInLatin('单田芳')).toBe('SHAN Tianfang');
    expect(termLabel('2026-2027-2', 'zh')).toBe('2026—2027学年 第二学期');
  });

  it('takes A4 and a 16K page, refuses a page the columns cannot fit', () => {
    expect(pageSizeProblem({ widthMm: 195, heightMm: 270 })).toBeNull();
    expect(pageSizeProblem({ widthMm: 210, heightMm: 297 })).toBeNull();
    expect(pageSizeProblem({ widthMm: 148, heightMm: 210 })).toContain('纸张宽度');
    expect(pageSizeProblem({ widthMm: 297, heightMm: 240 })).toContain('纵向');
  });

  it('its own words are all in the serif font (the data is checked per run)', () => {
    const words = ([...Object.values(WORDS.zh), ...Object.values(WORDS.en)] as unknown[]).filter((w): w is string => typeof w === 'string');
    const texts = [...words, gradingNote(DEFAULT_GPA_METHOD, 'zh'), gradingNote(DEFAULT_GPA_METHOD, 'en'), '（）：—–×÷Σ²'];
    expect(missingGlyphs(texts.map((text) => ({ subject: '模板', field: '文字', text })), 'serif')).toEqual([]);
  });
});
