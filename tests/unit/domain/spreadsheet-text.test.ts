import { describe, expect, it } from 'vitest';
import { escapeFormulaText, startsLikeFormula, unescapeFormulaText } from '../../../shared/domain/spreadsheet-text';

describe('text that a spreadsheet would read as a formula (OWASP CSV injection)', () => {
  it.each(['=1+1', '+86 138 1234 5678', '-5', '@SUM(A1)', '\t=1', '\r=1'])('%j starts like a formula and is written with a leading quote', (s) => {
    expect(startsLikeFormula(s)).toBe(true);
    expect(escapeFormulaText(s)).toBe(`'${s}`);
  });

  it.each(['张三', '13812345678', '北京市=朝阳区', '', "'=1", '＝1'])('%j is written as it is', (s) => {
    expect(startsLikeFormula(s)).toBe(false);
    expect(escapeFormulaText(s)).toBe(s);
  });

  it('reading back an escaped text gives the original; a quote before anything else stays', () => {
    for (const s of ['=1+1', '+86 138', '-5', '@x']) expect(unescapeFormulaText(escapeFormulaText(s))).toBe(s);
    expect(unescapeFormulaText("'abc")).toBe("'abc");
    expect(unescapeFormulaText('abc')).toBe('abc');
  });
});
