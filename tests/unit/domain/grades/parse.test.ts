import { describe, expect, it } from 'vitest';
import { computeGpa, formatGpa, parseAttemptCells, parseAttemptKindCell, parseGradeCell } from '../../../../shared/domain/grades';
import { course } from './fixtures';

const score = (cell: unknown) => {
  const r = parseGradeCell(cell);
  if (!r.ok) throw new Error(r.problem);
  return r.value;
};
const problem = (cell: unknown) => {
  const r = parseGradeCell(cell);
  return r.ok ? null : r.problem;
};

describe('成绩 cell', () => {
  it.each([
    [85, 85],
    ['85', 85],
    ['85.5', 85.5],
    [85.5, 85.5],
    ['８５', 85], // full-width digits typed with a Chinese IME
    [' 85 ', 85],
    ['\u300090\u3000', 90],
    ['0', 0],
    [100, 100],
    ['100.0', 100],
    ['60.25', 60.25],
  ])('%j → score %s', (cell, n) => expect(score(cell)).toEqual({ score: n, absent: false, void: false, exempt: false }));

  it('reads the words the exports use', () => {
    expect(score('缺考')).toEqual({ score: null, absent: true, void: false, exempt: false });
    expect(score('作弊')).toEqual({ score: null, absent: false, void: true, exempt: false });
    expect(score('免修')).toEqual({ score: null, absent: false, void: false, exempt: true });
    for (const g of ['优秀', '良好', '中等', '及格', '不及格', '合格', '不合格']) expect(score(g).score).toBe(g);
    expect(score(' 优秀 ').score).toBe('优秀');
    expect(score('通过').score).toBe('合格');
    expect(score('未通过').score).toBe('不合格');
  });

  it.each([105, '105', -1, '-5', 100.5])('%j → out of range', (cell) => {
    expect(problem(cell)).toContain('成绩应在 0–100 之间');
    expect(problem(cell)).toContain(String(cell));
  });

  it('names what it could not read', () => {
    expect(problem('abc')).toBe('无法识别的成绩“abc”');
    expect(problem('85分')).toBe('无法识别的成绩“85分”');
    expect(problem('A')).toBe('无法识别的成绩“A”');
    expect(problem('.5')).toBe('无法识别的成绩“.5”');
    expect(problem(Number.NaN)).toBe('无法识别的成绩');
    expect(problem(true)).toBe('无法识别的成绩');
    expect(problem(new Date())).toBe('无法识别的成绩');
  });

  it('an empty cell, and 缓考 in the 成绩 column (nothing sat yet), are problems of their own', () => {
    for (const cell of ['', '   ', null, undefined]) expect(problem(cell)).toBe('成绩为空');
    expect(problem('缓考')).toContain('尚未考试');
  });

  it('more than two decimals means a float leaked from a formula: refused', () => {
    expect(problem(85.123)).toContain('最多保留两位小数');
    expect(problem(59.49999999999999)).toContain('最多保留两位小数');
    expect(problem('85.125')).toContain('最多保留两位小数');
  });
});

describe('考试性质 cell', () => {
  it.each([
    ['正考', '正考'],
    ['正常考试', '正考'],
    ['补考', '补考'],
    ['重修', '重修'],
    ['缓考', '缓考'],
    ['免修', '免修'],
    [' 补考 ', '补考'],
  ])('%s → %s', (cell, kind) => expect(parseAttemptKindCell(cell)).toEqual({ ok: true, value: kind }));

  it('refuses anything else in Chinese', () => {
    expect(parseAttemptKindCell('')).toEqual({ ok: false, problem: '考试性质为空' });
    expect(parseAttemptKindCell(null)).toEqual({ ok: false, problem: '考试性质为空' });
    const r = parseAttemptKindCell('清考');
    expect(r.ok).toBe(false);
    expect(!r.ok && r.problem).toContain('无法识别的考试性质“清考”');
    expect(parseAttemptKindCell(1)).toEqual({ ok: false, problem: '无法识别的考试性质' });
  });
});

describe('one row: 成绩 + 考试性质', () => {
  it('makes an attempt', () => {
    expect(parseAttemptCells('72', '补考', '2024-2025-2')).toEqual({
      ok: true,
      value: { kind: '补考', score: 72, absent: false, void: false, term: '2024-2025-2' },
    });
    expect(parseAttemptCells('缺考', '正常考试', 't')).toMatchObject({ ok: true, value: { kind: '正考', absent: true, score: null } });
  });

  it('免修 in either cell makes a 免修; a 免修 row may leave 成绩 empty or give a score', () => {
    expect(parseAttemptCells('免修', '正考', 't')).toMatchObject({ ok: true, value: { kind: '免修', score: null } });
    expect(parseAttemptCells('', '免修', 't')).toMatchObject({ ok: true, value: { kind: '免修', score: null } });
    expect(parseAttemptCells(88, '免修', 't')).toMatchObject({ ok: true, value: { kind: '免修', score: 88 } });
  });

  it('names the cell of each problem', () => {
    expect(parseAttemptCells('105', '正考', 't')).toEqual({ ok: false, problems: [{ cell: 'grade', problem: '成绩应在 0–100 之间（读到 105）' }] });
    expect(parseAttemptCells('abc', '期中', 't')).toMatchObject({ ok: false, problems: [{ cell: 'grade' }, { cell: 'kind' }] });
    expect(parseAttemptCells('免修', '补考', 't')).toEqual({ ok: false, problems: [{ cell: 'grade', problem: '补考记录的成绩不能是“免修”' }] });
    expect(parseAttemptCells('缺考', '免修', 't')).toEqual({ ok: false, problems: [{ cell: 'grade', problem: '免修记录的成绩不能是“缺考”' }] });
  });

  it('rows read from an export give the hand-computed GPA', () => {
    // 高数 4 cr: 正常考试 58, 补考 '61' → 1.0; 英语 2 cr 五级制 '优秀' → 95 → 4.5; 体育 1 cr 两级制 '合格' → out;
    // 思政 3 cr '作弊', then 重修 '８０' → 1.0. (4 × 1 + 2 × 4.5 + 3 × 1) / 9 = 16 / 9 = 1.78
    const row = (g: unknown, k: unknown, term = '2024-2025-1') => {
      const r = parseAttemptCells(g, k, term);
      if (!r.ok) throw new Error(JSON.stringify(r.problems));
      return r.value;
    };
    const r = computeGpa([
      { course: course('MA', 4), attempts: [row(58, '正常考试'), row('61', '补考', '2024-2025-2')] },
      { course: course('EN', 2, { scale: '五级制' }), attempts: [row('优秀', '正考')] },
      { course: course('PE', 1, { scale: '两级制' }), attempts: [row('合格', '正考')] },
      { course: course('PO', 3), attempts: [row('作弊', '正考'), row('８０', '重修', '2025-2026-1')] },
    ]);
    expect(r.creditPoints.toString()).toBe('16');
    expect(formatGpa(r.gpa)).toBe('1.78');
    expect(r.creditsEarned.toString()).toBe('10');
  });
});
