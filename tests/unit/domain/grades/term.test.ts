import { describe, expect, it } from 'vitest';
import { parseTermCells } from '../../../../shared/domain/grades';

const read = (t: unknown, y?: unknown) => {
  const r = parseTermCells(t, y);
  return r.ok ? r.value : `problem: ${r.problem}`;
};

describe('学年学期 cells of a grade export', () => {
  it.each([
    ['2025-2026-1', '2025-2026-1'],
    ['2025-2026-2', '2025-2026-2'],
    ['2025-2026学年第一学期', '2025-2026-1'],
    ['2025-2026学年第2学期', '2025-2026-2'],
    ['2025—2026学年 第二学期', '2025-2026-2'],
    ['２０２５－２０２６－１', '2025-2026-1'],
    ['2025-2026(1)', '2025-2026-1'],
    ['2025-2026（2）', '2025-2026-2'],
    ['2025~2026 秋', '2025-2026-1'],
    ['2025-2026春季学期', '2025-2026-2'],
  ])('%s → %s', (cell, term) => expect(read(cell)).toBe(term));

  it('a 学年 column beside a 学期 column', () => {
    expect(read('1', '2025-2026')).toBe('2025-2026-1');
    expect(read(2, '2025-2026学年')).toBe('2025-2026-2');
    expect(read('第二学期', '2025-2026')).toBe('2025-2026-2');
    expect(read('一', 2025)).toBe('2025-2026-1');
    // A whole term in the 学期 column wins over the 学年 column.
    expect(read('2026-2027-1', '2025-2026')).toBe('2026-2027-1');
  });

  it('both blank is no term (the caller takes the plan’s)', () => {
    expect(read(null)).toBeNull();
    expect(read('  ', '')).toBeNull();
  });

  it('refuses what cannot be placed, in Chinese', () => {
    expect(read('1')).toMatch(/^problem: 学期“1”没有学年/);
    expect(read('2025-2027-1')).toMatch(/^problem: 无法识别的学年学期“2025-2027-1”/);
    expect(read('2025-2026-3')).toMatch(/无法识别/);
    expect(read('第三学期', '2025-2026')).toMatch(/无法识别的学年学期“2025-2026 第三学期”/);
    expect(read('秋', '2025-2027')).toMatch(/无法识别/);
  });
});
