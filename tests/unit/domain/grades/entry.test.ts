import { describe, expect, it } from 'vitest';
import { cohortTerm, courseCode, creditTenths, creditText, readGradeEntry, scoreFromText, scoreToText, type GradeEntryCell } from '../../../../shared/domain/grades';

const T = '2026-2027-1';
const read = (cell: Partial<GradeEntryCell> & { score: string }, scale: '百分制' | '五级制' | '两级制' = '百分制') =>
  readGradeEntry({ kind: '正考', ...cell }, scale, T);
const problem = (cell: Partial<GradeEntryCell> & { score: string }, scale: '百分制' | '五级制' | '两级制' = '百分制') => {
  const r = read(cell, scale);
  return r.ok ? null : r.problem;
};

describe('a grid cell', () => {
  it('reads a score, a word and the marks', () => {
    expect(read({ score: '85.5' })).toEqual({ ok: true, value: { kind: '正考', score: 85.5, absent: false, void: false, term: T } });
    expect(read({ score: '', absent: true })).toEqual({ ok: true, value: { kind: '正考', score: null, absent: true, void: false, term: T } });
    expect(read({ score: '缺考' })).toMatchObject({ ok: true, value: { absent: true } });
    // 作弊 beside a score keeps the score the paper got, void all the same.
    expect(read({ score: '78', void: true })).toMatchObject({ ok: true, value: { score: 78, void: true } });
    expect(read({ score: '', void: true })).toMatchObject({ ok: true, value: { score: null, void: true } });
    expect(read({ kind: '免修', score: '' })).toMatchObject({ ok: true, value: { kind: '免修', score: null } });
    expect(read({ score: '免修' })).toMatchObject({ ok: true, value: { kind: '免修' } });
    expect(read({ kind: '补考', score: '61' })).toMatchObject({ ok: true, value: { kind: '补考', score: 61 } });
  });

  it('refuses what the parser refuses, in its words', () => {
    expect(problem({ score: '105' })).toBe('成绩应在 0–100 之间（读到 105）');
    expect(problem({ score: '' })).toBe('成绩为空');
    expect(problem({ score: '八十' })).toBe('无法识别的成绩“八十”');
    expect(problem({ kind: '补考', score: '免修' })).toBe('补考记录的成绩不能是“免修”');
  });

  it('refuses contradicting marks', () => {
    expect(problem({ score: '', absent: true, void: true })).toBe('缺考与作弊不能同时标记');
    expect(problem({ score: '缺考', void: true })).toBe('缺考与作弊不能同时标记');
    expect(problem({ score: '70', absent: true })).toBe('标记为缺考的记录不应有成绩');
    expect(problem({ kind: '免修', score: '', void: true })).toBe('免修记录的成绩不能是“作弊”');
    expect(problem({ score: '免修', void: true })).toBe('免修记录不能标记作弊');
  });

  it('takes only the grades of the course’s scale', () => {
    expect(problem({ score: '优秀' })).toBe('该课程为百分制，应填写 0–100 的分数（读到“优秀”）');
    expect(problem({ score: '85' }, '五级制')).toBe('该课程为五级制，应填写优秀、良好、中等、及格或不及格（读到“85”）');
    expect(problem({ score: '合格' }, '五级制')).toMatch(/五级制/);
    expect(problem({ score: '优秀' }, '两级制')).toBe('该课程为两级制，应填写合格或不合格（读到“优秀”）');
    expect(read({ score: '通过' }, '两级制')).toMatchObject({ ok: true, value: { score: '合格' } });
    expect(read({ score: '良好' }, '五级制')).toMatchObject({ ok: true, value: { score: '良好' } });
    expect(read({ score: '缺考' }, '两级制')).toMatchObject({ ok: true, value: { absent: true } });
  });

  it('stores a grade as text and reads it back the same', () => {
    for (const s of [85, 85.5, 60.25, 0, 100, '优秀', '不合格', null] as const) expect(scoreFromText(scoreToText(s))).toBe(s);
    expect(scoreToText(85.5)).toBe('85.5');
  });
});

describe('plan fields', () => {
  it('reads credits as tenths, exactly, and writes them back', () => {
    expect(creditTenths('2.5')).toBe(25);
    expect(creditTenths('2')).toBe(20);
    expect(creditTenths('0.5')).toBe(5);
    expect(creditTenths('１.５')).toBe(15);
    expect(creditTenths(' 3 ')).toBe(30);
    for (const bad of ['2.55', '-1', '', 'abc', '1.', '.5', '1e2', '1000']) expect(creditTenths(bad), bad).toBeNull();
    expect([25, 20, 5, 0, 105].map(creditText)).toEqual(['2.5', '2', '0.5', '0', '10.5']);
  });

  it('keeps course codes in one form', () => {
    expect(courseCode(' ｍａ１０１ ')).toBe('MA101');
    expect(courseCode('cs 2-01')).toBe('CS2-01');
  });

  it('places a plan term in the cohort’s school years', () => {
    expect(cohortTerm(2026, 1)).toBe('2026-2027-1');
    expect(cohortTerm(2026, 2)).toBe('2026-2027-2');
    expect(cohortTerm(2026, 3)).toBe('2027-2028-1');
    expect(cohortTerm(2026, 6)).toBe('2028-2029-2');
    expect(cohortTerm(2026, 10)).toBe('2030-2031-2');
  });
});
