import { describe, expect, it } from 'vitest';
import type { CellValue } from '../../../shared/domain/import/cells';
import { findHeaderRow, headerLookup, mapColumns, matchHeader, normaliseHeader } from '../../../shared/domain/import/header';
import { STUDENT_FIELDS } from '../../../shared/domain/student-fields';

const TITLE = '2025级新生名单';

/** A roster as an admissions office sends it: merged title, blank row, note row, header, data. */
const MESSY: CellValue[][] = [
  Array(15).fill(TITLE),
  [],
  ['注：身份证号码、手机号码列请设置为“文本”格式；带 * 的为必填项，出生年月可不填', null, null],
  [
    '序号', '*学号', '姓名（必填）', '性别', '出生年月', { richText: [{ text: '身份证' }, { text: '号码' }] },
    '民族', '政治面貌', '手机号码', '家庭住址', '班级', '专业名称', '家长姓名', '家长手机号', '备注',
  ],
  [1, '2025010101', '张三', '男', '2005.09', '110105200509011237', '汉族', '共青团员', '13812345678', '北京市朝阳区', '软件2501', '软件技术', '张大山', '13912345678', null],
  [2, '2025010102', '李四', '女', '2006年2月', '440305200602282467', '壮族', '群众', '13812345679', '深圳市南山区', '软件2501', '软件技术', '李大海', '13912345679', '转专业'],
];

describe('normaliseHeader', () => {
  it.each([
    ['身份证号码（必填）', '身份证号码'],
    ['身份证号码(必填)', '身份证号码'],
    ['姓名 (选填)', '姓名'],
    ['*学号', '学号'],
    ['学号*', '学号'],
    ['＊学号', '学号'],
    ['※姓名', '姓名'],
    [' 出 生 日 期 ', '出生日期'],
    ['出生日期\n(yyyy-mm-dd)', '出生日期'],
    ['出生日期【格式：2005-09-01（年-月-日）】', '出生日期'],
    ['性别:', '性别'],
    ['Ｅ－ｍａｉｌ', 'e-mail'],
    ['XH', 'xh'],
  ])('%s → %s', (input, expected) => {
    expect(normaliseHeader(input)).toBe(expected);
  });
});

describe('matchHeader', () => {
  it('matches every catalogue label and alias exactly', () => {
    for (const f of STUDENT_FIELDS) {
      expect(matchHeader(f.label)).toEqual({ key: f.key, exact: true });
      for (const a of f.aliases) expect(matchHeader(a)?.key).toBe(f.key);
    }
  });

  it.each([
    ['身份证号码', 'idNumber'], ['证件号码', 'idNumber'], ['公民身份号码', 'idNumber'], ['出生年月', 'birthDate'],
    ['手机号码', 'phone'], ['email', 'email'], ['E-MAIL', 'email'], ['sfzh', 'idNumber'], ['家长手机号', 'guardianPhone'],
    ['性别（男/女）', 'gender'], ['民族*', 'ethnicityCode'],
  ])('exact: %s → %s', (header, key) => {
    expect(matchHeader(header)).toEqual({ key, exact: true });
  });

  it('falls back to containment for the longest term', () => {
    expect(matchHeader('学生身份证号码')).toEqual({ key: 'idNumber', exact: false });
    expect(matchHeader('本人手机号码')).toEqual({ key: 'phone', exact: false });
    expect(matchHeader('现家庭住址')).toEqual({ key: 'homeAddress', exact: false });
  });

  it('does not guess for another person, prose, ties or unknown headers', () => {
    expect(matchHeader('父亲姓名')).toBeNull();
    expect(matchHeader('紧急联系人电话')).toBeNull();
    expect(matchHeader('注：身份证号码列请设置为文本格式，带*为必填项')).toBeNull();
    expect(matchHeader('姓名学号')).toBeNull();
    expect(matchHeader('序号')).toBeNull();
    expect(matchHeader('')).toBeNull();
    expect(matchHeader(TITLE)).toBeNull();
  });
});

