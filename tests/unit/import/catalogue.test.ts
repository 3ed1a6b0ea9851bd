import { describe, expect, it } from 'vitest';
import { findHeaderRow, headerLookup, mapColumns, matchHeader, missingRequired, type ImportCatalogue } from '../../../shared/domain/import';

/** A grade sheet as the 教务系统 exports it: the next import the pipeline will read. */
const GRADES: ImportCatalogue<'studentNo' | 'courseCode' | 'score' | 'attempt' | 'idNumber'> = {
  subject: '成绩',
  fields: [
    { key: 'studentNo', label: '学号', aliases: ['学生学号'], required: true, width: 14 },
    { key: 'idNumber', label: '身份证号', aliases: ['证件号码'], width: 21 },
    { key: 'courseCode', label: '课程代码', aliases: ['课程编号', '课程号'], required: true, width: 12 },
    { key: 'score', label: '成绩', aliases: ['总评成绩', '最终成绩'], required: true, width: 8 },
    { key: 'attempt', label: '考试性质', aliases: ['考核性质'], width: 10 },
  ],
  headerExamples: ['学号', '课程代码', '成绩'],
};

describe('the header machinery over any import catalogue', () => {
  it('finds the header row and maps a grade sheet by its own catalogue, not the roster’s', () => {
    const rows = [['2025-2026 学年第一学期 成绩单'], [], ['序号', '学生学号', '姓名', '课程编号', '总评成绩', '考试性质']];
    const found = findHeaderRow(rows, 20, GRADES);
    expect(found?.index).toBe(2);
    const m = mapColumns(found!.headers, {}, GRADES);
    expect(m.mapping).toEqual({ 1: 'studentNo', 3: 'courseCode', 4: 'score', 5: 'attempt' });
    // 姓名 is a roster field, not a grade field.
    expect(m.unmapped.map((u) => u.header)).toEqual(['序号', '姓名']);
    expect(m.missingRequired).toEqual([]);
    expect(headerLookup(found!.headers, m.mapping, GRADES)('idNumber')).toBe('身份证号');
  });

  it('matches by containment within the catalogue, and lists what is missing', () => {
    expect(matchHeader('本学期课程代码', GRADES)).toEqual({ key: 'courseCode', exact: false });
    expect(matchHeader('姓名', GRADES)).toBeNull();
    expect(missingRequired(GRADES, ['studentNo'])).toEqual(['courseCode', 'score']);
  });
});
