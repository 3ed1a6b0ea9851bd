import { describe, expect, it } from 'vitest';
import { normaliseText } from '../../../shared/domain/import/normalise';
import { validateImportRow } from '../../../shared/domain/import/validate-row';
import { FIELD_BY_KEY, type StudentFieldKey } from '../../../shared/domain/student-fields';
import { AS_OF, ID_M } from './helpers';

const headerOf = (f: StudentFieldKey): string => (f === 'notes' ? '备注说明' : FIELD_BY_KEY[f].label);
const ctx = { row: 5, headerOf, asOf: AS_OF };
const base = { studentNo: '2025010101', name: '张三', gender: '男', birthDate: '2005-09-01', idNumber: ID_M };

describe('import rows are held to the field rules of the form', () => {
  it('an over-long cell is an error naming row, column, limit and actual length, and its value is not kept', () => {
    const r = validateImportRow({ ...base, notes: 'x'.repeat(10_000_000), name: '张'.repeat(41) }, ctx);
    const errors = r.issues.filter((i) => i.severity === 'error');
    expect(errors.map((i) => [i.field, i.code, i.message])).toEqual([
      ['name', 'TEXT_TOO_LONG', '第 5 行“姓名”：不能超过 40 个字符，现有 41 个字符'],
      ['notes', 'TEXT_TOO_LONG', '第 5 行“备注说明”：不能超过 500 个字符，现有 10000000 个字符'],
    ]);
    expect(r.values.notes).toBeUndefined();
    expect(r.values.name).toBeUndefined();
  });

  it('a cell at the limit passes; length is counted after trimming, as the form does', () => {
    const r = validateImportRow({ ...base, notes: `  ${'备'.repeat(500)}  ` }, ctx);
    expect(r.issues).toEqual([]);
    expect(r.values.notes).toHaveLength(500);
  });

  it('a 学号 the form would refuse is refused the same way', () => {
    const r = validateImportRow({ ...base, studentNo: '2025/0101' }, ctx);
    expect(r.issues.map((i) => [i.code, i.message])).toEqual([['TEXT_FORMAT', '第 5 行“学号”：只能包含数字、字母和连字符']]);
  });
});

describe('text that begins like a formula', () => {
  it('is kept as it is, with a warning (not an error) naming the cell', () => {
    const r = validateImportRow({ ...base, notes: '=HYPERLINK("http://x","点我")', dormitory: '-3号楼' }, ctx);
    expect(r.values.notes).toBe('=HYPERLINK("http://x","点我")');
    expect(r.values.dormitory).toBe('-3号楼');
    expect(r.issues.map((i) => [i.field, i.code, i.severity])).toEqual([
      ['dormitory', 'FORMULA_LIKE_TEXT', 'warning'],
      ['notes', 'FORMULA_LIKE_TEXT', 'warning'],
    ]);
    expect(r.issues[1]!.message).toMatch(/^第 5 行“备注说明”：以“=”开头/);
  });

  it('a phone written +86 is stored as digits and warns of nothing', () => {
    const r = validateImportRow({ ...base, phone: '+86 138 1234 5678' }, ctx);
    expect(r.values.phone).toBe('13812345678');
    expect(r.issues).toEqual([]);
  });

  it("the app's own escaped export reads back as the original text", () => {
    expect(normaliseText("'=1+1")).toEqual({ ok: true, value: '=1+1' });
    expect(normaliseText("'abc")).toEqual({ ok: true, value: "'abc" });
  });
});