describe('findHeaderRow', () => {
  it('skips a merged title, a blank row and a note row', () => {
    const found = findHeaderRow(MESSY);
    expect(found?.index).toBe(3);
    expect(found?.headers).toEqual([
      '序号', '*学号', '姓名（必填）', '性别', '出生年月', '身份证号码', '民族', '政治面貌', '手机号码',
      '家庭住址', '班级', '专业名称', '家长姓名', '家长手机号', '备注',
    ]);
  });

  it('finds a header in the first row', () => {
    expect(findHeaderRow([['学号', '姓名', '身份证号'], ['1', '张三', 'x']])?.index).toBe(0);
  });

  it('handles sparse rows and trims header text', () => {
    const sparse: CellValue[] = [];
    sparse[2] = ' 姓名 ';
    sparse[4] = '证件号码';
    const rows: CellValue[][] = [[TITLE], [], []];
    rows[5] = sparse;
    const found = findHeaderRow(rows);
    expect(found).toEqual({ index: 5, headers: ['', '', '姓名', '', '证件号码'] });
  });

  it('returns null when no row looks like a header', () => {
    expect(findHeaderRow([[TITLE], ['张三', '男', '汉族'], ['只有', '学号']])).toBeNull();
    expect(findHeaderRow([])).toBeNull();
  });

  it('only scans maxScan rows', () => {
    const rows: CellValue[][] = [...Array.from({ length: 25 }, () => [TITLE]), ['学号', '姓名']];
    expect(findHeaderRow(rows)).toBeNull();
    expect(findHeaderRow(rows, 30)?.index).toBe(25);
  });

  it('prefers the row with more matches over a sub-heading row', () => {
    const rows: CellValue[][] = [
      ['基本信息', '基本信息', '联系方式'],
      ['学号', '姓名', '性别', '身份证号', '联系电话'],
    ];
    expect(findHeaderRow(rows)?.index).toBe(1);
  });
});

describe('mapColumns', () => {
  it('maps the messy sheet, reporting unknown columns', () => {
    const headers = findHeaderRow(MESSY)!.headers;
    const r = mapColumns(headers);
    expect(r.mapping).toEqual({
      1: 'studentNo', 2: 'name', 3: 'gender', 4: 'birthDate', 5: 'idNumber', 6: 'ethnicityCode',
      7: 'politicalStatusCode', 8: 'phone', 9: 'homeAddress', 10: 'className', 11: 'majorName',
      12: 'guardianName', 13: 'guardianPhone', 14: 'notes',
    });
    expect(r.unmapped).toEqual([{ index: 0, header: '序号' }]);
    expect(r.missingRequired).toEqual([]);
    expect(r.guessed).toEqual([]);
  });

  it('keeps the first of two columns for one field and reports the other', () => {
    const r = mapColumns(['学号', '身份证号码', '姓名', '证件号码']);
    expect(r.mapping).toEqual({ 0: 'studentNo', 1: 'idNumber', 2: 'name' });
    expect(r.unmapped).toEqual([{ index: 3, header: '证件号码' }]);
  });

  it('lets an exact match win over an earlier containment match', () => {
    const r = mapColumns(['学生身份证号码', '身份证号']);
    expect(r.mapping).toEqual({ 1: 'idNumber' });
    expect(r.unmapped).toEqual([{ index: 0, header: '学生身份证号码' }]);
  });

  it('flags containment matches as guessed', () => {
    const r = mapColumns(['学号', '姓名', '学生身份证号码']);
    expect(r.mapping[2]).toBe('idNumber');
    expect(r.guessed).toEqual([2]);
  });

  it('lists missing required fields; 出生日期/性别 only when there is no ID column', () => {
    expect(mapColumns(['学号', '姓名', '身份证号']).missingRequired).toEqual([]);
    expect(mapColumns(['姓名', '出生日期']).missingRequired).toEqual(['gender', 'idNumber']);
    expect(mapColumns([]).missingRequired).toEqual(['name', 'gender', 'birthDate', 'idNumber']);
    // 学号 is not required: admissions rosters have none (学号编排 assigns it later).
    expect(mapColumns(['考生号', '姓名', '身份证号']).missingRequired).toEqual([]);
  });

  it('applies remembered mappings first (by exact or normalised text)', () => {
    const r = mapColumns(['学号', '姓名', '证件号', '联系方式', '电话', '宿舍楼'], {
      电话: 'guardianPhone',
      '宿舍楼 ': 'dormitory',
    });
    expect(r.mapping).toEqual({ 0: 'studentNo', 1: 'name', 2: 'idNumber', 3: 'phone', 4: 'guardianPhone', 5: 'dormitory' });
    expect(r.unmapped).toEqual([]);
  });

  it('lets a remembered mapping take a field from an earlier exact match', () => {
    const r = mapColumns(['手机号码', '本人电话'], { 本人电话: 'phone' });
    expect(r.mapping).toEqual({ 1: 'phone' });
    expect(r.unmapped).toEqual([{ index: 0, header: '手机号码' }]);
  });

  it('ignores remembered values that are not field keys, and blank headers', () => {
    const r = mapColumns(['籍贯', '', '  '], { 籍贯: 'nope' as never });
    expect(r.mapping).toEqual({ 0: 'nativePlace' });
    expect(r.unmapped).toEqual([]);
  });
});

describe('headerLookup', () => {
  it('returns the file header, or the label for absent columns', () => {
    const headers = ['*学号', '出生年月'];
    const of = headerLookup(headers, mapColumns(headers).mapping);
    expect(of('studentNo')).toBe('*学号');
    expect(of('birthDate')).toBe('出生年月');
    expect(of('idNumber')).toBe('身份证号');
  });
});
