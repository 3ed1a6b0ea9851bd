import { describe, expect, it } from 'vitest';
import type { CellValue } from '../../../shared/domain/import/cells';
import { IMPORT_ERROR_CODES, type ImportIssue } from '../../../shared/domain/import/errors';
import { findDuplicatesInFile, validateImportRow } from '../../../shared/domain/import/validate-row';
import { FIELD_BY_KEY, type StudentFieldKey } from '../../../shared/domain/student-fields';
import { AS_OF, ID_F, ID_M } from './helpers';

/** Headers as they appear in the test file. */
const HEADERS: Partial<Record<StudentFieldKey, string>> = {
  studentNo: '*学号',
  name: '姓名（必填）',
  gender: '性别',
  birthDate: '出生年月',
  idNumber: '身份证号码',
  phone: '手机号码',
  email: '邮箱',
};
const headerOf = (f: StudentFieldKey): string => HEADERS[f] ?? FIELD_BY_KEY[f].label;
const ctx = { row: 5, headerOf, asOf: AS_OF };

type Cells = Partial<Record<StudentFieldKey, CellValue>>;
const base: Cells = { studentNo: '2025010101', name: '张三', gender: '男', birthDate: '2005-09-01', idNumber: ID_M };

function codes(issues: ImportIssue[]): string[] {
  return issues.map((i) => i.code);
}

