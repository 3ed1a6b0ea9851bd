import { describe, expect, it } from 'vitest';
import {
  cellNumber,
  cellText,
  isEmptyCell,
  isErrorCell,
  isNumericCell,
  numberToPlainString,
  type CellValue,
} from '../../../shared/domain/import/cells';

describe('cellText', () => {
  it('returns strings unchanged (no trimming) and empty for null/undefined', () => {
    expect(cellText(' 张三 ')).toBe(' 张三 ');
    expect(cellText(null)).toBe('');
    expect(cellText(undefined)).toBe('');
  });

  it('prints numbers without scientific notation', () => {
    expect(cellText(20050901)).toBe('20050901');
    expect(cellText(38596)).toBe('38596');
    expect(cellText(3.5)).toBe('3.5');
    expect(cellText(13812345678)).toBe('13812345678');
    expect(cellText(1e21)).toBe('1000000000000000000000');
    expect(cellText(1.5e-7)).toBe('0.00000015');
    expect(cellText(-0)).toBe('0');
  });

  it('joins rich-text runs', () => {
    const v: CellValue = { richText: [{ text: '身份证' }, { text: '号码' }] };
    expect(cellText(v)).toBe('身份证号码');
  });

  it('uses the cached formula result (including shared formulas), empty when not calculated', () => {
    expect(cellText({ formula: 'A1&B1', result: '张三' })).toBe('张三');
    expect(cellText({ formula: 'A1*1', result: 20050901 })).toBe('20050901');
    expect(cellText({ sharedFormula: 'A2', result: '男' } as unknown as CellValue)).toBe('男');
    expect(cellText({ formula: 'A1' })).toBe('');
  });

  it('uses the text of hyperlinks, even rich text', () => {
    expect(cellText({ text: 'a@b.com', hyperlink: 'mailto:a@b.com' })).toBe('a@b.com');
    expect(cellText({ text: { richText: [{ text: 'x@y.cn' }] }, hyperlink: 'mailto:x@y.cn' } as unknown as CellValue)).toBe('x@y.cn');
  });

  it('shows error values literally', () => {
    expect(cellText({ error: '#N/A' })).toBe('#N/A');
    expect(cellText({ formula: 'VLOOKUP()', result: { error: '#REF!' } })).toBe('#REF!');
  });

  it('prints dates as their UTC calendar date, with a time only when there is one', () => {
    expect(cellText(new Date(Date.UTC(2005, 8, 1)))).toBe('2005-09-01');
    expect(cellText(new Date(Date.UTC(2005, 8, 1, 8, 30)))).toBe('2005-09-01 08:30:00');
  });

  it('prints booleans as Excel does', () => {
    expect(cellText(true)).toBe('TRUE');
    expect(cellText(false)).toBe('FALSE');
  });
});

describe('isNumericCell / cellNumber / isErrorCell / isEmptyCell', () => {
  it('tracks whether the original value was a number', () => {
    expect(isNumericCell(20050901)).toBe(true);
    expect(isNumericCell('20050901')).toBe(false);
    expect(isNumericCell({ formula: 'A1', result: 5 })).toBe(true);
    expect(isNumericCell(null)).toBe(false);
    expect(cellNumber({ formula: 'A1', result: 5 })).toBe(5);
    expect(cellNumber('5')).toBeNull();
  });

  it('recognises error values, also as formula results', () => {
    expect(isErrorCell({ error: '#DIV/0!' })).toBe(true);
    expect(isErrorCell({ formula: 'X', result: { error: '#N/A' } })).toBe(true);
    expect(isErrorCell('#N/A')).toBe(false);
  });

  it('treats whitespace-only cells as empty', () => {
    expect(isEmptyCell('  \u3000 ')).toBe(true);
    expect(isEmptyCell({ richText: [] })).toBe(true);
    expect(isEmptyCell(0)).toBe(false);
  });
});

describe('numberToPlainString', () => {
  it('expands exponents both ways', () => {
    expect(numberToPlainString(1.23e25)).toBe('12300000000000000000000000');
    expect(numberToPlainString(-4.5e-8)).toBe('-0.000000045');
    expect(numberToPlainString(Infinity)).toBe('Infinity');
  });
});