describe('validateImportRow', () => {
  it('normalises a complete, consistent row without issues', () => {
    const r = validateImportRow(
      {
        ...base,
        name: '张\u3000三',
        examNo: 25110105150001,
        ethnicityCode: '汉',
        politicalStatusCode: '团员',
        phone: '138 1234 5678',
        guardianPhone: '+86 139-1234-5678',
        email: 'ZS@QQ.COM',
        enrolmentDate: new Date(Date.UTC(2025, 8, 1)),
        expectedGraduationDate: '2028年6月',
        status: '在籍',
        cohortYear: '2025级',
        majorName: '软件技术',
        className: { richText: [{ text: '软件' }, { text: '2501' }] },
        homeAddress: '北京市朝阳区（望京）',
        notes: null,
      },
      ctx,
    );
    expect(r.issues).toEqual([]);
    expect(r.values).toEqual({
      studentNo: '2025010101',
      examNo: '25110105150001',
      name: '张三',
      gender: '1',
      birthDate: '2005-09-01',
      idNumber: ID_M,
      ethnicityCode: '01',
      politicalStatusCode: '03',
      phone: '13812345678',
      guardianPhone: '13912345678',
      email: 'ZS@qq.com',
      enrolmentDate: '2025-09-01',
      expectedGraduationDate: '2028-06-01',
      status: 'enrolled',
      cohortYear: 2025,
      majorName: '软件技术',
      className: '软件2501',
      homeAddress: '北京市朝阳区(望京)',
    });
  });

  it('reports REQUIRED for empty required cells and for absent required columns (an empty 学号 is allowed: 待编学号)', () => {
    const r = validateImportRow({ studentNo: ' ', name: null, idNumber: ID_M }, ctx);
    expect(r.issues).toEqual([
      { row: 5, column: '姓名（必填）', field: 'name', code: 'REQUIRED', severity: 'error', message: '第 5 行“姓名（必填）”为空，该项必须填写' },
    ]);
    const absent = validateImportRow({ studentNo: '1', idNumber: ID_M }, ctx);
    expect(absent.issues.map((i) => i.message)).toEqual(['第 5 行缺少“姓名（必填）”：文件中没有该列，该项必须填写']);
  });

  it('fills 出生日期 and 性别 from the ID when the columns are absent or empty', () => {
    const absent = validateImportRow({ studentNo: '1', name: '李四', idNumber: ID_F }, ctx);
    expect(absent.issues).toEqual([]);
    expect(absent.values).toMatchObject({ birthDate: '2006-02-28', gender: '2' });
    const empty = validateImportRow({ ...base, idNumber: ID_F, birthDate: null, gender: '' }, ctx);
    expect(empty.issues).toEqual([]);
    expect(empty.values).toMatchObject({ birthDate: '2006-02-28', gender: '2' });
  });

  it('reports BIRTH_MISMATCH naming the row, the header and both dates', () => {
    const r = validateImportRow({ ...base, birthDate: '2005-09-02' }, ctx);
    expect(r.issues).toEqual([
      {
        row: 5,
        column: '出生年月',
        field: 'birthDate',
        code: 'BIRTH_MISMATCH',
        severity: 'error',
        message: '第 5 行“出生年月”为 2005-09-02，与身份证号中的出生日期 2005-09-01 不一致',
      },
    ]);
  });

  it('compares month-precision birth dates by month and takes the day from the ID', () => {
    const same = validateImportRow({ ...base, idNumber: ID_F, gender: '女', birthDate: '2006.02' }, ctx);
    expect(same.issues).toEqual([]);
    expect(same.values.birthDate).toBe('2006-02-28');
    const other = validateImportRow({ ...base, idNumber: ID_F, gender: '女', birthDate: '2006年3月' }, ctx);
    expect(other.issues.map((i) => i.message)).toEqual(['第 5 行“出生年月”为 2006-03，与身份证号中的出生日期 2006-02-28 不一致']);
  });

  it('accepts Excel dates and serials in the birth-date column', () => {
    expect(validateImportRow({ ...base, birthDate: new Date(Date.UTC(2005, 8, 1)) }, ctx).issues).toEqual([]);
    expect(validateImportRow({ ...base, birthDate: 38596 }, ctx).issues).toEqual([]);
    expect(codes(validateImportRow({ ...base, birthDate: 38597 }, ctx).issues)).toEqual(['BIRTH_MISMATCH']);
  });

  it('reports GENDER_MISMATCH against the parity of the 17th digit', () => {
    const r = validateImportRow({ ...base, gender: '女' }, ctx);
    expect(r.issues).toEqual([
      {
        row: 5,
        column: '性别',
        field: 'gender',
        code: 'GENDER_MISMATCH',
        severity: 'error',
        message: '第 5 行“性别”为 女，与身份证号第 17 位（奇数为男、偶数为女）对应的性别 男 不一致',
      },
    ]);
  });

  it('prefixes normaliser reasons with the row and the header', () => {
    const r = validateImportRow({ ...base, birthDate: '2005-02-30', phone: '12345', email: 'zs@' }, ctx);
    expect(r.issues.map((i) => [i.code, i.column])).toEqual([
      ['DATE_INVALID', '出生年月'],
      ['PHONE_FORMAT', '手机号码'],
      ['EMAIL_FORMAT', '邮箱'],
    ]);
    expect(r.issues[0]!.message).toBe('第 5 行“出生年月”：“2005-02-30”不是有效日期：2005 年 2 月只有 28 天');
    expect(r.values.birthDate).toBeUndefined();
  });

  it('does not fill or require 出生日期/性别 from an invalid ID, and does not double-report', () => {
    const r = validateImportRow({ studentNo: '1', name: '张三', idNumber: 110105200509011230 }, ctx);
    expect(codes(r.issues)).toEqual(['ID_AS_NUMBER']);
    expect(r.issues[0]!.message).toMatch(/^第 5 行“身份证号码”：身份证号“1\.10105E\+17”被 Excel 当作数字保存.*文本/);
    expect(r.values).toEqual({ studentNo: '1', name: '张三' });
  });

  it('requires 出生日期/性别 when there is no ID at all', () => {
    const r = validateImportRow({ studentNo: '1', name: '张三', idNumber: null, gender: null }, ctx);
    expect(codes(r.issues)).toEqual(['REQUIRED', 'REQUIRED', 'REQUIRED']);
    expect(r.issues.map((i) => i.field)).toEqual(['gender', 'birthDate', 'idNumber']);
  });

  it('reports each code-table failure on its field', () => {
    const r = validateImportRow(
      { ...base, ethnicityCode: '穿青人', politicalStatusCode: '少先队员', status: '请假', cohortYear: '25级', gender: '未知' },
      ctx,
    );
    expect(codes(r.issues)).toEqual(['GENDER_UNKNOWN', 'ETHNICITY_UNKNOWN', 'POLITICAL_UNKNOWN', 'STATUS_UNKNOWN', 'NUMBER_FORMAT']);
    expect(r.issues[1]!.message).toMatch(/^第 5 行“民族”：无法识别民族“穿青人”/);
    expect(r.values.gender).toBeUndefined();
  });

  it('reports ID errors with their codes and still validates the rest', () => {
    const r = validateImportRow({ ...base, idNumber: '110105194912310021', phone: 'abc' }, ctx);
    expect(codes(r.issues)).toEqual(['ID_CHECKSUM', 'PHONE_FORMAT']);
    expect(r.values.gender).toBe('1');
    expect(r.values.birthDate).toBe('2005-09-01');
  });

  it('converts a 15-digit ID with a warning and checks it against the other columns', () => {
    const r = validateImportRow({ studentNo: '1', name: '王五', idNumber: '110105491231002', birthDate: '1949-12-31' }, ctx);
    expect(r.issues).toEqual([
      {
        row: 5,
        column: '身份证号码',
        field: 'idNumber',
        code: 'ID_LEGACY_CONVERTED',
        severity: 'warning',
        message: '第 5 行“身份证号码”：已将 15 位身份证号 110105491231002 转换为 18 位 11010519491231002X',
      },
    ]);
    expect(r.values).toMatchObject({ idNumber: '11010519491231002X', gender: '2', birthDate: '1949-12-31' });
  });

  it('reports CELL_ERROR for formula errors', () => {
    const r = validateImportRow({ ...base, className: { formula: 'VLOOKUP(A5,班级!A:B,2,0)', result: { error: '#N/A' } } }, ctx);
    expect(r.issues).toMatchObject([{ field: 'className', code: 'CELL_ERROR', column: '班级' }]);
  });
});

describe('findDuplicatesInFile', () => {
  it('flags every row of a duplicate group, naming the others; IDs are masked', () => {
    const issues = findDuplicatesInFile(
      [
        { row: 3, idNumber: '11010519491231002X', studentNo: '2025001' },
        { row: 4, idNumber: ID_M, studentNo: '2025002' },
        { row: 7, idNumber: '11010519491231002x', studentNo: '2025003' },
        { row: 9, idNumber: ' 110105 19491231 002X', studentNo: '２０２５００２' },
        { row: 10, studentNo: '' },
        { row: 11 },
      ],
      headerOf,
    );
    expect(issues.map((i) => [i.row, i.field, i.message])).toEqual([
      [3, 'idNumber', '第 3 行“身份证号码”（110105********002X）与第 7、9 行身份证号重复'],
      [4, 'studentNo', '第 4 行“*学号”（2025002）与第 9 行学号重复'],
      [7, 'idNumber', '第 7 行“身份证号码”（110105********002X）与第 3、9 行身份证号重复'],
      [9, 'idNumber', '第 9 行“身份证号码”（110105********002X）与第 3、7 行身份证号重复'],
      [9, 'studentNo', '第 9 行“*学号”（2025002）与第 4 行学号重复'],
    ]);
    expect(issues.every((i) => i.code === 'DUPLICATE_IN_FILE' && i.severity === 'error')).toBe(true);
    expect(issues[1]!.column).toBe('*学号');
  });

  it('says "与第 3 行身份证号重复" for a pair', () => {
    const [, second] = findDuplicatesInFile([{ row: 3, idNumber: ID_M }, { row: 8, idNumber: ID_M }], headerOf);
    expect(second?.message).toContain('与第 3 行身份证号重复');
  });

  it('returns nothing without duplicates', () => {
    expect(findDuplicatesInFile([{ row: 2, idNumber: ID_M, studentNo: '1' }, { row: 3, idNumber: ID_F, studentNo: '2' }], headerOf)).toEqual([]);
  });
});

describe('IMPORT_ERROR_CODES', () => {
  it('contains the contract codes, each with a Chinese description', () => {
    const required = [
      'REQUIRED', 'DATE_FORMAT', 'DATE_INVALID', 'GENDER_UNKNOWN', 'ETHNICITY_UNKNOWN', 'POLITICAL_UNKNOWN', 'STATUS_UNKNOWN',
      'PHONE_FORMAT', 'EMAIL_FORMAT', 'ID_AS_NUMBER', 'ID_FORMAT', 'ID_REGION', 'ID_BIRTH_INVALID', 'ID_BIRTH_FUTURE',
      'ID_CHECKSUM', 'BIRTH_MISMATCH', 'GENDER_MISMATCH', 'DUPLICATE_IN_FILE', 'DUPLICATE_IN_DB', 'UNKNOWN_CLASS',
      'UNKNOWN_MAJOR', 'KEY_FIELD_LOCKED',
    ];
    for (const c of required) expect(IMPORT_ERROR_CODES).toHaveProperty(c);
    for (const d of Object.values(IMPORT_ERROR_CODES)) expect(d).toMatch(/[\u4e00-\u9fff]/);
  });
});

describe('errors helpers', () => {
  it('isImportErrorCode / makeIssue', async () => {
    const { isImportErrorCode, makeIssue } = await import('../../../shared/domain/import/errors');
    expect(isImportErrorCode('ID_AS_NUMBER')).toBe(true);
    expect(isImportErrorCode('toString')).toBe(false);
    expect(makeIssue({ row: 2, column: '班级', field: 'className', code: 'UNKNOWN_CLASS' })).toEqual({
      row: 2,
      column: '班级',
      field: 'className',
      code: 'UNKNOWN_CLASS',
      severity: 'error',
      message: '第 2 行“班级”：系统中没有该班级',
    });
  });
});
